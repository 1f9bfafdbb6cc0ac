// The admin's fixes made in the browser carried into the files they download: the file with problems marked
// holds the edited values and no deleted rows; the deleted rows come as a file of their own. Read back with
// exceljs (and our own reader) as the admin's spreadsheet program would.
import { expect } from '@open-wc/testing';
import type { Workbook } from 'exceljs';
import { classroomSpec } from '../../test/fixtures/specs.js';
import { annotateUpload, deletedRowsFile, PROBLEM_FILL_ARGB, type AnnotateOptions } from './annotate.js';
import type { UploadChanges } from './edit/table.js';
import type { Issue } from './issues.js';
import { validateSpreadsheet, type ValidationResult } from './pipeline.js';
import { buildTemplate } from './template/build.js';
import { templateTextsEn } from '../i18n/files.en.js';

const TODAY = '2026-11-28';
const texts = { problemsHeader: 'Problems', fileSuffix: ' - problems marked', cellProblem: (column: string, message: string) => `${column}: ${message}` };

async function load(data: Uint8Array): Promise<Workbook> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data.slice().buffer);
  return workbook;
}

function optionsFor(result: ValidationResult, fileName: string, changes: UploadChanges, extra: Partial<AnnotateOptions> = {}): AnnotateOptions {
  const { sheetName, headerRow, headers } = result.stats;
  return { sheetName, headerRow: headerRow ?? 1, headers, fileName, describe: (issue: Issue) => issue.message, texts, changes, ...extra };
}

/** The classroom template filled in with four rows: row 3 a bad e-mail, row 4 a bad date and status. */
async function filledTemplate(): Promise<Uint8Array> {
  const template = await buildTemplate(classroomSpec, { texts: templateTextsEn, maxRows: 50 });
  const workbook = await load(template.data);
  const sheet = workbook.getWorksheet('Records')!;
  sheet.spliceRows(2, 1);
  sheet.getRow(2).values = ['ana@example.com', '14/03/2026', 'Completed', 'Sam Lee'];
  sheet.getRow(3).values = ['not-an-email', '15/03/2026', 'Attended'];
  sheet.getRow(4).values = ['bo@example.com', '31/02/2026', 'Maybe', 'Kim'];
  sheet.getRow(5).values = ['cy@example.com', '16/03/2026', 'Completed'];
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const CSV = ['Email *,Completion date *,Status *,Trainer,Comments', 'ana@example.com,14/03/2026,Completed,Sam Lee,', 'not-an-email,15/03/2026,Attended,,', 'bo@example.com,31/02/2026,Maybe,Kim,', 'cy@example.com,16/03/2026,Completed,,'].join('\r\n');

const marked = (sheet: Workbook['worksheets'][number], r: number, c: number) =>
  (sheet.getCell(r, c).fill as { fgColor?: { argb?: string } } | undefined)?.fgColor?.argb === PROBLEM_FILL_ARGB;

describe('annotateUpload with the fixes made in the browser', () => {
  it('.xlsx: edited cells hold the new values, a deleted row is gone and the marks follow the rows that moved up', async () => {
    const upload = await filledTemplate();
    // Row 2's status edited, row 3 (the bad e-mail) deleted: row 4's problems remain.
    const changes: UploadChanges = { edits: [{ row: 2, columnKey: 'status', value: 'Attended' }], deleted: [3] };
    const checked = await validateSpreadsheet(upload, classroomSpec, { today: TODAY, changes });
    expect(checked.issues.map((i) => [i.row, i.code])).to.deep.equal([[4, 'cell-date-invalid'], [4, 'cell-choice-invalid']]);

    const out = await annotateUpload(upload, checked.issues, optionsFor(checked, 'March.xlsx', changes));
    const before = await load(upload);
    const after = await load(out.data);
    expect(after.worksheets.map((s) => [s.name, s.state])).to.deep.equal(before.worksheets.map((s) => [s.name, s.state]));
    const sheet = after.getWorksheet('Records')!;
    const rows = [1, 2, 3, 4, 5].map((r) => [1, 2, 3].map((c) => sheet.getCell(r, c).text));
    expect(rows).to.deep.equal([
      ['Email *', 'Completion date *', 'Status *'],
      ['ana@example.com', '14/03/2026', 'Attended'],
      ['bo@example.com', '31/02/2026', 'Maybe'],
      ['cy@example.com', '16/03/2026', 'Completed'],
      ['', '', ''],
    ]);
    // Row 4's marks are on the row it moved to (3), with its other cells (Trainer) and the Problems column.
    expect(marked(sheet, 3, 2) && marked(sheet, 3, 3)).to.be.true;
    expect(marked(sheet, 4, 2) || marked(sheet, 4, 3)).to.be.false;
    expect(sheet.getCell(3, 4).text).to.equal('Kim');
    expect(sheet.getCell(3, 6).text.split('\n')).to.have.length(2);
    expect(sheet.getCell(4, 6).text).to.equal('');
    const note = sheet.getCell(3, 3).note;
    expect(typeof note === 'string' ? note : (note.texts ?? []).map((t) => t.text).join('')).to.equal(checked.issues[1]!.message);

    // Uploaded again, it is the upload as it stood in the browser: the same problems (on the moved row), the same records.
    const again = await validateSpreadsheet(out.data, classroomSpec, { today: TODAY, ignoredHeaders: ['Problems'] });
    expect(again.issues.map((i) => [i.row, i.code])).to.deep.equal([[3, 'cell-date-invalid'], [3, 'cell-choice-invalid']]);
    expect(again.records.map((r) => r.values)).to.deep.equal(checked.records.map((r) => r.values));
  });

  it('.xlsx: with every problem fixed in the browser the file validates clean', async () => {
    const upload = await filledTemplate();
    const changes: UploadChanges = { edits: [{ row: 3, columnKey: 'identifier', value: 'dee@example.com' }], deleted: [4] };
    const checked = await validateSpreadsheet(upload, classroomSpec, { today: TODAY, changes });
    expect(checked.issues).to.deep.equal([]);
    const out = await annotateUpload(upload, checked.issues, optionsFor(checked, 'March.xlsx', changes));
    const again = await validateSpreadsheet(out.data, classroomSpec, { today: TODAY, ignoredHeaders: ['Problems'] });
    expect(again.issues).to.deep.equal([]);
    expect(again.records.map((r) => [r.row, r.values.identifier])).to.deep.equal([[2, 'ana@example.com'], [3, 'dee@example.com'], [4, 'cy@example.com']]);
  });

  it('.csv as .csv: edited values written, the deleted row left out, no blank line in its place', async () => {
    const upload = new TextEncoder().encode(CSV);
    const changes: UploadChanges = { edits: [{ row: 4, columnKey: 'completionDate', value: '28/02/2026' }], deleted: [3] };
    const checked = await validateSpreadsheet(upload, classroomSpec, { today: TODAY, changes });
    expect(checked.issues.map((i) => [i.row, i.code])).to.deep.equal([[4, 'cell-choice-invalid']]);
    const out = await annotateUpload(upload, checked.issues, optionsFor(checked, 'March.csv', changes, { csvAs: 'csv' }));
    const lines = new TextDecoder().decode(out.data).replace(/^\uFEFF/, '').split('\r\n');
    expect(lines.slice(0, 4).map((l) => l.split(',').slice(0, 3).join(','))).to.deep.equal([
      'Email *,Completion date *,Status *',
      'ana@example.com,14/03/2026,Completed',
      'bo@example.com,28/02/2026,Maybe',
      'cy@example.com,16/03/2026,Completed',
    ]);
    expect(lines[2]).to.contain('Status: ');
    const again = await validateSpreadsheet(out.data, classroomSpec, { today: TODAY, ignoredHeaders: ['Problems'] });
    expect(again.issues.map((i) => [i.row, i.code])).to.deep.equal([[3, 'cell-choice-invalid']]);
  });

  it('.csv as .xlsx (the default): the same fixes in a workbook', async () => {
    const upload = new TextEncoder().encode(CSV);
    const changes: UploadChanges = { edits: [{ row: 2, columnKey: 'trainer', value: 'Ann Lee' }], deleted: [3, 4] };
    const checked = await validateSpreadsheet(upload, classroomSpec, { today: TODAY, changes });
    const out = await annotateUpload(upload, checked.issues, optionsFor(checked, 'March.csv', changes));
    const sheet = (await load(out.data)).worksheets[0]!;
    expect([1, 2, 3, 4].map((r) => sheet.getCell(r, 1).text)).to.deep.equal(['Email *', 'ana@example.com', 'cy@example.com', '']);
    expect(sheet.getCell(2, 4).text).to.equal('Ann Lee');
  });
});

describe('deletedRowsFile', () => {
  it('.xlsx: the upload\'s own workbook holding the header and only the deleted rows, with their edits', async () => {
    const upload = await filledTemplate();
    const first = await validateSpreadsheet(upload, classroomSpec, { today: TODAY });
    const { sheetName, headerRow, headers } = first.stats;
    const changes: UploadChanges = { edits: [{ row: 4, columnKey: 'status', value: 'Attended' }, { row: 2, columnKey: 'trainer', value: 'X' }], deleted: [3, 4] };
    const out = await deletedRowsFile(upload, { sheetName, headerRow: headerRow ?? 1, headers, fileName: 'March.xlsx', fileSuffix: ' - deleted rows', changes });
    expect(out.fileName).to.equal('March - deleted rows.xlsx');
    const before = await load(upload);
    const after = await load(out.data);
    expect(after.worksheets.map((s) => [s.name, s.state])).to.deep.equal(before.worksheets.map((s) => [s.name, s.state]));
    const sheet = after.getWorksheet('Records')!;
    expect([1, 2, 3, 4].map((r) => [1, 2, 3, 4].map((c) => sheet.getCell(r, c).text))).to.deep.equal([
      ['Email *', 'Completion date *', 'Status *', 'Trainer'],
      ['not-an-email', '15/03/2026', 'Attended', ''],
      ['bo@example.com', '31/02/2026', 'Attended', 'Kim'],
      ['', '', '', ''],
    ]);
    // Uploaded once fixed later, it is checked like any upload: today its rows' remaining problems.
    const again = await validateSpreadsheet(out.data, classroomSpec, { today: TODAY });
    expect(again.issues.map((i) => [i.row, i.code])).to.deep.equal([[2, 'cell-identifier-format'], [3, 'cell-date-invalid']]);
  });

  it('.csv: a CSV with the same delimiter, header and only the deleted rows', async () => {
    const upload = new TextEncoder().encode(CSV.replace(/,/g, ';'));
    const first = await validateSpreadsheet(upload, classroomSpec, { today: TODAY });
    const { sheetName, headerRow, headers } = first.stats;
    const changes: UploadChanges = { edits: [{ row: 5, columnKey: 'trainer', value: 'Lou' }], deleted: [5, 2] };
    const out = await deletedRowsFile(upload, { sheetName, headerRow: headerRow ?? 1, headers, fileName: 'March.csv', fileSuffix: ' - lignes supprimées', changes });
    expect(out.fileName).to.equal('March - lignes supprimées.csv');
    expect(out.mimeType).to.match(/^text\/csv/);
    const lines = new TextDecoder().decode(out.data).replace(/^\uFEFF/, '').split('\r\n');
    expect(lines).to.deep.equal([
      'Email *;Completion date *;Status *;Trainer;Comments',
      'ana@example.com;14/03/2026;Completed;Sam Lee;',
      'cy@example.com;16/03/2026;Completed;Lou;',
      '',
    ]);
    const again = await validateSpreadsheet(out.data, classroomSpec, { today: TODAY });
    expect(again.issues).to.deep.equal([]);
    expect(again.records).to.have.length(2);
  });
});
