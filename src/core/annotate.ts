// The admin's own file handed back with its problems marked: the uploaded workbook (same sheets, columns,
// formats and order) with each problem cell filled and carrying a note, and a "Problems" column at the end
// of every affected row. Core writes no words of its own: the caller gives the header and every issue's
// message in the admin's language. A CSV upload comes back as .xlsx (default) or as .csv.
import type { Workbook, Worksheet, Cell as ExcelCell } from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { cellText, isDateCell, isErrorCell, type Cell } from './cells.js';
import { compareIssues, ISSUE_CODES, type Issue } from './issues.js';
import { readSpreadsheet } from './read/index.js';
import { FileIssueError, type SheetStart } from './read/types.js';
import { csvBytes, csvField, isFormulaLike, xlsxValue } from './safe-cell.js';
import { CSV_MIME, toBytes, XLSX_MIME, type DownloadFile } from './template/build.js';
import { safeFileName } from './template/file-name.js';
import { normaliseHeader } from './spec.js';

/** The fill of a problem cell. Also how a later annotation of the same file finds (and clears) our marks. */
export const PROBLEM_FILL_ARGB = 'FFFFE2E0';
const PROBLEM_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: PROBLEM_FILL_ARGB } } as const;
const HEADER_FONT = { bold: true } as const;

export interface AnnotateTexts {
  /** The added column's header ("Problems"). */
  readonly problemsHeader: string;
  /** Appended to the file's own name ("… - problems marked"). */
  readonly fileSuffix: string;
  /** Joins a column's header and its message in the Problems column ("Email: …"). */
  readonly cellProblem: (column: string, message: string) => string;
}

export interface AnnotateOptions {
  /** What the upload was read as: `ValidationStats.sheetName`, `.headerRow` and `.headers` (key → header). */
  readonly sheetName: string;
  readonly headerRow: number;
  readonly headers: Readonly<Record<string, string>>;
  /** The uploaded file's name, for the downloaded file's name. */
  readonly fileName: string;
  /** Output for a CSV upload (an .xlsx upload always comes back as .xlsx). Default 'xlsx'. */
  readonly csvAs?: 'xlsx' | 'csv';
  /** The issue's message in the admin's language. */
  readonly describe: (issue: Issue) => string;
  readonly texts: AnnotateTexts;
  /**
   * Headers that name a Problems column in any shipped language: a file annotated before (perhaps in
   * another language) has its old column reused and emptied instead of gaining a second one.
   */
  readonly problemHeaders?: readonly string[];
}

interface Marks {
  /** Row → column index (0-based) → messages, for cell issues. */
  readonly cells: Map<number, Map<number, string[]>>;
  /** Row → the Problems column's lines. */
  readonly rows: Map<number, string[]>;
  /** File-level issues' messages, noted on the Problems header. */
  readonly file: string[];
}

const norm = normaliseHeader;

/** Which 0-based column of `headerCells` holds an issue's column, by the header the admin wrote. */
function columnIndexer(headerCells: readonly string[], headers: Readonly<Record<string, string>>): (issue: Issue) => number {
  const byHeader = new Map<string, number>();
  headerCells.forEach((text, i) => {
    const key = norm(text);
    if (key !== '' && !byHeader.has(key)) byHeader.set(key, i);
  });
  return (issue) => {
    const header = (issue.columnKey && headers[issue.columnKey]) || issue.column;
    return header === undefined ? -1 : (byHeader.get(norm(header)) ?? -1);
  };
}

function collectMarks(issues: readonly Issue[], indexOf: (issue: Issue) => number, options: AnnotateOptions): Marks {
  const marks: Marks = { cells: new Map(), rows: new Map(), file: [] };
  for (const issue of [...issues].sort(compareIssues(Object.keys(options.headers)))) {
    const message = options.describe(issue);
    if (issue.row === undefined || ISSUE_CODES[issue.code].scope === 'file') {
      marks.file.push(issue.column ? options.texts.cellProblem(issue.column, message) : message);
      continue;
    }
    const index = ISSUE_CODES[issue.code].scope === 'cell' ? indexOf(issue) : -1;
    const line = index >= 0 && issue.column ? options.texts.cellProblem(issue.column.replace(/\s*\*\s*$/, ''), message) : message;
    let lines = marks.rows.get(issue.row);
    if (!lines) marks.rows.set(issue.row, (lines = []));
    lines.push(line);
    if (index >= 0) {
      let row = marks.cells.get(issue.row);
      if (!row) marks.cells.set(issue.row, (row = new Map()));
      let messages = row.get(index);
      if (!messages) row.set(index, (messages = []));
      messages.push(message);
    }
  }
  return marks;
}

/** Text we add ourselves (messages, the header) never starts a formula. */
const ourText = (text: string): string => xlsxValue(isFormulaLike(text) ? `'${text}` : text) as string;

/**
 * Returns the uploaded file with its problems marked. `input` is the file as uploaded; `issues` those the
 * review shows (client and LMS). Throws when the file cannot be read at all — a file that could be
 * validated always can.
 */
export async function annotateUpload(input: ArrayBuffer | Uint8Array, issues: readonly Issue[], options: AnnotateOptions): Promise<DownloadFile> {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  const isXlsx = bytes[0] === 0x50 && bytes[1] === 0x4b;
  const stem = options.fileName.replace(/\.[^.]*$/, '') || options.fileName;
  if (!isXlsx && options.csvAs === 'csv') {
    const table = await readTable(bytes, options.sheetName);
    return {
      data: annotatedCsv(table, issues, options),
      fileName: safeFileName(stem, options.texts.fileSuffix, 'csv'),
      mimeType: CSV_MIME,
    };
  }
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  let sheet: Worksheet | undefined;
  let held: HeldValidations | undefined;
  if (isXlsx) {
    try {
      held = holdValidations(bytes);
      await workbook.xlsx.load(held.stripped.buffer as ArrayBuffer);
      sheet = workbook.getWorksheet(options.sheetName);
    } catch {
      // exceljs cannot open every file our reader can (odd writers, strict OOXML): fall back to the values.
      sheet = undefined;
      held = undefined;
    }
  }
  if (!sheet) sheet = valuesSheet(workbook, await readTable(bytes, options.sheetName), options.sheetName || 'Records');
  markSheet(sheet, issues, options);
  let data = toBytes(await workbook.xlsx.writeBuffer());
  if (held && held.bySheet.size > 0) data = restoreValidations(data, held.bySheet);
  return { data, fileName: safeFileName(stem, options.texts.fileSuffix, 'xlsx'), mimeType: XLSX_MIME };
}

// ── data validations kept as written ──────────────────────────────────────────────────────────────
// exceljs expands every validated range into one entry per cell when it loads a sheet: our templates
// validate 100,000 rows, which made loading and writing one template-based upload take 2.1 + 6.5 s
// instead of 0.17 + 0.04 s (Node, .scratch measurement in the commit). The <dataValidations> element is
// therefore taken out before exceljs sees the file and put back, as the admin's file had it, afterwards.

interface HeldValidations {
  /** The upload without its sheets' <dataValidations>. */
  readonly stripped: Uint8Array;
  /** Sheet name → its <dataValidations>…</dataValidations> element, verbatim. */
  readonly bySheet: Map<string, string>;
}

/** Most bytes the parts of an upload may inflate to when we rewrite it (the reader's own ceiling). */
const REWRITE_INFLATE_LIMIT = 1024 * 1024 * 1024;

const decodeXml = (text: string): string =>
  text.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]!);

function attr(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return match ? decodeXml(match[1] ?? match[2] ?? '') : undefined;
}

/** Sheet name → the sheet's part path, from the workbook part and its relationships. */
function sheetParts(files: Record<string, Uint8Array>): Map<string, string> {
  const out = new Map<string, string>();
  const workbook = files['xl/workbook.xml'];
  const rels = files['xl/_rels/workbook.xml.rels'];
  if (!workbook || !rels) return out;
  const targets = new Map<string, string>();
  for (const tag of strFromU8(rels).match(/<Relationship\b[^>]*>/g) ?? []) {
    const id = attr(tag, 'Id');
    const target = attr(tag, 'Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  for (const tag of strFromU8(workbook).match(/<(?:\w+:)?sheet\b[^>]*>/g) ?? []) {
    const name = attr(tag, 'name');
    const id = attr(tag, 'r:id') ?? /\s\w+:id\s*=\s*"([^"]*)"/.exec(tag)?.[1];
    const target = id ? targets.get(id) : undefined;
    if (name !== undefined && target) out.set(name, target);
  }
  return out;
}

/** The element `<name …>…</name>` (or `<name …/>`) in `xml`, found with indexOf (no regex over the part). */
function elementRange(xml: string, name: string): [number, number] | undefined {
  const start = xml.indexOf(`<${name}`);
  if (start < 0) return undefined;
  const open = xml.indexOf('>', start);
  if (open < 0) return undefined;
  if (xml[open - 1] === '/') return [start, open + 1];
  const close = xml.indexOf(`</${name}>`, open);
  return close < 0 ? undefined : [start, close + name.length + 3];
}

function holdValidations(bytes: Uint8Array): HeldValidations {
  let declared = 0;
  const files = unzipSync(bytes, {
    filter: (file) => {
      declared += file.originalSize;
      if (declared > REWRITE_INFLATE_LIMIT) throw new Error('upload inflates beyond the rewrite limit');
      return true;
    },
  });
  const bySheet = new Map<string, string>();
  for (const [name, path] of sheetParts(files)) {
    const part = files[path];
    if (!part) continue;
    const xml = strFromU8(part);
    const range = elementRange(xml, 'dataValidations');
    if (!range) continue;
    bySheet.set(name, xml.slice(range[0], range[1]));
    files[path] = strToU8(xml.slice(0, range[0]) + xml.slice(range[1]));
  }
  return { stripped: bySheet.size > 0 ? zipSync(files) : bytes.slice(), bySheet };
}

/** Elements a worksheet may have after <dataValidations>, in the schema's order (ECMA-376 CT_Worksheet). */
const AFTER_VALIDATIONS = ['hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];

function restoreValidations(data: Uint8Array, bySheet: ReadonlyMap<string, string>): Uint8Array {
  const files = unzipSync(data);
  for (const [name, path] of sheetParts(files)) {
    const element = bySheet.get(name);
    const part = files[path];
    if (!element || !part) continue;
    const xml = strFromU8(part);
    let at = xml.lastIndexOf('</worksheet>');
    for (const next of AFTER_VALIDATIONS) {
      const found = xml.indexOf(`<${next}`);
      if (found >= 0 && found < at && /[\s/>]/.test(xml[found + next.length + 1] ?? '')) at = found;
    }
    if (at < 0) continue;
    files[path] = strToU8(xml.slice(0, at) + element + xml.slice(at));
  }
  return zipSync(files);
}

/** Row number → the row's cells, as our reader saw them (for CSV, and for workbooks exceljs cannot open). */
interface Table {
  readonly rows: Map<number, readonly Cell[]>;
  readonly start?: SheetStart;
  readonly last: number;
}

async function readTable(bytes: Uint8Array, sheetName: string): Promise<Table> {
  const rows = new Map<number, readonly Cell[]>();
  let start: SheetStart | undefined;
  let last = 0;
  try {
    await readSpreadsheet(bytes, {
      start(info) {
        start = info;
      },
      row(row, cells) {
        rows.set(row, cells.slice());
        last = row;
      },
    }, { maxRows: Number.MAX_SAFE_INTEGER, ...(sheetName ? { fileName: sheetName } : {}) });
  } catch (error) {
    if (!(error instanceof FileIssueError)) throw error;
    // A file-level issue stopped the read: the rows read so far are what the admin gets back.
  }
  return { rows, last, ...(start ? { start } : {}) };
}

function plain(cell: Cell): string | number | null {
  if (cell === null) return null;
  if (typeof cell === 'number') return cell;
  if (isDateCell(cell) || isErrorCell(cell) || typeof cell === 'boolean') return cellText(cell);
  return cell;
}

function valuesSheet(workbook: Workbook, table: Table, name: string): Worksheet {
  const sheet = workbook.addWorksheet(name.slice(0, 31).replace(/[\\/?*[\]:]/g, ' ') || 'Records');
  for (const [number, cells] of table.rows) {
    const row = sheet.getRow(number);
    cells.forEach((cell, i) => {
      const value = plain(cell);
      if (value === null) return;
      const target = row.getCell(i + 1);
      // The admin's own values, as text cells: nothing they typed becomes a formula when opened.
      target.value = typeof value === 'number' ? value : xlsxValue(value);
    });
  }
  return sheet;
}

function headerTexts(sheet: Worksheet, headerRow: number): string[] {
  const out: string[] = [];
  const row = sheet.getRow(headerRow);
  for (let c = 1; c <= Math.max(row.cellCount, sheet.columnCount); c++) out.push(row.getCell(c).text ?? '');
  return out;
}

/**
 * Sets part of one cell's style. exceljs shares one style object among the cells of a styled row or
 * column, so assigning `cell.fill` would fill the whole column: each marked cell gets a style of its own.
 */
function restyle(cell: ExcelCell, style: Partial<ExcelCell['style']>): void {
  cell.style = { ...cell.style, ...style };
}

/**
 * Removes a cell's note. exceljs has no API for it: setting `note` always makes one, and a loaded note is
 * also kept in the value's stored model, so the private field is cleared and the value set anew.
 */
function clearNote(cell: ExcelCell): void {
  const value = cell.value;
  (cell as unknown as { _comment?: unknown })._comment = undefined;
  cell.value = value;
}

function isOurFill(cell: ExcelCell): boolean {
  const fill = cell.fill as { type?: string; fgColor?: { argb?: string } } | undefined;
  return fill?.type === 'pattern' && fill.fgColor?.argb === PROBLEM_FILL_ARGB;
}

function markSheet(sheet: Worksheet, issues: readonly Issue[], options: AnnotateOptions): void {
  const headerRow = Math.max(1, options.headerRow);
  const headers = headerTexts(sheet, headerRow);
  const known = new Set([options.texts.problemsHeader, ...(options.problemHeaders ?? [])].map(norm));
  let problemsIndex = headers.findIndex((h) => known.has(norm(h)));

  // Marks left by an earlier annotation of this file go: the admin gets today's problems only.
  sheet.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (!isOurFill(cell)) return;
      const { fill: _ours, ...rest } = cell.style;
      cell.style = rest;
      clearNote(cell);
    });
  });
  if (problemsIndex >= 0) {
    const column = sheet.getColumn(problemsIndex + 1);
    column.eachCell({ includeEmpty: false }, (cell, rowNumber) => {
      if (rowNumber > headerRow) cell.value = null;
    });
  } else {
    // After the last column that has a header or any value, so no data of the admin's is overwritten.
    let last = headers.reduce((max, h, i) => (h.trim() !== '' ? i : max), -1);
    sheet.eachRow({ includeEmpty: false }, (row) => {
      last = Math.max(last, row.cellCount - 1);
    });
    problemsIndex = last + 1;
  }
  headers[problemsIndex] = options.texts.problemsHeader;

  const marks = collectMarks(issues, columnIndexer(headers, options.headers), options);
  const header = sheet.getRow(headerRow).getCell(problemsIndex + 1);
  header.value = ourText(options.texts.problemsHeader);
  restyle(header, { font: HEADER_FONT });
  if (marks.file.length > 0) {
    restyle(header, { fill: PROBLEM_FILL });
    header.note = ourText(marks.file.join('\n'));
  }
  sheet.getColumn(problemsIndex + 1).width = Math.max(sheet.getColumn(problemsIndex + 1).width ?? 0, 60);

  for (const [rowNumber, columns] of marks.cells) {
    const row = sheet.getRow(rowNumber);
    for (const [index, messages] of columns) {
      const cell = row.getCell(index + 1);
      restyle(cell, { fill: PROBLEM_FILL });
      cell.note = ourText(messages.join('\n'));
    }
  }
  for (const [rowNumber, lines] of marks.rows) {
    const cell = sheet.getRow(rowNumber).getCell(problemsIndex + 1);
    cell.value = ourText(lines.join('\n'));
    restyle(cell, { fill: PROBLEM_FILL, alignment: { wrapText: true, vertical: 'top' } });
  }
}

/**
 * One CSV field of the admin's: kept as typed, except text that would start a formula, which gets the
 * visible apostrophe (csvField). A plain signed number such as `-5` or `+3,5` is no formula and stays as is.
 */
function csvValue(cell: Cell, delimiter: string): string {
  const value = plain(cell);
  if (typeof value === 'string' && /^[+-]\d+([.,]\d+)?$/.test(value)) return value.includes(delimiter) ? `"${value}"` : value;
  return csvField(value, delimiter);
}

function annotatedCsv(table: Table, issues: readonly Issue[], options: AnnotateOptions): Uint8Array {
  const delimiter = table.start?.delimiter ?? ',';
  const headerRow = Math.max(1, options.headerRow);
  const headerCells = (table.rows.get(headerRow) ?? []).map((c) => (c === null ? '' : cellText(c)));
  const known = new Set([options.texts.problemsHeader, ...(options.problemHeaders ?? [])].map(norm));
  let problemsIndex = headerCells.findIndex((h) => known.has(norm(h)));
  if (problemsIndex < 0) {
    let width = 0;
    for (const cells of table.rows.values()) width = Math.max(width, cells.length);
    problemsIndex = width;
  }
  const marks = collectMarks(issues, columnIndexer(headerCells, options.headers), options);
  const lines: string[] = [];
  for (let number = 1; number <= table.last; number++) {
    const fields = (table.rows.get(number) ?? []).map((cell) => csvValue(cell, delimiter));
    while (fields.length < problemsIndex) fields.push('');
    fields.length = problemsIndex;
    // File-level problems stay in the issues list: a line of their own would move every row number, and the
    // header cell must stay the bare header so that the column is recognised when the file comes back.
    const added = number === headerRow ? options.texts.problemsHeader : marks.rows.get(number)?.join(' | ');
    fields.push(csvField(added ?? null, delimiter));
    lines.push(fields.join(delimiter));
  }
  return csvBytes(lines);
}
