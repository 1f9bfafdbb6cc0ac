// Races, held by the database and not by the process: two server instances (on PostgreSQL, each with its
// own connection pool) over one database. Two admins commit overlapping records at once → exactly one wins
// per record and the other creates nothing; the same key sent twice at once → one set of records.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEMO } from '../../demo/mocks/data.js';
import { openDatabase } from '../db/database.js';
import type { Database } from '../db/database.js';
import { ADMIN, ADMIN2, CLASSROOM, atClose, call, classroomRecords, closeAll, recordCount, staged, startServer, testDatabase } from './harness.js';
import type { TestServer } from './harness.js';

let db: Database;
let one: TestServer;
let two: TestServer;

before(async () => {
  db = await testDatabase();
  const url = process.env['LMS_TEST_DATABASE_URL'];
  // A second instance has its own pool on PostgreSQL; PGlite is one embedded database, shared in-process.
  const second = url ? await openDatabase({ url }) : db;
  one = await startServer(db);
  two = await startServer(second);
  if (second !== db) atClose(() => second.close());
});
after(closeAll);

describe('concurrent commits', () => {
  it('two admins commit overlapping records at the same moment: one wins, the other gets a conflict and creates nothing', async () => {
    for (let round = 0; round < 3; round++) {
      const date = `2026-0${round + 3}-10`;
      // Admin 1: learners 0–3; admin 2: learners 2–5. Learners 2 and 3 overlap.
      const first = await staged(one, classroomRecords(0, 4, date), ADMIN);
      const second = await staged(two, classroomRecords(2, 4, date), ADMIN2);
      assert.ok((first.dryRun.body['rows'] as Array<{ label: string }>).every((r) => r.label === 'create'));
      assert.ok((second.dryRun.body['rows'] as Array<{ label: string }>).every((r) => r.label === 'create'));
      const before = await recordCount(db, CLASSROOM.activityId);
      const [a, b] = await Promise.all([
        call(one, 'POST', `/uploads/${first.uploadId}/commit`, { token: ADMIN, body: first.commit }),
        call(two, 'POST', `/uploads/${second.uploadId}/commit`, { token: ADMIN2, body: second.commit }),
      ]);
      const statuses = [a.status, b.status].sort();
      assert.deepEqual(statuses, [201, 409], `round ${round}: ${a.status} ${b.status}`);
      const loser = a.status === 409 ? a : b;
      assert.equal(loser.body['type'], 'urn:problem:offline-upload:records-refused');
      const exists = loser.body.issues!.filter((i) => i['code'] === 'record-exists').map((i) => i['row']);
      assert.deepEqual(exists, a.status === 409 ? [4, 5] : [2, 3], 'the overlapping learners are named by the loser\'s rows');
      assert.equal(await recordCount(db, CLASSROOM.activityId), before + 4, 'the winner\'s 4 records, none of the loser\'s');
      const { rows } = await db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM completion_records WHERE activity_id = $1 AND completion_date = $2 AND user_id = ANY($3::text[])',
        [CLASSROOM.activityId, date, DEMO.employees.slice(0, 6).map((e) => e.id)],
      );
      assert.equal(rows[0]!.n, 4, 'one record per learner and day');
    }
  });

  it('the same commit sent twice at once (a double click, two tabs, two instances) creates one set of records', async () => {
    const upload = await staged(one, classroomRecords(6, 3, '2026-06-10'));
    const before = await recordCount(db);
    const answers = await Promise.all([
      call(one, 'POST', `/uploads/${upload.uploadId}/commit`, { body: upload.commit }),
      call(two, 'POST', `/uploads/${upload.uploadId}/commit`, { body: upload.commit }),
      call(one, 'POST', `/uploads/${upload.uploadId}/commit`, { body: upload.commit }),
    ]);
    assert.deepEqual(answers.map((x) => x.status).sort(), [200, 200, 201]);
    assert.equal(new Set(answers.map((x) => x.body['committedAt'])).size, 1, 'every answer is the first commit\'s');
    assert.equal(await recordCount(db), before + 3);
  });

  it('an assessment passed by one commit makes a concurrent commit for the same learner on another day a conflict', async () => {
    const assessment = { activityId: DEMO.activities.assessment, domainId: DEMO.domains.employees, identifierKind: 'email', templateVersion: 'assessment-5' };
    const learner = DEMO.employees[9]!;
    const record = (date: string) => [{ row: 2, values: { identifier: learner.email, completionDate: date, score: 90, status: 'Passed', expiryDate: null } }];
    const first = await staged(one, record('2026-07-01'), ADMIN, assessment);
    const second = await staged(two, record('2026-07-02'), ADMIN2, assessment);
    const answers = await Promise.all([
      call(one, 'POST', `/uploads/${first.uploadId}/commit`, { token: ADMIN, body: first.commit }),
      call(two, 'POST', `/uploads/${second.uploadId}/commit`, { token: ADMIN2, body: second.commit }),
    ]);
    assert.deepEqual(answers.map((x) => x.status).sort(), [201, 409]);
    const loser = answers.find((x) => x.status === 409)!;
    assert.match(String(loser.body.issues![0]!['detail']), /already passed this assessment/);
    assert.equal(await recordCount(db, DEMO.activities.assessment), (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM completion_records WHERE activity_id = $1', [DEMO.activities.assessment])).rows[0]!.n);
    const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM completion_records WHERE activity_id = $1 AND user_id = $2', [DEMO.activities.assessment, learner.id]);
    assert.equal(rows[0]!.n, 1);
  });
});
