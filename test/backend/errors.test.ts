// Every way an LMS call can fail, as RestBackend reports it: a typed error with a sentence an admin can act on.
import { expect } from '@open-wc/testing';
import { DEMO } from '../../demo/mocks/data.js';
import { ContractError, NoAccessError, NotFoundError, RejectedError, UnavailableError } from '../../src/backend/errors.js';
import { eventually } from '../session/helpers.js';
import { CLASSROOM, backend, callsOf, classroomRecords, demoLms } from './demo-lms.js';

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the call to fail');
}

describe('RestBackend × demo LMS: errors', () => {
  it('401 → NoAccessError asking the admin to sign in again', async () => {
    const lms = await demoLms();
    lms.inject('getPermissions', { kind: 'status', status: 401 });
    const error = await failure(backend().getPermissions());
    expect(error).to.be.instanceOf(NoAccessError);
    expect(error).to.include({ status: 401, operation: 'getPermissions', retryable: false });
    expect(error.message).to.equal('You are not signed in to the LMS, or your session has ended. Sign in again, then reload this page.');
  });

  it('403 → NoAccessError with the LMS\'s own explanation', async () => {
    const lms = await demoLms();
    lms.applyPresets('forbidden');
    const error = await failure(backend().getPermissions());
    expect(error).to.be.instanceOf(NoAccessError);
    expect(error.message).to.equal('Your account has no role that may upload offline records.');
    expect(callsOf(lms, 'getPermissions')).to.equal(1);
  });

  it('404 → NotFoundError for an activity that does not exist', async () => {
    await demoLms();
    const error = await failure(backend().getActivity('act-does-not-exist'));
    expect(error).to.be.instanceOf(NotFoundError);
    expect(error.message).to.contain('no offline activity act-does-not-exist');
  });

  it('409 on an outdated template → RejectedError telling to download the template again', async () => {
    await demoLms();
    const error = await failure(backend().stageUpload({ ...CLASSROOM, templateVersion: 'classroom-1', totalRecords: 2 }));
    expect(error).to.be.instanceOf(RejectedError);
    expect(error).to.include({ status: 409 });
    expect(error.message).to.contain('Download the template again');
    expect((error as RejectedError).issues).to.deep.equal([]);
  });

  it('422 on too many records → RejectedError; nothing is staged', async () => {
    const lms = await demoLms();
    const error = await failure(backend().stageUpload({ ...CLASSROOM, totalRecords: 20_000 }));
    expect(error).to.be.instanceOf(RejectedError);
    expect(error.message).to.contain('at most 10,000 records');
    expect(lms.lms.pendingUploads()).to.deep.equal([]);
  });

  it('429 with a Retry-After longer than the cap → UnavailableError at once, saying when to try', async () => {
    const lms = await demoLms();
    lms.inject('listCategories', { kind: 'status', status: 429, retryAfter: '120' });
    const started = performance.now();
    const error = await failure(backend().listCategories());
    expect(performance.now() - started).to.be.below(1000);
    expect(error).to.be.instanceOf(UnavailableError);
    expect(error).to.include({ status: 429, retryAfter: 120, retryable: true });
    expect(error.message).to.equal('The LMS is busy right now. Try again in 2 minutes.');
    expect(callsOf(lms, 'listCategories')).to.equal(1);
  });

  it('500 on every attempt → UnavailableError after the configured attempts', async () => {
    const lms = await demoLms();
    lms.inject('listDomains', { kind: 'status', status: 500 });
    const error = await failure(backend().listDomains());
    expect(error).to.be.instanceOf(UnavailableError);
    expect(error.message).to.match(/^The LMS could not answer GET \/domains \(HTTP 500 Internal server error\)\. Try again/);
    expect(callsOf(lms, 'listDomains')).to.equal(3);
  });

  it('a call that never answers → UnavailableError "timed out after N s"', async () => {
    const lms = await demoLms();
    lms.inject('searchActivities', { kind: 'hang' });
    const started = performance.now();
    const error = await failure(backend({ timeoutMs: 200, retries: { attempts: 1 } }).searchActivities({ text: 'fire' }));
    expect(performance.now() - started).to.be.below(1500);
    expect(error).to.be.instanceOf(UnavailableError);
    expect(error.message).to.contain('GET /activities timed out after 0.2 s');
  });

  it('abort before the call → AbortError, and nothing reaches the LMS', async () => {
    const lms = await demoLms();
    const controller = new AbortController();
    controller.abort();
    const error = await failure(backend().listCategories({ signal: controller.signal }));
    expect(error).to.be.instanceOf(DOMException);
    expect(error.name).to.equal('AbortError');
    expect(callsOf(lms, 'listCategories')).to.equal(0);
  });

  it('abort while waiting for the LMS → AbortError at once (not a timeout, not retried)', async () => {
    const lms = await demoLms();
    lms.inject('getTemplateSpec', { kind: 'hang' });
    const controller = new AbortController();
    const call = failure(
      backend({ timeoutMs: 5000 }).getTemplateSpec({ activityId: CLASSROOM.activityId, domainId: CLASSROOM.domainId, identifierKind: 'email' }, { signal: controller.signal }),
    );
    await eventually(() => callsOf(lms, 'getTemplateSpec') === 1);
    const started = performance.now();
    controller.abort(new Error('the admin changed the activity'));
    const error = await call;
    expect(performance.now() - started).to.be.below(1000);
    expect(error.name).to.equal('AbortError');
    expect(error).to.be.instanceOf(DOMException);
    expect(callsOf(lms, 'getTemplateSpec')).to.equal(1);
  });

  it('abort during the back-off before a retry → AbortError at once, no further attempt', async () => {
    const lms = await demoLms();
    lms.inject('listCategories', { kind: 'status', status: 503 });
    const controller = new AbortController();
    let answered = 0;
    const rest = backend({
      // The first back-off lasts 2–4 s: the abort below surely lands in it.
      retries: { attempts: 3, baseDelayMs: 4000, maxDelayMs: 8000 },
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        answered += 1;
        return response;
      },
    });
    const call = failure(rest.listCategories({ signal: controller.signal }));
    await eventually(() => answered === 1);
    const started = performance.now();
    controller.abort();
    const error = await call;
    expect(performance.now() - started).to.be.below(1000);
    expect(error.name).to.equal('AbortError');
    expect(callsOf(lms, 'listCategories')).to.equal(1);
  });

  it('malformed JSON → ContractError naming the endpoint', async () => {
    const lms = await demoLms();
    lms.applyPresets('malformed');
    const error = await failure(backend().searchActivities({}));
    expect(error).to.be.instanceOf(ContractError);
    expect(error.message).to.match(/^GET \/activities answered something that is not JSON: /);
  });

  it('a missing field → ContractError naming the endpoint and the field path', async () => {
    const lms = await demoLms();
    lms.inject('searchActivities', {
      kind: 'mutate',
      mutate: (body) => {
        const page = body as { items: Record<string, unknown>[] };
        delete page.items[3]!['startDate'];
        return page;
      },
    });
    const error = await failure(backend().searchActivities({}));
    expect(error).to.be.instanceOf(ContractError);
    expect(error).to.include({ field: 'items.3.startDate', operation: 'searchActivities' });
    expect(error.message).to.equal('GET /activities answered something unexpected: items.3.startDate — missing (expected string)');
  });

  it('a date in the wrong format → ContractError saying what was expected', async () => {
    const lms = await demoLms();
    lms.inject('getActivity', { kind: 'mutate', mutate: (body) => ({ ...(body as object), startDate: '14/03/2026' }) });
    const error = await failure(backend().getActivity(DEMO.activities.classroom));
    expect(error.message).to.equal('GET /activities/{activityId} answered something unexpected: startDate — expected a date as YYYY-MM-DD');
  });

  it('a dry run that labels fewer rows than were sent → ContractError', async () => {
    const lms = await demoLms();
    lms.inject('dryRunChunk', { kind: 'mutate', mutate: (body) => ({ ...(body as object), rows: [] }) });
    const rest = backend();
    const { uploadId } = await rest.stageUpload({ ...CLASSROOM, totalRecords: 2 });
    const error = await failure(rest.dryRunChunk(uploadId, { chunkIndex: 0, records: classroomRecords(2) }));
    expect(error).to.be.instanceOf(ContractError);
    expect(error).to.include({ field: 'rows' });
  });

  it('an issue code this client does not know → value-rejected with the LMS\'s wording', async () => {
    const lms = await demoLms();
    lms.inject('dryRunChunk', {
      kind: 'mutate',
      mutate: (body) => ({ ...(body as object), issues: [{ row: 3, columnKey: 'status', code: 'legal-hold', detail: 'This learner\'s records are on legal hold' }] }),
    });
    const rest = backend();
    const { uploadId } = await rest.stageUpload({ ...CLASSROOM, totalRecords: 2 });
    const result = await rest.dryRunChunk(uploadId, { chunkIndex: 0, records: classroomRecords(2) });
    expect(result.issues).to.deep.equal([
      { row: 3, columnKey: 'status', code: 'value-rejected', params: { detail: 'This learner\'s records are on legal hold' }, detail: 'This learner\'s records are on legal hold' },
    ]);
  });

  it('a request the LMS finds malformed (400) → ContractError, not retried', async () => {
    const lms = await demoLms();
    const rest = backend();
    const { uploadId } = await rest.stageUpload({ ...CLASSROOM, totalRecords: 2 });
    const error = await failure(rest.dryRunChunk(uploadId, { chunkIndex: 0, records: [] }));
    expect(error).to.be.instanceOf(ContractError);
    expect(error).to.include({ status: 400 });
    expect(error.message).to.contain('records — expected at least one record');
    expect(callsOf(lms, 'dryRunChunk')).to.equal(1);
  });

  it('an HTML page instead of JSON (a login page, a wrong address) → ContractError that says so', async () => {
    const rest = backend({
      fetch: async () => new Response('<!doctype html><title>Sign in</title>', { status: 200, headers: { 'Content-Type': 'text/html' } }),
    });
    const error = await failure(rest.getPermissions());
    expect(error).to.be.instanceOf(ContractError);
    expect(error.message).to.contain('an HTML page: check the API address, or sign in to the LMS again');
  });

  it('409 without a problem document → ContractError (the refused rows cannot be shown)', async () => {
    const rest = backend({ fetch: async () => new Response('Conflict', { status: 409, headers: { 'Content-Type': 'text/plain' } }) });
    const error = await failure(rest.commitUpload('upl-1', { idempotencyKey: 'key-12345678', recordCount: 1, checksum: 'a'.repeat(64) }));
    expect(error).to.be.instanceOf(ContractError);
    expect(error.message).to.contain('POST /uploads/{uploadId}/commit answered 409 without a problem document');
  });

  it('no network → UnavailableError saying the LMS could not be reached', async () => {
    const lms = await demoLms();
    lms.inject('getPermissions', { kind: 'network' });
    const error = await failure(backend({ retries: { attempts: 1 } }).getPermissions());
    expect(error).to.be.instanceOf(UnavailableError);
    expect(error.message).to.match(/^The LMS could not be reached \(GET \/permissions failed: .+\)\. Check the network connection and try again\.$/);
  });
});
