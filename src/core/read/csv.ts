// Reads CSV text: encoding from the BOM or by trying UTF-8 (Windows-1252 otherwise), delimiter detected
// from the first records, then papaparse's parser over ~1 MB slices, decoded as they come, so rows
// stream into the sink and the file's text is never held whole.
import type PapaModule from 'papaparse';
import type { Cell } from '../cells.js';
import { isBlank } from '../cells.js';
import type { ReadControl } from './control.js';
import { cellTooLong, MAX_CELL_CHARS, MAX_COLUMNS, MAX_ROW_CHARS, rowTooLarge, tooManyColumns, tooManyRowsSeen, type ReadLimits } from './limits.js';
import { TextChunks } from './text.js';
import type { RowSink, SheetStart } from './types.js';

export type CsvDelimiter = ',' | ';' | '\t';
const DELIMITERS: readonly CsvDelimiter[] = [',', ';', '\t'];
/** Records looked at to detect the delimiter. */
const SAMPLE_RECORDS = 30;
/** Bytes decoded and parsed per step. */
const SLICE_BYTES = 1 << 20;
const ROWS_PER_CHECK = 4096;

/** papaparse is loaded on the first CSV only (xlsx uploads never need it); CommonJS default interop. */
async function loadPapa(): Promise<typeof PapaModule> {
  const mod = (await import('papaparse')) as unknown as { default?: typeof PapaModule } & typeof PapaModule;
  return mod.default ?? mod;
}

export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** The encoding of a CSV file (a WHATWG name) and the length of its byte order mark. */
export function detectEncoding(bytes: Uint8Array): { encoding: CsvEncoding; bom: number } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bom: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bom: 2 };
  // Not UTF-8: Excel's "CSV (Comma delimited)" on Windows writes the ANSI code page, Windows-1252 in the
  // West (a superset of ISO-8859-1 for printable text).
  return { encoding: isUtf8(bytes) ? 'utf-8' : 'windows-1252', bom: 0 };
}

/** Whether the bytes are valid UTF-8: a fatal decode, slice by slice so that no whole copy is kept. */
function isUtf8(bytes: Uint8Array): boolean {
  const chunks = new TextChunks('utf-8', true);
  try {
    for (let at = 0; at < bytes.length; at += SLICE_BYTES * 4) chunks.decode(bytes.subarray(at, at + SLICE_BYTES * 4));
    chunks.flush();
    return true;
  } catch {
    return false;
  }
}

/**
 * The line break of the first record end outside quotes (CRLF, LF or a lone CR from old Mac Excel), or
 * undefined when `text` holds no record end at all.
 */
export function detectNewline(text: string): '\r\n' | '\n' | '\r' | undefined {
  let quoted = false;
  const n = text.length;
  for (let i = 0; i < n; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (!quoted && c === 13) return i + 1 < n ? (text.charCodeAt(i + 1) === 10 ? '\r\n' : '\r') : undefined;
    else if (!quoted && c === 10) return '\n';
  }
  return undefined;
}

/**
 * The delimiter that splits the first records most consistently: for each candidate, the most common
 * non-zero count per record outside quotes, and how many records have it. Quoted text is ignored, so
 * "Smith, John" in a semicolon file does not vote for the comma.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const perRecord: number[][] = [];
  let counts = [0, 0, 0];
  let quoted = false;
  let filled = false;
  const n = Math.min(text.length, 1 << 20);
  for (let i = 0; i < n && perRecord.length < SAMPLE_RECORDS; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      quoted = !quoted;
      filled = true;
    } else if (quoted) continue;
    else if (c === 10 || c === 13) {
      if (filled) perRecord.push(counts);
      counts = [0, 0, 0];
      filled = false;
    } else {
      filled = true;
      if (c === 44) counts[0]! += 1;
      else if (c === 59) counts[1]! += 1;
      else if (c === 9) counts[2]! += 1;
    }
  }
  if (filled && !quoted) perRecord.push(counts);
  let best: CsvDelimiter = ',';
  let bestRecords = 0;
  let bestCount = 0;
  DELIMITERS.forEach((delimiter, k) => {
    const frequency = new Map<number, number>();
    for (const record of perRecord) {
      const count = record[k]!;
      if (count > 0) frequency.set(count, (frequency.get(count) ?? 0) + 1);
    }
    for (const [count, records] of frequency) {
      if (records > bestRecords || (records === bestRecords && count > bestCount)) {
        best = delimiter;
        bestRecords = records;
        bestCount = count;
      }
    }
  });
  return best;
}

/** Excel honours a first line `sep=;` (and hides it); so do we. */
function sepDirective(text: string): { delimiter: string; skip: number } | undefined {
  const m = /^sep=(.)(\r\n|\n|\r|$)/.exec(text);
  return m ? { delimiter: m[1]!, skip: m[0].length } : undefined;
}

export async function readCsv(
  bytes: Uint8Array,
  sink: RowSink,
  control: ReadControl,
  sheetName: string,
  limits: ReadLimits,
): Promise<SheetStart & { rows: number }> {
  const Papa = await loadPapa();
  const { encoding, bom } = detectEncoding(bytes);
  control.check();
  // The text is decoded slice by slice as parsing goes: the whole file is never held as one string.
  const chunks = new TextChunks(encoding);
  let at = bom;
  let slice = SLICE_BYTES;
  const next = (): string => {
    const text = chunks.decode(bytes.subarray(at, at + slice));
    at = Math.min(bytes.length, at + slice);
    return at >= bytes.length ? text + chunks.flush() : text;
  };
  let text = next();
  const sep = sepDirective(text);
  if (sep) text = text.slice(sep.skip);
  const delimiter = sep?.delimiter ?? detectDelimiter(text);
  // The first record must end within the first slice: a header line longer than a row may be is refused
  // here, rather than parsed with a guessed line break.
  const found = detectNewline(text);
  if (found === undefined && at < bytes.length) throw rowTooLarge(1);
  const newline = found ?? '\r\n';
  const start: SheetStart = { format: 'csv', sheetName, date1904: false, encoding, delimiter };
  sink.start(start);
  control.progress(0, true);

  const parser = new Papa.Parser({ delimiter, newline, quoteChar: '"', escapeChar: '"' });
  const cells: Cell[] = [];
  let rowNumber = 0;
  let rows = 0;
  let partial = '';
  for (;;) {
    const final = at >= bytes.length;
    const input = partial + text;
    const result = parser.parse(input, 0, !final) as { data: string[][]; meta: { cursor: number } };
    partial = final ? '' : input.slice(result.meta.cursor);
    // The unfinished record is carried to the next slice only while it could still be a row.
    if (partial.length > MAX_ROW_CHARS) throw rowTooLarge(rowNumber + 1);
    // A quoted field longer than a slice yields no record: widen the slice rather than rescan it often.
    slice = result.data.length === 0 && !final ? slice * 2 : SLICE_BYTES;
    for (const record of result.data) {
      // One record is one spreadsheet row, also when a quoted field spans several lines.
      rowNumber += 1;
      // Blank lines count: 50 MB of them is 50 million rows to step through.
      if (rowNumber > limits.maxRowsSeen) throw tooManyRowsSeen(limits);
      if (record.length > MAX_COLUMNS) throw tooManyColumns(rowNumber);
      cells.length = 0;
      let hasValue = false;
      let chars = 0;
      for (const field of record) {
        if (field.length > MAX_CELL_CHARS) throw cellTooLong(rowNumber);
        chars += field.length;
        const cell = field === '' ? null : field;
        cells.push(cell);
        if (!hasValue && !isBlank(cell)) hasValue = true;
      }
      if (chars > MAX_ROW_CHARS) throw rowTooLarge(rowNumber);
      if (!hasValue) continue;
      while (cells.length > 0 && isBlank(cells[cells.length - 1]!)) cells.pop();
      sink.row(rowNumber, cells);
      rows += 1;
      if (rows % ROWS_PER_CHECK === 0) control.check();
    }
    if (final) break;
    await control.pace(at);
    text = next();
  }
  control.progress(control.total, true);
  return { ...start, rows };
}
