// The error report an admin can download: one row per issue (Row, Column, Value, Problem, Code), as .xlsx or
// CSV. Values come from the admin's own file, so everything goes through the formula-safe writer. Core has no
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
  /** Row, Column, Value, Problem, Code. */
  readonly headers: readonly [string, string, string, string, string];
  /** Shown in the Row column for issues about the whole file. */
  readonly wholeFile: string;
}

export async function buildErrorReport(issues: readonly Issue[], spec: TemplateSpec, options: ErrorReportOptions): Promise<DownloadFile> {
  const { texts } = options;
  const describe = options.describe ?? ((issue: Issue) => issue.message);
  const rows = issues.map((issue) => [issue.row ?? texts.wholeFile, issue.column ?? '', issue.value ?? '', describe(issue), issue.code] as const);

  if (options.format === 'csv') {
    const lines = [csvLine(texts.headers), ...rows.map((r) => csvLine(r))];
    return { data: csvBytes(lines), fileName: safeFileName(spec.activity.name, texts.fileSuffix, 'csv'), mimeType: CSV_MIME };
  }

  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'offline-upload';
  const sheet = workbook.addWorksheet(texts.sheetName.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31), {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2', rightToLeft: texts.rtl === true }],
  });
  [8, 24, 32, 90, 26].forEach((width, i) => (sheet.getColumn(i + 1).width = width));
  // The Value column holds what the admin typed: as text, so Excel neither computes nor reformats it.
  sheet.getColumn(3).numFmt = '@';
  const header = sheet.getRow(1);
  texts.headers.forEach((text, i) => {
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
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rows.length + 1), column: texts.headers.length } };
  const data = toBytes(await workbook.xlsx.writeBuffer());
  return { data, fileName: safeFileName(spec.activity.name, texts.fileSuffix, 'xlsx'), mimeType: XLSX_MIME };
}
