import { expect } from '@open-wc/testing';
import { strFromU8, unzipSync } from 'fflate';
import { classroomSpec } from '../../test/fixtures/specs.js';
import { buildErrorReport } from './error-report.js';
import type { Issue } from './issues.js';
import { errorReportTextsEn } from '../i18n/files.en.js';

const issues: Issue[] = [
  { code: 'file-template-outdated', message: 'This template is out of date.' },
  { row: 4, column: 'Email *', columnKey: 'identifier', code: 'cell-identifier-format', message: 'This is not a valid e-mail address.', value: '=HYPERLINK("http://evil.example","x")' },
  { row: 5, column: 'Comments', columnKey: 'comments', code: 'cell-text-too-long', message: 'Too long, "quoted", and, commas.', value: '+cmd|\' /C calc\'!A0' },
  { row: 6, column: 'Trainer', columnKey: 'trainer', code: 'cell-required', message: 'Trainer is required.', value: '' },
];

describe('error report (csv)', () => {
  it('writes one line per issue — Row, Column, Value, Problem; no internal code — with a BOM and CRLF', async () => {
    const report = await buildErrorReport(issues, classroomSpec, { format: 'csv', texts: errorReportTextsEn });
    expect(report.fileName).to.equal('Fire Safety Induction (Classroom) - upload issues.csv');
    expect(report.mimeType).to.equal('text/csv;charset=utf-8');
    expect([...report.data.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(report.data).split('\r\n');
    expect(lines).to.deep.equal([
      'Row,Column,Value,Problem',
      'File,,,This template is out of date.',
      '4,Email *,"\'=HYPERLINK(""http://evil.example"",""x"")",This is not a valid e-mail address.',
      '5,Comments,\'+cmd|\' /C calc\'!A0,"Too long, ""quoted"", and, commas."',
      '6,Trainer,,Trainer is required.',
      '',
    ]);
  });
});

describe('error report (xlsx)', () => {
  it('writes the issues as a sheet whose values from the admin\'s file stay text', async () => {
    const report = await buildErrorReport(issues, classroomSpec, { format: 'xlsx', texts: errorReportTextsEn });
    expect(report.fileName).to.equal('Fire Safety Induction (Classroom) - upload issues.xlsx');
    const xml = unzipSync(report.data);
    const sheetXml = strFromU8(xml['xl/worksheets/sheet1.xml']!);
    expect(sheetXml).not.to.match(/<f[\s>]/);
    expect(strFromU8(xml['xl/sharedStrings.xml']!)).to.contain('=HYPERLINK(&quot;http://evil.example&quot;,&quot;x&quot;)');

    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(report.data).buffer);
    const sheet = workbook.getWorksheet('Issues')!;
    expect(sheet.getRow(1).values).to.deep.equal([undefined, 'Row', 'Column', 'Value', 'Problem', 'Reference for support']);
    expect(sheet.getRow(2).values).to.deep.equal([undefined, 'File', undefined, undefined, 'This template is out of date.', 'file-template-outdated']);
    const hostile = sheet.getCell('C3');
    expect(hostile.value).to.equal('=HYPERLINK("http://evil.example","x")');
    expect(hostile.formula).to.equal(undefined);
    expect(sheet.getCell('A3').value).to.equal(4);
    expect(sheet.getCell('C4').value).to.equal('+cmd|\' /C calc\'!A0');
    expect(sheet.views[0]).to.include({ state: 'frozen', ySplit: 1 });
    expect(sheet.rowCount).to.equal(5);
  });

  it('keeps each issue\'s code for support in a hidden column, not one the admin sees', async () => {
    const report = await buildErrorReport(issues, classroomSpec, { format: 'xlsx', texts: errorReportTextsEn });
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(report.data).buffer);
    const sheet = workbook.getWorksheet('Issues')!;
    for (const c of [1, 2, 3, 4]) expect(sheet.getColumn(c).hidden, `column ${c} shown`).to.equal(false);
    expect(sheet.getColumn(5).hidden, 'the code column is hidden').to.equal(true);
    expect(sheet.getColumn(5).values.slice(1)).to.deep.equal(['Reference for support', 'file-template-outdated', 'cell-identifier-format', 'cell-text-too-long', 'cell-required']);
    // The filter covers the admin's columns only.
    expect(sheet.autoFilter).to.equal('A1:D5');
  });

  it('lets a host rename the headers and sheet', async () => {
    const report = await buildErrorReport(issues.slice(0, 1), classroomSpec, {
      format: 'csv',
      texts: { ...errorReportTextsEn, headers: ['Ligne', 'Colonne', 'Valeur', 'Problème'], wholeFile: 'Fichier', fileSuffix: ' - problèmes' },
    });
    expect(report.fileName).to.equal('Fire Safety Induction (Classroom) - problèmes.csv');
    expect(new TextDecoder().decode(report.data)).to.contain('Ligne,Colonne,Valeur,Problème\r\nFichier,');
  });

  it('words each problem with the caller\'s describer, from code and params', async () => {
    const report = await buildErrorReport(issues.slice(1, 2), classroomSpec, {
      format: 'csv',
      texts: errorReportTextsEn,
      describe: (issue) => `[${issue.code}]`,
    });
    expect(new TextDecoder().decode(report.data)).to.contain(',[cell-identifier-format]\r\n');
  });
});
