import { expect } from '@open-wc/testing';
import { unzipSync, strFromU8 } from 'fflate';
import type { Workbook } from 'exceljs';
import { assessmentSpec, classroomSpec, practicalSpec, realWorldSpec } from '../../../test/fixtures/specs.js';
import { readAll } from '../../../test/fixtures/read/support.js';
import { fingerprintOf, TemplateSpec } from '../spec.js';
import { buildTemplate, CSV_MIME, XLSX_MIME } from './build.js';
import { templateTextsEn } from '../../i18n/files.en.js';

async function load(data: Uint8Array): Promise<Workbook> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(data).buffer);
  return workbook;
}

/** The workbook's raw parts, to check what Excel itself will read. */
function parts(data: Uint8Array): Record<string, string> {
  const files = unzipSync(data);
  return Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

type Validations = Record<string, { type: string; formulae?: unknown[]; operator?: string; error?: string; errorTitle?: string; prompt?: string; promptTitle?: string } | undefined>;
const validationsOf = (sheet: unknown) => (sheet as { dataValidations: { model: Validations } }).dataValidations.model;

describe('template (xlsx): Records sheet', () => {
  let workbook: Workbook;
  before(async () => {
    workbook = await load((await buildTemplate(assessmentSpec, { texts: templateTextsEn, maxRows: 500 })).data);
  });

  it('has the headers in spec order, required ones marked with a star, bold', () => {
    const sheet = workbook.getWorksheet('Records')!;
    expect(sheet.getRow(1).values).to.deep.equal([undefined, 'Employee number *', 'Assessment date *', 'Score *', 'Result *', 'Certificate expiry']);
    expect(sheet.getCell('A1').font?.bold).to.equal(true);
    expect(workbook.worksheets[0]!.name, 'the Records sheet opens first').to.equal('Records');
  });

  it('freezes the header row', () => {
    const view = workbook.getWorksheet('Records')!.views[0]!;
    expect(view).to.include({ state: 'frozen', ySplit: 1 });
  });

  it('sizes columns from the header and example', () => {
    const sheet = workbook.getWorksheet('Records')!;
    for (let c = 1; c <= 5; c++) {
      const width = sheet.getColumn(c).width ?? 0;
      expect(width).to.be.at.least(String(sheet.getRow(1).getCell(c).value).length);
      expect(width).to.be.at.most(60);
    }
  });

  it('formats the identifier column as text and date columns as dates, for the whole column', () => {
    const sheet = workbook.getWorksheet('Records')!;
    expect(sheet.getColumn(1).numFmt).to.equal('@');
    expect(sheet.getColumn(2).numFmt).to.equal('yyyy-mm-dd');
    expect(sheet.getColumn(5).numFmt).to.equal('yyyy-mm-dd');
    expect(sheet.getCell('A2').numFmt).to.equal('@');
  });

  it('adds a date validation, a decimal validation from min/max and a drop-down of the choices', () => {
    const dv = validationsOf(workbook.getWorksheet('Records'));
    expect(dv['B2']).to.include({ type: 'date', operator: 'between' });
    expect(dv['B501'], 'covers the rows the validator accepts').to.include({ type: 'date' });
    expect(dv['B502']).to.equal(undefined);
    expect(dv['C2']).to.include({ type: 'decimal', operator: 'between' });
    expect(dv['C2']!.formulae).to.deep.equal([0, 100]);
    expect(dv['C2']!.prompt).to.equal('Percentage, 0–100. Pass mark 70.');
    expect(dv['D2']).to.include({ type: 'list' });
    expect(dv['D2']!.formulae).to.deep.equal(['"Passed,Failed"']);
    expect(dv['A2'], 'identifiers are the LMS\'s to judge').to.equal(undefined);
  });

  it('adds a whole-number validation for an integer column and a length validation for text', async () => {
    const dv = validationsOf((await load((await buildTemplate(practicalSpec, { texts: templateTextsEn, maxRows: 10 })).data)).getWorksheet('Records'));
    expect(dv['C2']).to.include({ type: 'whole', operator: 'between' });
    expect(dv['C2']!.formulae).to.deep.equal([1, 40]);
    expect(dv['E2']).to.include({ type: 'textLength', operator: 'lessThanOrEqual' });
    expect(dv['E2']!.formulae).to.deep.equal([80]);
  });

  it('keeps validation texts within Excel\'s limits, whoever wrote them (titles 32, errors 225, prompts 255)', async () => {
    const long = 'Dieser Wert wird leider nicht akzeptiert '.repeat(10);
    const spec = TemplateSpec.parse({ ...assessmentSpec, columns: assessmentSpec.columns.map((c) => (c.key === 'score' ? { ...c, header: 'S'.repeat(40), help: long } : c)) });
    const texts = { ...templateTextsEn, validation: { ...templateTextsEn.validation, errorTitle: long, choice: long, date: () => long } };
    const dv = validationsOf((await load((await buildTemplate(spec, { maxRows: 10, texts })).data)).getWorksheet('Records'));
    for (const ref of ['B2', 'C2', 'D2']) {
      expect(dv[ref]!.errorTitle, ref).to.have.length(32);
      expect(dv[ref]!.error!.length, ref).to.be.at.most(225);
    }
    expect(dv['D2']!.error, 'the host\'s long text is cut, not dropped').to.have.length(225).and.match(/^Dieser Wert/);
    expect(dv['C2']!.promptTitle).to.have.length(32);
    expect(dv['C2']!.prompt).to.have.length(255);
  });

  it('writes one plainly marked sample row from the examples, with a note', () => {
    const sheet = workbook.getWorksheet('Records')!;
    const row = sheet.getRow(2);
    expect(row.getCell(1).value).to.equal('E004217');
    expect((row.getCell(2).value as Date).toISOString()).to.equal('2026-04-02T00:00:00.000Z');
    expect(row.getCell(3).value).to.equal(82.5);
    expect(row.getCell(4).value).to.equal('Passed');
    expect(row.getCell(5).value).to.equal(null);
    expect(row.getCell(1).font).to.deep.include({ italic: true });
    expect(row.getCell(1).font?.color?.argb).to.equal('FF7F7F7F');
    expect(row.getCell(1).note).to.equal('Sample row — delete it before uploading');
    expect(sheet.getRow(3).cellCount).to.equal(0);
  });
});

describe('template (xlsx): raw parts', () => {
  it('stores the sample date as serial 46114 and the very hidden fingerprint sheet in the workbook', async () => {
    const xml = parts((await buildTemplate(assessmentSpec, { texts: templateTextsEn, maxRows: 100 })).data);
    expect(xml['xl/worksheets/sheet1.xml']).to.match(/<c r="B2" s="\d+"><v>46114<\/v><\/c>/);
    expect(xml['xl/worksheets/sheet1.xml']).to.contain('sqref="D2:D101"');
    expect(xml['xl/workbook.xml']).to.match(/<sheet [^>]*name="_template" state="veryHidden"/);
    expect(xml['xl/workbook.xml']).to.match(/<sheet [^>]*name="Records" state="visible"/);
  });

  it('covers 100,000 data rows by default, as the validator accepts', async () => {
    const xml = parts((await buildTemplate(classroomSpec, { texts: templateTextsEn })).data)['xl/worksheets/sheet1.xml']!;
    expect(xml).to.contain('sqref="C2:C100001"');
  });
});

describe('template (xlsx): Instructions and fingerprint', () => {
  it('names the activity, category, dates, domain, identifier and version, and explains every column', async () => {
    const workbook = await load((await buildTemplate(assessmentSpec, { texts: templateTextsEn, maxRows: 10 })).data);
    const sheet = workbook.getWorksheet('Instructions')!;
    const lines: string[] = [];
    sheet.eachRow((row) => lines.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v))).join(' | ')));
    const text = lines.join('\n');
    expect(text).to.contain('Activity | Forklift Operator Assessment');
    expect(text).to.contain('Category | Operations');
    expect(text).to.contain('Activity dates | 2025-06-01 to 2027-12-31');
    expect(text).to.contain('Domain | Warehouse staff');
    expect(text).to.contain('Users identified by | Employee number');
    expect(text).to.contain('Template version | asm-5');
    expect(text).to.contain('Pass mark: 70.');
    expect(lines).to.include('Employee number * | Yes | Employee number: E followed by 6 digits, e.g. E004217');
    expect(lines).to.include('Score * | Yes | Number, e.g. 82.5; no units or % sign |  | From 0 to 100 | Percentage, 0–100. Pass mark 70.');
    expect(lines).to.include('Result * | Yes | One of the allowed values, e.g. Passed | Passed, Failed');
    expect(lines.find((l) => l.startsWith('Assessment date *'))).to.contain('On or after 2025-06-01, on or before 2027-12-31; not in the future');
    expect(lines.find((l) => l.startsWith('Certificate expiry'))).to.contain('No | Date; typed as text, write DD/MM/YYYY or YYYY-MM-DD |  | After Assessment date');
    expect(text).to.contain('delete the sample row');
    expect(text).to.match(/upload it/i);
  });

  it('formats the activity dates for the admin\'s locale and date order when asked', async () => {
    const workbook = await load((await buildTemplate(classroomSpec, { texts: templateTextsEn, maxRows: 10, locale: 'en-GB', dateOrder: 'MDY' })).data);
    const sheet = workbook.getWorksheet('Instructions')!;
    const values: string[] = [];
    sheet.eachRow((row) => values.push((row.values as unknown[]).filter((v) => typeof v === 'string').join(' | ')));
    expect(values).to.include('Activity dates | from 1 January 2024');
    expect(values.join('\n')).to.contain('MM/DD/YYYY');
  });

  it('hides the fingerprint in a very hidden _template sheet of keys and values', async () => {
    const workbook = await load((await buildTemplate(practicalSpec, { texts: templateTextsEn, maxRows: 10 })).data);
    const sheet = workbook.getWorksheet('_template')!;
    expect(sheet.state).to.equal('veryHidden');
    const pairs: Record<string, unknown> = {};
    sheet.eachRow((row) => (pairs[String(row.getCell(1).value)] = row.getCell(2).value));
    expect(pairs).to.deep.equal({
      activityId: 'act-firstaid-prac',
      domainId: 'dom-contractors',
      identifierKind: 'username',
      templateVersion: 'prc-1',
      recordsSheet: 'Records',
    });
  });

  it('is read back by the reader: the records sheet it names, its fingerprint, the headers and the sample row', async () => {
    const { start, rows } = await readAll((await buildTemplate(practicalSpec, { texts: templateTextsEn, maxRows: 10 })).data);
    expect(start.sheetName).to.equal('Records');
    expect(start.fingerprint).to.deep.equal(fingerprintOf(practicalSpec));
    expect(rows.map((r) => r.row)).to.deep.equal([1, 2]);
    expect(rows[0]!.cells[0]).to.equal('Username *');
  });

  it('puts long or comma-holding choice lists on a very hidden sheet and points the drop-down at it', async () => {
    const choices = ['Completed, with merit', 'Completed', ...Array.from({ length: 40 }, (_, i) => `Outcome number ${i + 1}`)];
    const spec = TemplateSpec.parse({ ...classroomSpec, columns: classroomSpec.columns.map((c) => (c.key === 'status' ? { ...c, choices, example: 'Completed' } : c)) });
    const workbook = await load((await buildTemplate(spec, { texts: templateTextsEn, maxRows: 10 })).data);
    const lists = workbook.getWorksheet('_lists')!;
    expect(lists.state).to.equal('veryHidden');
    expect(lists.getCell('C1').value).to.equal('Completed, with merit');
    expect(lists.getCell('C42').value).to.equal('Outcome number 40');
    expect(validationsOf(workbook.getWorksheet('Records'))['C2']!.formulae).to.deep.equal(["'_lists'!$C$1:$C$42"]);
  });
});

describe('template: file names and types', () => {
  it('names the file after the activity, safely, with the right MIME type', async () => {
    const xlsx = await buildTemplate(classroomSpec, { texts: templateTextsEn, maxRows: 10 });
    expect(xlsx.fileName).to.equal('Fire Safety Induction (Classroom) - offline records template.xlsx');
    expect(xlsx.mimeType).to.equal(XLSX_MIME);
    const spec = TemplateSpec.parse({ ...classroomSpec, activity: { ...classroomSpec.activity, name: 'HSE: Fire/Smoke "Drill" <2026>?' } });
    const csv = await buildTemplate(spec, { texts: templateTextsEn, format: 'csv' });
    expect(csv.fileName).to.equal('HSE Fire Smoke Drill 2026 - offline records template.csv');
    expect(csv.mimeType).to.equal(CSV_MIME);
  });
});

describe('template (csv)', () => {
  it('is UTF-8 with a BOM, a header row with required marks and the sample row, CRLF', async () => {
    const { data } = await buildTemplate(classroomSpec, { texts: templateTextsEn, format: 'csv' });
    expect([...data.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(data)).to.equal(
      'Email *,Completion date *,Status *,Trainer,Comments\r\njane.doe@example.com,2026-03-14,Completed,Sam Lee,\r\n',
    );
  });

  it('uses ; and decimal commas for a locale that writes decimals with a comma', async () => {
    const text = new TextDecoder().decode((await buildTemplate(assessmentSpec, { texts: templateTextsEn, format: 'csv', locale: 'de-DE' })).data);
    expect(text).to.equal('Employee number *;Assessment date *;Score *;Result *;Certificate expiry\r\nE004217;2026-04-02;82,5;Passed;\r\n');
  });

  it('falls back to made-up examples where the spec has none', async () => {
    const text = new TextDecoder().decode((await buildTemplate(realWorldSpec, { texts: templateTextsEn, format: 'csv' })).data);
    expect(text.split('\r\n')[1]).to.equal('jane.doe@example.com,2020-01-01,Passed,,');
  });
});

describe('template: formula safety', () => {
  const hostile = TemplateSpec.parse({
    ...classroomSpec,
    activity: { ...classroomSpec.activity, name: '=HYPERLINK("http://evil.example","Fire")', categoryName: '+1+1' },
    domain: { id: 'd', name: '@SUM(A1)' },
    columns: classroomSpec.columns.map((c) => (c.key === 'trainer' ? { ...c, example: '-2+3', help: '=1+1' } : c.key === 'status' ? { ...c, choices: ['=Attended', 'Completed'], example: '=Attended' } : c)),
  });

  it('writes formula-like text into the xlsx as plain strings, never as formulas', async () => {
    const { data } = await buildTemplate(hostile, { texts: templateTextsEn, maxRows: 10 });
    const xml = parts(data);
    for (const [name, content] of Object.entries(xml)) {
      if (name.startsWith('xl/worksheets/')) expect(content, name).not.to.match(/<f[\s>]/);
    }
    expect(xml['xl/sharedStrings.xml']).to.contain('-2+3');
    expect(xml['xl/sharedStrings.xml']).to.contain('@SUM(A1)');
    const workbook = await load(data);
    const trainer = workbook.getWorksheet('Records')!.getCell('D2');
    expect(trainer.type).to.equal(3); // ValueType.String
    expect(trainer.value).to.equal('-2+3');
    const instructions = workbook.getWorksheet('Instructions')!;
    expect(instructions.getCell('B4').value).to.equal('=HYPERLINK("http://evil.example","Fire")');
    expect(instructions.getCell('B4').formula).to.equal(undefined);
  });

  it('neutralises formula-like text in the CSV with a leading apostrophe', async () => {
    const text = new TextDecoder().decode((await buildTemplate(hostile, { texts: templateTextsEn, format: 'csv' })).data);
    expect(text.split('\r\n')[1]).to.equal("jane.doe@example.com,2026-03-14,'=Attended,'-2+3,");
  });
});
