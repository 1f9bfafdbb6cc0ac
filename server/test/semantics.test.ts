// The contract's semantics on the reference server, over a real database: every operation through the
// widget's own RestBackend, dry run writes nothing, the commit re-checks and is all-or-nothing, the
// idempotency key replays, staged uploads expire and are swept, limits are enforced.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { RestBackend } from '../../src/backend/rest-backend.js';
import { recordsChecksum } from '../../src/backend/checksum.js';
import { ACTIVITIES, DEMO, DOMAINS, SKIPPED_RECORD, TEMPLATE_VERSIONS, templateSpecFor } from '../../demo/mocks/data.js';
import type { Database } from '../db/database.js';
import { sweep } from '../lms/uploads.js';
import { ADMIN, CLASSROOM, call, closeAll, classroomRecords, recordCount, staged, startServer, testClock, testConfig, testDatabase } from './harness.js';
import type { Clock, TestServer } from './harness.js';

let db: Database;
let server: TestServer;
let clock: Clock;

before(async () => {
  db = await testDatabase();
  clock = testClock();
  server = await startServer(db, testConfig({}, { maxRecords: 50, uploadTtlMs: 60_000 }), clock);
});
after(closeAll);

describe('every operation, through RestBackend', () => {
  it('answers the catalogue as the demo LMS does: categories, offline activities only, domains, template specs', async () => {
    const rest = new RestBackend({ baseUrl: server.base, headers: { Authorization: `Bearer ${ADMIN}` }, retries: { attempts: 1 } });
    assert.equal((await rest.getPermissions()).canUpload, true);
    assert.deepEqual(await rest.getCapabilities(), { maxRecordsPerUpload: 50, maxFileBytes: 50 * 1024 * 1024, maxRequestBytes: 16 * 1024 * 1024, chunkSize: 5000, acceptsGzip: true });
    assert.deepEqual((await rest.listCategories()).map((c) => c.id), ['cat-hse', 'cat-ops', 'cat-compliance', 'cat-leadership', 'cat-it', 'cat-customer']);
    const page = await rest.searchActivities({ text: 'fire' });
    assert.deepEqual(page.items.map((a) => a.id), ['act-hse-101', 'act-hse-150']);
    const all = await rest.searchActivities({ limit: 100 });
    assert.equal(all.total, ACTIVITIES.filter((a) => a.kind !== 'online').length);
    assert.equal((await rest.getActivity('act-ops-201')).code, 'OPS-201');
    await assert.rejects(rest.getActivity(DEMO.activities.online), /online activity/);
    assert.deepEqual((await rest.listDomains()).map((d) => d.identifierKinds.map((k) => k.key)), [['email', 'employeeId'], ['username'], ['email']]);
    for (const activity of ACTIVITIES.filter((a) => a.kind !== 'online')) {
      for (const domain of DOMAINS) {
        for (const kind of domain.identifierKinds) {
          const expected = templateSpecFor(activity, domain, kind, undefined);
          const spec = await rest.getTemplateSpec({ activityId: activity.id, domainId: domain.id, identifierKind: kind.key });
          assert.deepEqual({ ...spec, activity: { ...spec.activity, categoryName: undefined } }, { ...expected, activity: { ...expected.activity, categoryName: undefined } }, `${activity.id} ${domain.id} ${kind.key}`);
        }
      }
    }
  });

  it('stages, dry-runs, commits and discards through RestBackend, and a replay creates nothing', async () => {
    const rest = new RestBackend({ baseUrl: server.base, headers: { Authorization: `Bearer ${ADMIN}` }, retries: { attempts: 1 } });
    const records = classroomRecords(0, 3);
    const before = await recordCount(db);
    const { uploadId } = await rest.stageUpload({ ...CLASSROOM, totalRecords: 3 });
    const dryRun = await rest.dryRunChunk(uploadId, { chunkIndex: 0, records });
    assert.deepEqual(dryRun.rows.map((r) => r.label), ['create', 'create', 'create']);
    assert.equal(await recordCount(db), before, 'a dry run creates no record');
    const commit = { idempotencyKey: 'semantics-commit-1', recordCount: 3, checksum: await recordsChecksum(records) };
    const result = await rest.commitUpload(uploadId, commit);
    assert.equal(result.created, 3);
    assert.equal(await recordCount(db), before + 3);
    const again = await rest.commitUpload(uploadId, commit);
    assert.equal(again.replayed, true);
    assert.equal(again.created, 3);
    assert.equal(again.committedAt, result.committedAt);
    assert.equal(await recordCount(db), before + 3, 'a replay creates nothing');
    const other = await rest.stageUpload({ ...CLASSROOM, totalRecords: 1 });
    await rest.discardUpload(other.uploadId);
    const gone = await call(server, 'POST', `/uploads/${other.uploadId}/chunks`, { body: { chunkIndex: 0, records: classroomRecords(5, 1) } });
    assert.equal(gone.status, 404);
    assert.equal(gone.body['type'], 'urn:problem:offline-upload:upload-not-found');
  });
});

describe('dry run', () => {
  it('labels every row and reports the LMS\'s issues by row and column, writing staging rows only', async () => {
    const records = [
      ...classroomRecords(3, 1),
      { row: 3, values: { identifier: DEMO.existingRecord.email, completionDate: DEMO.existingRecord.date, status: 'Completed' } },
      { row: 4, values: { identifier: DEMO.unknownEmail, completionDate: '2026-03-14', status: 'Completed' } },
      { row: 5, values: { identifier: DEMO.inactiveEmployee.email, completionDate: '2026-03-14', status: 'Completed' } },
      { row: 6, values: { identifier: DEMO.partnersOnly[0]!.email, completionDate: '2026-03-14', status: 'Completed' } },
      { row: 7, values: { identifier: DEMO.employees[4]!.email.toUpperCase(), completionDate: '2023-01-01', status: 'Done' } },
      { row: 8, values: { identifier: DEMO.employees[3]!.email, completionDate: '2026-03-14', status: 'Completed' } },
    ];
    const before = await recordCount(db);
    const { dryRun } = await staged(server, records);
    assert.equal(dryRun.status, 200);
    assert.equal((dryRun.body['rows'] as Array<{ learner?: string }>)[0]!.learner, DEMO.employees[3]!.name, 'rows of known learners carry their name');
    assert.equal((dryRun.body['rows'] as Array<{ learner?: string }>)[2]!.learner, undefined);
    assert.deepEqual((dryRun.body['rows'] as Array<{ row: number; label: string }>).map(({ row, label }) => ({ row, label })), [
      { row: 2, label: 'create' },
      { row: 3, label: 'already-recorded' },
      { row: 4, label: 'conflict' },
      { row: 5, label: 'conflict' },
      { row: 6, label: 'conflict' },
      { row: 7, label: 'conflict' },
      { row: 8, label: 'conflict' },
    ]);
    const codes = dryRun.body.issues!.map((i) => `${i['row']}:${i['code']}:${i['columnKey'] ?? ''}`);
    assert.deepEqual(codes, [
      '3:record-exists:',
      '4:user-not-found:identifier',
      '5:user-inactive:identifier',
      '6:user-outside-domain:identifier',
      '7:value-rejected:status',
      '7:date-outside-activity:completionDate',
      '8:record-conflict:',
    ]);
    assert.equal(await recordCount(db), before, 'nothing was created');
  });

  it('refuses a row sent twice, more rows than announced, and rows for an upload already committed', async () => {
    const { uploadId } = await staged(server, classroomRecords(6, 2));
    const twice = await call(server, 'POST', `/uploads/${uploadId}/chunks`, { body: { chunkIndex: 1, records: classroomRecords(6, 1) } });
    assert.equal(twice.status, 422);
    assert.equal(twice.body['type'], 'urn:problem:offline-upload:row-repeated');
    const more = await call(server, 'POST', `/uploads/${uploadId}/chunks`, { body: { chunkIndex: 1, records: [{ row: 9, values: classroomRecords(8, 1)[0]!.values }] } });
    assert.equal(more.status, 422);
    assert.equal(more.body['type'], 'urn:problem:offline-upload:too-many-rows');
    const huge = await call(server, 'POST', `/uploads/${uploadId}/chunks`, { body: { chunkIndex: 1, records: [{ row: 2 ** 40, values: classroomRecords(8, 1)[0]!.values }] } });
    assert.equal(huge.status, 400);
    // Sending chunk 0 again replaces it.
    const replaced = await call(server, 'POST', `/uploads/${uploadId}/chunks`, { body: { chunkIndex: 0, records: classroomRecords(6, 2) } });
    assert.equal(replaced.status, 200);
  });

  it('counts duplicates across chunks: the first row of a learner on a date wins', async () => {
    const staging = await call(server, 'POST', '/uploads', { body: { ...CLASSROOM, totalRecords: 2 } });
    const uploadId = String(staging.body['uploadId']);
    const first = classroomRecords(9, 1);
    await call(server, 'POST', `/uploads/${uploadId}/chunks`, { body: { chunkIndex: 0, records: first } });
    const second = await call(server, 'POST', `/uploads/${uploadId}/chunks`, { body: { chunkIndex: 1, records: [{ row: 40, values: first[0]!.values }] } });
    assert.deepEqual(second.body['rows'], [{ row: 40, label: 'conflict', learner: DEMO.employees[9]!.name }]);
    assert.equal(second.body.issues![0]!['detail'], 'row 2 already records this user on the same date');
  });
});

describe('commit', () => {
  it('an activity that skips existing records labels them already-recorded without an issue and leaves them unchanged', async () => {
    const skip = { ...CLASSROOM, activityId: SKIPPED_RECORD.activityId };
    const records = [
      { row: 2, values: { identifier: SKIPPED_RECORD.email, completionDate: SKIPPED_RECORD.date, status: SKIPPED_RECORD.status } },
      { row: 3, values: classroomRecords(19, 1)[0]!.values },
    ];
    const { uploadId, dryRun, commit } = await staged(server, records, ADMIN, skip);
    assert.deepEqual((dryRun.body['rows'] as Array<{ label: string }>).map((r) => r.label), ['already-recorded', 'create']);
    assert.deepEqual(dryRun.body.issues, []);
    const before = await recordCount(db, skip.activityId);
    const done = await call(server, 'POST', `/uploads/${uploadId}/commit`, { body: commit });
    assert.equal(done.status, 201);
    assert.equal(done.body['created'], 1);
    assert.equal(done.body['unchanged'], 1);
    assert.equal(await recordCount(db, skip.activityId), before + 1);
  });

  it('re-checks every row against the LMS as it is now: a learner deactivated since the dry run → 409 with issues, nothing created', async () => {
    const records = classroomRecords(10, 2);
    const { uploadId, commit, dryRun } = await staged(server, records);
    assert.deepEqual((dryRun.body['rows'] as unknown[]).length, 2);
    await db.query("UPDATE users SET active = false WHERE id = $1", [DEMO.employees[11]!.id]);
    try {
      const before = await recordCount(db);
      const refused = await call(server, 'POST', `/uploads/${uploadId}/commit`, { body: commit });
      assert.equal(refused.status, 409);
      assert.equal(refused.body['type'], 'urn:problem:offline-upload:records-refused');
      assert.deepEqual(refused.body.issues, [{ row: 3, columnKey: 'identifier', code: 'user-inactive' }]);
      assert.equal(await recordCount(db), before, 'not even the acceptable row was created');
    } finally {
      await db.query("UPDATE users SET active = true WHERE id = $1", [DEMO.employees[11]!.id]);
    }
  });

  it('refuses an incomplete upload (409) and records that are not the ones dry-run (422)', async () => {
    const staging = await call(server, 'POST', '/uploads', { body: { ...CLASSROOM, totalRecords: 3 } });
    const uploadId = String(staging.body['uploadId']);
    const records = classroomRecords(12, 2);
    await call(server, 'POST', `/uploads/${uploadId}/chunks`, { body: { chunkIndex: 0, records } });
    const commit = { idempotencyKey: 'incomplete-1', recordCount: 2, checksum: await recordsChecksum(records) };
    const incomplete = await call(server, 'POST', `/uploads/${uploadId}/commit`, { body: commit });
    assert.equal(incomplete.status, 409);
    assert.equal(incomplete.body['type'], 'urn:problem:offline-upload:upload-incomplete');

    const done = await staged(server, classroomRecords(12, 2));
    const mismatch = await call(server, 'POST', `/uploads/${done.uploadId}/commit`, { body: { ...done.commit, checksum: 'f'.repeat(64) } });
    assert.equal(mismatch.status, 422);
    assert.equal(mismatch.body['type'], 'urn:problem:offline-upload:commit-mismatch');
    // The refused key was not spent: the right request with it commits.
    const ok = await call(server, 'POST', `/uploads/${done.uploadId}/commit`, { body: { ...done.commit } });
    assert.equal(ok.status, 201);
  });

  it('the same key with another payload is refused (422) and creates nothing; another key on a committed upload is 409', async () => {
    const first = await staged(server, classroomRecords(14, 1));
    assert.equal((await call(server, 'POST', `/uploads/${first.uploadId}/commit`, { body: first.commit })).status, 201);
    const second = await staged(server, classroomRecords(15, 1));
    const before = await recordCount(db);
    const reused = await call(server, 'POST', `/uploads/${second.uploadId}/commit`, { body: { ...second.commit, idempotencyKey: first.commit.idempotencyKey } });
    assert.equal(reused.status, 422);
    assert.equal(reused.body['type'], 'urn:problem:offline-upload:idempotency-key-reused');
    assert.equal(await recordCount(db), before);
    const otherKey = await call(server, 'POST', `/uploads/${first.uploadId}/commit`, { body: { ...first.commit, idempotencyKey: 'another-key-123' } });
    assert.equal(otherKey.status, 409);
    assert.equal(otherKey.body['type'], 'urn:problem:offline-upload:upload-committed');
    const header = await call(server, 'POST', `/uploads/${second.uploadId}/commit`, { body: second.commit, headers: { 'Idempotency-Key': 'not-the-same' } });
    assert.equal(header.status, 400);
  });

  it('refuses the commit when the activity was removed since the dry run', async () => {
    const { uploadId, commit } = await staged(server, classroomRecords(16, 1), ADMIN, { ...CLASSROOM, activityId: 'act-cmp-305' });
    const before = await recordCount(db, 'act-cmp-305');
    await db.query('UPDATE activities SET removed_at = now() WHERE id = $1', ['act-cmp-305']);
    try {
      const refused = await call(server, 'POST', `/uploads/${uploadId}/commit`, { body: commit });
      assert.equal(refused.status, 409);
      assert.equal(refused.body['type'], 'urn:problem:offline-upload:activity-removed');
      assert.equal(refused.body.issues!.length, 1);
      assert.equal(await recordCount(db, 'act-cmp-305'), before);
    } finally {
      await db.query('UPDATE activities SET removed_at = NULL WHERE id = $1', ['act-cmp-305']);
    }
  });
});

describe('expiry and limits', () => {
  it('a staged upload expires (404) and the sweep deletes it with its rows; a committed one answers its replay after expiry', async () => {
    const { uploadId, commit } = await staged(server, classroomRecords(17, 1));
    const committed = await staged(server, classroomRecords(18, 1));
    assert.equal((await call(server, 'POST', `/uploads/${committed.uploadId}/commit`, { body: committed.commit })).status, 201);
    clock.advance(61_000);
    const late = await call(server, 'POST', `/uploads/${uploadId}/commit`, { body: commit });
    assert.equal(late.status, 404);
    assert.equal(late.body['type'], 'urn:problem:offline-upload:upload-not-found');
    const rowsBefore = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM staged_rows WHERE upload_id = $1', [uploadId]);
    assert.equal(rowsBefore.rows[0]!.n, 1);
    const swept = await sweep(db, clock.now(), 3600_000);
    assert.ok(swept.uploads >= 1);
    const rowsAfter = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM staged_rows WHERE upload_id = $1', [uploadId]);
    assert.equal(rowsAfter.rows[0]!.n, 0);
    const replay = await call(server, 'POST', `/uploads/${committed.uploadId}/commit`, { body: committed.commit });
    assert.equal(replay.status, 200);
    assert.equal(replay.body['replayed'], true);
  });

  it('an upload being sent does not expire half-way: each chunk keeps it one staging time from then', async () => {
    const staging = await call(server, 'POST', '/uploads', { body: { ...CLASSROOM, totalRecords: 2 } });
    const uploadId = String(staging.body['uploadId']);
    clock.advance(40_000);
    assert.equal((await call(server, 'POST', `/uploads/${uploadId}/chunks`, { body: { chunkIndex: 0, records: classroomRecords(0, 1, '2026-02-02') } })).status, 200);
    clock.advance(40_000); // 80 s after staging, 40 s after the last chunk: still there
    const second = await call(server, 'POST', `/uploads/${uploadId}/chunks`, { body: { chunkIndex: 1, records: [{ row: 3, values: classroomRecords(1, 1, '2026-02-02')[0]!.values }] } });
    assert.equal(second.status, 200);
    clock.advance(61_000);
    assert.equal((await call(server, 'POST', `/uploads/${uploadId}/chunks`, { body: { chunkIndex: 1, records: [{ row: 3, values: classroomRecords(1, 1, '2026-02-02')[0]!.values }] } })).status, 404);
  });

  it('refuses more records than an upload may hold (422), naming the limit', async () => {
    const refused = await call(server, 'POST', '/uploads', { body: { ...CLASSROOM, totalRecords: 51 } });
    assert.equal(refused.status, 422);
    assert.match(String(refused.body['detail']), /at most 50 records/);
  });

  it('refuses an outdated template (409) and bad requests with what is wrong (400)', async () => {
    const outdated = await call(server, 'POST', '/uploads', { body: { ...CLASSROOM, templateVersion: 'classroom-2', totalRecords: 1 } });
    assert.equal(outdated.status, 409);
    assert.equal(outdated.body['type'], 'urn:problem:offline-upload:template-outdated');
    const missing = await call(server, 'POST', '/uploads', { body: { ...CLASSROOM } });
    assert.equal(missing.status, 400);
    assert.match(String(missing.body['detail']), /totalRecords/);
    const notJson = await call(server, 'POST', '/uploads', { raw: '{"activityId":', headers: { 'Content-Type': 'application/json' } });
    assert.equal(notJson.status, 400);
    assert.equal(notJson.headers.get('content-type'), 'application/problem+json; charset=utf-8');
    const limit = await call(server, 'GET', '/activities?limit=500');
    assert.equal(limit.status, 400);
    const template = await call(server, 'GET', '/template-spec?activityId=act-hse-101');
    assert.equal(template.status, 400);
    assert.match(String(template.body['detail']), /domainId/);
    assert.equal(TEMPLATE_VERSIONS.classroom, CLASSROOM.templateVersion);
  });
});
