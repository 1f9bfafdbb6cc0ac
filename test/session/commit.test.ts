// UploadSession's commit: from ready only, one idempotency key per staged upload reused on retry,
// every failure mapped to a state the admin can act on, and never two sets of records.
import { expect } from '@open-wc/testing';
import { recordsChecksum } from '../../src/backend/checksum.js';
import { ContractError, NoAccessError, NotFoundError, RejectedError, UnavailableError } from '../../src/backend/errors.js';
import type { UploadRecord } from '../../src/core/records.js';
import { UploadSession } from '../../src/session/upload-session.js';
import { FakeBackend, fireSafety } from './fake-backend.js';
import { CLASSROOM_HEADER, classroomRows, csv, eventually, record, until, words } from './helpers.js';

async function readyToCommit(rows = 6, backend = new FakeBackend()) {
  const session = new UploadSession(backend, { useWorker: false, chunkSize: 4, retries: { baseDelayMs: 2, maxDelayMs: 20 } });
  await session.start({ activityId: fireSafety.id, domainId: 'dom-employees' });
  await until(session, (s) => s.spec.status === 'ready');
  await session.uploadFile(csv([CLASSROOM_HEADER, ...classroomRows(rows)]));
  expect(session.state.status).to.equal('ready');
  return { session, backend };
}

describe('UploadSession: commit', () => {
  it('creates every record with the count and checksum of exactly the dry-run records', async () => {
    const { session, backend } = await readyToCommit(6);
    const events = record(session, 'created');
    const statuses: string[] = [];
    session.addEventListener('statechange', (e) => statuses.push(e.detail.state.status));
    await session.commit();

    expect(statuses).to.deep.equal(['committing', 'created']);
    expect(session.state.result?.created).to.equal(6);
    expect(session.state.uploadId).to.equal(undefined);
    const staged = backend.calls.filter((c) => c.method === 'dryRunChunk').flatMap((c) => (c.args[1] as { records: UploadRecord[] }).records);
    const [call] = backend.commits;
    expect(call!.uploadId).to.equal('up-1');
    expect(call!.request.recordCount).to.equal(6);
    expect(call!.request.checksum).to.equal(await recordsChecksum(staged));
    expect(call!.request.idempotencyKey).to.match(/^[0-9a-f-]{36}$/);
    expect(events).to.have.length(1);
    expect((events[0]!.detail as { activity: { id: string } }).activity.id).to.equal(fireSafety.id);
    expect(backend.recordsCreated).to.equal(6);
  });

  it('refuses a second commit after created, and a double click sends one commit', async () => {
    const { session, backend } = await readyToCommit(3);
    await Promise.all([session.commit(), session.commit()]);
    expect(backend.commits).to.have.length(1);
    await session.commit();
    expect(backend.commits).to.have.length(1);
    expect(session.state.status).to.equal('created');
  });

  it('retries an unavailable LMS on its own, then stops and offers Try again with the same key and upload', async () => {
    const backend = new FakeBackend();
    backend.failAlways.set('commitUpload', new UnavailableError('The LMS did not answer within 30 s.', 'commitUpload', undefined, undefined, { code: 'timeout' }));
    const { session } = await readyToCommit(4, backend);
    const failed = record(session, 'failed');
    await session.commit();
    expect(session.state.status).to.equal('commit-failed');
    expect(session.state.failure).to.include({ kind: 'unavailable', retryable: true });
    expect(session.state.failure?.code).to.equal('commit-unavailable');
    expect(session.state.failure?.params['attempts']).to.equal(3);
    expect(session.state.failure?.detail?.uploadId).to.equal('up-1');
    expect(words(session.state.failure)).to.contain('can never create its records twice');
    expect(session.state.uploadId).to.equal('up-1');
    expect(session.state.retrying).to.equal(undefined);
    expect(failed).to.have.length(1);
    expect(backend.count('commitUpload')).to.equal(3);

    // Try again: another bounded round (it fails too, and says 6 tries in all), then the LMS recovers.
    await session.commit();
    expect(session.state.status).to.equal('commit-failed');
    expect(session.state.failure?.params['attempts']).to.equal(6);
    expect(backend.count('commitUpload')).to.equal(6);
    backend.failAlways.delete('commitUpload');
    await session.commit();
    expect(session.state.status).to.equal('created');
    expect(new Set(backend.commits.map((c) => c.uploadId))).to.deep.equal(new Set(['up-1']));
    expect(new Set(backend.commits.map((c) => JSON.stringify(c.request))).size).to.equal(1);
    expect(backend.recordsCreated).to.equal(4);
  });

  it('a commit applied whose answer was lost is confirmed by the retry, not repeated', async () => {
    const backend = new FakeBackend();
    backend.loseNextCommitResponse = true;
    const { session } = await readyToCommit(5, backend);
    // The lost answer is retried automatically with the same key: the LMS answers the first result again.
    await session.commit();
    expect(session.state.status).to.equal('created');
    expect(backend.commits).to.have.length(2);
    expect(session.state.result?.replayed).to.equal(true);
    expect(session.state.result?.created).to.equal(5);
    expect(backend.recordsCreated).to.equal(5);
  });

  it('a fresh upload of the same file gets a new key', async () => {
    const { session, backend } = await readyToCommit(2);
    await session.commit();
    session.uploadAnother();
    expect(session.state.status).to.equal('selecting');
    expect(session.state.selection.activity?.id).to.equal(fireSafety.id);
    expect(session.state.file).to.equal(undefined);
    await session.uploadFile(csv([CLASSROOM_HEADER, ...classroomRows(2, 10)]));
    await session.commit();
    expect(backend.commits).to.have.length(2);
    expect(backend.commits[1]!.request.idempotencyKey).not.to.equal(backend.commits[0]!.request.idempotencyKey);
  });

  it('rows the LMS refuses at commit send the admin back to has-issues, nothing created', async () => {
    const backend = new FakeBackend();
    backend.failNext.set(
      'commitUpload',
      new RejectedError('Some records can no longer be created.', 'commitUpload', 409, [
        { row: 3, columnKey: 'identifier', code: 'user-inactive' },
        { row: 5, code: 'record-conflict', params: { detail: 'the activity was closed' } },
      ]),
    );
    const { session } = await readyToCommit(4, backend);
    const events = record(session, 'failed', 'validated');
    await session.commit();
    const { state } = session;
    expect(state.status).to.equal('has-issues');
    expect(state.issues.map((i) => [i.row, i.column, i.code, i.value])).to.deep.equal([
      [3, 'Email', 'user-inactive', 'user2@example.com'],
      [5, undefined, 'record-conflict', undefined],
    ]);
    expect(state.failure?.kind).to.equal('rejected');
    expect(state.failure).to.deep.include({ code: 'commit-rejected', params: { count: 2 } });
    expect(words(state.failure)).to.contain('2 rows');
    expect(words(state.failure)).to.contain('nothing was created');
    expect(state.summary?.rowsWithIssues).to.equal(2);
    expect(events.map((e) => e.type)).to.deep.equal(['validated', 'failed']);
    await eventually(() => backend.leftOver.length === 0);

    await session.commit();
    expect(backend.commits).to.have.length(1);
    expect(backend.recordsCreated).to.equal(0);
  });

  it('a commit refused as a whole (no row named) fails in the LMS\'s words; that upload is not committed again', async () => {
    const backend = new FakeBackend();
    backend.failNext.set(
      'commitUpload',
      new RejectedError('Only 2 of the 4 records announced were dry-run. Send every chunk before committing.', 'commitUpload', 409, []),
    );
    const { session } = await readyToCommit(4, backend);
    const failed = record(session, 'failed');
    await session.commit();
    expect(session.state.status).to.equal('commit-failed');
    expect(session.state.issues).to.deep.equal([]);
    expect(session.state.failure).to.include({ kind: 'rejected', retryable: false });
    expect(session.state.failure?.code).to.equal('commit-refused');
    expect(session.state.failure?.params['reason']).to.contain('Only 2 of the 4 records');
    expect(words(session.state.failure)).not.to.contain('0 rows');
    expect(failed).to.have.length(1);
    await eventually(() => backend.leftOver.length === 0);
    await session.commit();
    expect(backend.commits).to.have.length(1);
    expect(backend.recordsCreated).to.equal(0);
  });

  it('an expired upload ends the commit with a clear, not retryable failure', async () => {
    const backend = new FakeBackend();
    backend.failNext.set('commitUpload', new NotFoundError('Upload not found.', 'commitUpload', 404));
    const { session } = await readyToCommit(2, backend);
    await session.commit();
    expect(session.state.status).to.equal('commit-failed');
    expect(session.state.failure).to.deep.include({ code: 'commit-not-found', params: {}, kind: 'not-found', retryable: false });
    expect(words(session.state.failure)).to.equal('The upload expired or the activity was removed; nothing was created. Upload the file again.');
    await session.commit();
    expect(backend.commits).to.have.length(1);
  });

  it('lost access at commit goes to no-access', async () => {
    const backend = new FakeBackend();
    backend.failNext.set('commitUpload', new NoAccessError('Forbidden.', 'commitUpload', 403));
    const { session } = await readyToCommit(2, backend);
    await session.commit();
    expect(session.state.status).to.equal('no-access');
    expect(session.state.failure?.kind).to.equal('no-access');
    expect(session.state.failure?.code).to.equal('no-access');
    expect(words(session.state.failure)).to.contain('Nothing was created');
  });

  it('a garbled commit answer is retryable with the same key', async () => {
    const backend = new FakeBackend();
    backend.failNext.set('commitUpload', new ContractError('POST /commit answered something unexpected: created — expected a number.', 'commitUpload', 200, 'created'));
    const { session } = await readyToCommit(2, backend);
    await session.commit();
    expect(session.state.status).to.equal('commit-failed');
    expect(session.state.failure).to.include({ kind: 'contract', retryable: true });
    await session.commit();
    expect(session.state.status).to.equal('created');
    expect(backend.recordsCreated).to.equal(2);
  });

  it('ignores choices, cancel and new files while committing', async () => {
    const { session, backend } = await readyToCommit(2);
    const held = backend.hold('commitUpload');
    const commit = session.commit();
    await held.reached;
    session.cancel();
    session.selectDomain('dom-contractors');
    session.uploadAnother();
    let refused = false;
    await session.uploadFile(csv([CLASSROOM_HEADER, ...classroomRows(1)])).catch(() => (refused = true));
    expect(refused).to.equal(true);
    expect(session.state.status).to.equal('committing');
    held.release();
    await commit;
    expect(session.state.status).to.equal('created');
    expect(session.state.selection.domainId).to.equal('dom-employees');
    expect(backend.discarded).to.deep.equal([]);
  });
});
