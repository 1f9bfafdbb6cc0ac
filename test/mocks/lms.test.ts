// The demo LMS on its own (no HTTP): realistic, deterministic data and the domain rules an integrator's
// LMS is expected to apply.
import { expect } from '@open-wc/testing';
import { ACTIVITIES, CATEGORIES, DEMO, DOMAINS, SEED_RECORDS, SKIPPED_RECORD, TEMPLATE_VERSIONS, USERS, seededRandom } from '../../demo/mocks/data.js';
import { DEMO_CAPABILITIES, Lms, LmsProblem } from '../../demo/mocks/lms.js';
import { CapabilitiesSchema } from '../../src/backend/schemas.js';
import { recordsChecksum } from '../../src/backend/checksum.js';
import type { UploadRecord } from '../../src/core/records.js';
import { TemplateSpec } from '../../src/core/spec.js';

const TODAY = '2026-11-28';

function lms(): Lms {
  return new Lms({ today: () => TODAY });
}

function problemOf(fn: () => unknown): LmsProblem {
  try {
    fn();
  } catch (error) {
    if (error instanceof LmsProblem) return error;
    throw error;
  }
  throw new Error('expected an LmsProblem');
}

/** Stages and dry-runs `records` for a choice; returns the upload id and the verdict. */
function dryRun(target: Lms, activityId: string, domainId: string, identifierKind: string, records: UploadRecord[]) {
  const version = target.templateSpec({ activityId, domainId, identifierKind }).version;
  const { uploadId } = target.stage({ activityId, domainId, identifierKind, templateVersion: version, totalRecords: records.length });
  return { uploadId, ...target.dryRunChunk(uploadId, { chunkIndex: 0, records }) };
}

const classroomRow = (row: number, identifier: string, completionDate = '2026-03-14') => ({
  row,
  values: { identifier, completionDate, status: 'Completed' },
});

describe('demo LMS data', () => {
  it('has several categories, 30+ offline activities and online ones', () => {
    expect(CATEGORIES.length).to.be.at.least(5);
    const offline = ACTIVITIES.filter((a) => a.kind !== 'online');
    expect(offline.length).to.be.at.least(30);
    expect(ACTIVITIES.filter((a) => a.kind === 'online').length).to.be.at.least(3);
    expect(new Set(offline.map((a) => a.kind))).to.deep.equal(new Set(['classroom', 'assessment', 'practical']));
    for (const activity of offline) {
      expect(activity.code, activity.id).to.match(/^[A-Z]{2,3}-\d{3}$/);
      expect(activity.location, activity.id).to.be.a('string');
      if (activity.endDate) expect(activity.endDate >= activity.startDate, activity.id).to.equal(true);
    }
  });

  it('has 2,000+ users: unique identifiers, some inactive, most in one domain, some in two', () => {
    expect(USERS.length).to.be.at.least(2000);
    expect(new Set(USERS.map((u) => u.email)).size).to.equal(USERS.length);
    expect(new Set(USERS.map((u) => u.username)).size).to.equal(USERS.length);
    const employeeIds = USERS.flatMap((u) => (u.employeeId ? [u.employeeId] : []));
    expect(new Set(employeeIds).size).to.equal(employeeIds.length);
    expect(employeeIds.every((id) => /^E\d{6}$/.test(id))).to.equal(true);
    expect(USERS.every((u) => /^[a-z][a-z0-9._-]{2,31}$/.test(u.username))).to.equal(true);
    const inactive = USERS.filter((u) => !u.active).length;
    expect(inactive).to.be.within(20, USERS.length / 10);
    expect(USERS.filter((u) => u.domainIds.length === 2).length).to.be.at.least(10);
    for (const domain of DOMAINS) expect(USERS.filter((u) => u.domainIds.length === 1 && u.domainIds[0] === domain.id).length, domain.name).to.be.at.least(100);
  });

  it('is deterministic: a seeded PRNG, and the published demo users are stable', () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    expect(Array.from({ length: 5 }, a)).to.deep.equal(Array.from({ length: 5 }, b));
    expect(DEMO.employees[0]!.email).to.equal('arthur.campbell@northwind.example');
    expect(DEMO.employees).to.have.length(20);
    expect(SEED_RECORDS.length).to.be.greaterThan(500);
  });

  it('publishes demo users whose facts hold', () => {
    const target = lms();
    for (const employee of DEMO.employees) {
      const user = target.findUser(employee.email)!;
      expect(user.active && user.domainIds.join() === 'dom-employees', employee.email).to.equal(true);
      expect(SEED_RECORDS.some((r) => r.userId === user.id), `${employee.email} has no records`).to.equal(false);
    }
    expect(target.findUser(DEMO.inactiveEmployee.email)!.active).to.equal(false);
    expect(target.findUser(DEMO.partnersOnly[0]!.email)!.domainIds).to.deep.equal(['dom-partners']);
    expect(target.findUser(DEMO.bothDomains.email)!.domainIds).to.deep.equal(['dom-employees', 'dom-partners']);
    expect(target.findUser(DEMO.unknownEmail)).to.equal(undefined);
    const existing = target.recordsFor(DEMO.existingRecord.activityId).filter((r) => r.userId === DEMO.existingRecord.id);
    expect(existing.map((r) => r.date)).to.deep.equal([DEMO.existingRecord.date]);
  });
});

describe('demo LMS search and templates', () => {
  it('never offers an online activity, whatever the search', () => {
    const target = lms();
    for (const online of ACTIVITIES.filter((a) => a.kind === 'online')) {
      for (const text of [online.name, online.code, '']) {
        const page = target.searchActivities({ text, limit: 100 });
        expect(page.items.map((a) => a.id), text).to.not.include(online.id);
      }
    }
  });

  it('matches words in any order, ignoring case and accents', () => {
    const page = lms().searchActivities({ text: 'ASSESSMENT forklift' });
    expect(page.items.map((a) => a.code)).to.deep.equal(['OPS-201']);
  });

  it('makes a valid template for every offline activity × domain × identifier, identifier column first', () => {
    const target = lms();
    let count = 0;
    for (const activity of ACTIVITIES.filter((a) => a.kind !== 'online')) {
      for (const domain of DOMAINS) {
        for (const kind of domain.identifierKinds) {
          const spec = TemplateSpec.parse(target.templateSpec({ activityId: activity.id, domainId: domain.id, identifierKind: kind.key }));
          expect(spec.columns[0]).to.include({ key: 'identifier', header: kind.label, type: 'identifier' });
          expect(spec.version).to.equal(TEMPLATE_VERSIONS[activity.kind as keyof typeof TEMPLATE_VERSIONS]);
          count++;
        }
      }
    }
    expect(count).to.equal(34 * 4);
  });

  it('shapes the columns by kind: classroom status, assessment score and result, practical hours', () => {
    const target = lms();
    const spec = (activityId: string) => target.templateSpec({ activityId, domainId: 'dom-employees', identifierKind: 'email' });
    expect(spec(DEMO.activities.classroom).columns.find((c) => c.key === 'status')!.choices).to.deep.equal(['Attended', 'Completed']);
    const assessment = spec(DEMO.activities.assessment);
    expect(assessment.columns.find((c) => c.key === 'score')).to.include({ type: 'number', required: true, min: 0, max: 100 });
    expect(assessment.columns.find((c) => c.key === 'status')!.choices).to.deep.equal(['Passed', 'Failed']);
    expect(assessment.columns.map((c) => c.key)).to.include('expiryDate');
    expect(assessment.rules).to.include({ passMark: 70, scoreRequired: true });
    expect(spec(DEMO.activities.practical).columns.find((c) => c.key === 'hours')).to.include({ type: 'integer', min: 1, max: 40 });
  });
});

describe('demo LMS rules', () => {
  it('dates must fall within the activity: before the start, after the end, a one-day event', () => {
    const target = lms();
    const employees = DEMO.employees;
    const ended = dryRun(target, DEMO.activities.ended, 'dom-employees', 'email', [
      classroomRow(2, employees[0]!.email, '2025-06-30'),
      classroomRow(3, employees[1]!.email, '2025-10-01'),
      classroomRow(4, employees[2]!.email, '2025-08-15'),
    ]);
    expect(ended.rows.map((r) => r.label)).to.deep.equal(['conflict', 'conflict', 'create']);
    expect(ended.issues.map((i) => i.params)).to.deep.equal([
      { start: '2025-07-01', end: '2025-09-30' },
      { start: '2025-07-01', end: '2025-09-30' },
    ]);
    const oneDay = dryRun(target, DEMO.activities.singleDay, 'dom-employees', 'email', [
      classroomRow(2, employees[3]!.email, '2025-03-20'),
      classroomRow(3, employees[4]!.email, '2025-03-21'),
    ]);
    expect(oneDay.rows.map((r) => r.label)).to.deep.equal(['create', 'conflict']);
  });

  it('a completion date after the LMS\'s today is refused', () => {
    const result = dryRun(lms(), DEMO.activities.classroom, 'dom-employees', 'email', [classroomRow(2, DEMO.employees[0]!.email, '2026-12-01')]);
    expect(result.issues[0]).to.include({ code: 'value-rejected', columnKey: 'completionDate' });
  });

  it('identifies contractors by username and employees by employee number', () => {
    const target = lms();
    const contractor = dryRun(target, DEMO.activities.practical, 'dom-contractors', 'username', [
      { row: 2, values: { identifier: DEMO.contractors[0]!.username, completionDate: '2026-05-20', hours: 8, status: 'Completed' } },
      { row: 3, values: { identifier: DEMO.inactiveContractor.username, completionDate: '2026-05-20', hours: 8, status: 'Completed' } },
      { row: 4, values: { identifier: DEMO.employees[0]!.username, completionDate: '2026-05-20', hours: 8, status: 'Completed' } },
    ]);
    expect(contractor.issues.map((i) => [i.row, i.code])).to.deep.equal([
      [3, 'user-inactive'],
      [4, 'user-outside-domain'],
    ]);
    const employee = dryRun(target, DEMO.activities.assessment, 'dom-employees', 'employeeId', [
      { row: 2, values: { identifier: DEMO.employees[0]!.employeeId, completionDate: '2026-04-02', score: 82.5, status: 'Passed', expiryDate: null } },
    ]);
    expect(employee.rows).to.deep.equal([{ row: 2, label: 'create', learner: DEMO.employees[0]!.name }]);
  });

  it('assessments: a Passed result below the pass mark is refused; a second record after a pass is a conflict', () => {
    const target = lms();
    const result = dryRun(target, DEMO.activities.assessment, 'dom-employees', 'employeeId', [
      { row: 2, values: { identifier: DEMO.employees[0]!.employeeId, completionDate: '2026-04-02', score: 65, status: 'Passed' } },
      { row: 3, values: { identifier: DEMO.passedAssessment.employeeId, completionDate: '2026-04-02', score: 91, status: 'Passed' } },
      { row: 4, values: { identifier: DEMO.employees[1]!.employeeId, completionDate: '2026-04-02', score: 91, status: 'Passed', expiryDate: '2026-01-01' } },
    ]);
    expect(result.issues.map((i) => [i.row, i.code, i.columnKey])).to.deep.equal([
      [2, 'value-rejected', 'status'],
      [3, 'record-conflict', undefined],
      [4, 'value-rejected', 'expiryDate'],
    ]);
    expect(result.issues[1]!.detail).to.equal('this user already passed this assessment on 2025-07-01');
  });

  it('values that break the template are refused even if the client let them through', () => {
    const result = dryRun(lms(), DEMO.activities.practical, 'dom-employees', 'email', [
      { row: 2, values: { identifier: DEMO.employees[0]!.email, completionDate: '2026-02-30', hours: 4.5, status: 'Done', shoeSize: 42 } },
    ]);
    expect(result.issues.map((i) => i.columnKey).sort()).to.deep.equal(['completionDate', 'hours', 'shoeSize', 'status']);
  });

  it('the same user on the same date twice in one upload, across chunks, is a conflict', () => {
    const target = lms();
    const version = TEMPLATE_VERSIONS.classroom;
    const { uploadId } = target.stage({ activityId: DEMO.activities.classroom, domainId: 'dom-employees', identifierKind: 'email', templateVersion: version, totalRecords: 2 });
    target.dryRunChunk(uploadId, { chunkIndex: 0, records: [classroomRow(2, DEMO.employees[0]!.email)] });
    const second = target.dryRunChunk(uploadId, { chunkIndex: 1, records: [classroomRow(40, DEMO.employees[0]!.email)] });
    expect(second.rows).to.deep.equal([{ row: 40, label: 'conflict', learner: DEMO.employees[0]!.name }]);
    expect(second.issues[0]!.detail).to.equal('row 2 already records this user on the same date');
  });

  it('an outdated template is refused at staging', () => {
    const problem = problemOf(() =>
      lms().stage({ activityId: DEMO.activities.classroom, domainId: 'dom-employees', identifierKind: 'email', templateVersion: 'classroom-1', totalRecords: 1 }),
    );
    expect(problem).to.include({ status: 409, slug: 'template-outdated' });
  });

  it('a staged upload expires: afterwards it is 404 and nothing can be committed', async () => {
    let now = new Date('2026-03-14T09:00:00Z');
    const target = new Lms({ now: () => now, today: () => TODAY, uploadTtlMs: 60_000 });
    const records = [classroomRow(2, DEMO.employees[0]!.email)];
    const { uploadId } = dryRun(target, DEMO.activities.classroom, 'dom-employees', 'email', records);
    now = new Date('2026-03-14T09:01:01Z');
    const error = await target.commit(uploadId, { idempotencyKey: 'key-expired', recordCount: 1, checksum: await recordsChecksum(records) }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(LmsProblem);
    expect(error).to.include({ status: 404, slug: 'upload-not-found' });
    expect(target.uploadedRecords()).to.deep.equal([]);
  });

  it('reset brings back the seed world: users, activities, records', async () => {
    const target = lms();
    const records = [classroomRow(2, DEMO.employees[0]!.email)];
    const { uploadId } = dryRun(target, DEMO.activities.classroom, 'dom-employees', 'email', records);
    await target.commit(uploadId, { idempotencyKey: 'key-before-reset', recordCount: 1, checksum: await recordsChecksum(records) });
    target.deactivateUser(DEMO.employees[1]!.email);
    target.removeActivity(DEMO.activities.practical);
    target.reset();
    expect(target.uploadedRecords()).to.deep.equal([]);
    expect(target.recordCount).to.equal(SEED_RECORDS.length);
    expect(target.findUser(DEMO.employees[1]!.email)!.active).to.equal(true);
    expect(target.getActivity(DEMO.activities.practical).id).to.equal(DEMO.activities.practical);
  });
});

describe('demo LMS contract additions: learners, existing-record policy, capabilities', () => {
  it('names the learner on every row whose user it knows, whatever the verdict; not for an unknown user', () => {
    const result = dryRun(lms(), DEMO.activities.classroom, 'dom-employees', 'email', [
      classroomRow(2, DEMO.employees[0]!.email),
      classroomRow(3, DEMO.unknownEmail),
      classroomRow(4, DEMO.inactiveEmployee.email),
      classroomRow(5, DEMO.existingRecord.email, DEMO.existingRecord.date),
    ]);
    expect(result.rows).to.deep.equal([
      { row: 2, label: 'create', learner: DEMO.employees[0]!.name },
      { row: 3, label: 'conflict' },
      { row: 4, label: 'conflict', learner: DEMO.inactiveEmployee.name },
      { row: 5, label: 'already-recorded', learner: DEMO.existingRecord.name },
    ]);
  });

  it('declares each activity\'s existing-record policy in its template: one skips, the others refuse', () => {
    const target = lms();
    const policy = (activityId: string) => target.templateSpec({ activityId, domainId: 'dom-employees', identifierKind: 'email' }).rules.existingRecords;
    expect(policy(DEMO.activities.skipsExisting)).to.equal('skip');
    expect(policy(DEMO.activities.classroom)).to.equal('refuse');
    const policies = ACTIVITIES.filter((a) => a.kind !== 'online').map((a) => policy(a.id));
    expect(policies.filter((p) => p === 'skip')).to.have.length(1);
  });

  it('refuse: an existing record is an issue, and the commit creates nothing', async () => {
    const target = lms();
    const records = [classroomRow(2, DEMO.employees[0]!.email), classroomRow(3, DEMO.existingRecord.email, DEMO.existingRecord.date)];
    const { uploadId, rows, issues } = dryRun(target, DEMO.activities.classroom, 'dom-employees', 'email', records);
    expect(rows.map((r) => r.label)).to.deep.equal(['create', 'already-recorded']);
    expect(issues.map((i) => [i.row, i.code])).to.deep.equal([[3, 'record-exists']]);
    const error = await target.commit(uploadId, { idempotencyKey: 'key-refuse-1', recordCount: 2, checksum: await recordsChecksum(records) }).catch((e: unknown) => e);
    expect(error).to.include({ status: 409, slug: 'records-refused' });
    expect(target.uploadedRecords()).to.deep.equal([]);
  });

  it('skip: an existing record is labelled already-recorded with no issue; the commit creates only the new ones and counts the rest unchanged', async () => {
    const target = lms();
    const before = target.recordsFor(SKIPPED_RECORD.activityId).length;
    const records = [
      classroomRow(2, DEMO.employees[0]!.email, '2026-03-12'),
      classroomRow(3, SKIPPED_RECORD.email, SKIPPED_RECORD.date),
      classroomRow(4, DEMO.employees[1]!.email, '2026-03-12'),
    ];
    const { uploadId, rows, issues } = dryRun(target, DEMO.activities.skipsExisting, 'dom-employees', 'email', records);
    expect(rows).to.deep.equal([
      { row: 2, label: 'create', learner: DEMO.employees[0]!.name },
      { row: 3, label: 'already-recorded', learner: SKIPPED_RECORD.name },
      { row: 4, label: 'create', learner: DEMO.employees[1]!.name },
    ]);
    expect(issues).to.deep.equal([]);
    const { status, result } = await target.commit(uploadId, { idempotencyKey: 'key-skip-1', recordCount: 3, checksum: await recordsChecksum(records) });
    expect(status).to.equal(201);
    expect(result).to.include({ created: 2, unchanged: 1 });
    expect(target.uploadedRecords(SKIPPED_RECORD.activityId).map((r) => r.values['identifier'])).to.deep.equal([DEMO.employees[0]!.email, DEMO.employees[1]!.email]);
    expect(target.recordsFor(SKIPPED_RECORD.activityId)).to.have.length(before + 2);
    const existing = target.recordsFor(SKIPPED_RECORD.activityId).filter((r) => r.userId === SKIPPED_RECORD.id);
    expect(existing.map((r) => [r.date, r.uploadId])).to.deep.equal([[SKIPPED_RECORD.date, undefined]]);
  });

  it('skip: other problems on an existing record\'s row still stop the commit, all or nothing', async () => {
    const target = lms();
    const records = [
      classroomRow(2, DEMO.employees[0]!.email),
      { row: 3, values: { identifier: SKIPPED_RECORD.email, completionDate: SKIPPED_RECORD.date, status: 'Done' } },
    ];
    const { uploadId, rows } = dryRun(target, DEMO.activities.skipsExisting, 'dom-employees', 'email', records);
    expect(rows.map((r) => r.label)).to.deep.equal(['create', 'conflict']);
    const error = await target.commit(uploadId, { idempotencyKey: 'key-skip-2', recordCount: 2, checksum: await recordsChecksum(records) }).catch((e: unknown) => e);
    expect(error).to.include({ status: 409 });
    expect(target.uploadedRecords()).to.deep.equal([]);
  });

  it('skip: a record created by someone else between dry run and commit is left unchanged, not duplicated', async () => {
    const target = lms();
    const mine = [classroomRow(2, DEMO.employees[2]!.email, '2026-03-12')];
    const first = dryRun(target, DEMO.activities.skipsExisting, 'dom-employees', 'email', mine);
    const other = dryRun(target, DEMO.activities.skipsExisting, 'dom-employees', 'email', mine);
    await target.commit(other.uploadId, { idempotencyKey: 'key-skip-other', recordCount: 1, checksum: await recordsChecksum(mine) });
    const { result } = await target.commit(first.uploadId, { idempotencyKey: 'key-skip-mine', recordCount: 1, checksum: await recordsChecksum(mine) });
    expect(result).to.include({ created: 0, unchanged: 1 });
    expect(target.uploadedRecords(DEMO.activities.skipsExisting)).to.have.length(1);
  });

  it('declares its limits and preferences, and its record limit is the one staging enforces', () => {
    const target = new Lms({ today: () => TODAY, maxRecords: 50 });
    const capabilities = CapabilitiesSchema.parse(target.capabilities());
    expect(capabilities).to.deep.equal({ maxRecordsPerUpload: 50, ...DEMO_CAPABILITIES });
    const problem = problemOf(() =>
      target.stage({ activityId: DEMO.activities.classroom, domainId: 'dom-employees', identifierKind: 'email', templateVersion: TEMPLATE_VERSIONS.classroom, totalRecords: 51 }),
    );
    expect(problem).to.include({ status: 422, slug: 'too-many-records' });
    expect(lms().capabilities().maxRecordsPerUpload).to.equal(10_000);
  });
});
