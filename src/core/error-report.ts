// The error report an admin can download: one row per issue (Row, Column, Value, Problem), as .xlsx or CSV,
// every word in the admin's language. The issue's internal code is no column the admin sees: in the .xlsx it
// sits in a hidden last column, for support to read (unhide it); a CSV cannot hide a column, so it has none.
// Values come from the admin's own file, so everything goes through the formula-safe writer. Core has no
// words: the headers come from a table in src/i18n (files.*.ts) and each problem from the caller's `describe`.
import type { Issue } from './issues.js';
import { csvBytes, csvLine, xlsxValue } from './safe-cell.js';
import type { TemplateSpec } from './spec.js';
import { CSV_MIME, toBytes, XLSX_MIME, type DownloadFile } from './template/build.js';
import { safeFileName } from './template/file-name.js';

export interface ErrorReportOptions {
  readonly format: 'xlsx' | 'csv';
  /** Header words, sheet name and file name, in the admin's language (`errorReportTextsEn`, `Localizer.reportTexts`). */
  readonly texts: ErrorReportTexts;
  /**
   * Each issue's words in the admin's language, made from its code and params (a Localizer's `issue`);
   * default: the issue's own `message`.
   */
  readonly describe?: (issue: Issue) => string;
}

export interface ErrorReportTexts {
  readonly sheetName: string;
  /** Right-to-left language: the sheet opens right to left in Excel. */
  readonly rtl?: boolean;
  readonly fileSuffix: string;
  /** Row, Column, Value, Problem: the columns the admin sees. */
  readonly headers: readonly [string, string, string, string];
  /** Header of the hidden column that holds each issue's code, for support (.xlsx only). */
  readonly codeHeader: string;
  /** Shown in the Row column for issues about the whole file. */
  readonly wholeFile: string;
}

export async function buildErrorReport(issues: readonly Issue[], spec: TemplateSpec, options: ErrorReportOptions): Promise<DownloadFile> {
  const { texts } = options;
  const describe = options.describe ?? ((issue: Issue) => issue.message);
  // A host's override written for the older five-column table still gives four visible headers.
  const headers = texts.headers.slice(0, 4);
  const rows = issues.map((issue) => [issue.row ?? texts.wholeFile, issue.column ?? '', issue.value ?? '', describe(issue)] as const);

  if (options.format === 'csv') {
    const lines = [csvLine(headers), ...rows.map((r) => csvLine(r))];
    return { data: csvBytes(lines), fileName: safeFileName(spec.activity.name, texts.fileSuffix, 'csv'), mimeType: CSV_MIME };
  }

  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'offline-upload';
  const sheet = workbook.addWorksheet(texts.sheetName.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31), {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2', rightToLeft: texts.rtl === true }],
  });
  [8, 24, 32, 90].forEach((width, i) => (sheet.getColumn(i + 1).width = width));
  const codeColumn = sheet.getColumn(headers.length + 1);
  codeColumn.width = 26;
  codeColumn.hidden = true;
  // The Value column holds what the admin typed: as text, so Excel neither computes nor reformats it.
  sheet.getColumn(3).numFmt = '@';
  const header = sheet.getRow(1);
  [...headers, texts.codeHeader].forEach((text, i) => {
    const cell = header.getCell(i + 1);
    cell.value = xlsxValue(text);
    cell.font = { bold: true };
    cell.numFmt = 'General';
  });
  rows.forEach((values, r) => {
    const row = sheet.getRow(r + 2);
    values.forEach((value, i) => {
      const cell = row.getCell(i + 1);
      cell.value = xlsxValue(value);
      if (i === 3) cell.alignment = { wrapText: true, vertical: 'top' };
    });
    row.getCell(headers.length + 1).value = issues[r]!.code;
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rows.length + 1), column: headers.length } };
  const data = toBytes(await workbook.xlsx.writeBuffer());
  return { data, fileName: safeFileName(spec.activity.name, texts.fileSuffix, 'xlsx'), mimeType: XLSX_MIME };
}
