// A streaming scanner of worksheet XML: takes the text as it inflates, turns each complete <row> into
// normalised cells and hands non-blank rows on. Hand-written over indexOf/charCodeAt because it was
// measured several times faster than a general SAX parser (see docs/reading.md); it reads only the
// elements a worksheet's data needs (row, c, v, f, is) and allocates nothing per attribute.
import type { Cell } from '../../cells.js';
import { isBlank } from '../../cells.js';
import { serialToDate } from '../../dates.js';
import { corrupt } from '../issue.js';
import { cellTooLong, MAX_CELL_CHARS, MAX_COLUMNS, MAX_ROW_CHARS, readLimits, rowTooLarge, tooManyColumns, tooManyRowsSeen, tooMuchText, MAX_OUTSIDE_ROWS_CHARS, partTooLarge, type ReadLimits } from '../limits.js';
import { DEFAULT_MAX_ROWS } from '../types.js';
import { asciiBytes, bytesAt, findRootBytes, indexOfByte, indexOfBytes, textOf } from './bytes.js';
import { decodeEntities, decodeXString, MarkupTooLong, stringItemText } from './xml.js';

export interface SheetContext {
  readonly sharedStrings: readonly string[];
  /** 1 at index `s` when cell style `s` has a date number format. */
  readonly dateStyles: Uint8Array;
  readonly date1904: boolean;
  /** The read's bounds (rows seen); the defaults for 100,000 data rows when absent. */
  readonly limits?: ReadLimits;
}

/** Receives each non-blank row: the spreadsheet's row number and its cells (the array is reused). */
export type RowHandler = (row: number, cells: Cell[]) => void;

/** The cell's `t` attribute, as small integers (compared in the hot loop). */
const CellType = { Number: 0, Shared: 1, Inline: 2, FormulaString: 3, Boolean: 4, Error: 5, Date: 6 } as const;
type CellType = (typeof CellType)[keyof typeof CellType];

/** Slots of the scanner's date cache (a power of two). */
const DATE_SLOTS = 8192;

/**
 * The most bytes plainCell reads from its start: ` r="` 4, column 3, row 7, `"` 1, ` s="` 4, style 5, `"` 1,
 * ` t="s"` 6, `><v>` 4, value 15, `</v></c>` 8 (58), rounded up.
 */
const PLAIN_CELL_BYTES = 64;

/** Excel's last column, XFD (zero-based). */
const MAX_COLUMN = MAX_COLUMNS - 1;

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** The byte after a tag name: whitespace, `>` or `/` (so `<c` does not match `<cols`); false past the end. */
function endsName(c: number | undefined): boolean {
  return c === 62 || c === 47 || c === 32 || c === 9 || c === 10 || c === 13;
}

function digits(buf: Uint8Array, from: number, to: number): number {
  let n = 0;
  let seen = false;
  for (let i = from; i < to; i += 1) {
    const c = buf[i]!;
    if (c < 48 || c > 57) break;
    n = n * 10 + (c - 48);
    seen = true;
  }
  return seen ? n : -1;
}

/** Zero-based column of a reference such as `C7` (-1 when it has no letters). */
function columnOf(buf: Uint8Array, from: number, to: number): number {
  let col = 0;
  let i = from;
  for (; i < to; i += 1) {
    const c = buf[i]! | 0x20; // lower-case letters
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
    if (col > MAX_COLUMN + 1) return MAX_COLUMN + 1;
  }
  return i === from ? -1 : col - 1;
}

function typeOf(buf: Uint8Array, from: number, to: number): CellType {
  if (from >= to) return CellType.Number;
  const c = buf[from]!;
  const n = to - from;
  if (c === 115 /* s */) return n === 1 ? CellType.Shared : CellType.FormulaString; // s | str
  if (c === 105 /* inlineStr */) return CellType.Inline;
  if (c === 98 /* b */) return CellType.Boolean;
  if (c === 101 /* e */) return CellType.Error;
  if (c === 100 /* d */) return CellType.Date;
  return CellType.Number;
}

const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;

/** A `t="d"` cell holds an ISO 8601 date or date-time; we keep its calendar date and wall-clock time. */
function isoDateCell(raw: string): Cell {
  const m = ISO_DATE_TIME.exec(raw.trim());
  if (!m) return raw === '' ? null : raw;
  const date = `${m[1]}-${m[2]}-${m[3]}`;
  const time = m[4] !== undefined ? `${m[4]}:${m[5]}:${m[6] ?? '00'}` : undefined;
  return time === undefined || time === '00:00:00' ? { date } : { date, time };
}

export class SheetScanner {
  private prefix: string | undefined;
  private prefixBytes: Uint8Array = new Uint8Array(0);
  private notAWorksheet = false;
  private rowOpen: Uint8Array = asciiBytes('<row');
  private rowEnd: Uint8Array = asciiBytes('/row>');
  private isClose: Uint8Array = asciiBytes('</is>');
  private nextRow = 1;
  /** `<row>` elements seen, empty ones included: they cost time too. */
  private rowsSeen = 0;
  /** Characters of text cells read in place (inline strings, formula text), all rows together. */
  private textChars = 0;
  /** Bytes of the part outside rows so far. */
  private outsideChars = 0;
  private readonly limits: ReadLimits;
  private readonly cells: Cell[] = [];
  /**
   * How many of `cells` the row being read has filled. The array is not emptied between rows (`length = 0`
   * drops V8's backing store, and every row then grew a new one: 7% of reading a 100k-row sheet); its
   * length is set to the row's width when the row is handed on.
   */
  private width = 0;
  /** The cell plainCell() read last. */
  private plainColumn = 0;
  private plainValue: Cell = null;
  private readonly dateSerials = new Float64Array(DATE_SLOTS).fill(NaN);
  private readonly dateCells: Cell[] = new Array<Cell>(DATE_SLOTS).fill(null);

  constructor(
    private readonly context: SheetContext,
    private readonly onRow: RowHandler,
  ) {
    this.limits = context.limits ?? readLimits(DEFAULT_MAX_ROWS);
  }

  /**
   * Reads every complete row in `buf` (UTF-8 bytes, see bytes.ts); returns where the unread tail starts
   * (kept for the next chunk).
   */
  take(buf: Uint8Array): number {
    const length = buf.length;
    let pos = 0;
    if (this.prefix === undefined) {
      if (this.notAWorksheet) return length;
      let root;
      try {
        root = findRootBytes(buf);
      } catch (error) {
        if (error instanceof MarkupTooLong) throw corrupt(`worksheet: ${error.message}`);
        throw error;
      }
      // The prolog (whitespace, declaration, comments) is dropped as it arrives, however long it is.
      if ('skip' in root) return this.outside(root.skip);
      if (root.local !== 'worksheet') {
        // A chart or dialog sheet: no rows.
        this.notAWorksheet = true;
        return length;
      }
      this.setPrefix(root.prefix);
      pos = this.outside(root.at);
    }
    const rowOpen = this.rowOpen;
    for (;;) {
      const start = indexOfBytes(buf, rowOpen, pos, length);
      if (start === -1) return pos + this.outside(Math.max(0, length - rowOpen.length - pos));
      this.outside(start - pos);
      const after = start + rowOpen.length;
      if (after >= length) return start;
      if (!endsName(buf[after])) {
        pos = after;
        continue;
      }
      // A row may be at most MAX_ROW_CHARS bytes long: it is read within that much, never past it (a
      // shorter view keeps the indexes and makes every search in the row stop there).
      const limited = length - start > MAX_ROW_CHARS;
      const view = limited ? buf.subarray(0, start + MAX_ROW_CHARS) : buf;
      const gt = indexOfByte(view, 62, after, view.length);
      if (gt === -1) return this.unfinished(start, limited);
      if (++this.rowsSeen > this.limits.maxRowsSeen) throw tooManyRowsSeen(this.limits);
      const row = this.rowNumber(view, after, gt);
      if (view[gt - 1] === 47 /* <row/> */) {
        this.nextRow = row + 1;
        pos = gt + 1;
        continue;
      }
      const end = this.readRow(view, gt + 1, row);
      if (end === -1) {
        this.rowsSeen -= 1; // read again with the next chunk
        return this.unfinished(start, limited, row);
      }
      this.nextRow = row + 1;
      pos = end;
    }
  }

  /**
   * Counts bytes read outside rows (the prolog, whitespace between rows, columns, merges, hyperlinks…) and
   * returns them: a part that is mostly something else than rows is refused before it has all been inflated.
   */
  private outside(chars: number): number {
    this.outsideChars += chars;
    if (this.outsideChars > MAX_OUTSIDE_ROWS_CHARS) throw partTooLarge('worksheet', MAX_OUTSIDE_ROWS_CHARS);
    return chars;
  }

  /** The start of a row that continues in the next chunk, unless it is already longer than a row may be. */
  private unfinished(start: number, limited: boolean, row?: number): number {
    if (limited) throw rowTooLarge(row ?? this.nextRow);
    return start;
  }

  /** After the last chunk: an unfinished row means the part was cut short. */
  finish(rest: Uint8Array): void {
    const from = this.take(rest);
    if (this.prefix !== undefined && indexOfBytes(rest, this.rowOpen, from, rest.length) !== -1) throw corrupt('a worksheet row is not closed');
  }

  private setPrefix(prefix: string): void {
    this.prefix = prefix;
    this.prefixBytes = asciiBytes(prefix);
    this.rowOpen = asciiBytes(`<${prefix}row`);
    this.rowEnd = asciiBytes(`/${prefix}row>`);
    this.isClose = asciiBytes(`</${prefix}is>`);
  }

  /** The `r` attribute of a <row> tag, else the row after the previous one. */
  private rowNumber(buf: Uint8Array, from: number, gt: number): number {
    let i = from;
    while (i < gt) {
      while (i < gt && isSpace(buf[i]!)) i += 1;
      const nameStart = i;
      while (i < gt && buf[i] !== 61 /* = */ && !isSpace(buf[i]!)) i += 1;
      const nameLength = i - nameStart;
      while (i < gt && buf[i] !== 34 && buf[i] !== 39) i += 1;
      if (i >= gt) break;
      const quote = buf[i]!;
      const valueStart = i + 1;
      const valueEnd = indexOfByte(buf, quote, valueStart, gt);
      if (valueEnd === -1) break;
      if (nameLength === 1 && buf[nameStart] === 114 /* r */) {
        const n = digits(buf, valueStart, valueEnd);
        if (n > 0) return n;
      }
      i = valueEnd + 1;
    }
    return this.nextRow;
  }

  /** Steps over one tag (or any markup) starting at `i`: returns the index after its `>` (to + 1 when none). */
  private static skipTag(buf: Uint8Array, i: number, to: number): number {
    let j = i + 1;
    while (j < to && buf[j] !== 62) j += 1;
    return j + 1;
  }

  /**
   * One row from `from` (just after its start tag) to its end tag; returns the index after `</row>`, or -1
   * when the bytes end first (the row is read again with the next chunk; nothing was handed on). A byte
   * loop rather than searches: cells are ~40 bytes, and per-call costs dominated.
   */
  private readRow(buf: Uint8Array, from: number, row: number): number {
    const to = buf.length;
    const cells = this.cells;
    this.width = 0;
    const prefix = this.prefixBytes;
    const plen = prefix.length;
    let lastColumn = -1;
    let hasValue = false;
    let i = from;
    while (i < to) {
      while (i < to && buf[i] !== 60) i += 1;
      if (i + 2 >= to) break;
      let k = i + 1;
      if (buf[k] === 47) {
        // A closing tag: only </row> matters at this level.
        const next = SheetScanner.skipTag(buf, i, to);
        if (next > to) return -1;
        if (bytesAt(buf, k, this.rowEnd, to)) {
          this.emit(row, hasValue);
          return next;
        }
        i = next;
        continue;
      }
      if (plen > 0) {
        if (!bytesAt(buf, k, prefix, to)) {
          i = SheetScanner.skipTag(buf, i, to);
          continue;
        }
        k += plen;
      }
      if (buf[k] !== 99 /* c */ || !endsName(buf[k + 1])) {
        i = SheetScanner.skipTag(buf, i, to);
        continue;
      }
      if (plen === 0) {
        const end = this.plainCell(buf, k + 1);
        if (end !== -1) {
          const column = this.plainColumn;
          lastColumn = column;
          i = end;
          const value = this.plainValue;
          if (value === null) continue;
          let width = this.width;
          if (column >= width) {
            while (width < column) cells[width++] = null;
            this.width = column + 1;
          }
          cells[column] = value;
          if (!hasValue && !isBlank(value)) hasValue = true;
          continue;
        }
      }
      // <c r="B7" s="3" t="s">: other attributes (cm, vm, ph…) are not needed.
      let column = -1;
      let style = 0;
      let type: CellType = CellType.Number;
      let j = k + 1;
      if (j >= to) return -1;
      let c = buf[j]!;
      for (;;) {
        // isSpace written out: the profile showed it called, not inlined, in this loop.
        while ((c === 32 || c === 9 || c === 10 || c === 13) && j < to) c = buf[++j]!;
        if (c === 62 || c === 47 || j >= to) break;
        const nameStart = j;
        while (c !== 61 && c !== 32 && c !== 9 && c !== 10 && c !== 13 && j < to) c = buf[++j]!;
        const nameLength = j - nameStart;
        while (c !== 34 && c !== 39 && j < to) c = buf[++j]!;
        const quote = c;
        const valueStart = j + 1;
        c = buf[++j]!;
        while (c !== quote && j < to) c = buf[++j]!;
        const valueEnd = j;
        c = buf[++j]!;
        if (nameLength === 1) {
          const name = buf[nameStart];
          if (name === 114 /* r */) column = columnOf(buf, valueStart, valueEnd);
          else if (name === 115 /* s */) style = digits(buf, valueStart, valueEnd);
          else if (name === 116 /* t */) type = typeOf(buf, valueStart, valueEnd);
        }
      }
      if (j >= to) return -1;
      if (column < 0) column = lastColumn + 1;
      lastColumn = column;
      if (c === 47 /* <c …/>: formatted but empty */) {
        i = j + 2;
        continue;
      }
      // The cell's content, up to </c>: <v>, <f>, <is> (and extLst or other markup, skipped).
      i = j + 1;
      let vFrom = -1;
      let vTo = -1;
      let fFrom = -1;
      let fTo = -1;
      let isFrom = -1;
      let isTo = -1;
      for (;;) {
        while (i < to && buf[i] !== 60) i += 1;
        if (i + 2 >= to) return -1;
        let q = i + 1;
        const closing = buf[q] === 47;
        if (closing) q += 1;
        if (plen > 0) {
          if (!bytesAt(buf, q, prefix, to)) {
            i = SheetScanner.skipTag(buf, i, to);
            continue;
          }
          q += plen;
        }
        const c0 = buf[q];
        const c1 = buf[q + 1];
        if (closing) {
          i = SheetScanner.skipTag(buf, i, to);
          if (c0 === 99 /* </c> */ && c1 === 62) break;
          continue;
        }
        if ((c0 === 118 /* v */ || c0 === 102) /* f */ && endsName(c1)) {
          let g = q + 1;
          while (g < to && buf[g] !== 62) g += 1;
          let e = g + 1;
          // Text has no raw '<' in XML, so the content ends at the next one (its closing tag).
          if (buf[g - 1] !== 47) while (e < to && buf[e] !== 60) e += 1;
          if (c0 === 118) {
            vFrom = g + 1;
            vTo = e;
          } else {
            fFrom = g + 1;
            fTo = e;
          }
          i = e;
          continue;
        }
        if (c0 === 105 /* i */ && c1 === 115 /* s */ && endsName(buf[q + 2])) {
          const g = SheetScanner.skipTag(buf, q, to) - 1;
          isFrom = g + 1;
          isTo = g + 1;
          if (buf[g - 1] !== 47) {
            isTo = indexOfBytes(buf, this.isClose, g, to);
            if (isTo === -1) return -1;
          }
          i = isTo;
          continue;
        }
        i = SheetScanner.skipTag(buf, i, to);
      }
      if (column > MAX_COLUMN) throw tooManyColumns(row);
      const value = this.cellValue(buf, type, style, row, vFrom, vTo, fFrom, fTo, isFrom, isTo);
      if (value === null) continue;
      if (type !== CellType.Shared && typeof value === 'string') {
        // Text not in the shared table is new memory for every cell: bounded like the shared table.
        this.textChars += value.length;
        if (this.textChars > this.limits.maxSharedStringChars) throw tooMuchText(this.limits.maxSharedStringChars);
      }
      let width = this.width;
      if (column >= width) {
        // Positions are written in order from the row's width, so the array never has holes.
        while (width < column) cells[width++] = null;
        this.width = column + 1;
      }
      cells[column] = value;
      if (!hasValue && !isBlank(value)) hasValue = true;
    }
    return -1;
  }

  /**
   * The commonest cell, `<c r="B7"[ s="3"][ t="s"]><v>123</v></c>` (a shared string, a number or a date, as
   * Excel and exceljs write them), read by a fixed pattern from `i`, the byte after `<c`: returns the index
   * after `</c>` with the cell in `plainColumn` and `plainValue`, or -1 for anything else (other attributes
   * or order, lower-case references, a formula, an inline string, a value that is not plain digits, a shared
   * string that does not exist, a cell within PLAIN_CELL_BYTES of the end), which the general loop in
   * readRow then reads from the start. Every loop is bounded, so no read goes past the end: a typed-array
   * read out of bounds, once seen, makes V8 compile every read of the function for it.
   */
  private plainCell(buf: Uint8Array, i: number): number {
    if (i + PLAIN_CELL_BYTES > buf.length) return -1;
    if (buf[i] !== 32 || buf[i + 1] !== 114 /* r */ || buf[i + 2] !== 61 || buf[i + 3] !== 34) return -1;
    i += 4;
    let c = buf[i]!;
    let column = 0;
    const letters = i;
    while (c >= 65 && c <= 90 && i - letters < 3) {
      column = column * 26 + (c - 64);
      c = buf[++i]!;
    }
    if (i === letters || column > MAX_COLUMN + 1) return -1;
    const rowDigits = i;
    while (c >= 48 && c <= 57 && i - rowDigits < 7) c = buf[++i]!;
    if (c !== 34) return -1;
    c = buf[++i]!;
    let style = 0;
    if (c === 32 && buf[i + 1] === 115 /* s */ && buf[i + 2] === 61 && buf[i + 3] === 34) {
      i += 4;
      const start = i;
      c = buf[i]!;
      while (c >= 48 && c <= 57 && i - start < 5) {
        style = style * 10 + (c - 48);
        c = buf[++i]!;
      }
      if (i === start || c !== 34) return -1;
      c = buf[++i]!;
    }
    let shared = false;
    if (c === 32 && buf[i + 1] === 116 /* t */ && buf[i + 2] === 61 && buf[i + 3] === 34) {
      if (buf[i + 4] !== 115 || buf[i + 5] !== 34) return -1; // only t="s"
      shared = true;
      i += 6;
      c = buf[i]!;
    }
    // ><v>
    if (c !== 62 || buf[i + 1] !== 60 || buf[i + 2] !== 118 || buf[i + 3] !== 62) return -1;
    i += 4;
    const start = i;
    let n = 0;
    c = buf[i]!;
    while (c >= 48 && c <= 57 && i - start < 15) {
      n = n * 10 + (c - 48);
      c = buf[++i]!;
    }
    if (i === start) return -1;
    // </v></c>
    if (c !== 60 || buf[i + 1] !== 47 || buf[i + 2] !== 118 || buf[i + 3] !== 62 || buf[i + 4] !== 60 || buf[i + 5] !== 47 || buf[i + 6] !== 99 || buf[i + 7] !== 62) return -1;
    i += 8;
    let value: Cell;
    if (shared) {
      const text = this.context.sharedStrings[n];
      if (text === undefined) return -1;
      value = text === '' ? null : text;
    } else {
      const dateStyles = this.context.dateStyles;
      value = style < dateStyles.length && dateStyles[style] === 1 ? this.date(n) : n;
    }
    this.plainColumn = column - 1;
    this.plainValue = value;
    return i;
  }

  /** Hands on a finished row unless it is blank; trailing empty cells are trimmed. */
  private emit(row: number, hasValue: boolean): void {
    if (!hasValue) return;
    const cells = this.cells;
    let width = this.width;
    while (width > 0 && isBlank(cells[width - 1]!)) width--;
    if (cells.length !== width) cells.length = width;
    this.onRow(row, cells);
  }

  /** A cell from its parts found by the general path: inline string, formula without result, or value. */
  private cellValue(
    buf: Uint8Array,
    type: CellType,
    style: number,
    row: number,
    vFrom: number,
    vTo: number,
    fFrom: number,
    fTo: number,
    isFrom: number,
    isTo: number,
  ): Cell {
    if (type === CellType.Inline && isFrom >= 0) {
      const item = textOf(buf, isFrom, isTo);
      return nonEmpty(cellString(stringItemText(item, 0, item.length, this.prefix!), row));
    }
    // A formula whose result was never saved (files written by code, or "manual calculation"); openpyxl and
    // other generators write an empty <v></v> for it. Only t="str" may hold an empty result (Excel's ="").
    if (vFrom < 0 || (vTo === vFrom && fFrom >= 0 && type !== CellType.FormulaString)) {
      if (fFrom >= 0) {
        const formula = fTo > fFrom ? decodeEntities(textOf(buf, fFrom, fTo)) : '';
        return formula ? { error: 'formula-no-result', text: `=${formula}` } : { error: 'formula-no-result' };
      }
      return null;
    }
    // The two commonest cells are read in place, without decoding their bytes.
    if (type === CellType.Shared) {
      const text = this.context.sharedStrings[digits(buf, vFrom, vTo)];
      if (text !== undefined) return text === '' ? null : text;
    } else if (type === CellType.Number && vTo - vFrom <= 15) {
      let n = 0;
      let i = vFrom;
      for (; i < vTo; i += 1) {
        const d = buf[i]! - 48;
        if (d < 0 || d > 9) break;
        n = n * 10 + d;
      }
      if (i === vTo && i > vFrom) return style >= 0 && this.context.dateStyles[style] === 1 ? this.date(n) : n;
    }
    // Escaped text is never shorter than its value (in UTF-8 bytes either): only a long one needs its
    // length checked.
    const raw = textOf(buf, vFrom, vTo);
    if (vTo - vFrom > MAX_CELL_CHARS && type !== CellType.Shared) {
      const value = this.valueOf(type, style, raw, row);
      if (typeof value === 'string') cellString(value, row);
      return value;
    }
    return this.valueOf(type, style, raw, row);
  }

  /** A cell from the raw text of its <v> (still XML-escaped), by its type and style. */
  private valueOf(type: CellType, style: number, raw: string, row: number): Cell {
    switch (type) {
      case CellType.Shared: {
        const index = raw === '' ? -1 : Number(raw);
        const text = this.context.sharedStrings[index];
        if (text === undefined) throw corrupt(`row ${row}: shared string ${raw} does not exist`);
        return text === '' ? null : text;
      }
      case CellType.FormulaString:
      case CellType.Inline:
        return nonEmpty(decodeXString(raw));
      case CellType.Boolean: {
        const c = raw.charCodeAt(0) | 0x20;
        return c === 49 /* 1 */ || c === 116 /* true, TRUE */;
      }
      case CellType.Error:
        return { error: 'formula-error', text: decodeEntities(raw) };
      case CellType.Date:
        return isoDateCell(raw);
      default: {
        if (raw === '') return null;
        const n = Number(raw);
        if (Number.isNaN(n) || raw.trim() === '') return nonEmpty(decodeXString(raw));
        if (style >= 0 && this.context.dateStyles[style] === 1) return this.date(n);
        return n;
      }
    }
  }

  /**
   * Date serials repeat a lot (a few hundred distinct days in a file): converted once each, and the same
   * DateCell handed on for the same day (the validator remembers its verdict by identity). A direct-mapped
   * cache (22 years of whole days without a collision) rather than a Map: a Map lookup per date cell was 2%
   * of reading + validating.
   */
  private date(serial: number): Cell {
    const slot = serial & (DATE_SLOTS - 1);
    if (this.dateSerials[slot] === serial) return this.dateCells[slot]!;
    const cell = serialToDate(serial, this.context.date1904) ?? serial;
    this.dateSerials[slot] = serial;
    this.dateCells[slot] = cell;
    return cell;
  }
}

/** A cell's text, refused when longer than Excel allows in a cell. */
function cellString(text: string, row: number): string {
  if (text.length > MAX_CELL_CHARS) throw cellTooLong(row);
  return text;
}

function nonEmpty(text: string): Cell {
  return text === '' ? null : text;
}
