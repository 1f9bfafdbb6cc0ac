// UploadSession with a file: read + validate, dry run in chunks, issues merged by row, cancel and
// replacement leaving nothing staged on the LMS.
import { expect } from '@open-wc/testing';
import { RejectedError, UnavailableError } from '../../src/backend/errors.js';
import type { UploadProgress } from '../../src/session/types.js';
import { DEFAULT_MAX_BYTES } from '../../src/core/read/index.js';
import { DEFAULT_MAX_FILE_SIZE, UploadSession } from '../../src/session/upload-session.js';
import { FakeBackend, fireSafety } from './fake-backend.js';
import { CLASSROOM_HEADER, classroomRows, csv, eventually, record, status, until, words } from './helpers.js';

async function readySession(backend = new FakeBackend(), options: ConstructorParameters<typeof UploadSession>[1] = {}) {
  const session = new UploadSession(backend, { useWorker: false, ...options });
  await session.start({ activityId: fireSafety.id, domainId: 'dom-employees', identifierKind: 'email' });
  await until(session, (s) => s.spec.status === 'ready');
  return { session, backend };
}

const settled = status('ready', 'has-issues', 'selecting', 'no-access');

describe('UploadSession: a clean file', () => {
  it('reads, dry-runs in chunks with progress, and ends ready with a summary', async () => {
    const { session, backend } = await readySession(undefined, { chunkSize: 4 });
    const progress: UploadProgress[] = [];
    session.addEventListener('statechange', (e) => {
      const p = e.detail.state.progress;
      if (p && p !== e.detail.previous.progress) progress.push(p);
    });
    const events = record(session, 'validated');
    await session.uploadFile(csv([CLASSROOM_HEADER, ...classroomRows(10)]));

    const { state } = session;
    expect(state.status).to.equal('ready');
    expect(state.issues).to.deep.equal([]);
    expect(state.file).to.deep.equal({ name: 'records.csv', size: state.file!.size });
    expect(state.summary?.records).to.equal(10);
    expect(state.summary?.byLabel).to.deep.equal({ create: 10 });
    expect(state.uploadId).to.equal('up-1');
    expect(state.progress).to.equal(undefined);

    const chunks = backend.calls.filter((c) => c.method === 'dryRunChunk').map((c) => c.args[1] as { chunkIndex: number; records: unknown[] });
    expect(chunks.map((c) => [c.chunkIndex, c.records.length])).to.deep.equal([[0, 4], [1, 4], [2, 2]]);
    const stage = backend.calls.find((c) => c.method === 'stageUpload')!.args[0];
    expect(stage).to.deep.equal({ activityId: fireSafety.id, domainId: 'dom-employees', identifierKind: 'email', templateVersion: 'cls-2', totalRecords: 10 });

    const fractions = progress.map((p) => p.fraction);
    expect(fractions).to.deep.equal([...fractions].sort((a, b) => a - b), 'progress never goes back');
    expect(progress.filter((p) => p.phase === 'dry-run').map((p) => p.done)).to.deep.equal([0, 4, 8, 10]);
    expect(fractions.at(-1)).to.equal(1);
    expect(events).to.have.length(1);
  });

  it('uses the backend\'s preferred chunk size when the session sets none', async () => {
    const backend = new FakeBackend();
    Object.defineProperty(backend, 'chunkSize', { value: 3 });
    const { session } = await readySession(backend);
    await session.uploadFile(csv([CLASSROOM_HEADER, ...classroomRows(7)]));
    expect(backend.count('dryRunChunk')).to.equal(3);
  });
});

describe('UploadSession: issues', () => {
  it('one pass: sends only the rows that passed to the dry run, shows every issue at once, and cannot commit', async () => {
    const backend = new FakeBackend();
    backend.knownUsers = new Set(['ann@example.com']);
    const { session } = await readySession(backend);
    const events = record(session, 'validated');
    await session.uploadFile(csv([CLASSROOM_HEADER, 'ann@example.com,2025-03-14,Completed,,', 'not-an-email,2025-03-14,Done,,', 'bob@example.com,2025-03-14,Completed,,']));
    expect(session.state.status).to.equal('has-issues');
    expect(session.state.issues.map((i) => [i.row, i.column, i.code])).to.deep.equal([
      [3, 'Email', 'cell-identifier-format'],
      [3, 'Status', 'cell-choice-invalid'],
      [4, 'Email', 'user-not-found'],
    ]);
    expect(session.state.summary).to.include({ records: 1, rowsWithIssues: 2 });
    const stage = backend.calls.find((c) => c.method === 'stageUpload')!.args[0] as { totalRecords: number };
    expect(stage.totalRecords, 'the rows that passed the client checks').to.equal(2);
    const sent = backend.calls.filter((c) => c.method === 'dryRunChunk').flatMap((c) => (c.args[1] as { records: { row: number }[] }).records.map((r) => r.row));
    expect(sent).to.deep.equal([2, 4]);
    await eventually(() => backend.count('discardUpload') === 1);
    expect(events).to.have.length(1);

    await session.commit();
    expect(backend.count('commitUpload')).to.equal(0);
    expect(session.state.status).to.equal('has-issues');
  });

  it('one pass: sends nothing when no row passed the client checks', async () => {
    const { session, backend } = await readySession();
    await session.uploadFile(csv([CLASSROOM_HEADER, 'not-an-email,2025-03-14,Done,,']));
    expect(session.state.status).to.equal('has-issues');
    expect(backend.count('stageUpload')).to.equal(0);
  });

  it('merges the LMS\'s issues by row, named by the file\'s own header, and discards the staged upload', async () => {
    const backend = new FakeBackend();
    backend.knownUsers = new Set(['user1@example.com', 'user2@example.com', 'user3@example.com']);
    backend.recorded.add('user2@example.com');
    const { session } = await readySession(backend, { chunkSize: 2 });
    await session.uploadFile(csv(['email,COMPLETION DATE,status,Trainer,Comments', ...classroomRows(3), 'ghost@example.com,2025-03-01,Completed,,']));

    const { state } = session;
    expect(state.status).to.equal('has-issues');
    expect(state.issues.map((i) => [i.row, i.column, i.code, i.value])).to.deep.equal([
      [3, undefined, 'record-exists', undefined],
      [5, 'email', 'user-not-found', 'ghost@example.com'],
    ]);
    expect(state.issues[0]!.message).to.contain('dated 2025-01-10');
    expect(state.issues[1]!.message).to.contain('No user with this identifier');
    expect(state.summary?.byLabel).to.deep.equal({ create: 2, 'already-recorded': 1, conflict: 1 });
    expect(state.uploadId).to.equal(undefined);
    await eventually(() => backend.discarded.length === 1);
    expect(backend.leftOver).to.deep.equal([]);

    await session.commit();
    expect(backend.count('commitUpload')).to.equal(0);
  });

  it('blocks a row the LMS labels already-recorded even when it sends no issue for it', async () => {
    const backend = new FakeBackend();
    const original = backend.dryRunChunk.bind(backend);
    backend.dryRunChunk = async (id, chunk, options) => {
      const answer = await original(id, chunk, options);
      return { rows: answer.rows.map((r) => (r.row === 3 ? { ...r, label: 'already-recorded' as const } : r)), issues: [] };
    };
    const { session } = await readySession(backend);
    await session.uploadFile(csv([CLASSROOM_HEADER, ...classroomRows(3)]));
    expect(session.state.status).to.equal('has-issues');
    expect(session.state.issues.map((i) => [i.row, i.code])).to.deep.equal([[3, 'record-exists']]);
  });

  it('shows a file-level problem as one issue, without reading it, when the file is too large', async () => {
    const { session, backend } = await readySession(undefined, { maxFileSize: 1000 });
    await session.uploadFile(csv([CLASSROOM_HEADER, ...classroomRows(100)]));
    expect(session.state.status).to.equal('has-issues');
    expect(session.state.issues).to.have.length(1);
    expect(session.state.issues[0]!.code).to.equal('file-too-large');
    expect(session.state.issues[0]!.message).to.contain('the limit is 1000 bytes');
    expect(backend.count('stageUpload')).to.equal(0);
  });

  it('refuses a file over the reader\'s default limit before reading it', async () => {
    expect(DEFAULT_MAX_FILE_SIZE).to.equal(DEFAULT_MAX_BYTES);
    const { session } = await readySession();
    // Something Blob-shaped over the limit, without allocating 50 MB; reading it would fail the test.
    const huge = { size: DEFAULT_MAX_FILE_SIZE + 1, arrayBuffer: () => Promise.reject(new Error('must not be read')) } as unknown as Blob;
    await session.uploadFile(huge, 'huge.xlsx');
    expect(session.state.issues.map((i) => i.code)).to.deep.equal(['file-too-large']);
    expect(session.state.issues[0]!.message).to.contain('the limit is 50 MB');
  });

  it('a size limit that is not a positive number (a mistyped attribute) falls back to the default, never switching the check off', async () => {
    const huge = { size: DEFAULT_MAX_FILE_SIZE + 1, arrayBuffer: () => Promise.reject(new Error('must not be read')) } as unknown as Blob;
    for (const maxFileSize of [Number.NaN, 0, -1]) {
      const { session } = await readySession(undefined, { maxFileSize });
      await session.uploadFile(huge, 'huge.xlsx');
      expect(session.state.issues.map((i) => i.code), String(maxFileSize)).to.deep.equal(['file-too-large']);
      expect(session.state.issues[0]?.message, String(maxFileSize)).to.contain('the limit is 50 MB');
    }
    const { session } = await readySession(undefined, { maxFileSize: 1000 });
    session.setOptions({ maxFileSize: Number.NaN });
    await session.uploadFile(huge, 'huge.xlsx');
    expect(session.state.issues[0]?.message).to.contain('the limit is 50 MB');
  });

  it('shows a file that is not a spreadsheet as one file-level issue', async () => {
    const { session, backend } = await readySession();
    await session.uploadFile(new File(['%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n'], 'records.pdf', { type: 'application/pdf' }));
    expect(session.state.status).to.equal('has-issues');
    expect(session.state.issues.map((i) => [i.row, i.code])).to.deep.equal([[undefined, 'file-unsupported-format']]);
    expect(backend.count('stageUpload')).to.equal(0);
  });

  it('maps rows the LMS rejects during the dry run (409/422) onto cells', async () => {
    const backend = new FakeBackend();
    backend.failNext.set(
      'dryRunChunk',
      new RejectedError('Some rows were refused.', 'dryRunChunk', 422, [{ row: 2, columnKey: 'completionDate', code: 'date-outside-activity', params: { start: '2024-01-01' } }]),
    );
    const { session } = await readySession(backend);
    await session.uploadFile(csv([CLASSROOM_HEADER, ...classroomRows(2)]));
    expect(session.state.status).to.equal('has-issues');
    expect(session.state.issues.map((i) => [i.row, i.column, i.code, i.value])).to.deep.equal([[2, 'Completion date', 'date-outside-activity', '2025-03-02']]);
    await eventually(() => backend.leftOver.length === 0);
  });

  it('a dry-run refusal that names no row is a failure in the LMS\'s own words, not an empty issue list', async () => {
    const backend = new FakeBackend();
    backend.failNext.set(
      'dryRunChunk',
      new RejectedError('This upload was staged for 2 records, but 3 were sent. Start a new upload.', 'dryRunChunk', 422, []),
    );
    const { session } = await readySession(backend);
    const failed = record(session, 'failed');
    await session.uploadFile(csv([CLASSROOM_HEADER, ...classroomRows(2)]));
    expect(session.state.status).to.equal('selecting');
    expect(session.state.issues).to.deep.equal([]);
    expect(session.state.file).to.equal(undefined);
    expect(session.state.failure).to.include({ kind: 'rejected', retryable: false });
    expect(session.state.failure?.code).to.equal('dry-run-refused');
    expect(session.state.failure?.params['reason']).to.contain('staged for 2 records, but 3 were sent');
    expect(words(session.state.failure)).to.contain('Nothing was created');
    expect(failed).to.have.length(1);
    await eventually(() => backend.leftOver.length === 0);
  });

  it('reports an LMS that cannot dry-run (after the automatic retries) as a retryable failure, the file kept, nothing left staged', async () => {
    const backend = new FakeBackend();
    backend.failAlways.set('dryRunChunk', new UnavailableError('The LMS is busy (503).', 'dryRunChunk', 503));
    const { session } = await readySession(backend, { retries: { baseDelayMs: 2, maxDelayMs: 20 } });
    const failed = record(session, 'failed');
    await session.uploadFile(csv([CLASSROOM_HEADER, ...classroomRows(2)]));
    expect(session.state.status).to.equal('check-failed');
    expect(session.state.file?.name).to.equal('records.csv');
    expect(session.state.failure?.kind).to.equal('unavailable');
    expect(session.state.failure?.retryable).to.equal(true);
    expect(session.state.failure?.code).to.equal('dry-run-unavailable');
    expect(session.state.failure?.params['attempts']).to.equal(3);
    expect(words(session.state.failure)).to.contain('Nothing was created');
    expect(backend.count('dryRunChunk')).to.equal(3);
    expect(failed).to.have.length(1);
    await eventually(() => backend.leftOver.length === 0);
  });
});

describe('UploadSession: cancel and replace', () => {
  it('cancel during the dry run stops it and discards the staged upload', async () => {
    const { session, backend } = await readySession();
    const held = backend.hold('dryRunChunk');
    const upload = session.uploadFile(csv([CLASSROOM_HEADER, ...classroomRows(3)]));
    await held.reached;
    expect(session.state.status).to.equal('dry-run');
    expect(session.state.uploadId).to.equal('up-1');
    session.cancel();
    expect(session.state.status).to.equal('selecting');
    expect(session.state.file).to.equal(undefined);
    expect(session.state.uploadId).to.equal(undefined);
    await upload;
    held.release();
    await eventually(() => backend.discarded.includes('up-1'));
    expect(backend.leftOver).to.deep.equal([]);
    expect(session.state.status).to.equal('selecting');
    expect(session.state.selection.activity?.id).to.equal(fireSafety.id);
  });

  it('cancel while reading stops before anything reaches the LMS', async () => {
    const { session, backend } = await readySession();
    const upload = session.uploadFile(csv([CLASSROOM_HEADER, ...classroomRows(50)]));
    expect(session.state.status).to.equal('reading');
    session.cancel();
    await upload;
    expect(session.state.status).to.equal('selecting');
    expect(session.state.file).to.equal(undefined);
    expect(backend.count('stageUpload')).to.equal(0);
  });

  it('cancel in the middle of reading a large file (in the worker) stops it; nothing reaches the LMS', async () => {
    const { session, backend } = await readySession(undefined, { useWorker: true, maxRows: 400_000 });
    const upload = session.uploadFile(csv([CLASSROOM_HEADER, ...classroomRows(300_000)]));
    const reading = await until(session, (s) => s.status === 'reading' && (s.progress?.fraction ?? 0) > 0);
    expect(reading.progress!.fraction).to.be.lessThan(0.5);
    session.cancel();
    await upload;
    await new Promise((r) => setTimeout(r, 200));
    expect(session.state.status).to.equal('selecting');
    expect(session.state.file).to.equal(undefined);
    expect(session.state.progress).to.equal(undefined);
    expect(backend.count('stageUpload')).to.equal(0);
  });

  it('a new file replaces the old one: the old staged upload is discarded', async () => {
    const { session, backend } = await readySession();
    await session.uploadFile(csv([CLASSROOM_HEADER, ...classroomRows(2)], 'first.csv'));
    expect(session.state.uploadId).to.equal('up-1');
    await session.uploadFile(csv([CLASSROOM_HEADER, ...classroomRows(5)], 'second.csv'));
    expect(session.state.status).to.equal('ready');
    expect(session.state.file?.name).to.equal('second.csv');
    expect(session.state.uploadId).to.equal('up-2');
    expect(session.state.summary?.records).to.equal(5);
    await eventually(() => backend.discarded.includes('up-1'));
    expect(backend.leftOver).to.deep.equal(['up-2']);
  });

  it('a new file during the dry run of another wins; the late answers of the first are ignored', async () => {
    const { session, backend } = await readySession();
    // The first file's chunk is answered after the abort, as a backend that ignores signals would.
    const held = backend.hold('dryRunChunk', { ignoreAbort: true });
    const first = session.uploadFile(csv([CLASSROOM_HEADER, ...classroomRows(2)], 'first.csv'));
    await held.reached;
    const second = session.uploadFile(csv([CLASSROOM_HEADER, ...classroomRows(4)], 'second.csv'));
    held.release();
    await Promise.all([first, second]);
    expect(session.state.status).to.equal('ready');
    expect(session.state.file?.name).to.equal('second.csv');
    expect(session.state.summary?.records).to.equal(4);
    await eventually(() => backend.discarded.includes('up-1'));
    expect(backend.leftOver).to.deep.equal(['up-2']);
  });

  it('a new choice drops the file and discards its staged upload', async () => {
    const { session, backend } = await readySession();
    await session.uploadFile(csv([CLASSROOM_HEADER, ...classroomRows(2)]));
    expect(session.state.status).to.equal('ready');
    session.selectIdentifierKind('employeeId');
    expect(session.state.status).to.equal('selecting');
    expect(session.state.file).to.equal(undefined);
    expect(session.state.summary).to.equal(undefined);
    await eventually(() => backend.leftOver.length === 0);
  });

  it('dispose during the dry run discards the staged upload', async () => {
    const { session, backend } = await readySession();
    const held = backend.hold('dryRunChunk');
    void session.uploadFile(csv([CLASSROOM_HEADER, ...classroomRows(2)]));
    await held.reached;
    session.dispose();
    held.release();
    await eventually(() => backend.discarded.includes('up-1'));
    expect(backend.discarded).to.deep.equal(['up-1']);
  });

  it('ends in a settled state for every file', async () => {
    const { session } = await readySession();
    await session.uploadFile(csv([CLASSROOM_HEADER]));
    expect(settled(session.state)).to.equal(true);
    expect(session.state.issues.map((i) => i.code)).to.deep.equal(['file-empty']);
  });
});
