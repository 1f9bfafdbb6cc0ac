// Headless end to end: UploadSession over RestBackend against the demo LMS (msw in this page), with
// files made from the downloaded template by exceljs, as an admin would fill them in Excel.
import { expect } from '@open-wc/testing';
import ExcelJS from 'exceljs';
import type { DemoLmsControls } from '../../demo/mocks/browser.js';
import { demoLms } from '../backend/demo-lms.js';
import { DEMO, SKIPPED_RECORD } from '../../demo/mocks/data.js';
import { RestBackend } from '../../src/backend/rest-backend.js';
import type { TemplateSpec } from '../../src/core/spec.js';
import { UploadSession } from '../../src/session/upload-session.js';
import { eventually, record, until } from './helpers.js';

const ACTIVITY = DEMO.activities.classroom;
type Row = { identifier: string; completionDate: string; status: string; trainer?: string };

/** The downloaded template with `rows` typed in under the header, the sample row deleted. */
async function filledTemplate(session: UploadSession, rows: readonly Row[]): Promise<File> {
  const { blob, fileName } = await session.downloadTemplate('xlsx');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await blob.arrayBuffer());
  const sheet = workbook.getWorksheet('Records')!;
  const spec = session.state.spec.value as TemplateSpec;
  const header = sheet.getRow(1).values as unknown[];
  const columnOf = (key: string) => {
    const wanted = spec.columns.find((c) => c.key === key)!.header;
    return header.findIndex((h) => typeof h === 'string' && h.replace(/\s*\*$/, '') === wanted);
  };
  sheet.spliceRows(2, 1);
  rows.forEach((row, i) => {
    const line = sheet.getRow(2 + i);
    line.getCell(columnOf('identifier')).value = row.identifier;
    // Dates typed as real Excel dates, as most admins do.
    line.getCell(columnOf('completionDate')).value = new Date(`${row.completionDate}T00:00:00Z`);
    line.getCell(columnOf('status')).value = row.status;
    if (row.trainer) line.getCell(columnOf('trainer')).value = row.trainer;
    line.commit();
  });
  const data = await workbook.xlsx.writeBuffer();
  return new File([data], fileName.replace('template', 'filled'), { type: blob.type });
}

const good: Row[] = DEMO.employees.slice(0, 12).map((e, i) => ({
  identifier: e.email,
  completionDate: `2026-03-${String(10 + i).padStart(2, '0')}`,
  status: i % 2 ? 'Attended' : 'Completed',
  trainer: 'Sam Lee',
}));

async function session(controls: DemoLmsControls, attempts = 3) {
  const backend = new RestBackend({ baseUrl: '/api/lms', timeoutMs: 5000, retries: { attempts, baseDelayMs: 5, maxDelayMs: 50 } });
  // maxRows also bounds the template's drop-downs: a small range keeps exceljs quick in this test.
  const s = new UploadSession(backend, { chunkSize: 5, maxRows: 200, retries: { attempts, baseDelayMs: 5, maxDelayMs: 50 } });
  await s.start({ activityId: ACTIVITY, domainId: DEMO.domains.employees, identifierKind: 'email' });
  await until(s, (st) => st.spec.status === 'ready');
  expect(controls.lms.uploadedRecords(ACTIVITY)).to.have.length(0);
  return s;
}

describe('UploadSession against the demo LMS', () => {
  it('a file with errors creates nothing; the corrected file creates every record; a second commit creates nothing new', async () => {
    const controls = await demoLms();
    const s = await session(controls);
    const before = controls.lms.recordCount;

    // 1. Errors the client finds: the rows that passed are dry-run in the same round (one pass), nothing is created.
    const typos = [...good.slice(0, 3), { identifier: 'amelia.hughes@@northwind', completionDate: '2026-03-20', status: 'Done' }];
    await s.uploadFile(await filledTemplate(s, typos));
    expect(s.state.status).to.equal('has-issues');
    // Columns are named as the admin sees them in the file: the template marks required ones with " *".
    expect(s.state.issues.map((i) => [i.row, i.column, i.code])).to.deep.equal([
      [5, 'Email *', 'cell-identifier-format'],
      [5, 'Status *', 'cell-choice-invalid'],
    ]);
    expect(controls.requests.filter((r) => r.operation === 'stageUpload').map((r) => (r.body as { totalRecords: number }).totalRecords)).to.deep.equal([3]);
    expect(controls.lms.recordCount).to.equal(before);
    await eventually(() => controls.lms.pendingUploads().length === 0);

    // 2. Errors only the LMS knows: unknown, inactive, outside the domain, already recorded.
    const lmsErrors: Row[] = [
      ...good,
      { identifier: DEMO.unknownEmail, completionDate: '2026-03-20', status: 'Completed' },
      { identifier: DEMO.inactiveEmployee.email, completionDate: '2026-03-20', status: 'Completed' },
      { identifier: DEMO.partnersOnly[0]!.email, completionDate: '2026-03-20', status: 'Completed' },
      { identifier: DEMO.existingRecord.email, completionDate: DEMO.existingRecord.date, status: 'Completed' },
    ];
    await s.uploadFile(await filledTemplate(s, lmsErrors));
    expect(s.state.status).to.equal('has-issues');
    expect(s.state.issues.map((i) => [i.row, i.code])).to.deep.equal([
      [14, 'user-not-found'],
      [15, 'user-inactive'],
      [16, 'user-outside-domain'],
      [17, 'record-exists'],
    ]);
    expect(s.state.issues[0]!.column).to.equal('Email *');
    expect(s.state.issues[0]!.value).to.equal(DEMO.unknownEmail);
    expect(s.state.summary?.byLabel.create).to.equal(12);
    expect(s.state.summary?.byLabel['already-recorded']).to.equal(1);
    await s.commit();
    expect(controls.lms.recordCount).to.equal(before);
    await eventually(() => controls.lms.pendingUploads().length === 0);

    // 3. The corrected file: ready, then created.
    const events = record(s, 'created');
    await s.uploadFile(await filledTemplate(s, good));
    expect(s.state.status).to.equal('ready');
    expect(s.state.summary).to.include({ records: 12, distinctUsers: 12, issues: 0 });
    expect(s.state.summary?.dateRange).to.deep.equal({ from: '2026-03-10', to: '2026-03-21' });
    await s.commit();
    expect(s.state.status).to.equal('created');
    expect(s.state.result?.created).to.equal(12);
    expect(events).to.have.length(1);
    const created = controls.lms.uploadedRecords(ACTIVITY);
    expect(created.map((r) => [controls.lms.findUser(r.userId)?.email ?? r.userId, r.date]).sort()).to.deep.equal(
      good.map((g) => [g.identifier, g.completionDate]).sort(),
    );

    // 4. Commit again: refused by the session, nothing new in the LMS.
    await s.commit();
    expect(controls.requests.filter((r) => r.operation === 'commitUpload')).to.have.length(1);
    expect(controls.lms.uploadedRecords(ACTIVITY)).to.have.length(12);
    expect(controls.lms.recordCount).to.equal(before + 12);
    expect(controls.lms.pendingUploads()).to.deep.equal([]);
  });

  it('a commit whose answer is lost is retried with the same key: exactly one set of records', async () => {
    const controls = await demoLms();
    const s = await session(controls, 1); // no automatic retries: Try again (the session's commit()) is tested
    await s.uploadFile(await filledTemplate(s, good.slice(0, 6)));
    expect(s.state.status).to.equal('ready');
    controls.inject('commitUpload', { kind: 'drop' }, 1);
    await s.commit();
    expect(s.state.status).to.equal('commit-failed');
    expect(s.state.failure?.retryable).to.equal(true);
    expect(controls.lms.uploadedRecords(ACTIVITY)).to.have.length(6); // applied, answer lost

    await s.commit();
    expect(s.state.status).to.equal('created');
    expect(s.state.result?.replayed).to.equal(true);
    expect(controls.lms.uploadedRecords(ACTIVITY)).to.have.length(6);
  });

  it('a user deactivated between dry run and commit sends the admin back to the issues; nothing is created', async () => {
    const controls = await demoLms();
    const s = await session(controls);
    await s.uploadFile(await filledTemplate(s, good.slice(0, 4)));
    expect(s.state.status).to.equal('ready');
    controls.lms.deactivateUser(good[2]!.identifier);
    await s.commit();
    expect(s.state.status).to.equal('has-issues');
    expect(s.state.failure?.kind).to.equal('rejected');
    expect(s.state.issues.map((i) => [i.row, i.code])).to.deep.equal([[4, 'user-inactive']]);
    expect(controls.lms.uploadedRecords(ACTIVITY)).to.have.length(0);
  });

  it('a file made with a template the LMS has since replaced: refused in the LMS\'s words, nothing staged', async () => {
    const controls = await demoLms();
    // The LMS hands out a template version it no longer accepts when the upload is staged.
    controls.inject('getTemplateSpec', { kind: 'mutate', mutate: (body) => ({ ...(body as object), version: 'classroom-1' }) });
    const s = await session(controls);
    await s.uploadFile(await filledTemplate(s, good.slice(0, 3)));
    expect(s.state.status).to.equal('selecting');
    expect(s.state.issues).to.deep.equal([]);
    expect(s.state.failure).to.include({ kind: 'rejected', retryable: false });
    expect(s.state.failure?.params['reason']).to.contain('Download the template again');
    expect(controls.lms.pendingUploads()).to.deep.equal([]);
    expect(controls.lms.uploadedRecords(ACTIVITY)).to.have.length(0);
  });

  it('cancel during a slow dry run leaves nothing staged in the LMS', async () => {
    const controls = await demoLms();
    const s = await session(controls);
    controls.settings.latencyMs = 150;
    void s.uploadFile(await filledTemplate(s, good));
    await until(s, (st) => st.status === 'dry-run' && st.uploadId !== undefined);
    s.cancel();
    expect(s.state.status).to.equal('selecting');
    await eventually(() => controls.lms.pendingUploads().length === 0);
    expect(controls.requests.some((r) => r.operation === 'discardUpload')).to.equal(true);
    controls.settings.latencyMs = 0;
  });

  it('no permission: the session shows no-access with the LMS\'s contacts', async () => {
    const controls = await demoLms();
    controls.applyPresets('no-permission');
    const backend = new RestBackend({ baseUrl: '/api/lms' });
    const s = new UploadSession(backend);
    await s.start();
    expect(s.state.status).to.equal('no-access');
    expect(s.state.permissions?.contactEmail).to.equal('lms-support@northwind.example');
  });

  it('one pass: a column problem, a typo\'d e-mail domain and an unknown user in one upload; LMS issues name the learner', async () => {
    const controls = await demoLms();
    const s = await session(controls);
    const [a, b] = DEMO.employees;
    const typo = a!.email.replace('northwind.example', 'northwind.exmaple');
    const file = new File(
      [
        [
          'Email,Completion date,Status,Trainer,',
          `${b!.email},14/03/2026,Completed,Sam Lee,sat at the back`,
          `${typo},14/03/2026,Completed,,`,
          `${DEMO.unknownEmail},14/03/2026,Completed,,`,
          `${DEMO.inactiveEmployee.email},14/03/2026,Completed,,`,
        ].join('\r\n'),
      ],
      'march.csv',
      { type: 'text/csv' },
    );
    await s.uploadFile(file);
    expect(s.state.status).to.equal('has-issues');
    expect(s.state.issues.map((i) => [i.row ?? 0, i.code, i.value ?? ''])).to.deep.equal([
      [0, 'column-unknown', ''],
      [3, 'user-not-found', typo],
      [4, 'user-not-found', DEMO.unknownEmail],
      [5, 'user-inactive', DEMO.inactiveEmployee.email],
    ]);
    expect(s.state.issues.find((i) => i.code === 'user-inactive')!.learner).to.equal(DEMO.inactiveEmployee.name);
    expect(s.state.summary).to.include({ records: 1, rowsWithIssues: 3 });
    expect(controls.requests.filter((r) => r.operation === 'stageUpload')).to.have.length(1);
    await eventually(() => controls.lms.pendingUploads().length === 0);
    expect(controls.lms.uploadedRecords()).to.have.length(0);
  });

  it('an activity that skips existing records: only the new records are created, the known one is left unchanged', async () => {
    const controls = await demoLms();
    const backend = new RestBackend({ baseUrl: '/api/lms', timeoutMs: 5000, retries: { attempts: 3, baseDelayMs: 5, maxDelayMs: 50 } });
    const s = new UploadSession(backend, { chunkSize: 5, maxRows: 200, useWorker: false });
    await s.start({ activityId: DEMO.activities.skipsExisting, domainId: DEMO.domains.employees, identifierKind: 'email' });
    await until(s, (st) => st.spec.status === 'ready');
    const [d, e] = [DEMO.employees[6]!, DEMO.employees[7]!];
    const [y, m, day] = SKIPPED_RECORD.date.split('-');
    const file = new File(
      [['Email,Completion date,Status', `${d.email},12/03/2026,Completed`, `${SKIPPED_RECORD.email},${day}/${m}/${y},Completed`, `${e.email},12/03/2026,Attended`].join('\r\n')],
      'briefing.csv',
      { type: 'text/csv' },
    );
    await s.uploadFile(file);
    expect(s.state.status).to.equal('ready');
    expect(s.state.issues).to.deep.equal([]);
    expect(s.state.summary?.byLabel).to.deep.equal({ create: 2, 'already-recorded': 1 });
    await s.commit();
    expect(s.state.status).to.equal('created');
    expect(s.state.result).to.include({ created: 2, unchanged: 1 });
    expect(controls.lms.uploadedRecords(DEMO.activities.skipsExisting).map((r) => r.values['identifier'])).to.deep.equal([d.email, e.email]);
  });
});
