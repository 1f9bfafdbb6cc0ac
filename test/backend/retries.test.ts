// What RestBackend retries and what it never does: reads and dry-run chunks yes, the commit only with the
// same idempotency key, staging and discarding never.
import { expect } from '@open-wc/testing';
import { recordsChecksum } from '../../src/backend/checksum.js';
import { UnavailableError } from '../../src/backend/errors.js';
import { parseRetryAfter } from '../../src/backend/rest-failures.js';
import { CLASSROOM, backend, callsOf, classroomRecords, demoLms, stageAndDryRun } from './demo-lms.js';

describe('RestBackend × demo LMS: retries', () => {
  it('a GET that fails with 500 once is retried and succeeds', async () => {
    const lms = await demoLms();
    lms.inject('listCategories', { kind: 'status', status: 500 }, 1);
    const categories = await backend().listCategories();
    expect(categories).to.have.length(6);
    expect(callsOf(lms, 'listCategories')).to.equal(2);
  });

  it('a GET that meets a network error is retried', async () => {
    const lms = await demoLms();
    lms.inject('getPermissions', { kind: 'network' }, 2);
    const permissions = await backend().getPermissions();
    expect(permissions.canUpload).to.equal(true);
    expect(callsOf(lms, 'getPermissions')).to.equal(3);
  });

  it('a GET that times out is tried again, each attempt with its own timeout', async () => {
    const lms = await demoLms();
    lms.inject('listDomains', { kind: 'hang' }, 1);
    const domains = await backend({ timeoutMs: 150 }).listDomains();
    expect(domains).to.have.length(3);
    expect(callsOf(lms, 'listDomains')).to.equal(2);
  });

  it('4xx answers are not retried', async () => {
    const lms = await demoLms();
    await backend().getActivity('act-nope').catch(() => undefined);
    expect(callsOf(lms, 'getActivity')).to.equal(1);
  });

  it('stageUpload is never retried (each call would stage another upload)', async () => {
    const lms = await demoLms();
    lms.inject('stageUpload', { kind: 'status', status: 503 }, 1);
    const error = await backend().stageUpload({ ...CLASSROOM, totalRecords: 2 }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(UnavailableError);
    expect(callsOf(lms, 'stageUpload')).to.equal(1);
    expect(lms.lms.pendingUploads()).to.deep.equal([]);
  });

  it('discardUpload is never retried', async () => {
    const lms = await demoLms();
    const rest = backend();
    const uploadId = await stageAndDryRun(rest, classroomRecords(1));
    lms.inject('discardUpload', { kind: 'status', status: 500 }, 1);
    const error = await rest.discardUpload(uploadId).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(UnavailableError);
    expect(callsOf(lms, 'discardUpload')).to.equal(1);
    expect(lms.lms.pendingUploads()).to.deep.equal([uploadId]);
  });

  it('a dry-run chunk is retried (it writes nothing and is keyed by its index)', async () => {
    const lms = await demoLms();
    const rest = backend();
    const { uploadId } = await rest.stageUpload({ ...CLASSROOM, totalRecords: 3 });
    lms.applyPresets('chunk-500-once');
    const result = await rest.dryRunChunk(uploadId, { chunkIndex: 0, records: classroomRecords(3) });
    expect(result.rows.map((r) => r.label)).to.deep.equal(['create', 'create', 'create']);
    expect(callsOf(lms, 'dryRunChunk')).to.equal(2);
  });

  it('the commit is retried with the same idempotency key, header and body alike', async () => {
    const lms = await demoLms();
    const rest = backend();
    const records = classroomRecords(3);
    const uploadId = await stageAndDryRun(rest, records);
    lms.inject('commitUpload', { kind: 'status', status: 502 }, 1);
    const result = await rest.commitUpload(uploadId, { idempotencyKey: 'key-retry-502', recordCount: 3, checksum: await recordsChecksum(records) });
    expect(result.created).to.equal(3);
    const commits = lms.requests.filter((r) => r.operation === 'commitUpload');
    expect(commits.map((r) => r.headers['idempotency-key'])).to.deep.equal(['key-retry-502', 'key-retry-502']);
    expect(commits.map((r) => (r.body as { idempotencyKey: string }).idempotencyKey)).to.deep.equal(['key-retry-502', 'key-retry-502']);
    expect(lms.lms.uploadedRecords(CLASSROOM.activityId)).to.have.length(3);
  });

  it('honours Retry-After: waits the seconds the LMS asked for before trying again', async () => {
    const lms = await demoLms();
    const rest = backend();
    const records = classroomRecords(2);
    const uploadId = await stageAndDryRun(rest, records);
    lms.applyPresets('commit-503-once');
    const started = performance.now();
    const result = await rest.commitUpload(uploadId, { idempotencyKey: 'key-retry-after', recordCount: 2, checksum: await recordsChecksum(records) });
    expect(performance.now() - started).to.be.at.least(950);
    expect(result.created).to.equal(2);
    expect(callsOf(lms, 'commitUpload')).to.equal(2);
  });

  it('attempts: 1 turns retries off', async () => {
    const lms = await demoLms();
    lms.inject('listCategories', { kind: 'status', status: 500 }, 1);
    const error = await backend({ retries: { attempts: 1 } }).listCategories().catch((e: unknown) => e);
    expect(error).to.be.instanceOf(UnavailableError);
    expect(callsOf(lms, 'listCategories')).to.equal(1);
  });

  it('parseRetryAfter reads delay-seconds and HTTP dates', () => {
    const now = Date.parse('2026-03-14T09:30:00Z');
    expect(parseRetryAfter('7', now)).to.equal(7);
    expect(parseRetryAfter('Sat, 14 Mar 2026 09:31:30 GMT', now)).to.equal(90);
    expect(parseRetryAfter('Sat, 14 Mar 2026 09:00:00 GMT', now)).to.equal(0);
    expect(parseRetryAfter('soon', now)).to.equal(undefined);
    expect(parseRetryAfter(null, now)).to.equal(undefined);
  });
});
