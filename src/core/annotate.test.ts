import { expect } from '@open-wc/testing';
import type { Workbook } from 'exceljs';
import { fixtureBytes } from '../../test/fixtures/read/support.js';
import { classroomSpec, realWorldSpec } from '../../test/fixtures/specs.js';
import { annotateUpload, PROBLEM_FILL_ARGB, type AnnotateOptions } from './annotate.js';
import type { Issue } from './issues.js';
import { validateSpreadsheet, type ValidationResult } from './pipeline.js';
import { buildTemplate } from './template/build.js';
import { templateTextsEn } from '../i18n/files.en.js';

const TODAY = '2026-11-28';
const texts = { problemsHeader: 'Problems', fileSuffix: ' - problems marked', cellProblem: (column: string, message: string) => `${column}: ${message}` };

async function excel() {
  const { default: ExcelJS } = await import('exceljs');
  return ExcelJS;
}

async function load(data: Uint8Array): Promise<Workbook> {
  const workbook = new (await excel()).Workbook();
  await workbook.xlsx.load(data.slice().buffer);
  return workbook;
}

async function save(workbook: Workbook): Promise<Uint8Array> {
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function optionsFor(result: ValidationResult, fileName: string, extra: Partial<AnnotateOptions> = {}): AnnotateOptions {
  const { sheetName, headerRow, headers } = result.stats;
  return { sheetName, headerRow: headerRow ?? 1, headers, fileName, describe: (issue: Issue) => issue.message, texts, ...extra };
}

/**
 * The classroom template, filled in as an admin would, with three problems. Its drop-downs and formats
 * cover 50 rows: exceljs, which these tests use to play the admin, expands every validated cell.
 */
async function filledTemplate(): Promise<Uint8Array> {
  const template = await buildTemplate(classroomSpec, { texts: templateTextsEn, maxRows: 50 });
  const workbook = await load(template.data);
  const sheet = workbook.getWorksheet('Records')!;
  sheet.spliceRows(2, 1); // the sample row goes
  sheet.getRow(2).values = ['ana@example.com', '14/03/2026', 'Completed', 'Sam Lee'];
  sheet.getRow(3).values = ['not-an-email', '15/03/2026', 'Attended'];
  sheet.getRow(4).values = ['bo@example.com', '31/02/2026', 'Maybe', '=1+1 looks like a formula'];
  sheet.getRow(5).values = ['cy@example.com', '16/03/2026', 'Completed'];
  return save(workbook);
}

describe('annotateUpload (.xlsx)', () => {
  it('hands back the same workbook with problem cells filled and noted, and a Problems column', async () => {
    const upload = await filledTemplate();
    const result = await validateSpreadsheet(upload, classroomSpec, { today: TODAY });
    expect(result.issues.map((i) => [i.row, i.code])).to.deep.equal([
      [3, 'cell-identifier-format'],
      [4, 'cell-date-invalid'],
      [4, 'cell-choice-invalid'],
    ]);

    const out = await annotateUpload(upload, result.issues, optionsFor(result, 'March sessions.xlsx'));
    expect(out.fileName).to.equal('March sessions - problems marked.xlsx');
    const before = await load(upload);
    const after = await load(out.data);

    // Same sheets in the same order, hidden ones still hidden (the template's fingerprint survives).
    expect(after.worksheets.map((s) => [s.name, s.state])).to.deep.equal(before.worksheets.map((s) => [s.name, s.state]));
    const sheet = after.getWorksheet('Records')!;
    const original = before.getWorksheet('Records')!;
    for (let r = 1; r <= 5; r++) {
      for (let c = 1; c <= 5; c++) expect(sheet.getCell(r, c).text, `R${r}C${c}`).to.equal(original.getCell(r, c).text);
    }
    // The Problems column comes after the template's five columns.
    expect(sheet.getCell(1, 6).text).to.equal('Problems');
    expect(sheet.getCell(2, 6).text).to.equal('');
    expect(sheet.getCell(3, 6).text).to.contain('Email: ');
    expect(sheet.getCell(4, 6).text.split('\n')).to.have.length(2);

    const marked = (r: number, c: number) => (sheet.getCell(r, c).fill as { fgColor?: { argb?: string } } | undefined)?.fgColor?.argb === PROBLEM_FILL_ARGB;
    expect(marked(3, 1)).to.be.true;
    expect(marked(4, 2)).to.be.true;
    expect(marked(4, 3)).to.be.true;
    expect(marked(2, 1)).to.be.false;
    expect(marked(4, 1)).to.be.false;
    const note = sheet.getCell(4, 3).note;
    const noteText = typeof note === 'string' ? note : (note.texts ?? []).map((t) => t.text).join('');
    expect(noteText).to.equal(result.issues.find((i) => i.code === 'cell-choice-invalid')!.message);
    // The admin's formula-like text is still text, not a formula.
    expect(sheet.getCell(4, 4).type).to.not.equal((await excel()).ValueType.Formula);
  });

  it('validates like the original once fixed in a spreadsheet program: the Problems column is ignored', async () => {
    const upload = await filledTemplate();
    const first = await validateSpreadsheet(upload, classroomSpec, { today: TODAY });
    const out = await annotateUpload(upload, first.issues, optionsFor(first, 'March.xlsx'));

    // Unfixed, the annotated file gives exactly the same issues as the original.
    const again = await validateSpreadsheet(out.data, classroomSpec, { today: TODAY, ignoredHeaders: ['Problems'] });
    expect(again.issues.map((i) => [i.row, i.code, i.column])).to.deep.equal(first.issues.map((i) => [i.row, i.code, i.column]));

    const workbook = await load(out.data);
    const sheet = workbook.getWorksheet('Records')!;
    sheet.getCell(3, 1).value = 'dee@example.com';
    sheet.getCell(4, 2).value = '28/02/2026';
    sheet.getCell(4, 3).value = 'Attended';
    const fixed = await validateSpreadsheet(await save(workbook), classroomSpec, { today: TODAY, ignoredHeaders: ['Problems'] });
    expect(fixed.issues).to.deep.equal([]);
    expect(fixed.records.map((r) => [r.row, r.values.identifier, r.values.completionDate, r.values.status])).to.deep.equal([
      [2, 'ana@example.com', '2026-03-14', 'Completed'],
      [3, 'dee@example.com', '2026-03-15', 'Attended'],
      [4, 'bo@example.com', '2026-02-28', 'Attended'],
      [5, 'cy@example.com', '2026-03-16', 'Completed'],
    ]);
  });

  it('without ignoredHeaders the added column is an extra column of the file, listed as ignored (with it, not even that)', async () => {
    const upload = await filledTemplate();
    const first = await validateSpreadsheet(upload, classroomSpec, { today: TODAY });
    const out = await annotateUpload(upload, first.issues, optionsFor(first, 'March.xlsx'));
    const plain = await validateSpreadsheet(out.data, classroomSpec, { today: TODAY });
    expect(plain.stats.match!.ignored.map((c) => c.header)).to.include('Problems');
    const skipped = await validateSpreadsheet(out.data, classroomSpec, { today: TODAY, ignoredHeaders: ['Problems'] });
    expect(skipped.stats.match!.ignored.map((c) => c.header)).to.not.include('Problems');
  });

  it('marks a file marked before afresh: one Problems column, old marks of fixed cells gone', async () => {
    const upload = await filledTemplate();
    const first = await validateSpreadsheet(upload, classroomSpec, { today: TODAY });
    const once = await annotateUpload(upload, first.issues, optionsFor(first, 'March.xlsx'));
    const workbook = await load(once.data);
    workbook.getWorksheet('Records')!.getCell(3, 1).value = 'dee@example.com';
    const halfFixed = await save(workbook);
    const second = await validateSpreadsheet(halfFixed, classroomSpec, { today: TODAY, ignoredHeaders: ['Problems', 'Problèmes'] });
    expect(second.issues.map((i) => i.row)).to.deep.equal([4, 4]);
    const twice = await annotateUpload(halfFixed, second.issues, optionsFor(second, 'March.xlsx', { texts: { ...texts, problemsHeader: 'Problèmes' }, problemHeaders: ['Problems', 'Problèmes'] }));
    const sheet = (await load(twice.data)).getWorksheet('Records')!;
    expect(sheet.getCell(1, 6).text).to.equal('Problèmes');
    expect(sheet.getCell(1, 7).text).to.equal('');
    expect(sheet.getCell(3, 6).text).to.equal('');
    expect((sheet.getCell(3, 1).fill as { fgColor?: { argb?: string } } | undefined)?.fgColor?.argb).to.not.equal(PROBLEM_FILL_ARGB);
    expect(sheet.getCell(3, 1).note).to.equal(undefined);
    expect((sheet.getCell(4, 3).fill as { fgColor?: { argb?: string } }).fgColor?.argb).to.equal(PROBLEM_FILL_ARGB);
  });

  it('never writes a message that starts a formula', async () => {
    const upload = await filledTemplate();
    const result = await validateSpreadsheet(upload, classroomSpec, { today: TODAY });
    const out = await annotateUpload(upload, result.issues, optionsFor(result, 'x.xlsx', { describe: () => '=HYPERLINK("http://evil.example","click")' }));
    const sheet = (await load(out.data)).getWorksheet('Records')!;
    const ValueType = (await excel()).ValueType;
    for (let r = 1; r <= 5; r++) expect(sheet.getCell(r, 6).type, `row ${r}`).to.not.equal(ValueType.Formula);
    expect(sheet.getCell(3, 6).text.startsWith('=')).to.be.false;
  });
});

describe('annotateUpload (full-size template)', () => {
  it('keeps the template\'s drop-downs and formats for 100,000 rows exactly as they were written', async () => {
    const template = await buildTemplate(classroomSpec, { texts: templateTextsEn });
    const result = await validateSpreadsheet(template.data, classroomSpec, { today: TODAY });
    expect(result.issues.map((i) => i.code)).to.deep.equal(['row-sample-left-in']);
    const out = await annotateUpload(template.data, result.issues, optionsFor(result, 'Fire safety.xlsx'));
    const { strFromU8, unzipSync } = await import('fflate');
    const validations = (data: Uint8Array) => {
      const xml = strFromU8(unzipSync(data)['xl/worksheets/sheet1.xml']!);
      return xml.slice(xml.indexOf('<dataValidations'), xml.indexOf('</dataValidations>'));
    };
    expect(validations(template.data)).to.contain('B2:B100001');
    expect(validations(out.data)).to.equal(validations(template.data));
    const again = await validateSpreadsheet(out.data, classroomSpec, { today: TODAY, ignoredHeaders: ['Problems'] });
    expect(again.issues.map((i) => [i.row, i.code])).to.deep.equal(result.issues.map((i) => [i.row, i.code]));
  });
});

describe('annotateUpload (.csv)', () => {
  const fixture = (name: string): Promise<Uint8Array> => fixtureBytes(`test/fixtures/real-world/${name}`, 'src/core');

  async function semicolonWithProblems(): Promise<{ upload: Uint8Array; result: ValidationResult }> {
    const text = new TextDecoder().decode(await fixture('completions__csv_semicolon.csv'));
    const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
    lines[2] = lines[2]!.replace(/^[^;]+/, 'nobody-at-example'); // row 3: not an e-mail
    const upload = new TextEncoder().encode(lines.join('\r\n'));
    return { upload, result: await validateSpreadsheet(upload, realWorldSpec, { today: TODAY }) };
  }

  it('comes back as .xlsx by default, every value kept as the admin typed it', async () => {
    const { upload, result } = await semicolonWithProblems();
    expect(result.issues.map((i) => [i.row, i.code])).to.deep.equal([[3, 'cell-identifier-format']]);
    const out = await annotateUpload(upload, result.issues, optionsFor(result, 'completions.csv'));
    expect(out.fileName).to.equal('completions - problems marked.xlsx');
    const sheet = (await load(out.data)).worksheets[0]!;
    expect(sheet.getCell(3, 1).text).to.equal('nobody-at-example');
    expect(sheet.getCell(1, 6).text).to.equal('Problems');
    expect(sheet.getCell(3, 6).text).to.match(/^Email: /);
    const again = await validateSpreadsheet(out.data, realWorldSpec, { today: TODAY, ignoredHeaders: ['Problems'] });
    expect(again.issues.map((i) => [i.row, i.code])).to.deep.equal([[3, 'cell-identifier-format']]);
    expect(again.records.length).to.equal(result.records.length);
  });

  it('or as .csv with the same delimiter and a Problems column, which validates like the original', async () => {
    const { upload, result } = await semicolonWithProblems();
    const out = await annotateUpload(upload, result.issues, optionsFor(result, 'completions.csv', { csvAs: 'csv' }));
    expect(out.fileName).to.equal('completions - problems marked.csv');
    const lines = new TextDecoder().decode(out.data).replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]!.endsWith(';Problems')).to.be.true;
    expect(lines[2]!.split(';')[0]).to.equal('nobody-at-example');
    expect(lines[2]!).to.contain('Email: ');
    const again = await validateSpreadsheet(out.data, realWorldSpec, { today: TODAY, ignoredHeaders: ['Problems'] });
    expect(again.issues.map((i) => [i.row, i.code])).to.deep.equal([[3, 'cell-identifier-format']]);
    expect(again.records).to.deep.equal(result.records);
  });
});
