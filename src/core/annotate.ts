// The admin's own file handed back with its problems marked: the uploaded workbook (same sheets, columns,
// formats and order) with each problem cell filled and carrying a note, and a "Problems" column at the end
// of every affected row. Core writes no words of its own: the caller gives the header and every issue's
// message in the admin's language. A CSV upload comes back as .xlsx (default) or as .csv.
//
// Fixes made in the browser are carried over: edited cells hold the admin's new text, and rows deleted on
// purpose are taken out, as deleting them in the spreadsheet would (later rows move up). The file is the
// upload as it stands in the browser, so uploading it again picks up exactly where the admin left off —
// a deleted row merely marked would come back with its problems. The deleted rows have a file of their
// own (deletedRowsFile, below) to finish later.
import type { Workbook, Worksheet, Cell as ExcelCell } from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { cellText, isDateCell, isErrorCell, type Cell } from './cells.js';
import type { UploadChanges } from './edit/table.js';
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
  /** The admin's edits (written into their cells) and rows deleted on purpose (taken out of the file). */
  readonly changes?: UploadChanges;
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
    const table = withChanges(await readTable(bytes, options.sheetName), options);
    return {
      data: annotatedCsv(table, issues, options),
      fileName: safeFileName(stem, options.texts.fileSuffix, 'csv'),
      mimeType: CSV_MIME,
    };
  }
  const edits: ChangeOptions = { headers: options.headers, headerRow: options.headerRow, changes: { edits: options.changes?.edits ?? [], deleted: [] } };
  const { workbook, sheet, held, fromValues } = await openWorkbook(bytes, isXlsx, options.sheetName, edits);
  // The values fallback is built from a table the edits were already written into.
  if (!fromValues) editSheet(sheet, edits);
  markSheet(sheet, issues, options);
  dropRows(sheet, Math.max(1, options.headerRow), new Set(options.changes?.deleted ?? []));
  let data = toBytes(await workbook.xlsx.writeBuffer());
  if (held && held.bySheet.size > 0) data = restoreValidations(data, held.bySheet);
  return { data, fileName: safeFileName(stem, options.texts.fileSuffix, 'xlsx'), mimeType: XLSX_MIME };
}

export interface DeletedRowsOptions {
  /** What the upload was read as (`ValidationStats`), as for annotateUpload. */
  readonly sheetName: string;
  readonly headerRow: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly fileName: string;
  /** Appended to the file's own name, in the admin's language ("… - deleted rows"). */
  readonly fileSuffix: string;
  /** The rows deleted and the edits made (a deleted row's edits are kept in its file). */
  readonly changes: UploadChanges;
}

/**
 * The rows the admin deleted from this upload, as a file of their own to finish later: the upload's own
 * workbook (same sheets, columns, formats, header) holding only those rows, with the admin's edits; a CSV
 * upload comes back as CSV with the same delimiter. Uploaded once fixed, it is checked like any upload.
 */
export async function deletedRowsFile(input: ArrayBuffer | Uint8Array, options: DeletedRowsOptions): Promise<DownloadFile> {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  const isXlsx = bytes[0] === 0x50 && bytes[1] === 0x4b;
  const stem = options.fileName.replace(/\.[^.]*$/, '') || options.fileName;
  const headerRow = Math.max(1, options.headerRow);
  const deleted = new Set(options.changes.deleted);
  // Every data row that was not deleted goes: what is left is the header and the deleted rows.
  const keep = (row: number) => row <= headerRow || deleted.has(row);
  if (!isXlsx) {
    const table = await readTable(bytes, options.sheetName);
    const edited = withChanges(table, { headers: options.headers, headerRow, changes: { edits: options.changes.edits, deleted: [] } });
    const delimiter = table.start?.delimiter ?? ',';
    // Every line as wide as the header: the reader leaves trailing empty cells out, the admin's file had them.
    const width = edited.rows.get(headerRow)?.length ?? 0;
    const lines: string[] = [];
    for (let number = 1; number <= edited.last; number++) {
      if (!keep(number)) continue;
      const fields = (edited.rows.get(number) ?? []).map((cell) => csvValue(cell, delimiter));
      while (fields.length < width) fields.push('');
      lines.push(fields.join(delimiter));
    }
    return { data: csvBytes(lines), fileName: safeFileName(stem, options.fileSuffix, 'csv'), mimeType: CSV_MIME };
  }
  const editOptions = { headers: options.headers, headerRow, changes: { edits: options.changes.edits, deleted: [] } };
  const { workbook, sheet, held, fromValues } = await openWorkbook(bytes, true, options.sheetName, editOptions);
  if (!fromValues) editSheet(sheet, editOptions);
  const gone = new Set<number>();
  sheet.eachRow({ includeEmpty: true }, (_row, number) => {
    if (!keep(number)) gone.add(number);
  });
  dropRows(sheet, headerRow, gone);
  let data = toBytes(await workbook.xlsx.writeBuffer());
  if (held && held.bySheet.size > 0) data = restoreValidations(data, held.bySheet);
  return { data, fileName: safeFileName(stem, options.fileSuffix, 'xlsx'), mimeType: XLSX_MIME };
}

// ── the admin's changes laid over the file ────────────────────────────────────────────────────────

interface ChangeOptions {
  readonly headers: Readonly<Record<string, string>>;
  readonly headerRow: number;
  readonly changes?: UploadChanges;
}

/** The upload opened for rewriting: with exceljs when it can, else a sheet of the values our reader saw. */
async function openWorkbook(
  bytes: Uint8Array,
  isXlsx: boolean,
  sheetName: string,
  edits: ChangeOptions,
): Promise<{ workbook: Workbook; sheet: Worksheet; held?: HeldValidations; fromValues: boolean }> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  if (isXlsx) {
    try {
      const held = holdValidations(bytes);
      await workbook.xlsx.load(held.stripped.buffer as ArrayBuffer);
      const sheet = workbook.getWorksheet(sheetName);
      if (sheet) return { workbook, sheet, held, fromValues: false };
    } catch {
      // exceljs cannot open every file our reader can (odd writers, strict OOXML): fall back to the values.
    }
  }
  const fresh = new ExcelJS.Workbook();
  const table = await readTable(bytes, sheetName);
  const sheet = valuesSheet(fresh, withChanges(table, edits), sheetName || 'Records');
  return { workbook: fresh, sheet, fromValues: true };
}

/** Column key → 0-based position in the file, by the header the admin wrote (as the marks find them). */
function columnPositions(headerCells: readonly string[], headers: Readonly<Record<string, string>>): Map<string, number> {
  const byHeader = new Map<string, number>();
  headerCells.forEach((text, i) => {
    const key = norm(text);
    if (key !== '' && !byHeader.has(key)) byHeader.set(key, i);
  });
  const out = new Map<string, number>();
  for (const [key, header] of Object.entries(headers)) {
    const index = byHeader.get(norm(header));
    if (index !== undefined) out.set(key, index);
  }
  return out;
}

/** The table with the admin's edits written in and the deleted rows taken out (later rows keep their numbers here). */
function withChanges(table: Table, options: ChangeOptions): Table {
  const changes = options.changes;
  if (!changes || (changes.edits.length === 0 && changes.deleted.length === 0)) return table;
  const headerCells = (table.rows.get(Math.max(1, options.headerRow)) ?? []).map((c) => (c === null ? '' : cellText(c)));
  const positions = columnPositions(headerCells, options.headers);
  const rows = new Map(table.rows);
  for (const edit of changes.edits) {
    const index = positions.get(edit.columnKey);
    const cells = rows.get(edit.row);
    if (index === undefined || !cells) continue;
    const next = cells.slice();
    while (next.length <= index) next.push(null);
    next[index] = edit.value === '' ? null : edit.value;
    rows.set(edit.row, next);
  }
  for (const row of changes.deleted) rows.delete(row);
  return { ...table, rows };
}

/** Writes the admin's edits into the sheet's cells, as text (as the edit was checked), keeping each cell's format. */
function editSheet(sheet: Worksheet, options: ChangeOptions): void {
  const edits = options.changes?.edits ?? [];
  if (edits.length === 0) return;
  const positions = columnPositions(headerTexts(sheet, Math.max(1, options.headerRow)), options.headers);
  for (const edit of edits) {
    const index = positions.get(edit.columnKey);
    if (index === undefined) continue;
    sheet.getRow(edit.row).getCell(index + 1).value = xlsxValue(edit.value);
  }
}

/**
 * Takes rows out of the sheet below the header, as deleting them in a spreadsheet program does: the rows
 * after move up, with their values, formats, notes and heights. One pass over the rows after the first
 * one deleted (exceljs's spliceRows per row would move the rest of the sheet once per deleted row).
 */
function dropRows(sheet: Worksheet, headerRow: number, gone: ReadonlySet<number>): void {
  if (gone.size === 0) return;
  const first = Math.min(...[...gone].filter((r) => r > headerRow));
  if (!Number.isFinite(first)) return;
  const last = sheet.rowCount;
  let to = first;
  for (let from = first; from <= last; from++) {
    if (gone.has(from)) continue;
    if (from !== to) moveRow(sheet, from, to);
    to++;
  }
  for (let r = to; r <= last; r++) clearRow(sheet, r);
}

type CommentedCell = ExcelCell & { _comment?: unknown };

function moveRow(sheet: Worksheet, from: number, to: number): void {
  const source = sheet.getRow(from);
  const target = sheet.getRow(to);
  clearRow(sheet, to);
  target.height = source.height;
  target.hidden = source.hidden;
  source.eachCell({ includeEmpty: true }, (cell, column) => {
    const into = target.getCell(column) as CommentedCell;
    into.value = cell.value;
    into.style = cell.style;
    into._comment = (cell as CommentedCell)._comment;
  });
}

function clearRow(sheet: Worksheet, number: number): void {
  const row = sheet.getRow(number);
  row.height = undefined as unknown as number;
  row.hidden = false;
  row.eachCell({ includeEmpty: true }, (cell) => {
    (cell as CommentedCell)._comment = undefined;
    cell.value = null;
    cell.style = {};
  });
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
  const deleted = new Set(options.changes?.deleted ?? []);
  for (let number = 1; number <= table.last; number++) {
    if (deleted.has(number) && number > headerRow) continue;
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
