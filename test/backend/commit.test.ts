// The all-or-nothing promise, end to end through REST: lost answers, double clicks, changed payloads and
// an LMS that changed between the dry run and the commit never create a partial or duplicate set.
import { expect } from '@open-wc/testing';
import { DEMO } from '../../demo/mocks/data.js';
import { recordsChecksum } from '../../src/backend/checksum.js';
import { RejectedError } from '../../src/backend/errors.js';
import { CLASSROOM, backend, callsOf, classroomRecords, demoLms, stageAndDryRun } from './demo-lms.js';

describe('RestBackend × demo LMS: the commit', () => {
  it('an answer lost after the commit was applied, retried with the same key: exactly one set of records', async () => {
    const lms = await demoLms();
    const rest = backend();
    const records = classroomRecords(6);
    const uploadId = await stageAndDryRun(rest, records);
    lms.applyPresets('commit-drop');
    const result = await rest.commitUpload(uploadId, { idempotencyKey: 'key-dropped-1', recordCount: 6, checksum: await recordsChecksum(records) });
    expect(result).to.include({ created: 6, replayed: true });
    expect(callsOf(lms, 'commitUpload')).to.equal(2);
    const created = lms.lms.uploadedRecords(CLASSROOM.activityId);
    expect(created).to.have.length(6);
    expect(new Set(created.map((r) => r.userId)).size).to.equal(6);
  });

  it('the admin clicks again after a failure (a new call, same key): nothing new is created', async () => {
    const lms = await demoLms();
    const records = classroomRecords(4);
    const uploadId = await stageAndDryRun(backend(), records);
    lms.inject('commitUpload', { kind: 'drop' });
    const request = { idempotencyKey: 'key-click-again', recordCount: 4, checksum: await recordsChecksum(records) };
    const failed = await backend({ retries: { attempts: 2 } }).commitUpload(uploadId, request).catch((e: unknown) => e);
    expect(failed).to.have.property('kind', 'unavailable');
    expect(lms.lms.uploadedRecords(CLASSROOM.activityId)).to.have.length(4);
    lms.clearFaults();
    const again = await backend().commitUpload(uploadId, request);
    expect(again).to.include({ created: 4, replayed: true });
    expect(lms.lms.uploadedRecords(CLASSROOM.activityId)).to.have.length(4);
  });

  it('two commits at once with the same key (a double click): one set of records', async () => {
    const lms = await demoLms();
    const rest = backend();
    const records = classroomRecords(3);
    const uploadId = await stageAndDryRun(rest, records);
    const request = { idempotencyKey: 'key-double-click', recordCount: 3, checksum: await recordsChecksum(records) };
    const [a, b] = await Promise.all([rest.commitUpload(uploadId, request), rest.commitUpload(uploadId, request)]);
    expect([a.replayed ?? false, b.replayed ?? false].sort()).to.deep.equal([false, true]);
    expect(lms.lms.uploadedRecords(CLASSROOM.activityId)).to.have.length(3);
  });

  it('the same key with a different payload is refused (422) and creates nothing', async () => {
    const lms = await demoLms();
    const rest = backend();
    const first = classroomRecords(2);
    const firstUpload = await stageAndDryRun(rest, first);
    await rest.commitUpload(firstUpload, { idempotencyKey: 'key-reused', recordCount: 2, checksum: await recordsChecksum(first) });
    const second = classroomRecords(3, 10).map((r, i) => ({ ...r, values: { ...r.values, identifier: DEMO.employees[10 + i]!.email } }));
    const secondUpload = await stageAndDryRun(rest, second);
    const error = await rest
      .commitUpload(secondUpload, { idempotencyKey: 'key-reused', recordCount: 3, checksum: await recordsChecksum(second) })
      .catch((e: unknown) => e);
    expect(error).to.be.instanceOf(RejectedError);
    expect(error).to.include({ status: 422 });
    expect((error as Error).message).to.contain('already used for a different commit. Nothing was created');
    expect(lms.lms.uploadedRecords(CLASSROOM.activityId)).to.have.length(2);
  });

  it('a user deactivated between dry run and commit → 409 with that row\'s issue; nothing is created', async () => {
    const lms = await demoLms();
    const rest = backend();
    const records = classroomRecords(5);
    const uploadId = await stageAndDryRun(rest, records);
    lms.lms.deactivateUser(DEMO.employees[2]!.email);
    const error = await rest
      .commitUpload(uploadId, { idempotencyKey: 'key-deactivated', recordCount: 5, checksum: await recordsChecksum(records) })
      .catch((e: unknown) => e);
    expect(error).to.be.instanceOf(RejectedError);
    expect(error).to.include({ status: 409 });
    expect((error as RejectedError).issues).to.deep.equal([{ row: 4, columnKey: 'identifier', code: 'user-inactive' }]);
    expect((error as Error).message).to.contain('Nothing was created');
    expect(lms.lms.uploadedRecords()).to.have.length(0);
  });

  it('an activity removed between dry run and commit → 409 conflict on every row; nothing is created', async () => {
    const lms = await demoLms();
    const rest = backend();
    const records = classroomRecords(3);
    const uploadId = await stageAndDryRun(rest, records);
    lms.lms.removeActivity(CLASSROOM.activityId);
    const error = await rest
      .commitUpload(uploadId, { idempotencyKey: 'key-removed', recordCount: 3, checksum: await recordsChecksum(records) })
      .catch((e: unknown) => e);
    expect(error).to.be.instanceOf(RejectedError);
    expect((error as RejectedError).issues.map((i) => [i.row, i.code])).to.deep.equal([
      [2, 'record-conflict'],
      [3, 'record-conflict'],
      [4, 'record-conflict'],
    ]);
    expect(lms.lms.uploadedRecords()).to.have.length(0);
  });

  it('records other than the ones dry-run (checksum) are refused; nothing is created', async () => {
    const lms = await demoLms();
    const rest = backend();
    const records = classroomRecords(3);
    const uploadId = await stageAndDryRun(rest, records);
    const tampered = records.map((r, i) => (i === 1 ? { ...r, values: { ...r.values, status: 'Attended' } } : r));
    const error = await rest
      .commitUpload(uploadId, { idempotencyKey: 'key-tampered', recordCount: 3, checksum: await recordsChecksum(tampered) })
      .catch((e: unknown) => e);
    expect(error).to.be.instanceOf(RejectedError);
    expect((error as Error).message).to.contain('were dry-run. Nothing was created');
    expect(lms.lms.uploadedRecords()).to.have.length(0);
  });

  it('a commit before every chunk was dry-run is refused', async () => {
    const lms = await demoLms();
    const rest = backend();
    const records = classroomRecords(4);
    const { uploadId } = await rest.stageUpload({ ...CLASSROOM, totalRecords: 4 });
    await rest.dryRunChunk(uploadId, { chunkIndex: 0, records: records.slice(0, 2) });
    const error = await rest
      .commitUpload(uploadId, { idempotencyKey: 'key-incomplete', recordCount: 4, checksum: await recordsChecksum(records) })
      .catch((e: unknown) => e);
    expect(error).to.be.instanceOf(RejectedError);
    expect((error as Error).message).to.contain('Only 2 of the 4 records');
    expect(lms.lms.uploadedRecords()).to.have.length(0);
  });

  it('a second commit of the same upload with another key creates nothing new', async () => {
    const lms = await demoLms();
    const rest = backend();
    const records = classroomRecords(2);
    const uploadId = await stageAndDryRun(rest, records);
    const checksum = await recordsChecksum(records);
    await rest.commitUpload(uploadId, { idempotencyKey: 'key-first-of-two', recordCount: 2, checksum });
    const error = await rest.commitUpload(uploadId, { idempotencyKey: 'key-second-of-two', recordCount: 2, checksum }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(RejectedError);
    expect(lms.lms.uploadedRecords()).to.have.length(2);
  });

  it('a file with an issue left in it is refused at commit, whole: valid rows are not created either', async () => {
    const lms = await demoLms();
    const rest = backend();
    const records = [...classroomRecords(3), { row: 5, values: { identifier: DEMO.existingRecord.email, completionDate: DEMO.existingRecord.date, status: 'Completed' } }];
    const uploadId = await stageAndDryRun(rest, records);
    const error = await rest
      .commitUpload(uploadId, { idempotencyKey: 'key-with-issue', recordCount: 4, checksum: await recordsChecksum(records) })
      .catch((e: unknown) => e);
    expect(error).to.be.instanceOf(RejectedError);
    expect((error as RejectedError).issues.map((i) => [i.row, i.code])).to.deep.equal([[5, 'record-exists']]);
    expect(lms.lms.uploadedRecords()).to.have.length(0);
  });
});
