// Reads an .xlsx workbook: the template's fingerprint sheet, then the records sheet streamed row by row
// into the sink, with every part inflated under one budget.
import type { Cell } from '../../cells.js';
import type { Fingerprint } from '../../spec.js';
import { FINGERPRINT_KEYS, FINGERPRINT_SHEET, INSTRUCTIONS_SHEET, RECORDS_SHEET, RECORDS_SHEET_KEY } from '../../template/sheets.js';
import { shortValue } from '../../issues.js';
import type { ReadControl } from '../control.js';
import { corrupt } from '../issue.js';
import type { ReadLimits } from '../limits.js';
import type { RowSink, SheetStart } from '../types.js';
import { type InflateBudget, type Pacer, type ZipArchive, type ZipEntry } from '../zip.js';
import { SheetBytes } from './bytes.js';
import { SheetScanner, type RowHandler, type SheetContext } from './sheet.js';
import { readSharedStrings } from './shared-strings.js';
import { readDateStyles, readWorkbook, type SheetInfo, type WorkbookInfo } from './workbook.js';

/** Bytes of a chunk joined after the unfinished row of the previous one (the rest is read in place). */
const JOIN_HEAD = 16 * 1024;

/** How often (in rows) the signal is checked inside one inflated chunk. */
const ROWS_PER_CHECK = 4096;

interface TemplateSheet {
  readonly fingerprint: Partial<Fingerprint>;
  readonly recordsSheet?: string;
}

async function streamSheet(
  zip: ZipArchive,
  entry: ZipEntry,
  budget: InflateBudget,
  context: SheetContext,
  onRow: RowHandler,
  control?: Pacer,
  progressBase = 0,
): Promise<void> {
  const scanner = new SheetScanner(context, onRow);
  const bytes = new SheetBytes();
  await zip.inflate(
    entry,
    budget,
    (data) => {
      const input = bytes.utf8(data);
      let from = 0;
      const tail = bytes.unread.length;
      if (tail > 0) {
        // The row cut at the end of the last chunk is finished with the start of this one, joined in a
        // small buffer: copying the whole chunk after it cost ~3% of reading.
        const head = Math.min(input.length, JOIN_HEAD);
        const joined = bytes.join(input, head);
        const read = scanner.take(joined);
        if (head === input.length) {
          bytes.keep(joined, read);
          return;
        }
        if (read < tail) {
          // That row goes on past the head (or the root tag is still arriving): the whole chunk, joined.
          const all = bytes.join(input, input.length);
          bytes.keep(all, scanner.take(all));
          return;
        }
        from = read - tail;
      }
      const rest = from === 0 ? input : input.subarray(from);
      bytes.keep(rest, scanner.take(rest));
    },
    control,
    progressBase,
  );
  scanner.finish(bytes.rest());
}

function text(cell: Cell | undefined): string | undefined {
  if (typeof cell === 'string') return cell.trim();
  if (typeof cell === 'number') return String(cell);
  return undefined;
}

async function readTemplateSheet(zip: ZipArchive, sheet: SheetInfo, budget: InflateBudget, context: SheetContext, pacer: Pacer): Promise<TemplateSheet> {
  const entry = zip.get(sheet.path!);
  if (!entry) return { fingerprint: {} };
  const values = new Map<string, string>();
  await streamSheet(zip, entry, budget, context, (_row, cells) => {
    const key = text(cells[0]);
    const value = text(cells[1]);
    if (key && value !== undefined && !values.has(key)) values.set(key, value);
  }, pacer);
  const fingerprint: Partial<Fingerprint> = {};
  for (const key of FINGERPRINT_KEYS) {
    const value = values.get(key);
    if (value !== undefined) fingerprint[key] = value;
  }
  const recordsSheet = values.get(RECORDS_SHEET_KEY);
  return recordsSheet ? { fingerprint, recordsSheet } : { fingerprint };
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * The records sheet: the one the fingerprint names, else the first visible sheet called "Records",
 * else the first visible sheet that is not the instructions, else any sheet but the fingerprint.
 */
export function chooseRecordsSheet(book: WorkbookInfo, named?: string): SheetInfo | undefined {
  const worksheets = book.sheets.filter((s) => s.path !== undefined);
  const visible = worksheets.filter((s) => s.state === 'visible');
  return (
    (named ? worksheets.find((s) => s.name === named) ?? worksheets.find((s) => same(s.name, named)) : undefined) ??
    visible.find((s) => same(s.name, RECORDS_SHEET)) ??
    visible.find((s) => !same(s.name, INSTRUCTIONS_SHEET)) ??
    // Excel always keeps one sheet visible; a file with none visible was made by code: read what is there.
    worksheets.find((s) => !same(s.name, FINGERPRINT_SHEET) && !same(s.name, INSTRUCTIONS_SHEET)) ??
    // The records sheet was deleted and only the instructions are left: reading them lets validation say
    // what is missing (no header row) instead of calling the file damaged.
    worksheets.find((s) => !same(s.name, FINGERPRINT_SHEET))
  );
}

export async function readXlsx(
  zip: ZipArchive,
  workbookPath: string,
  sink: RowSink,
  budget: InflateBudget,
  control: ReadControl,
  limits: ReadLimits,
): Promise<SheetStart & { rows: number }> {
  // The small parts: abort checks and turns between chunks, but no progress (it counts the big parts).
  const quiet: Pacer = { pace: () => control.pace() };
  const book = await readWorkbook(zip, workbookPath, budget, quiet);
  const dateStyles = await readDateStyles(zip, book.stylesPath, budget, quiet);
  const stringsEntry = book.sharedStringsPath ? zip.get(book.sharedStringsPath) : undefined;

  const templateInfo = book.sheets.find((s) => s.name === FINGERPRINT_SHEET && s.path !== undefined);
  const chosenWithoutTemplate = chooseRecordsSheet(book);
  if (!templateInfo && !chosenWithoutTemplate) throw corrupt('the workbook has no worksheet');

  // Progress counts compressed bytes of the two big parts: shared strings and the records sheet (the
  // fingerprint may name another sheet; it almost never does, and then the total is corrected).
  const stringsSize = stringsEntry?.compressedSize ?? 0;
  const provisional = chosenWithoutTemplate ? zip.get(chosenWithoutTemplate.path!) : undefined;
  control.total = stringsSize + (provisional?.compressedSize ?? 0);
  control.progress(0, true);

  const sharedStrings = stringsEntry ? await readSharedStrings(zip, stringsEntry, budget, control, 0, limits) : [];
  const context: SheetContext = { sharedStrings, dateStyles, date1904: book.date1904, limits };

  let template: TemplateSheet | undefined;
  if (templateInfo) template = await readTemplateSheet(zip, templateInfo, budget, context, quiet);
  const sheet = template?.recordsSheet ? chooseRecordsSheet(book, template.recordsSheet) : chosenWithoutTemplate;
  if (!sheet) throw corrupt('the workbook has no records sheet');
  const entry = zip.get(sheet.path!);
  if (!entry) throw corrupt(`missing ${sheet.path}`);
  control.total = stringsSize + entry.compressedSize;

  const fingerprint = template && Object.keys(template.fingerprint).length > 0 ? template.fingerprint : undefined;
  // Excel's sheet names have at most 31 characters; one written by code may have millions.
  const sheetName = shortValue(sheet.name);
  const start: SheetStart = fingerprint
    ? { format: 'xlsx', sheetName, date1904: book.date1904, fingerprint }
    : { format: 'xlsx', sheetName, date1904: book.date1904 };
  control.check();
  sink.start(start);

  let rows = 0;
  await streamSheet(
    zip,
    entry,
    budget,
    context,
    (row, cells) => {
      sink.row(row, cells);
      rows += 1;
      if (rows % ROWS_PER_CHECK === 0) control.check();
    },
    control,
    stringsSize,
  );
  control.progress(control.total, true);
  return { ...start, rows };
}
