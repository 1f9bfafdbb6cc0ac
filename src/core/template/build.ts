// The template an admin downloads for one (activity, domain, identifier): an .xlsx made with exceljs (loaded
// only when asked for) or a CSV. Everything written goes through the formula-safe writer (safe-cell.ts).
import type { Cell as ExcelCell, DataValidation, Workbook, Worksheet } from 'exceljs';
import { isoToSerial } from '../dates.js';
import type { DateOrder } from '../read/types.js';
import { csvBytes, csvLine, xlsxValue, type SafeValue } from '../safe-cell.js';
import { fingerprintOf, type TemplateColumn, type TemplateSpec } from '../spec.js';
import { DEFAULT_MAX_ROWS } from '../read/types.js';
import { completionDateColumn, isExpiryColumn, isRequired, sampleValues, templateHeader } from './columns.js';
import { safeFileName } from './file-name.js';
import { FINGERPRINT_KEYS, FINGERPRINT_SHEET, LISTS_SHEET, RECORDS_SHEET_KEY } from './sheets.js';
import type { TemplateTexts } from './texts.js';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_MIME = 'text/csv;charset=utf-8';

export interface TemplateOptions {
  readonly format?: 'xlsx' | 'csv';
  /** How the admin types dates (default DMY): shown in the instructions and Excel's prompts. */
  readonly dateOrder?: DateOrder;
  /**
   * The admin's locale (BCP 47). It formats the activity dates on the Instructions sheet, and a locale that
   * writes decimals with a comma gets a `;`-separated CSV with decimal commas, as its Excel expects.
   */
  readonly locale?: string;
  /** Data rows the drop-downs and formats cover (default: the validator's row limit, 100,000). */
  readonly maxRows?: number;
  /**
   * The words written into the template, in the admin's language: a table from src/i18n
   * (`templateTextsEn`, or `Localizer.templateTexts` for the wizard's locale) or the host's own.
   */
  readonly texts: TemplateTexts;
}

export interface DownloadFile {
  readonly data: Uint8Array;
  readonly fileName: string;
  readonly mimeType: string;
}

/** Excel's number format for dates in the template: unambiguous in every locale. */
export const DATE_NUM_FMT = 'yyyy-mm-dd';
/** Excel's "Text" number format: keeps leading zeros, no automatic numbers or dates. */
export const TEXT_NUM_FMT = '@';
/** Inline drop-down lists longer than this (Excel's limit is 255 characters) go on the lists sheet. */
const INLINE_LIST_MAX = 250;
const SAMPLE_FONT = { italic: true, color: { argb: 'FF7F7F7F' } } as const;
const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } } as const;

export async function buildTemplate(spec: TemplateSpec, options: TemplateOptions): Promise<DownloadFile> {
  const { texts } = options;
  if (options.format === 'csv') return buildCsvTemplate(spec, options, texts);
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'offline-upload';
  workbook.title = xlsxValue(texts.title(spec.activity.name)) as string;

  const rightToLeft = texts.rtl === true;
  const records = workbook.addWorksheet(sheetName(texts.sheets.records), {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2', rightToLeft }],
  });
  const instructions = workbook.addWorksheet(sheetName(texts.sheets.instructions), { views: [{ rightToLeft }] });
  const fingerprint = workbook.addWorksheet(FINGERPRINT_SHEET, { state: 'veryHidden' });
  writeRecordsSheet(workbook, records, spec, options, texts);
  writeInstructions(instructions, spec, options, texts);
  writeFingerprint(fingerprint, spec, records.name);

  const data = toBytes(await workbook.xlsx.writeBuffer());
  return { data, fileName: safeFileName(spec.activity.name, texts.fileSuffix, 'xlsx'), mimeType: XLSX_MIME };
}

// ── Records ─────────────────────────────────────────────────────────────────

function writeRecordsSheet(workbook: Workbook, sheet: Worksheet, spec: TemplateSpec, options: TemplateOptions, texts: TemplateTexts): void {
  const sample = sampleValues(spec);
  const lastRow = 1 + (options.maxRows ?? DEFAULT_MAX_ROWS);
  const typedDate = texts.datePatterns[options.dateOrder ?? 'DMY'];
  const header = sheet.getRow(1);
  const sampleRow = sheet.getRow(2);
  let lists: Worksheet | undefined;

  spec.columns.forEach((column, i) => {
    const col = sheet.getColumn(i + 1);
    const headerText = templateHeader(column, spec);
    const example = sample[column.key];
    col.width = Math.min(60, Math.max(12, headerText.length + 4, String(example ?? '').length + 3));
    // Whole-column formats apply to the rows the admin adds, not only to the cells we write.
    if (column.type === 'identifier') col.numFmt = TEXT_NUM_FMT;
    if (column.type === 'date') col.numFmt = DATE_NUM_FMT;

    const h = header.getCell(i + 1);
    h.value = xlsxValue(headerText);
    h.font = { bold: true };
    h.fill = HEADER_FILL;
    h.numFmt = 'General';
    h.alignment = { vertical: 'middle' };

    const s = sampleRow.getCell(i + 1);
    s.value = sampleCellValue(column, example);
    s.font = SAMPLE_FONT;

    const range = `${col.letter}2:${col.letter}${lastRow}`;
    const validation = validationOf(column, spec, texts, typedDate, () => (lists ??= workbook.addWorksheet(LISTS_SHEET, { state: 'veryHidden' })), i);
    if (validation) addValidation(sheet, range, validation);
  });
  sampleRow.getCell(1).note = texts.sampleNote;
}

/** The sample cell: dates as real date serials (shown with the date format), numbers as numbers, text as text. */
function sampleCellValue(column: TemplateColumn, example: string | number | undefined): string | number | null {
  if (example === undefined) return null;
  if (column.type === 'date' && typeof example === 'string') {
    const serial = isoToSerial(example);
    if (serial !== null) return serial;
  }
  if (column.type === 'identifier' || column.type === 'text' || column.type === 'choice') return xlsxValue(String(example));
  return xlsxValue(example);
}

function validationOf(
  column: TemplateColumn,
  spec: TemplateSpec,
  texts: TemplateTexts,
  typedDate: string,
  listsSheet: () => Worksheet,
  index: number,
): DataValidation | null {
  const common = {
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: texts.validation.errorTitle,
    ...(column.help ? { showInputMessage: true, promptTitle: column.header, prompt: column.help } : {}),
  };
  switch (column.type) {
    case 'date':
      // Any real date: Excel refuses text such as "14.03.26" at typing time; our own rules give the messages.
      return { ...common, type: 'date', operator: 'between', formulae: [new Date(Date.UTC(1900, 0, 1)), new Date(Date.UTC(9999, 11, 31))], error: texts.validation.date(typedDate, texts.datePatterns.YMD) };
    case 'number':
    case 'integer': {
      const limits = limitsText(column, texts, undefined);
      const error = column.type === 'integer' ? texts.validation.integer(limits) : texts.validation.number(limits);
      const type = column.type === 'integer' ? 'whole' : 'decimal';
      if (column.min !== undefined && column.max !== undefined) return { ...common, type, operator: 'between', formulae: [column.min, column.max], error };
      if (column.min !== undefined) return { ...common, type, operator: 'greaterThanOrEqual', formulae: [column.min], error };
      if (column.max !== undefined) return { ...common, type, operator: 'lessThanOrEqual', formulae: [column.max], error };
      return { ...common, type, operator: 'between', formulae: [-1e15, 1e15], error };
    }
    case 'choice': {
      const choices = column.choices ?? [];
      const inline = `"${choices.join(',')}"`;
      const fitsInline = inline.length <= INLINE_LIST_MAX && !choices.some((c) => /[,"]/.test(c));
      let formula = inline;
      if (!fitsInline) {
        const sheet = listsSheet();
        const col = sheet.getColumn(index + 1);
        choices.forEach((choice, r) => (sheet.getCell(r + 1, index + 1).value = xlsxValue(choice)));
        formula = `'${LISTS_SHEET}'!$${col.letter}$1:$${col.letter}$${choices.length}`;
      }
      return { ...common, type: 'list', formulae: [formula], error: texts.validation.choice };
    }
    case 'text':
      if (column.maxLength === undefined) return null;
      return { ...common, type: 'textLength', operator: 'lessThanOrEqual', formulae: [column.maxLength], error: texts.validation.length(column.maxLength) };
    case 'identifier':
      // The text format (numFmt '@') does the work here; the identifier's rules are the LMS's.
      return null;
  }
}

/** Excel's limits on a validation's texts (MS-XLS DValStrings); longer ones make it repair the file. */
const VALIDATION_TEXT_MAX = { errorTitle: 32, error: 225, promptTitle: 32, prompt: 255 } as const;

function addValidation(sheet: Worksheet, range: string, validation: DataValidation): void {
  // The texts come from the LMS (help) and the host (translations): cut here, whatever their source.
  const clipped: DataValidation = { ...validation };
  for (const [key, max] of Object.entries(VALIDATION_TEXT_MAX) as [keyof typeof VALIDATION_TEXT_MAX, number][]) {
    const text = clipped[key];
    if (text !== undefined) clipped[key] = clip(text, max);
  }
  // exceljs 4.4 has worksheet.dataValidations (a range keeps the file small) but does not declare it.
  (sheet as unknown as { dataValidations: { add(address: string, v: DataValidation): void } }).dataValidations.add(range, clipped);
}

// ── Instructions ────────────────────────────────────────────────────────────

function writeInstructions(sheet: Worksheet, spec: TemplateSpec, options: TemplateOptions, texts: TemplateTexts): void {
  const { activity, domain, identifierKind, rules } = spec;
  const typedDate = texts.datePatterns[options.dateOrder ?? 'DMY'];
  const date = (iso: string) => formatDate(iso, options.locale);
  const widths = [28, 12, 46, 30, 34, 50];
  widths.forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  let r = 1;
  /** One line; `bold` 'first' makes the first cell a label. Long single-cell lines overflow, others wrap. */
  const put = (values: readonly SafeValue[], style: { bold?: boolean | 'first'; size?: number } = {}) => {
    const row = sheet.getRow(r++);
    values.forEach((v, i) => {
      const cell: ExcelCell = row.getCell(i + 1);
      cell.value = xlsxValue(v);
      const bold = style.bold === true || (style.bold === 'first' && i === 0);
      if (bold || style.size) cell.font = { bold, ...(style.size ? { size: style.size } : {}) };
      cell.alignment = { vertical: 'top', wrapText: values.length > 1 };
    });
  };

  put([texts.title(activity.name)], { bold: true, size: 14 });
  put([texts.intro]);
  r++;
  const label = { bold: 'first' } as const;
  put([texts.labels.activity, activity.name], label);
  put([texts.labels.category, activity.categoryName ?? activity.categoryId], label);
  put([texts.labels.activityDates, texts.dates(date(activity.startDate), activity.endDate ? date(activity.endDate) : undefined)], label);
  put([texts.labels.domain, domain.name], label);
  put([texts.labels.identifierKind, identifierKind.label], label);
  put([texts.labels.templateVersion, spec.version], label);
  const ruleLines = [
    ...(rules.scoreRequired && spec.columns.some((c) => c.key === 'score') ? [texts.rules.scoreRequired] : []),
    ...(rules.passMark !== undefined ? [texts.rules.passMark(formatNumber(rules.passMark, options.locale))] : []),
    ...(rules.expiryMonths !== undefined ? [texts.rules.expiry(rules.expiryMonths)] : []),
    ...(rules.allowFutureDates ? [texts.rules.futureAllowed] : []),
  ];
  for (const [i, line] of ruleLines.entries()) put([i === 0 ? texts.labels.rules : '', line], label);

  r++;
  put([texts.columnsHeading], { bold: true, size: 12 });
  put(texts.columnHeaders, { bold: true });
  for (const column of spec.columns) {
    put([
      templateHeader(column, spec),
      isRequired(column, spec) ? texts.yes : texts.no,
      formatText(column, spec, texts, typedDate, options.locale),
      column.type === 'choice' ? (column.choices ?? []).join(', ') : '',
      limitsText(column, texts, spec, date),
      column.help ?? '',
    ]);
  }

  r++;
  put([texts.howToHeading], { bold: true, size: 12 });
  const records = sheetName(texts.sheets.records);
  for (const step of texts.steps({ records, identifierKind: identifierKind.label, typedDate, isoDate: texts.datePatterns.YMD })) put([step]);
}

function formatText(column: TemplateColumn, spec: TemplateSpec, texts: TemplateTexts, typedDate: string, locale: string | undefined): string {
  const example = sampleValues(spec)[column.key];
  // A number example as the admin's Excel writes it (82,5 in French); dates stay ISO, as the cells show them.
  const ex = example === undefined ? undefined : typeof example === 'number' ? formatNumber(example, locale) : String(example);
  switch (column.type) {
    case 'identifier':
      return spec.identifierKind.key === 'email' ? texts.format.email(ex) : texts.format.identifier(spec.identifierKind.label, spec.identifierKind.patternHint, ex);
    case 'date':
      return texts.format.date(ex, typedDate, texts.datePatterns.YMD);
    case 'number':
      return texts.format.number(ex);
    case 'integer':
      return texts.format.integer(ex);
    case 'choice':
      return texts.format.choice(ex);
    case 'text':
      return texts.format.text(ex);
  }
}

function limitsText(column: TemplateColumn, texts: TemplateTexts, spec: TemplateSpec | undefined, date: (iso: string) => string = (d) => d): string {
  const { min, max } = column;
  switch (column.type) {
    case 'number':
    case 'integer':
      if (min !== undefined && max !== undefined) return texts.limits.between(String(min), String(max));
      if (min !== undefined) return texts.limits.atLeast(String(min));
      if (max !== undefined) return texts.limits.atMost(String(max));
      return '';
    case 'text':
      return column.maxLength !== undefined ? texts.limits.maxLength(column.maxLength) : '';
    case 'date': {
      if (!spec) return '';
      if (column === completionDateColumn(spec)) {
        const { startDate, endDate } = spec.activity;
        return texts.limits.dateWindow(date(startDate), endDate ? date(endDate) : undefined, !spec.rules.allowFutureDates);
      }
      const completion = completionDateColumn(spec);
      return isExpiryColumn(column, spec) && completion ? texts.limits.after(completion.header) : '';
    }
    default:
      return '';
  }
}

/** The fingerprint, and the name of the records sheet in the admin's language, so the reader finds it. */
function writeFingerprint(sheet: Worksheet, spec: TemplateSpec, recordsSheet: string): void {
  const fp = fingerprintOf(spec);
  const rows: [string, string][] = [...FINGERPRINT_KEYS.map((key): [string, string] => [key, fp[key]]), [RECORDS_SHEET_KEY, recordsSheet]];
  rows.forEach(([key, value], i) => {
    sheet.getCell(i + 1, 1).value = key;
    // Ids are kept as text so that "007" or "1e3" come back exactly as the LMS sent them.
    const cell = sheet.getCell(i + 1, 2);
    cell.numFmt = TEXT_NUM_FMT;
    cell.value = xlsxValue(value);
  });
}

// ── CSV ─────────────────────────────────────────────────────────────────────

function buildCsvTemplate(spec: TemplateSpec, options: TemplateOptions, texts: TemplateTexts): DownloadFile {
  const decimal = decimalSeparator(options.locale);
  const delimiter = decimal === ',' ? ';' : ',';
  const sample = sampleValues(spec);
  const lines = [
    csvLine(spec.columns.map((c) => templateHeader(c, spec)), delimiter, decimal),
    csvLine(spec.columns.map((c) => sample[c.key]), delimiter, decimal),
  ];
  return { data: csvBytes(lines), fileName: safeFileName(spec.activity.name, texts.fileSuffix, 'csv'), mimeType: CSV_MIME };
}

// ── helpers ─────────────────────────────────────────────────────────────────

/** The decimal separator of `locale` ('.' when unknown). */
export function decimalSeparator(locale: string | undefined): string {
  if (!locale) return '.';
  try {
    return new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';
  } catch {
    return '.';
  }
}

function formatDate(iso: string, locale: string | undefined): string {
  if (!locale) return iso;
  const [y, m, d] = iso.split('-').map(Number);
  try {
    // UTC in and out: the calendar date is shown as is, whatever the admin's time zone.
    return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(y!, m! - 1, d!)));
  } catch {
    return iso;
  }
}

function formatNumber(n: number, locale: string | undefined): string {
  if (!locale) return String(n);
  try {
    return new Intl.NumberFormat(locale, { maximumFractionDigits: 10 }).format(n);
  } catch {
    return String(n);
  }
}

/** A sheet name Excel accepts: none of `[]:*?/\`, at most 31 characters (a translation may not know). */
function sheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, ' ').trim().slice(0, 31) || 'Sheet';
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** exceljs hands back a Buffer in Node and an ArrayBuffer-backed array in browsers: one view type for both. */
export function toBytes(buffer: ArrayBuffer | ArrayBufferView): Uint8Array {
  if (buffer instanceof ArrayBuffer) return new Uint8Array(buffer);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
