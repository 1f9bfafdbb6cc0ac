// Failures during the dry run and the commit: bounded automatic retries (then Try again, the file and its
// checked rows kept, the same idempotency key), the dry run's own failure codes, and the staged upload
// discarded when the admin cancels, starts over, uploads another file or leaves the page.
import { expect } from '@open-wc/testing';
import {
  InternalBackendError,
  SessionEndedError,
  TooLargeError,
  UnavailableError,
} from '../../src/backend/errors.js';
import type { UploadRecord } from '../../src/core/records.js';
import { Localizer } from '../../src/i18n/localize.js';
import { discardOnPageHide } from '../../src/session/page-lifecycle.js';
import type { RetryPolicy, RetryStatus } from '../../src/session/retry.js';
import { UploadSession } from '../../src/session/upload-session.js';
import { FakeBackend, fireSafety } from './fake-backend.js';
import { CLASSROOM_HEADER, classroomRows, csv, eventually, record, until, words } from './helpers.js';

const FAST = { baseDelayMs: 2, maxDelayMs: 50 };

async function readySession(backend = new FakeBackend(), retries: RetryPolicy | undefined = FAST) {
  const session = new UploadSession(backend, { useWorker: false, chunkSize: 3, ...(retries ? { retries } : {}) });
  await session.start({ activityId: fireSafety.id, domainId: 'dom-employees', identifierKind: 'email' });
  await until(session, (s) => s.spec.status === 'ready');
  return { session, backend };
}

const timeout = () => new UnavailableError('POST /uploads/{uploadId}/chunks timed out after 30 s.', 'dryRunChunk', undefined, undefined, { code: 'timeout' });

function chunkRecords(backend: FakeBackend, uploadId: string): UploadRecord[] {
  return backend.calls
    .filter((c) => c.method === 'dryRunChunk' && c.args[0] === uploadId)
    .flatMap((c) => (c.args[1] as { records: UploadRecord[] }).records);
}

describe('Failures: automatic retries', () => {
  it('a dry-run chunk that times out once is sent again on its own: ready, the admin sees "trying again (2 of 3)" meanwhile', async () => {
    const { session, backend } = await readySession();
    backend.failNext.set('dryRunChunk', timeout());
    const seen: RetryStatus[] = [];
    session.addEventListener('statechange', (e) => {
      const r = e.detail.state.retrying;
      if (r && r !== e.detail.previous.retrying) seen.push(r);
    });
    await session.uploadFile(csv([CLASSROOM_HEADER, ...classroomRows(5)]));
    expect(session.state.status).to.equal('ready');
    expect(session.state.retrying).to.equal(undefined);
    expect(seen.map((r) => [r.attempt, r.attempts, r.reason])).to.deep.equal([[2, 3, 'timeout']]);
    // Two chunks, the first sent twice; the backend was asked for one try per call (no multiplied retries).
    expect(backend.count('dryRunChunk')).to.equal(3);
    expect(backend.askedAttempts.every((a) => a === 1)).to.equal(true);
    expect(session.state.summary?.records).to.equal(5);
  });

  it('a short Retry-After is waited for; a long one ends the automatic retries at once', async () => {
    const { session, backend } = await readySession(undefined, { baseDelayMs: 2, maxDelayMs: 2_000 });
    backend.failNext.set('dryRunChunk', new UnavailableError('busy', 'dryRunChunk', 429, 0.05, { code: 'busy' }));
    const started = performance.now();
    await session.uploadFile(csv([CLASSROOM_HEADER, ...classroomRows(2)]));
    expect(session.state.status).to.equal('ready');
    expect(performance.now() - started).to.be.at.least(45);

    const second = await readySession(undefined, { baseDelayMs: 2, maxDelayMs: 2_000 });
    second.backend.failAlways.set('dryRunChunk', new UnavailableError('busy', 'dryRunChunk', 503, 3600));
    await second.session.uploadFile(csv([CLASSROOM_HEADER, ...classroomRows(2)]));
    expect(second.session.state.status).to.equal('check-failed');
    expect(second.backend.count('dryRunChunk')).to.equal(1);
    expect(second.session.state.failure?.params['attempts']).to.equal(undefined);
  });

  it('staging is retried when the LMS answered busy, never after a lost answer (it may have staged an upload)', async () => {
    const { session, backend } = await readySession();
    backend.failNext.set('stageUpload', new UnavailableError('busy', 'stageUpload', 503));
    await session.uploadFile(csv([CLASSROOM_HEADER, ...classroomRows(2)]));
    expect(session.state.status).to.equal('ready');
    expect(backend.count('stageUpload')).to.equal(2);

    const lost = await readySession();
    lost.backend.failNext.set('stageUpload', new UnavailableError('offline', 'stageUpload', undefined, undefined, { code: 'offline' }));
    await lost.session.uploadFile(csv([CLASSROOM_HEADER, ...classroomRows(2)]));
    expect(lost.session.state.status).to.equal('check-failed');
    expect(lost.backend.count('stageUpload')).to.equal(1);
  });

  it('a refusal is never retried automatically', async () => {
    const { session, backend } = await readySession();
    backend.failAlways.set('dryRunChunk', new TooLargeError('too large', 'dryRunChunk', 413, 1));
    await session.uploadFile(csv([CLASSROOM_HEADER, ...classroomRows(2)]));
    expect(backend.count('dryRunChunk')).to.equal(1);
  });

  it('retries: { attempts: 1 } turns the automatic retries off', async () => {
    const { session, backend } = await readySession(undefined, { attempts: 1 });
    backend.failNext.set('dryRunChunk', timeout());
    await session.uploadFile(csv([CLASSROOM_HEADER, ...classroomRows(2)]));
    expect(session.state.status).to.equal('check-failed');
    expect(backend.count('dryRunChunk')).to.equal(1);
  });

  it('cancel during the wait before a retry stops it: nothing more is sent, nothing left staged', async () => {
    const { session, backend } = await readySession(undefined, { baseDelayMs: 5_000, maxDelayMs: 10_000 });
    backend.failAlways.set('dryRunChunk', timeout());
    const upload = session.uploadFile(csv([CLASSROOM_HEADER, ...classroomRows(2)]));
    await until(session, (s) => s.retrying !== undefined);
    session.cancel();
    await upload;
    expect(session.state.status).to.equal('selecting');
    expect(session.state.retrying).to.equal(undefined);
    expect(backend.count('dryRunChunk')).to.equal(1);
    await eventually(() => backend.leftOver.length === 0);
  });
});

describe('Failures: Try again without picking the file again', () => {
  it('after a timeout that outlasts the retries, Try again sends the same checked rows anew: not read again, ready', async () => {
    const { session, backend } = await readySession();
    backend.failAlways.set('dryRunChunk', timeout());
    const failed = record(session, 'failed');
    await session.uploadFile(csv([CLASSROOM_HEADER, ...classroomRows(5)], 'march.csv'));
    expect(session.state.status).to.equal('check-failed');
    expect(session.state.file?.name).to.equal('march.csv');
    const failure = session.state.failure!;
    expect(failure).to.include({ code: 'dry-run-unavailable', kind: 'unavailable', retryable: true });
    expect(failure.params['attempts']).to.equal(3);
    expect(failure.detail?.uploadId).to.equal('up-1');
    expect(failure.detail?.errorCode).to.equal('timeout');
    expect(failed.map((f) => (f.detail as { failure: { code: string } }).failure.code)).to.deep.equal(['dry-run-unavailable']);
    await eventually(() => backend.discarded.includes('up-1'));

    backend.failAlways.delete('dryRunChunk');
    await session.retryCheck();
    expect(session.state.status).to.equal('ready');
    expect(session.state.failure).to.equal(undefined);
    expect(session.state.file?.name).to.equal('march.csv');
    expect(session.state.uploadId).to.equal('up-2');
    expect(session.state.summary?.records).to.equal(5);
    expect(chunkRecords(backend, 'up-2').map((r) => r.values['identifier'])).to.deep.equal(classroomRows(5).map((l) => l.split(',')[0]));
    await session.commit();
    expect(session.state.status).to.equal('created');
    expect(backend.recordsCreated).to.equal(5);
    expect(backend.leftOver).to.deep.equal([]);
  });

  it('Try again is refused where there is nothing to try again (ready, created, no file)', async () => {
    const { session, backend } = await readySession();
    await session.retryCheck();
    expect(backend.count('stageUpload')).to.equal(0);
    await session.uploadFile(csv([CLASSROOM_HEADER, ...classroomRows(2)]));
    await session.retryCheck();
    expect(backend.count('stageUpload')).to.equal(1);
    expect(session.state.uploadId).to.equal('up-1');
  });

  it('cancel, upload another or start over from a failed check drop the file', async () => {
    const { session, backend } = await readySession(undefined, { attempts: 1 });
    backend.failAlways.set('dryRunChunk', timeout());
    await session.uploadFile(csv([CLASSROOM_HEADER, ...classroomRows(2)]));
    expect(session.state.status).to.equal('check-failed');
    session.cancel();
    expect(session.state.status).to.equal('selecting');
    expect(session.state.file).to.equal(undefined);
    expect(session.state.failure).to.equal(undefined);
    await session.retryCheck();
    expect(backend.count('stageUpload')).to.equal(1);
  });
});

describe('Failures: the dry run\'s own codes', () => {
  it('the sign-in ended during the check: own code, the file kept, Try again after signing in', async () => {
    const { session, backend } = await readySession();
    backend.failNext.set('dryRunChunk', new SessionEndedError('You are not signed in to the LMS.', 'dryRunChunk', 401));
    await session.uploadFile(csv([CLASSROOM_HEADER, ...classroomRows(2)]));
    expect(session.state.status).to.equal('check-failed');
    expect(session.state.failure).to.include({ code: 'dry-run-session-ended', kind: 'no-access', retryable: true });
    expect(words(session.state.failure)).to.contain('Sign in to the LMS again');
    expect(backend.count('dryRunChunk')).to.equal(1);
    await session.retryCheck();
    expect(session.state.status).to.equal('ready');
  });

  it('too large even in small parts: own code, not retryable, a new file needed', async () => {
    const { session, backend } = await readySession();
    backend.failNext.set('dryRunChunk', new TooLargeError('The LMS refused POST /uploads/{uploadId}/chunks as too large.', 'dryRunChunk', 413, 1));
    await session.uploadFile(csv([CLASSROOM_HEADER, ...classroomRows(2)]));
    expect(session.state.status).to.equal('selecting');
    expect(session.state.file).to.equal(undefined);
    expect(session.state.failure).to.include({ code: 'dry-run-too-large', kind: 'too-large', retryable: false });
    expect(words(session.state.failure)).to.contain('Split the file');
    await eventually(() => backend.leftOver.length === 0);
  });

  it('something in this page went wrong: own code, retryable, never blamed on the file', async () => {
    const { session, backend } = await readySession();
    backend.failNext.set('dryRunChunk', new InternalBackendError('Something went wrong in this page (Invalid array length).', 'dryRunChunk'));
    await session.uploadFile(csv([CLASSROOM_HEADER, ...classroomRows(2)]));
    expect(session.state.status).to.equal('check-failed');
    expect(session.state.failure).to.include({ code: 'dry-run-internal', kind: 'internal', retryable: true });
    expect(words(session.state.failure)).to.contain('not in your file');
  });

  it('every new code has its own words in English, French and Arabic, without HTTP or ids', async () => {
    for (const locale of ['en', 'fr', 'ar']) {
      const l = locale === 'en' ? new Localizer('en') : await (await import('../../src/i18n/load-words.js')).loadLocalizer(locale);
      const general = l.failure({ code: 'unexpected' });
      for (const code of ['dry-run-session-ended', 'dry-run-too-large', 'dry-run-internal'] as const) {
        const text = l.failure({ code });
        expect(text, `${locale} ${code}`).not.to.equal(general);
        expect(text, `${locale} ${code}`).not.to.match(/HTTP|\bPOST\b|\/uploads|\b4\d\d\b|\b5\d\d\b/);
      }
      expect(l.t('retriesEnded', { count: 3 })).to.contain('3');
      expect(l.t('supportQuote', { id: 'up-7' })).to.contain('up-7');
    }
  });
});

describe('Failures: nothing left staged when the admin leaves', () => {
  it('upload another and start over after a clean file discard its staged upload', async () => {
    const { session, backend } = await readySession();
    await session.uploadFile(csv([CLASSROOM_HEADER, ...classroomRows(2)]));
    session.uploadAnother();
    await eventually(() => backend.discarded.includes('up-1'));
    await session.uploadFile(csv([CLASSROOM_HEADER, ...classroomRows(2)]));
    session.startOver();
    await eventually(() => backend.discarded.includes('up-2'));
    expect(backend.leftOver).to.deep.equal([]);
  });

  it('leaving the page (pagehide) discards the staged upload with keepalive; coming back from the cache checks the file again', async () => {
    const { session, backend } = await readySession();
    const page = new EventTarget();
    const untie = discardOnPageHide(session, page);
    await session.uploadFile(csv([CLASSROOM_HEADER, ...classroomRows(4)]));
    expect(session.state.status).to.equal('ready');
    page.dispatchEvent(new Event('pagehide'));
    await eventually(() => backend.discarded.includes('up-1'));
    expect(backend.keptAlive).to.deep.equal(['up-1']);

    const back = new Event('pageshow') as Event & { persisted?: boolean };
    Object.defineProperty(back, 'persisted', { value: true });
    page.dispatchEvent(back);
    await until(session, (s) => s.status === 'ready' && s.uploadId === 'up-2');
    await session.commit();
    expect(session.state.status).to.equal('created');
    expect(backend.recordsCreated).to.equal(4);
    untie();
    page.dispatchEvent(new Event('pagehide'));
    expect(backend.keptAlive).to.deep.equal(['up-1']);
  });

  it('leaving the page while the records are being created discards nothing (the commit finishes on the LMS)', async () => {
    const { session, backend } = await readySession();
    await session.uploadFile(csv([CLASSROOM_HEADER, ...classroomRows(2)]));
    const held = backend.hold('commitUpload');
    const commit = session.commit();
    await held.reached;
    session.abandon();
    held.release();
    await commit;
    expect(session.state.status).to.equal('created');
    expect(backend.keptAlive).to.deep.equal([]);
    expect(backend.recordsCreated).to.equal(2);
  });

  it('a host backend whose discard throws at once does not break cancel', async () => {
    const backend = new FakeBackend();
    backend.discardUpload = () => {
      throw new Error('not implemented');
    };
    const { session } = await readySession(backend);
    await session.uploadFile(csv([CLASSROOM_HEADER, ...classroomRows(2)]));
    session.uploadAnother();
    expect(session.state.status).to.equal('selecting');
  });
});
