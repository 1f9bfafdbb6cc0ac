// The bounds every read stays within, whatever the file holds: each is checked as the bytes arrive, and
// each ends the read at once with a typed file issue (never a slow crawl to an out-of-memory crash).
import { fileIssue } from './issue.js';

/** Excel's own limit on the characters of one cell. */
export const MAX_CELL_CHARS = 32_767;
/** Excel's last column is XFD, the 16,384th. */
export const MAX_COLUMNS = 16_384;
/**
 * Characters of one row's markup (xlsx) or text (CSV): a row of 16,384 full cells is 512 MB, far past any
 * list of records; 1 MB holds a row of 30 full cells of text, or ~20,000 small ones.
 */
export const MAX_ROW_CHARS = 1 << 20;
/** Rows seen beyond the data-row limit, blank ones included: the header, title rows, separating blank rows. */
export const ROW_ALLOWANCE = 10_000;
/** Characters of one tag (with its attributes) in the small parts: workbook, relationships, styles. */
export const MAX_TAG_CHARS = 1 << 16;
/** Inflated size of each small part (workbook, relationships, styles). Excel's largest styles parts are a few MB. */
export const MAX_SMALL_PART_BYTES = 32 << 20;
/**
 * Characters of a worksheet (or shared-strings part) outside its rows (items): the prolog, columns,
 * merges, hyperlinks, whitespace. A sheet of 100,000 rows with a hyperlink on each has ~10 MB of them.
 */
export const MAX_OUTSIDE_ROWS_CHARS = 32 << 20;
/** Shared strings per data row allowed (count), and their characters per data row (total size). */
const STRINGS_PER_ROW = 16;
const STRING_CHARS_PER_ROW = 512;
/** The floors of those two, for small `maxRows`. */
const MIN_STRINGS = 100_000;
const MIN_STRING_CHARS = 8 << 20;

/** The bounds of one read, derived from the host's `maxRows`. */
export interface ReadLimits {
  /** Data-row limit (validation enforces it on records; here, the base of the others). */
  readonly maxRows: number;
  /** Rows seen, blank ones included: CSV records and xlsx `<row>` elements. */
  readonly maxRowsSeen: number;
  /** Shared-string items, empty `<si/>` included. */
  readonly maxSharedStrings: number;
  /** Characters of all shared strings together. */
  readonly maxSharedStringChars: number;
}

export function readLimits(maxRows: number): ReadLimits {
  return {
    maxRows,
    maxRowsSeen: maxRows + ROW_ALLOWANCE,
    maxSharedStrings: Math.max(MIN_STRINGS, maxRows * STRINGS_PER_ROW),
    maxSharedStringChars: Math.max(MIN_STRING_CHARS, maxRows * STRING_CHARS_PER_ROW),
  };
}

/** `row` is the spreadsheet row where it happened, when known. */
export function rowTooLarge(row?: number) {
  return fileIssue('file-row-too-large', {
    limitBytes: MAX_ROW_CHARS,
    ...(row !== undefined ? { row } : {}),
  });
}

export function cellTooLong(row?: number) {
  return fileIssue('file-cell-too-long', { limit: MAX_CELL_CHARS, ...(row !== undefined ? { row } : {}) });
}

export function tooManyColumns(row?: number) {
  return fileIssue('file-too-many-columns', { limit: MAX_COLUMNS, ...(row !== undefined ? { row } : {}) });
}

export function tooManyRowsSeen(limits: ReadLimits) {
  return fileIssue('file-too-many-blank-rows', { limit: limits.maxRowsSeen, records: limits.maxRows });
}

export function tooManyStrings(limits: ReadLimits) {
  return fileIssue('file-too-much-text', { limit: limits.maxSharedStrings, kind: 'count' });
}

export function tooMuchText(chars: number) {
  return fileIssue('file-too-much-text', { limitBytes: chars, kind: 'size' });
}

/** A part (or the part of a part that is not rows) bigger than any real one. */
export function partTooLarge(part: string, limit = MAX_SMALL_PART_BYTES) {
  return fileIssue('file-inflates-too-large', { limitBytes: limit, part });
}
