// RestBackend against the demo LMS, one operation at a time: what an admin's widget would get back.
import { expect } from '@open-wc/testing';
import { DEMO } from '../../demo/mocks/data.js';
import { NotFoundError } from '../../src/backend/errors.js';
import { recordsChecksum } from '../../src/backend/checksum.js';
import { CLASSROOM, backend, callsOf, classroomRecords, demoLms, stageAndDryRun } from './demo-lms.js';

describe('RestBackend × demo LMS: every operation', () => {
  it('getPermissions: the admin may upload, with a support contact', async () => {
    await demoLms();
    const permissions = await backend().getPermissions();
    expect(permissions.canUpload).to.equal(true);
    expect(permissions.contactEmail).to.equal('lms-support@northwind.example');
  });

  it('getPermissions: a refusal comes with the reason and whom to ask', async () => {
    const lms = await demoLms();
    lms.applyPresets('no-permission');
    const permissions = await backend().getPermissions();
    expect(permissions.canUpload).to.equal(false);
    expect(permissions.reason).to.contain('Training records administrator');
    expect(permissions.contactUrl).to.match(/^mailto:/);
  });

  it('listCategories: six categories with their names', async () => {
    await demoLms();
    const categories = await backend().listCategories();
    expect(categories.map((c) => c.name)).to.include.members(['Health & Safety', 'Operations', 'Compliance & Ethics']);
    expect(categories).to.have.length(6);
  });

  it('searchActivities: text finds offline activities by name, code or location — never online ones', async () => {
    await demoLms();
    const rest = backend();
    const fire = await rest.searchActivities({ text: 'fire' });
    expect(fire.items.map((a) => a.code)).to.include.members(['HSE-101', 'HSE-150']);
    expect(fire.items.map((a) => a.name)).not.to.include('Fire Safety Induction (e-learning)');
    const byCode = await rest.searchActivities({ text: 'ops-201' });
    expect(byCode.items.map((a) => a.name)).to.deep.equal(['Forklift Operator Assessment']);
    const byPlace = await rest.searchActivities({ text: 'glasgow' });
    expect(byPlace.items.every((a) => a.location?.includes('Glasgow'))).to.equal(true);
  });

  it('searchActivities: category filter and paging cover every offline activity exactly once', async () => {
    await demoLms();
    const rest = backend();
    const hse = await rest.searchActivities({ categoryId: DEMO.categories.hse, limit: 100 });
    expect(hse.items.every((a) => a.categoryId === 'cat-hse' && a.categoryName === 'Health & Safety')).to.equal(true);
    const seen: string[] = [];
    const totals = new Set<number>();
    for (let offset = 0; ; offset += 7) {
      const page = await rest.searchActivities({ offset, limit: 7 });
      totals.add(page.total);
      expect(page.offset).to.equal(offset);
      expect(page.limit).to.equal(7);
      seen.push(...page.items.map((a) => a.id));
      if (page.items.length < 7) break;
    }
    expect(totals.size).to.equal(1);
    const total = [...totals][0]!;
    expect(total).to.be.at.least(30);
    expect(seen).to.have.length(total);
    expect(new Set(seen).size).to.equal(total);
    expect(seen.some((id) => id.includes('-e0'))).to.equal(false);
  });

  it('getActivity: an offline activity by id; an online one is not found', async () => {
    await demoLms();
    const rest = backend();
    const activity = await rest.getActivity(DEMO.activities.assessment);
    expect(activity).to.include({ name: 'Forklift Operator Assessment', code: 'OPS-201', startDate: '2025-06-01', endDate: '2027-12-31' });
    const error = await rest.getActivity(DEMO.activities.online).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(NotFoundError);
    expect((error as Error).message).to.contain('online activity');
  });

  it('listDomains: three domains with the identifiers each offers', async () => {
    await demoLms();
    const domains = await backend().listDomains();
    const kinds = Object.fromEntries(domains.map((d) => [d.name, d.identifierKinds.map((k) => k.key)]));
    expect(kinds).to.deep.equal({ Employees: ['email', 'employeeId'], Contractors: ['username'], Partners: ['email'] });
    const employeeId = domains[0]!.identifierKinds[1]!;
    expect(employeeId).to.include({ label: 'Employee number', pattern: '^E\\d{6}$', patternHint: 'E followed by 6 digits' });
  });

  it('getTemplateSpec: columns for the activity kind, identifier first and named after its label', async () => {
    await demoLms();
    const rest = backend();
    const assessment = await rest.getTemplateSpec({ activityId: DEMO.activities.assessment, domainId: DEMO.domains.employees, identifierKind: 'employeeId' });
    expect(assessment.columns.map((c) => c.header)).to.deep.equal(['Employee number', 'Assessment date', 'Score', 'Result', 'Certificate expiry']);
    expect(assessment.rules).to.include({ scoreRequired: true, passMark: 70, expiryMonths: 24 });
    const practical = await rest.getTemplateSpec({ activityId: DEMO.activities.practical, domainId: DEMO.domains.contractors, identifierKind: 'username' });
    expect(practical.columns[0]).to.include({ header: 'Username', type: 'identifier' });
    expect(practical.columns.find((c) => c.key === 'hours')).to.include({ type: 'integer', min: 1, max: 40 });
    const error = await rest
      .getTemplateSpec({ activityId: DEMO.activities.practical, domainId: DEMO.domains.contractors, identifierKind: 'email' })
      .catch((e: unknown) => e);
    expect(error).to.be.instanceOf(NotFoundError);
    expect((error as Error).message).to.contain('Contractors does not identify users by "email"');
  });

  it('stageUpload: returns an upload id and when it expires', async () => {
    const lms = await demoLms();
    const staged = await backend().stageUpload({ ...CLASSROOM, totalRecords: 3 });
    expect(staged.uploadId).to.match(/^upl-/);
    expect(Date.parse(staged.expiresAt!)).to.be.greaterThan(Date.now());
    expect(lms.lms.pendingUploads()).to.deep.equal([staged.uploadId]);
  });

  it('dryRunChunk: a label per row and the LMS\'s issues by row and column; nothing is written', async () => {
    const lms = await demoLms();
    const rest = backend();
    const before = lms.lms.recordCount;
    const records = [
      ...classroomRecords(2),
      { row: 4, values: { identifier: DEMO.existingRecord.email, completionDate: DEMO.existingRecord.date, status: 'Completed' } },
      { row: 5, values: { identifier: DEMO.unknownEmail, completionDate: '2026-03-14', status: 'Completed' } },
      { row: 6, values: { identifier: DEMO.inactiveEmployee.email, completionDate: '2026-03-14', status: 'Completed' } },
      { row: 7, values: { identifier: DEMO.partnersOnly[0]!.email, completionDate: '2026-03-14', status: 'Completed' } },
      { row: 8, values: { identifier: DEMO.employees[5]!.email, completionDate: '2023-12-31', status: 'Completed' } },
    ];
    const { uploadId } = await rest.stageUpload({ ...CLASSROOM, totalRecords: records.length });
    const result = await rest.dryRunChunk(uploadId, { chunkIndex: 0, records });
    expect(result.rows).to.deep.equal([
      { row: 2, label: 'create', learner: DEMO.employees[0]!.name },
      { row: 3, label: 'create', learner: DEMO.employees[1]!.name },
      { row: 4, label: 'already-recorded', learner: DEMO.existingRecord.name },
      { row: 5, label: 'conflict' },
      { row: 6, label: 'conflict', learner: DEMO.inactiveEmployee.name },
      { row: 7, label: 'conflict', learner: DEMO.partnersOnly[0]!.name },
      { row: 8, label: 'conflict', learner: DEMO.employees[5]!.name },
    ]);
    expect(result.issues.map((i) => [i.row, i.code, i.columnKey])).to.deep.equal([
      [4, 'record-exists', undefined],
      [5, 'user-not-found', 'identifier'],
      [6, 'user-inactive', 'identifier'],
      [7, 'user-outside-domain', 'identifier'],
      [8, 'date-outside-activity', 'completionDate'],
    ]);
    expect(result.issues[0]!.params).to.deep.equal({ date: DEMO.existingRecord.date });
    expect(result.issues.find((i) => i.code === 'user-outside-domain')!.params).to.deep.equal({ domain: 'Employees' });
    expect(lms.lms.recordCount).to.equal(before);
  });

  it('dryRunChunk: chunks are keyed by index — sending one again replaces it', async () => {
    const lms = await demoLms();
    const rest = backend();
    const records = classroomRecords(4);
    const { uploadId } = await rest.stageUpload({ ...CLASSROOM, totalRecords: 4 });
    await rest.dryRunChunk(uploadId, { chunkIndex: 0, records: records.slice(0, 2) });
    await rest.dryRunChunk(uploadId, { chunkIndex: 0, records: records.slice(0, 2) });
    await rest.dryRunChunk(uploadId, { chunkIndex: 1, records: records.slice(2) });
    const result = await rest.commitUpload(uploadId, { idempotencyKey: 'key-chunks-1', recordCount: 4, checksum: await recordsChecksum(records) });
    expect(result.created).to.equal(4);
    expect(lms.lms.uploadedRecords(CLASSROOM.activityId)).to.have.length(4);
    expect(callsOf(lms, 'dryRunChunk')).to.equal(3);
  });

  it('commitUpload: creates every record; the same key again answers the first result and creates nothing', async () => {
    const lms = await demoLms();
    const rest = backend();
    const records = classroomRecords(5);
    const uploadId = await stageAndDryRun(rest, records);
    const request = { idempotencyKey: 'key-commit-1', recordCount: 5, checksum: await recordsChecksum(records) };
    const first = await rest.commitUpload(uploadId, request);
    expect(first).to.include({ uploadId, activityId: CLASSROOM.activityId, created: 5 });
    expect(first.replayed).to.equal(undefined);
    const again = await rest.commitUpload(uploadId, request);
    expect(again).to.include({ created: 5, replayed: true, committedAt: first.committedAt });
    const created = lms.lms.uploadedRecords(CLASSROOM.activityId);
    expect(created.map((r) => r.values['identifier'])).to.deep.equal(DEMO.employees.slice(0, 5).map((e) => e.email));
    expect(lms.requests.filter((r) => r.operation === 'commitUpload').map((r) => r.headers['idempotency-key'])).to.deep.equal(['key-commit-1', 'key-commit-1']);
  });

  it('discardUpload: the staged upload is gone; discarding it again is not an error', async () => {
    const lms = await demoLms();
    const rest = backend();
    const uploadId = await stageAndDryRun(rest, classroomRecords(2));
    await rest.discardUpload(uploadId);
    expect(lms.lms.pendingUploads()).to.deep.equal([]);
    await rest.discardUpload(uploadId);
    const error = await rest.dryRunChunk(uploadId, { chunkIndex: 0, records: classroomRecords(1) }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(NotFoundError);
    expect((error as Error).message).to.contain('Upload the file again');
  });
});
