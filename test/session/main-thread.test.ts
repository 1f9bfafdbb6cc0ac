// The session's work on big files stays in short tasks (bench/longtask.chromium.ts measures the tasks):
// dry-run requests of at most DRY_RUN_CHUNK_CAP records, the LMS's answers taken in as they arrive, and
// a summary counted from the records once — with the same outcome as counting everything at the end.
import { expect } from '@open-wc/testing';
import { UnavailableError } from '../../src/backend/errors.js';
import { summarise } from '../../src/core/summary.js';
import { DRY_RUN_CHUNK_CAP, UploadSession } from '../../src/session/upload-session.js';
import { FakeBackend, fireSafety } from './fake-backend.js';
import { CLASSROOM_HEADER, classroomRows, csv, until } from './helpers.js';

async function readySession(backend: FakeBackend, options: ConstructorParameters<typeof UploadSession>[1] = {}) {
  const session = new UploadSession(backend, { useWorker: false, ...options });
  await session.start({ activityId: fireSafety.id, domainId: 'dom-employees', identifierKind: 'email' });
  await until(session, (s) => s.spec.status === 'ready');
  return session;
}

const partSizes = (backend: FakeBackend) => backend.calls.filter((c) => c.method === 'dryRunChunk').map((c) => (c.args[1] as { records: unknown[] }).records.length);

describe('UploadSession: big files in short tasks', () => {
  it(`asks the LMS about at most ${DRY_RUN_CHUNK_CAP.toLocaleString('en')} records per request, whatever the backend prefers`, async () => {
    const backend = new FakeBackend();
    Object.defineProperty(backend, 'chunkSize', { value: 5_000 });
    const session = await readySession(backend);
    const total = 2 * DRY_RUN_CHUNK_CAP + 500;
    await session.uploadFile(csv([CLASSROOM_HEADER, ...classroomRows(total)]));
    expect(session.state.status).to.equal('ready');
    expect(partSizes(backend)).to.deep.equal([DRY_RUN_CHUNK_CAP, DRY_RUN_CHUNK_CAP, 500]);
    expect(session.state.summary?.records).to.equal(total);
  });

  it('the host\'s own chunkSize still wins over the cap', async () => {
    const backend = new FakeBackend();
    const session = await readySession(backend, { chunkSize: 2_000 });
    await session.uploadFile(csv([CLASSROOM_HEADER, ...classroomRows(2_500)]));
    expect(partSizes(backend)).to.deep.equal([2_000, 500]);
  });

  it('the summary, counted as the answers arrive, says what counting every record at the end says', async () => {
    const backend = new FakeBackend();
    const rows = classroomRows(2_500);
    const emails = rows.map((r) => r.split(',')[0]!);
    // Three learners the LMS does not know (in different parts), two it already has a record for.
    const unknown = new Set([emails[10]!, emails[1_500]!, emails[2_499]!]);
    backend.knownUsers = new Set(emails.filter((e) => !unknown.has(e)));
    backend.recorded = new Set([emails[999]!, emails[1_000]!]);
    const session = await readySession(backend);
    await session.uploadFile(csv([CLASSROOM_HEADER, ...rows, 'not-an-email,2025-03-01,Completed,,']));
    const { status, issues, summary } = session.state;
    expect(status).to.equal('has-issues');
    expect(issues.map((i) => i.row)).to.deep.equal([12, 1_001, 1_002, 1_502, 2_501, 2_502]);
    // Everything but the labels, as core's summarise counts it over the file's records and these issues.
    const counted = summarise({ records: session.records, issues, rows: 2_501 }, session.state.spec.value!);
    expect({ ...summary, byLabel: {}, records: 0 }).to.deep.equal({ ...counted, byLabel: {}, records: 0 });
    expect(summary!.byLabel).to.deep.equal({ create: 2_495, conflict: 3, 'already-recorded': 2 });
    // Records to create: the 2,500 that passed the client's checks, less the 5 the LMS refused.
    expect(summary!.records).to.equal(2_495);
    expect(summary!.rows).to.equal(2_501);
  });

  it('checked again with the LMS (retryCheck), the labels are counted anew, not twice', async () => {
    const backend = new FakeBackend();
    const session = await readySession(backend, { retries: { attempts: 1 } });
    backend.failAlways.set('dryRunChunk', new UnavailableError('The LMS is down.', 'dryRunChunk', 503));
    await session.uploadFile(csv([CLASSROOM_HEADER, ...classroomRows(1_200), 'not-an-email,2025-03-01,Completed,,']));
    expect(session.state.status).to.equal('has-issues');
    expect(session.state.summary!.byLabel).to.deep.equal({});
    backend.failAlways.delete('dryRunChunk');
    await session.retryCheck();
    expect(session.state.summary!.byLabel).to.deep.equal({ create: 1_200 });
    await session.retryCheck();
    expect(session.state.summary!.byLabel).to.deep.equal({ create: 1_200 });
  });
});
