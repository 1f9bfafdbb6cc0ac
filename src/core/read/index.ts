// readSpreadsheet: recognises an upload by its content and streams its records sheet into a RowSink.
// Runs unchanged in the page, in a module Worker and in Node (no DOM, no fetch).
import { shortValue } from '../issues.js';
import { ReadControl } from './control.js';
import { readCsv } from './csv.js';
import { ole2Kind, sniff, zipKind } from './detect.js';
import { corrupt, fileIssue, unsupported } from './issue.js';
import { readLimits } from './limits.js';
import { DEFAULT_MAX_ROWS, type ReadOptions, type RowSink, type SheetStart } from './types.js';
import { findWorkbook } from './xlsx/workbook.js';
import { readXlsx } from './xlsx/index.js';
import { InflateBudget, ZipArchive } from './zip.js';


export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;
const MAX_INFLATED_CAP = 1024 * 1024 * 1024;

/**
 * Reads an .xlsx or .csv upload (recognised by its bytes, not its name) and hands each non-blank row of
 * the records sheet to `sink`, in order, with the spreadsheet's own row numbers.
 *
 * Refusals are thrown as `FileIssueError` carrying a file-level issue (`file-unsupported-format`,
 * `file-encrypted`, `file-corrupt`, `file-too-large`, `file-inflates-too-large`, `file-empty`); an abort
 * throws the signal's reason; anything the sink throws is rethrown as it is.
 *
 * @returns what `sink.start` was given, plus `rows`: how many rows were handed to the sink.
 */
export async function readSpreadsheet(
  input: ArrayBuffer | Uint8Array,
  sink: RowSink,
  options: ReadOptions = {},
): Promise<SheetStart & { rows: number }> {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxInflated = options.maxInflatedBytes ?? Math.min(20 * maxBytes, MAX_INFLATED_CAP);
  const limits = readLimits(options.maxRows ?? DEFAULT_MAX_ROWS);
  const control = new ReadControl(options.signal, options.onProgress, bytes.length);
  control.check();

  if (bytes.length === 0) throw fileIssue('file-empty', { detail: 'the file is empty (0 bytes)' });
  if (bytes.length > maxBytes) {
    throw fileIssue('file-too-large', { sizeBytes: bytes.length, limitBytes: maxBytes });
  }

  const kind = sniff(bytes);
  switch (kind.kind) {
    case 'ole2': {
      const ole = ole2Kind(bytes);
      if (ole === 'encrypted') throw fileIssue('file-encrypted');
      throw unsupported(ole);
    }
    case 'other':
      throw unsupported(kind.code);
    case 'text':
      return readCsv(bytes, sink, control, csvSheetName(options.fileName), limits);
    case 'zip': {
      const zip = new ZipArchive(bytes);
      const what = zipKind(zip);
      if (what !== 'ooxml') throw unsupported(what);
      const budget = new InflateBudget(maxInflated);
      const workbook = await findWorkbook(zip, budget, { pace: () => control.pace() });
      if (!workbook) throw corrupt('no workbook part in the package');
      return readXlsx(zip, workbook, sink, budget, control, limits);
    }
  }
}

function csvSheetName(fileName: string | undefined): string {
  const base = fileName?.split(/[\\/]/).pop()?.replace(/\.[^.]+$/, '').trim();
  return base ? shortValue(base) : 'CSV';
}
