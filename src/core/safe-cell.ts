// The one way we put text into a spreadsheet we hand out (template, error report): nothing written can
// start a formula when the admin opens the file, and nothing written can make the file invalid.

/** What makes Excel, LibreOffice or Google Sheets read typed text as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Characters XML 1.0 cannot carry (xlsx is XML): C0 controls except tab/LF/CR, U+FFFE/U+FFFF, lone surrogates. */
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Longest text one Excel cell holds; a longer string makes Excel "repair" the file. */
export const XLSX_CELL_MAX = 32_767;

/** True when `text`, typed into a cell, would start a formula. */
export function isFormulaLike(text: string): boolean {
  return FORMULA_START.test(text);
}

/**
 * Text for a CSV cell: formula-like text gets a leading apostrophe, which spreadsheet programs show as
 * text and which the admin can see and remove.
 */
export function neutraliseFormula(text: string): string {
  return isFormulaLike(text) ? `'${text}` : text;
}

/** Text for an xlsx string cell: no XML-invalid characters, no longer than a cell holds. */
export function xlsxText(text: string): string {
  const clean = text.replace(XML_INVALID, '');
  return clean.length > XLSX_CELL_MAX ? clean.slice(0, XLSX_CELL_MAX) : clean;
}

export type SafeValue = string | number | null | undefined;

/**
 * The value to give an exceljs cell. Strings stay plain strings (exceljs writes them as shared strings,
 * never as `<f>` formulas); only `{ formula }` objects would become formulas, and we never build those
 * from data. Empty text and non-finite numbers become empty cells: Excel has no NaN.
 */
export function xlsxValue(value: SafeValue): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const text = xlsxText(String(value));
  // An empty string would be a cell holding "" (not blank): Excel's blank tests and our reader disagree on it.
  return text === '' ? null : text;
}

/** One CSV field: numbers with `decimal` as separator, text formula-neutralised and quoted when needed. */
export function csvField(value: SafeValue, delimiter = ',', decimal = '.'): string {
  if (value === null || value === undefined) return '';
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    text = decimal === '.' ? String(value) : String(value).replace('.', decimal);
  } else {
    text = neutraliseFormula(String(value));
  }
  const needsQuotes = text.includes(delimiter) || /["\r\n]/.test(text) || (typeof value === 'number' && decimal === delimiter);
  return needsQuotes ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line (no line break). */
export function csvLine(values: readonly SafeValue[], delimiter = ',', decimal = '.'): string {
  return values.map((v) => csvField(v, delimiter, decimal)).join(delimiter);
}

/** A whole CSV file as Excel opens it right everywhere: UTF-8 with a byte-order mark, CRLF line ends. */
export function csvBytes(lines: readonly string[]): Uint8Array {
  return new TextEncoder().encode(`\uFEFF${lines.join('\r\n')}\r\n`);
}
