import { expect } from '@open-wc/testing';
import { fixtureBytes } from '../../test/fixtures/read/support.js';
import { assessmentSpec, classroomSpec, practicalSpec, realWorldSpec } from '../../test/fixtures/specs.js';
import { validateSpreadsheet } from './pipeline.js';
import { TemplateSpec } from './spec.js';
import { buildTemplate } from './template/build.js';
import { templateTextsEn } from '../i18n/files.en.js';
import { issueMessage } from '../i18n/issue-message.js';

const TODAY = '2026-11-28';

/** The file's exact bytes (the dev server would re-encode a Windows-1252 .csv as UTF-8). */
const fixture = (name: string): Promise<Uint8Array> => fixtureBytes(`test/fixtures/real-world/${name}`, 'src/core');

interface RecordsJson {
  rows: [string, { date: string }, string, number | null, string | null][];
}

async function expectedRecords() {
  const json = (await (await fetch('/test/fixtures/real-world/records.json')).json()) as RecordsJson;
  return json.rows.map(([email, date, status, score, comments], i) => ({
    row: i + 2,
    values: { identifier: email, completionDate: date.date, status, score, comments },
  }));
}

async function loadExcel() {
  const { default: ExcelJS } = await import('exceljs');
  return ExcelJS;
}

describe('pipeline: real-world files', () => {
  for (const name of [
    'completions__xlsx_libreoffice.xlsx',
    'completions__xlsx_openpyxl_1904.xlsx',
    'completions__xlsx_gnumeric.xlsx',
    'completions__csv_windows1252.csv',
    'completions__csv_semicolon.csv',
  ]) {
    it(`accepts ${name} with exactly the 12 records of records.json`, async () => {
      const result = await validateSpreadsheet(await fixture(name), realWorldSpec, { today: TODAY, dateOrder: 'DMY', fileName: name });
      expect(result.issues).to.deep.equal([]);
      expect(result.records).to.deep.equal(await expectedRecords());
      expect(result.stats).to.include({ rows: 12, records: 12, rowsWithIssues: 0, headerRow: 1 });
      expect(result.stats.match!.needsConfirmation, 'the template\'s own headers: nothing to confirm').to.equal(false);
      expect(result.notices).to.equal(undefined);
    });
  }

  for (const [name, format] of [
    ['completions__unsupported_xls_libreoffice.xls', /Excel 97/],
    ['completions__unsupported_ods_libreoffice.ods', /OpenDocument/],
  ] as const) {
    it(`refuses ${name} with one file issue asking for .xlsx or .csv`, async () => {
      const result = await validateSpreadsheet(await fixture(name), realWorldSpec, { today: TODAY, describe: issueMessage });
      expect(result.records).to.deep.equal([]);
      expect(result.issues).to.have.length(1);
      expect(result.issues[0]!.code).to.equal('file-unsupported-format');
      expect(result.issues[0]!.message).to.match(format);
      expect(result.issues[0]!.message).to.contain('.xlsx');
    });
  }
});

// Templates filled in with exceljs cover 50 rows: exceljs expands every validated cell, and the default
// 100,000 rows made each of these tests take up to 20 s on a loaded machine (they passed or timed out).
describe('pipeline: templates filled in and read back', () => {
  it('reads the xlsx template filled in by a spreadsheet program (exceljs) into records', async () => {
    const ExcelJS = await loadExcel();
    const template = await buildTemplate(assessmentSpec, { texts: templateTextsEn, maxRows: 50 });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(template.data).buffer);
    const sheet = workbook.getWorksheet('Records')!;
    sheet.spliceRows(2, 1); // the admin deletes the sample row
    sheet.getRow(2).values = ['E000123', new Date(Date.UTC(2026, 3, 2)), 91, 'Passed', new Date(Date.UTC(2028, 3, 2))];
    sheet.getRow(3).values = ['E000124', '03/04/2026', '68,5', 'failed'];
    const filled = new Uint8Array(await workbook.xlsx.writeBuffer());

    const result = await validateSpreadsheet(filled, assessmentSpec, { today: TODAY });
    expect(result.issues).to.deep.equal([]);
    expect(result.records).to.deep.equal([
      { row: 2, values: { identifier: 'E000123', completionDate: '2026-04-02', score: 91, status: 'Passed', expiryDate: '2028-04-02' } },
      { row: 3, values: { identifier: 'E000124', completionDate: '2026-04-03', score: 68.5, status: 'Failed', expiryDate: null } },
    ]);
    expect(result.stats.headers['identifier']).to.equal('Employee number *');
  });

  it('refuses the sample row left in the downloaded template', async () => {
    const ExcelJS = await loadExcel();
    const template = await buildTemplate(practicalSpec, { texts: templateTextsEn, maxRows: 50 });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(template.data).buffer);
    workbook.getWorksheet('Records')!.getRow(3).values = ['asmith', new Date(Date.UTC(2026, 4, 21)), 6, 'Completed', 'Leeds'];
    const result = await validateSpreadsheet(new Uint8Array(await workbook.xlsx.writeBuffer()), practicalSpec, { today: TODAY });
    expect(result.issues.map((i) => [i.row, i.code])).to.deep.equal([[2, 'row-sample-left-in']]);
    expect(result.records.map((r) => r.row)).to.deep.equal([3]);
  });

  it('reports file-empty for the untouched template once its sample row is deleted', async () => {
    const ExcelJS = await loadExcel();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array((await buildTemplate(classroomSpec, { texts: templateTextsEn, maxRows: 50 })).data).buffer);
    workbook.getWorksheet('Records')!.spliceRows(2, 1);
    const result = await validateSpreadsheet(new Uint8Array(await workbook.xlsx.writeBuffer()), classroomSpec, { today: TODAY });
    expect(result.issues.map((i) => i.code)).to.deep.equal(['file-empty']);
  });

  it('refuses a template made for another activity, and an outdated one, by its hidden fingerprint', async () => {
    const classroom = (await buildTemplate(classroomSpec, { texts: templateTextsEn })).data;
    const other = TemplateSpec.parse({ ...classroomSpec, activity: { ...classroomSpec.activity, id: 'act-fire-102', name: 'Fire Safety Refresher' } });
    const mismatch = await validateSpreadsheet(classroom, other, { today: TODAY });
    expect(mismatch.issues.map((i) => i.code)).to.deep.equal(['file-template-mismatch']);
    expect(mismatch.issues[0]!.params).to.deep.equal({ expected: 'Fire Safety Refresher / Employees / Email', found: 'act-fire-101 / Employees / Email' });

    const newer = TemplateSpec.parse({ ...classroomSpec, version: 'cls-3' });
    const outdated = await validateSpreadsheet(classroom, newer, { today: TODAY });
    expect(outdated.issues.map((i) => i.code)).to.deep.equal(['file-template-outdated']);
    expect(outdated.records).to.deep.equal([]);
  });

  it('reads the CSV template filled in as text into records (and refuses its sample row)', async () => {
    const template = new TextDecoder().decode((await buildTemplate(classroomSpec, { texts: templateTextsEn, format: 'csv' })).data);
    const filled = `${template}a.b@example.org,14/03/2026,attended,,"Front row, by the door"\r\n`;
    const result = await validateSpreadsheet(new TextEncoder().encode(filled), classroomSpec, { today: TODAY });
    expect(result.issues.map((i) => [i.row, i.code])).to.deep.equal([[2, 'row-sample-left-in']]);
    expect(result.records).to.deep.equal([
      { row: 3, values: { identifier: 'a.b@example.org', completionDate: '2026-03-14', status: 'Attended', trainer: null, comments: 'Front row, by the door' } },
    ]);
  });

  it('reads a ;-separated CSV template with decimal commas made for a European locale', async () => {
    const template = new TextDecoder().decode((await buildTemplate(assessmentSpec, { texts: templateTextsEn, format: 'csv', locale: 'fr-FR' })).data);
    const filled = template.replace(/\r\n[^\r\n]*\r\n$/, '\r\n') + 'E000777;02/04/2026;82,5;Passed;\r\n';
    const result = await validateSpreadsheet(new TextEncoder().encode(filled), assessmentSpec, { today: TODAY });
    expect(result.issues).to.deep.equal([]);
    expect(result.records[0]!.values).to.deep.include({ identifier: 'E000777', completionDate: '2026-04-02', score: 82.5 });
  });
});

describe('pipeline: hostile and broken files', () => {
  it('reports file-empty for a file of only a header (CSV and xlsx)', async () => {
    const csv = await validateSpreadsheet(new TextEncoder().encode('Email,Completion date,Status,Score,Comments\r\n'), realWorldSpec, { today: TODAY });
    expect(csv.issues.map((i) => i.code)).to.deep.equal(['file-empty']);

    const ExcelJS = await loadExcel();
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Records').addRow(['Email', 'Completion date', 'Status', 'Score', 'Comments']);
    const xlsx = await validateSpreadsheet(new Uint8Array(await workbook.xlsx.writeBuffer()), realWorldSpec, { today: TODAY });
    expect(xlsx.issues.map((i) => i.code)).to.deep.equal(['file-empty']);
    expect(xlsx.records).to.deep.equal([]);
  });

  it('keeps markup and formula text as plain values and refuses a 32,767-character cell (the longest Excel allows)', async () => {
    const ExcelJS = await loadExcel();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Records');
    sheet.addRow(['Email', 'Completion date', 'Status', 'Score', 'Comments']);
    sheet.addRow(['a@example.org', new Date(Date.UTC(2026, 1, 3)), 'Passed', 81, '<script>alert("x")</script>']);
    sheet.addRow(['b@example.org', new Date(Date.UTC(2026, 1, 3)), 'Passed', 82, '=HYPERLINK("http://evil.example","click")']);
    sheet.addRow(['c@example.org', new Date(Date.UTC(2026, 1, 3)), 'Passed', 83, 'x'.repeat(32_767)]);
    sheet.addRow(['<b>d@example.org</b>', new Date(Date.UTC(2026, 1, 3)), 'Passed', 84]);
    const result = await validateSpreadsheet(new Uint8Array(await workbook.xlsx.writeBuffer()), realWorldSpec, { today: TODAY, describe: issueMessage });
    expect(result.records.map((r) => r.values['comments'])).to.deep.equal(['<script>alert("x")</script>', '=HYPERLINK("http://evil.example","click")']);
    expect(result.issues.map((i) => [i.row, i.code])).to.deep.equal([
      [4, 'cell-text-too-long'],
      [5, 'cell-identifier-format'],
    ]);
    expect(result.issues[0]!.params).to.deep.equal({ max: 500, length: 32_767 });
    expect(result.issues[0]!.message).to.equal('This text is 32,767 characters long; the limit is 500. Shorten it.');
    expect(result.issues[0]!.value!.length).to.equal(120);
    expect(result.issues[1]!.value).to.equal('<b>d@example.org</b>');
  });

  it('reports a damaged zip as file-corrupt instead of throwing', async () => {
    const good = (await buildTemplate(classroomSpec, { texts: templateTextsEn })).data;
    const broken = good.slice(0, Math.floor(good.length / 2));
    const result = await validateSpreadsheet(broken, classroomSpec, { today: TODAY });
    expect(result.records).to.deep.equal([]);
    expect(result.issues.map((i) => i.code)).to.deep.equal(['file-corrupt']);
  });

  it('words reader issues with the caller\'s describer', async () => {
    const result = await validateSpreadsheet(await fixture('completions__unsupported_xls_libreoffice.xls'), realWorldSpec, {
      describe: (code) => (code === 'file-unsupported-format' ? 'Format non pris en charge.' : code),
    });
    expect(result.issues[0]!.message).to.equal('Format non pris en charge.');
  });

  it('rethrows a cancellation', async () => {
    const controller = new AbortController();
    controller.abort();
    let thrown: unknown;
    try {
      await validateSpreadsheet(await fixture('completions__csv_semicolon.csv'), realWorldSpec, { signal: controller.signal });
    } catch (e) {
      thrown = e;
    }
    expect(thrown).to.be.instanceOf(DOMException);
    expect((thrown as DOMException).name).to.equal('AbortError');
  });
});
