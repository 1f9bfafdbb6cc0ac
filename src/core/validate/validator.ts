// The validator: a RowSink that finds the header, checks the template's fingerprint and every cell against
// the spec as rows stream in, and keeps only compact records and issues. finish() hands back the result.
import { cellText, isBlank, isErrorCell, type Cell } from '../cells.js';
import { dateOrderPattern, dateReadings, otherDateOrder, todayIso } from '../dates.js';
import { compareIssues, describeByCode, shortValue, type Issue, type IssueCode, type IssueDescriber, type IssueParams, type ReadingNotice } from '../issues.js';
import { looksLikeHeader, matchColumns, nearestHeader, type ColumnMatch, type MatchOptions, type NearestHeader } from '../match/match.js';
import { DEFAULT_MAX_ROWS, FileIssueError, type DateOrder, type FileFormat, type RowSink, type SheetStart } from '../read/types.js';
import type { RecordValues, UploadRecord } from '../records.js';
import { fingerprintOf, normaliseHeader, type TemplateColumn, type TemplateSpec } from '../spec.js';
import { isRequired, isExpiryColumn, sampleValues, completionDateColumn } from '../template/columns.js';
import {
  choiceKey,
  cleanText,
  convertChoice,
  convertDate,
  convertIdentifier,
  convertNumber,
  convertText,
  isRefusal,
  type Refusal,
} from './convert.js';
import { fastReader, SLOW, type FastRead, type HashedIdentifier } from './fast.js';
import { IdentifierLog } from './duplicates.js';
import { codeOfZodIssue, columnValueCheck, columnValueSchema } from './schema.js';
import type { z } from 'zod';

export interface ValidatorOptions {
  /** How dates typed as text are read (default DMY); ISO dates are always accepted. */
  readonly dateOrder?: DateOrder;
  /** Most data rows accepted (default 100,000); one more stops reading with `file-too-many-rows`. */
  readonly maxRows?: number;
  /**
   * The LMS's records per upload (Capabilities.maxRecordsPerUpload). The lower of this and `maxRows`
   * applies; when it is the LMS's, the issue says so (`params.by: 'lms'`).
   */
  readonly lmsMaxRows?: number;
  /**
   * How the file's columns are matched to the template's: headers the admin confirmed before for this
   * activity (`remembered`), the admin's choice for this file (`chosen`), extra synonyms, and the header
   * row when the admin picked it (`headerRow`, the spreadsheet's row number; found automatically otherwise).
   */
  readonly match?: MatchOptions & { readonly headerRow?: number };
  /**
   * Date order per date column key, decided (by the admin, or by validateSpreadsheet from the column's
   * dates): the column's text dates are read in it, with no second guess. Other date columns are read in
   * `dateOrder` and watched: see ValidationStats.suggestedDateOrders and `cell-date-ambiguous`.
   */
  readonly dateOrders?: Readonly<Record<string, DateOrder>>;
  /** Today as `YYYY-MM-DD` (default: today where the admin is), for "date in the future". */
  readonly today?: string;
  /** Words for each issue's `message` (src/i18n's `issueMessage`, a host's table); default: the code itself. */
  readonly describe?: IssueDescriber;
  /**
   * Headers of columns that hold no data and are neither read nor reported: the "Problems" column of a
   * file handed back with its problems marked (core/annotate.ts), in every language the host ships.
   */
  readonly ignoredHeaders?: readonly string[];
}

export interface ValidationStats {
  /** Data rows read under the header (rows with nothing in the template's columns not counted). */
  readonly rows: number;
  /** Rows that became records (no issue on them, no file-level issue). */
  readonly records: number;
  /** Rows with at least one issue. */
  readonly rowsWithIssues: number;
  /** The sheet that was read ('' when reading never started). */
  readonly sheetName: string;
  readonly format: FileFormat | null;
  /** The spreadsheet row number of the header row; null when none was found. */
  readonly headerRow: number | null;
  /** Column key → the header as the admin wrote it, for the columns found in the file. */
  readonly headers: Readonly<Record<string, string>>;
  /** Column key → the column's 0-based position in the file (A = 0), for the columns found in it. */
  readonly columns: Readonly<Record<string, number>>;
  /**
   * Every issue found, including those past the MAX_ISSUES kept in `issues` (which then ends with a
   * `file-more-issues` issue saying how many more there are). Absent in results made by older code.
   */
  readonly issuesFound?: number;
  /** How the template's columns were found among the file's (absent when no header row was found). */
  readonly match?: ColumnMatch;
  /**
   * Date columns whose text dates do not all fit the configured order but all fit the other one: read
   * again with `dateOrders` set to these (validateSpreadsheet does, and adds a `date-order-switched` notice).
   */
  readonly suggestedDateOrders?: Readonly<Record<string, DateOrder>>;
  /**
   * For each column of suggestedDateOrders, a few of its text dates as typed and as read in the suggested
   * order (`3/10/2026` → `2026-03-10`): the "typed → read as" of the notice that goes with it.
   */
  readonly dateExamples?: Readonly<Record<string, readonly DateExample[]>>;
  /**
   * The first non-blank rows of the sheet as text (at most TOP_ROWS rows of TOP_COLUMNS cells, each
   * shortened): the header row choices and the sample values of the matching screen.
   */
  readonly topRows?: readonly TopRow[];
}

/** A text date as typed and as read (`YYYY-MM-DD`). */
export interface DateExample {
  readonly row: number;
  readonly text: string;
  readonly read: string;
}

/** One of the sheet's first rows: its spreadsheet row number and its cells as text ('' where empty). */
export interface TopRow {
  readonly row: number;
  readonly cells: readonly string[];
}

/** Rows kept in ValidationStats.topRows (the header is looked for among the first 10). */
export const TOP_ROWS = 13;
/** Cells kept per row in ValidationStats.topRows. */
export const TOP_COLUMNS = 60;
/** Text dates kept per column in ValidationStats.dateExamples. */
const DATE_EXAMPLES = 3;

export interface ValidationResult {
  /** Records ready for the LMS: every row without an issue, and none at all when the file has a file-level issue. */
  readonly records: UploadRecord[];
  /** Every issue found, file-level first, then by row and column (compareIssues). */
  readonly issues: Issue[];
  readonly stats: ValidationStats;
  /** How the file was read, where the admin should know (a column's dates read in the other order …). */
  readonly notices?: readonly ReadingNotice[];
  /** With ValidateOptions.rowTexts: the cells of the rows with problems as the admin sees them (to fix in place). */
  readonly rows?: readonly RowTexts[];
}

/** One row's cells as the admin sees them: column key → text. */
export interface RowTexts {
  readonly row: number;
  readonly cells: Readonly<Record<string, string>>;
}

export interface Validator extends RowSink {
  /**
   * The result. `stoppedBy` is the file-level issue that stopped reading, when one did (a FileIssueError):
   * then no records are returned and only file- and column-level issues are kept with it.
   */
  finish(stoppedBy?: Issue): ValidationResult;
}

const NO_PARAMS: IssueParams = Object.freeze({});
/**
 * Most issues kept in a result: a file with a problem in every cell of 100,000 rows (or 16,384 columns
 * without a header) must not make a million issue objects for a list no one reads to the end. Past this
 * they are counted, not kept; the counts (stats) stay exact.
 */
export const MAX_ISSUES = 10_000;
/** The header is looked for among this many non-blank rows at the top (title rows above it are skipped). */
const HEADER_SEARCH_ROWS = 10;

/** The text dates of one date column, for deciding its order once every row has been seen. */
class DateLog {
  /** Text dates whose reading depends on the order (`3/10/2026`). */
  texts = 0;
  /** …of which the configured order cannot read / the other order cannot read. */
  failConfigured = 0;
  failOther = 0;
  /** Rows, texts and readings of the dates both orders read, differently. */
  readonly ambiguous: { row: number; text: string; first: string; second: string }[] = [];
  /** The first few text dates the other order reads, as read that way (shown if the column switches). */
  readonly examples: DateExample[] = [];

  constructor(
    readonly configured: DateOrder,
    readonly other: DateOrder,
  ) {}

  note(row: number, text: string): void {
    const readings = dateReadings(text);
    if (!readings) return;
    const first = this.configured === 'MDY' ? readings.mdy : readings.dmy;
    const second = this.other === 'MDY' ? readings.mdy : readings.dmy;
    this.texts++;
    if (first === null) this.failConfigured++;
    if (second === null) this.failOther++;
    if (first !== null && second !== null && first !== second) this.ambiguous.push({ row, text: text.trim(), first, second });
    if (second !== null && this.examples.length < DATE_EXAMPLES) this.examples.push({ row, text: text.trim(), read: second });
  }
}

/** A column of the spec as found in the file. */
interface Bound {
  readonly column: TemplateColumn;
  /** column.key */
  readonly key: string;
  readonly index: number;
  /** The header as the admin wrote it. */
  readonly header: string;
  readonly required: boolean;
  /** The header without the template's trailing star, for messages. */
  readonly display: string;
  readonly requiredParams: IssueParams;
  /** The column's zod schema, or null when it has nothing to check beyond what reading it ensured. */
  readonly schema: z.ZodType<string | number> | null;
  read(cell: Cell): string | number | Refusal;
  /** Reads and checks a cell in one go when its value is fine; SLOW otherwise (see fast.ts). */
  readonly fast: FastRead;
}

export function createValidator(spec: TemplateSpec, options: ValidatorOptions = {}): Validator {
  return new SpecValidator(spec, options, true);
}

/**
 * The validator without its fast path: every row read by the converters and checked by the zod schemas.
 * Not part of the public API: it is the reference that tests hold createValidator to, result for result.
 */
export function createReferenceValidator(spec: TemplateSpec, options: ValidatorOptions = {}): Validator {
  return new SpecValidator(spec, options, false);
}

class SpecValidator implements Validator {
  private readonly order: DateOrder;
  private readonly maxRows: number;
  private readonly today: string;
  private readonly describe: IssueDescriber;
  private readonly keys: string[];
  /** Every spec key set to null: each record starts as a copy (one object shape for all records). */
  private readonly emptyValues: Readonly<Record<string, null>>;
  private readonly choiceMaps = new Map<string, { map: Map<string, string>; list: string }>();
  private readonly schemas = new Map<string, z.ZodType<string | number>>();
  private readonly checks = new Map<string, (value: string | number) => boolean>();
  /** Bound indexes of the current row's cells that the fast path left to the long way (reused per row). */
  private readonly slowCells: number[] = [];

  private readonly lmsLimit: boolean;
  private readonly matchOptions: ValidatorOptions['match'];
  private readonly dateOrders: Readonly<Record<string, DateOrder>>;
  /** Date columns read in the configured order and watched, by key. */
  private readonly dateLogs = new Map<string, DateLog>();
  /** The row being checked, for the date logs. */
  private currentRow = 0;
  /** The nearest thing to a header seen while looking for it, for file-no-header. */
  private nearest: (NearestHeader & { row: number }) | undefined;
  private match: ColumnMatch | undefined;
  /** A required column (or the identifier) is missing: no row can become a record. */
  private missingRequired = false;

  private info: SheetStart | null = null;
  private decimalComma = false;
  private fileIssues: Issue[] = [];
  /** The fingerprint says this file was made for another choice or version: rows are not checked. */
  private wrongTemplate = false;
  private nonBlankSeen = 0;
  private headerRow: number | null = null;
  /** Normalised ValidatorOptions.ignoredHeaders. */
  private readonly ignored: ReadonlySet<string>;
  private bound: Bound[] = [];
  /** Column indexes that have a header (or were already reported as having values without one). */
  private readonly headed: boolean[] = [];
  private identifier: Bound | undefined;
  private completion: Bound | undefined;
  private expiry: Bound[] = [];
  private sample: Map<string, string | number> | null = null;
  /** The sample's identifier (compared on every row; a Map lookup per row otherwise). */
  private sampleId: string | number | undefined;
  /** ValidationStats.topRows, as they come. */
  private readonly topRows: TopRow[] = [];

  private dataRows = 0;
  private readonly records: UploadRecord[] = [];
  private readonly rowIssues: Issue[] = [];
  private readonly rowsWithIssues = new Set<number>();
  /** Every checked row's identifier, for "the same user twice" (found in finish()). */
  private readonly identifiers = new IdentifierLog();
  /** The identifier the fast path last hashed while checking it (fast.ts), for the log above. */
  private readonly hashed: HashedIdentifier = { id: undefined, hash: 0 };
  /** The issues and rows of duplicates, once found. */
  private duplicates: { issues: Issue[]; rows: Set<number> } | null = null;
  private stopped: Issue | null = null;
  /** Issues found but not kept (past MAX_ISSUES). */
  private dropped = 0;

  constructor(
    private readonly spec: TemplateSpec,
    options: ValidatorOptions,
    private readonly fastPath: boolean,
  ) {
    this.order = options.dateOrder ?? 'DMY';
    const own = options.maxRows ?? DEFAULT_MAX_ROWS;
    this.maxRows = options.lmsMaxRows !== undefined && options.lmsMaxRows < own ? options.lmsMaxRows : own;
    this.lmsLimit = options.lmsMaxRows !== undefined && options.lmsMaxRows < own;
    this.matchOptions = options.match;
    this.dateOrders = options.dateOrders ?? {};
    this.today = options.today ?? todayIso();
    this.describe = options.describe ?? describeByCode;
    this.ignored = new Set((options.ignoredHeaders ?? []).map(normaliseHeader));
    this.keys = spec.columns.map((c) => c.key);
    this.emptyValues = Object.fromEntries(this.keys.map((k) => [k, null]));
    for (const column of spec.columns) {
      if (column.type === 'choice') {
        const choices = column.choices ?? [];
        this.choiceMaps.set(column.key, { map: new Map(choices.map((c) => [choiceKey(c), c])), list: choices.join(', ') });
      }
      this.schemas.set(column.key, columnValueSchema(column, spec, { today: this.today }));
      this.checks.set(column.key, columnValueCheck(column, spec, { today: this.today }));
    }
  }

  start(info: SheetStart): void {
    this.info = info;
    // A `;`-separated file comes from a program that writes decimals with a comma.
    this.decimalComma = info.delimiter === ';';
    this.checkFingerprint(info.fingerprint);
  }

  row(row: number, cells: readonly Cell[]): void {
    if (this.topRows.length < TOP_ROWS) this.keepTopRow(row, cells);
    if (this.headerRow === null) {
      this.nonBlankSeen++;
      const chosenRow = this.matchOptions?.headerRow;
      if (chosenRow !== undefined) {
        if (row === chosenRow) this.bindHeader(row, cells, matchColumns(this.spec, row, this.headerCells(cells), this.matchOptions));
        else if (row > chosenRow) this.stop(this.noHeaderIssue());
        return;
      }
      const candidates = this.headerCells(cells);
      const match = matchColumns(this.spec, row, candidates, this.matchOptions);
      if (looksLikeHeader(match)) this.bindHeader(row, cells, match);
      else {
        const near = nearestHeader(this.spec, candidates, this.matchOptions);
        if (near && (!this.nearest || near.score > this.nearest.score)) this.nearest = { ...near, row };
        if (this.nonBlankSeen >= HEADER_SEARCH_ROWS) this.stop(this.noHeaderIssue());
      }
      return;
    }
    this.checkHeadless(cells);
    if (this.isBlankRow(cells)) return;
    this.dataRows++;
    if (this.dataRows > this.maxRows) {
      this.stop(this.issue({ code: 'file-too-many-rows', params: this.lmsLimit ? { limit: this.maxRows, by: 'lms' } : { limit: this.maxRows } }));
    }
    this.currentRow = row;
    if (this.wrongTemplate) return;
    this.checkRow(row, cells);
    if (this.rowIssues.length > MAX_ISSUES) this.dropped += this.rowIssues.splice(MAX_ISSUES).length;
  }

  finish(stoppedBy?: Issue): ValidationResult {
    const stop = stoppedBy ?? this.stopped ?? undefined;
    const fileIssues = [...this.fileIssues];
    if (stop) {
      // The reader has no words: its issue gets its message here, from the caller's describer.
      fileIssues.push(stop === this.stopped ? stop : { ...stop, message: this.message(stop.code, stop.params) });
    } else if (this.headerRow === null) {
      fileIssues.push(this.noHeaderIssue());
    } else if (this.dataRows === 0) {
      fileIssues.push(this.issue({ code: 'file-empty' }));
    }
    // One pass: column problems that leave the identifier and the required columns found (an unheaded
    // column with values, a header twice) do not stop the rows that passed from going to the LMS's dry run.
    const blocked = stop !== undefined || this.headerRow === null || this.dataRows === 0 || this.wrongTemplate || this.missingRequired;
    const duplicates = stop ? null : this.findDuplicates();
    const dates = stop ? null : this.decideDates();
    let issues = duplicates ? [...fileIssues, ...this.rowIssues, ...duplicates.issues, ...dates!.issues] : fileIssues;
    issues.sort(compareIssues(this.keys));
    // A read that was stopped shows its file-level issues only: the rows' issues (kept or not) are not listed.
    const dropped = stop ? 0 : this.dropped;
    const issuesFound = issues.length + dropped;
    if (issues.length > MAX_ISSUES || dropped > 0) {
      issues = issues.slice(0, MAX_ISSUES);
      issues.unshift(this.issue({ code: 'file-more-issues', params: { shown: issues.length, more: issuesFound - issues.length } }));
    }
    const heldBack = new Set<number>([...(duplicates?.rows ?? []), ...(dates?.rows ?? [])]);
    const records = blocked ? [] : heldBack.size > 0 ? this.records.filter((r) => !heldBack.has(r.row)) : this.records.slice();
    let rowsWithIssues = 0;
    if (duplicates) {
      rowsWithIssues = this.rowsWithIssues.size;
      for (const row of heldBack) if (!this.rowsWithIssues.has(row)) rowsWithIssues++;
    }
    return {
      records,
      issues,
      stats: {
        rows: this.dataRows,
        records: records.length,
        rowsWithIssues,
        sheetName: this.info?.sheetName ?? '',
        format: this.info?.format ?? null,
        headerRow: this.headerRow,
        headers: Object.fromEntries(this.bound.map((b) => [b.column.key, b.header])),
        columns: Object.fromEntries(this.bound.map((b) => [b.column.key, b.index])),
        issuesFound,
        ...(this.match ? { match: this.match } : {}),
        ...(dates && Object.keys(dates.suggested).length > 0 ? { suggestedDateOrders: dates.suggested, dateExamples: dates.examples } : {}),
        ...(this.topRows.length > 0 ? { topRows: this.topRows } : {}),
      },
    };
  }

  /**
   * Each watched date column's text dates, now that all are seen: all fit the configured order → as read;
   * none fails the other order → suggest it (validateSpreadsheet reads the file again so); otherwise every
   * date the two orders read differently is `cell-date-ambiguous`, with both readings.
   */
  private decideDates(): { issues: Issue[]; rows: Set<number>; suggested: Record<string, DateOrder>; examples: Record<string, DateExample[]> } {
    const issues: Issue[] = [];
    const rows = new Set<number>();
    const suggested: Record<string, DateOrder> = {};
    const examples: Record<string, DateExample[]> = {};
    for (const b of this.bound) {
      const log = this.dateLogs.get(b.key);
      if (!log || log.failConfigured === 0) continue;
      if (log.failOther === 0) {
        suggested[b.key] = log.other;
        examples[b.key] = log.examples;
        continue;
      }
      // `order`/`otherOrder` let i18n write each pattern in the admin's letters (JJ/MM/AAAA…).
      const params = { order: log.configured, otherOrder: log.other, format: dateOrderPattern(log.configured), otherFormat: dateOrderPattern(log.other) };
      for (const date of log.ambiguous) {
        issues.push(this.cellIssueOf(date.row, b, 'cell-date-ambiguous', date.text, { first: date.first, second: date.second, ...params }));
        rows.add(date.row);
      }
    }
    return { issues, rows, suggested, examples };
  }

  // ── file level ────────────────────────────────────────────────────────────

  private checkFingerprint(found: SheetStart['fingerprint']): void {
    if (!found) return;
    const expected = fingerprintOf(this.spec);
    const differs = (k: 'activityId' | 'domainId' | 'identifierKind') => found[k] !== undefined && found[k] !== expected[k];
    if (differs('activityId') || differs('domainId') || differs('identifierKind')) {
      // Names where we know them (the current choice), the file's own ids where it differs.
      const { activity, domain, identifierKind } = this.spec;
      const expectedParts = [activity.name, domain.name, identifierKind.label];
      const foundParts = [
        differs('activityId') ? found.activityId! : activity.name,
        differs('domainId') ? found.domainId! : domain.name,
        differs('identifierKind') ? found.identifierKind! : identifierKind.label,
      ];
      this.wrongTemplate = true;
      this.fileIssues.push(
        this.issue({ code: 'file-template-mismatch', params: { expected: expectedParts.join(' / '), found: foundParts.join(' / ') } }),
      );
    } else if (found.templateVersion !== undefined && found.templateVersion !== expected.templateVersion) {
      this.wrongTemplate = true;
      this.fileIssues.push(this.issue({ code: 'file-template-outdated', params: { expected: expected.templateVersion, found: found.templateVersion } }));
    }
  }

  /** Values typed in a column without a header would be lost silently: each such column is reported once. */
  private checkHeadless(cells: readonly Cell[]): void {
    for (let i = 0; i < cells.length; i++) {
      if (this.headed[i] || isBlank(cells[i] ?? null)) continue;
      this.headed[i] = true;
      const header = `column ${columnLetter(i)}`;
      if (this.fileIssues.length >= MAX_ISSUES) {
        this.dropped += 1;
        continue;
      }
      this.fileIssues.push(this.issue({ code: 'column-unknown', column: header, params: { header, expected: this.spec.columns.map((c) => c.header).join(', ') } }));
    }
  }

  private keepTopRow(row: number, cells: readonly Cell[]): void {
    if (!cells.some((cell) => !isBlank(cell ?? null))) return;
    const texts: string[] = [];
    const n = Math.min(cells.length, TOP_COLUMNS);
    for (let i = 0; i < n; i++) texts.push(shortValue(cleanText(cellText(cells[i] ?? null))));
    while (texts.length > 0 && texts[texts.length - 1] === '') texts.pop();
    this.topRows.push({ row, cells: texts });
  }

  /** The header row's cells without the headers ValidatorOptions.ignoredHeaders names (they match nothing). */
  private headerCells(cells: readonly Cell[]): readonly Cell[] {
    if (this.ignored.size === 0) return cells;
    return cells.map((cell) => (typeof cell === 'string' && this.ignored.has(normaliseHeader(cell)) ? null : cell));
  }

  private bindHeader(row: number, cells: readonly Cell[], match: ColumnMatch): void {
    this.headerRow = row;
    this.match = match;
    const byKey = new Map<string, Bound>();
    cells.forEach((cell, index) => {
      if (cleanText(cellText(cell)) !== '') this.headed[index] = true;
    });
    for (const m of match.columns) {
      if (m.index === null) continue;
      const column = this.spec.columns.find((c) => c.key === m.key)!;
      // Matched in full, shown shortened: a header is echoed in messages, lists and filters.
      byKey.set(column.key, this.bind(column, m.index, shortValue(cleanText(m.found ?? '')) || column.header));
    }
    for (const d of match.duplicates) {
      const header = shortValue(cleanText(d.header));
      this.fileIssues.push(this.issue({ code: 'column-duplicate', column: header, columnKey: d.key, params: { header } }));
    }
    // Ignored columns (headers that name none of the template's) are listed in the match, not issues.
    const ignoredIndexes = new Set(match.ignored.map((c) => c.index));
    const notIgnored = new Set(cells.map((_, i) => i).filter((i) => !ignoredIndexes.has(i)));
    const candidates = this.headerCells(cells);
    for (const column of this.spec.columns) {
      if (!byKey.has(column.key) && (isRequired(column, this.spec) || column.type === 'identifier')) {
        this.missingRequired = true;
        const near = nearestHeader(this.spec, candidates, { ...this.matchOptions, onlyKey: column.key, skip: notIgnored });
        const params: IssueParams = near ? { header: column.header, nearest: cleanText(near.found) } : { header: column.header };
        this.fileIssues.push(this.issue({ code: 'column-missing', column: column.header, columnKey: column.key, params }));
      }
    }
    this.bound = this.spec.columns.flatMap((c) => byKey.get(c.key) ?? []);
    this.identifier = this.bound.find((b) => b.column.type === 'identifier');
    const completion = completionDateColumn(this.spec);
    this.completion = this.bound.find((b) => b.column === completion);
    this.expiry = this.bound.filter((b) => isExpiryColumn(b.column, this.spec));
    this.sample = this.sampleOf();
    this.sampleId = this.sample?.get(this.identifier!.key);
  }

  private bind(column: TemplateColumn, index: number, header: string): Bound {
    let read = this.reader(column);
    const display = header.replace(/\s*\*\s*$/, '') || column.header;
    const required = isRequired(column, this.spec);
    const constrained = hasConstraints(column, this.spec);
    const check = constrained ? this.checks.get(column.key)! : null;
    const order = this.dateOrders[column.key] ?? this.order;
    let fast = fastReader(column, this.spec, {
      ...(column.type === 'identifier' ? { hashed: this.hashed } : {}),
      required,
      order,
      date1904: this.info?.date1904 ?? false,
      decimalComma: this.decimalComma,
      check,
      ...(column.type === 'choice' ? { choices: this.choiceMaps.get(column.key)! } : {}),
    });
    if (column.type === 'date' && this.dateOrders[column.key] === undefined) {
      // Watch the column's text dates: their order is decided when every row has been seen (decideDates).
      const log = new DateLog(this.order, otherDateOrder(this.order));
      this.dateLogs.set(column.key, log);
      if (this.fastPath) {
        const inner = fast;
        fast = (cell) => {
          if (typeof cell === 'string') log.note(this.currentRow, cell);
          return inner(cell);
        };
      } else {
        const inner = read;
        read = (cell) => {
          if (typeof cell === 'string') log.note(this.currentRow, cell);
          return inner(cell);
        };
      }
    }
    return {
      column,
      key: column.key,
      index,
      header,
      display,
      requiredParams: { header: display },
      required,
      schema: constrained ? this.schemas.get(column.key)! : null,
      read,
      fast,
    };
  }

  private reader(column: TemplateColumn): (cell: Cell) => string | number | Refusal {
    switch (column.type) {
      case 'identifier': {
        const kind = this.spec.identifierKind.key;
        return (cell) => convertIdentifier(cell, kind);
      }
      case 'date': {
        const order = this.dateOrders[column.key] ?? this.order;
        return (cell) => convertDate(cell, order, this.info?.date1904 ?? false);
      }
      case 'number':
      case 'integer': {
        const integer = column.type === 'integer';
        return (cell) => convertNumber(cell, integer, this.decimalComma);
      }
      case 'choice': {
        const { map, list } = this.choiceMaps.get(column.key)!;
        return (cell) => convertChoice(cell, map, list);
      }
      case 'text':
        return convertText;
    }
  }

  /** The template's sample row, read the way its cells would be read back; null when it has no identifier. */
  private sampleOf(): Map<string, string | number> | null {
    const values = sampleValues(this.spec);
    const sample = new Map<string, string | number>();
    for (const b of this.bound) {
      const example = values[b.column.key];
      if (example === undefined) continue;
      const value = b.read(example);
      if (!isRefusal(value)) sample.set(b.column.key, value);
    }
    return this.identifier && sample.has(this.identifier.column.key) ? sample : null;
  }

  private noHeaderIssue(): Issue {
    const headers = this.spec.columns.map((c) => c.header).join(', ');
    const near = this.nearest;
    const params: IssueParams = near ? { headers, found: cleanText(near.found), row: near.row, expected: near.expected } : { headers };
    return this.issue({ code: 'file-no-header', params });
  }

  private stop(issue: Issue): never {
    this.stopped = issue;
    throw new FileIssueError(issue);
  }

  // ── rows ──────────────────────────────────────────────────────────────────

  private isBlankRow(cells: readonly Cell[]): boolean {
    for (const b of this.bound) if (!isBlank(cells[b.index] ?? null)) return false;
    return true;
  }

  private checkRow(row: number, cells: readonly Cell[]): void {
    const values: Record<string, string | number | null> = { ...this.emptyValues };
    if (!this.fastPath) return this.checkCellsSlowly(row, cells, values, null, 0);
    // Hot path (100k+ rows): each cell read and checked by its column's fast reader; nothing allocated per
    // row but the record. Cells it cannot vouch for go the long way, issues and all; the others keep the
    // value it read, which is the one the long way reads and the schema accepts (fast-path.test.ts).
    const bound = this.bound;
    const slow = this.slowCells;
    let slowCount = 0;
    for (let i = 0; i < bound.length; i++) {
      const b = bound[i]!;
      const value = b.fast(cells[b.index] ?? null);
      if (value === SLOW) slow[slowCount++] = i;
      else if (value !== null) values[b.key] = value;
    }
    if (slowCount > 0) return this.checkCellsSlowly(row, cells, values, slow, slowCount);
    if (this.isSample(values)) {
      this.rowIssues.push(this.issue({ row, code: 'row-sample-left-in' }));
      this.rowsWithIssues.add(row);
      return;
    }
    this.checkAcrossRows(row, cells, values, this.rowIssues.length);
  }

  /**
   * The long way for the cells at bound[which[0 … count − 1]] (every cell when `which` is null): each cell
   * through its converter and zod schema, each problem an issue.
   */
  private checkCellsSlowly(row: number, cells: readonly Cell[], values: Record<string, string | number | null>, which: readonly number[] | null, count: number): void {
    const issues = this.rowIssues;
    const before = issues.length;
    const n = which ? count : this.bound.length;
    /** A filled cell that could not be read: such a row is never the untouched sample. */
    let unreadable = false;
    for (let k = 0; k < n; k++) {
      const b = this.bound[which ? which[k]! : k]!;
      const cell = cells[b.index] ?? null;
      if (isErrorCell(cell)) {
        unreadable = true;
        if (cell.error === 'formula-error') this.cellIssue(row, b, 'cell-formula-error', cell, cell.text ? { error: cell.text } : NO_PARAMS);
        else this.cellIssue(row, b, 'cell-formula-no-result', cell, NO_PARAMS);
        continue;
      }
      if (isBlank(cell) || (typeof cell === 'string' && cleanText(cell) === '')) {
        if (b.required) this.cellIssue(row, b, 'cell-required', cell, b.requiredParams);
        continue;
      }
      const read = b.read(cell);
      if (isRefusal(read)) {
        unreadable = true;
        this.cellIssue(row, b, read.refused, cell, read.params ?? NO_PARAMS);
      } else if (read === '') {
        // Only invisible characters, or a bare "mailto:": as good as empty.
        if (b.required) this.cellIssue(row, b, 'cell-required', cell, b.requiredParams);
      } else {
        values[b.key] = read;
      }
    }

    if (!unreadable && this.isSample(values)) {
      issues.length = before;
      issues.push(this.issue({ row, code: 'row-sample-left-in' }));
      this.rowsWithIssues.add(row);
      return;
    }

    // Constraints on the values that could be read: the zod schemas built from the spec.
    for (let k = 0; k < n; k++) {
      const b = this.bound[which ? which[k]! : k]!;
      const value = values[b.key];
      if (value === null || value === undefined || b.schema === null) continue;
      const issue = firstZodIssue(b.schema, value);
      if (issue) {
        const { code, params } = codeOfZodIssue(b.column, issue, value);
        this.cellIssue(row, b, code, cells[b.index] ?? null, code === 'cell-required' ? b.requiredParams : (params ?? NO_PARAMS));
        values[b.key] = null;
      }
    }
    this.checkAcrossRows(row, cells, values, before);
  }

  /** Expiry after completion, the same user twice; then the row becomes a record unless it has issues. */
  private checkAcrossRows(row: number, cells: readonly Cell[], values: Record<string, string | number | null>, before: number): void {
    const issues = this.rowIssues;
    const completion = this.completion;
    // Read only when there is an expiry to compare with (a keyed load per row otherwise).
    const completionDate = completion && this.expiry.length > 0 ? values[completion.key] : null;
    if (completion && typeof completionDate === 'string') {
      for (const b of this.expiry) {
        const expiry = values[b.key];
        if (typeof expiry === 'string' && expiry <= completionDate) {
          this.cellIssue(row, b, 'cell-date-not-after-completion', cells[b.index] ?? null, { header: completion.display, date: completionDate });
        }
      }
    }

    const idBound = this.identifier;
    const id = idBound ? values[idBound.key] : null;
    if (idBound && typeof id === 'string') this.identifiers.add(id, row, cells[idBound.index] ?? null, this.hashed.id === id ? this.hashed.hash : undefined);

    // A row found to be a duplicate in finish() leaves the records then.
    if (issues.length > before) this.rowsWithIssues.add(row);
    else this.records.push({ row, values });
  }

  /**
   * The same user on several rows: each later row names the first, and the first names the second. Found
   * once, after the last row (see duplicates.ts).
   */
  private findDuplicates(): { issues: Issue[]; rows: Set<number> } {
    if (this.duplicates) return this.duplicates;
    const issues: Issue[] = [];
    const rows = new Set<number>();
    const idBound = this.identifier;
    if (idBound) {
      for (const group of this.identifiers.duplicates()) {
        const first = group.rows[0]!;
        rows.add(first);
        issues.push(this.issue({ row: first, code: 'row-duplicate-user', column: idBound.header, columnKey: idBound.key, value: shortValue(group.id), params: { otherRow: group.rows[1]! } }));
        for (let i = 1; i < group.rows.length; i++) {
          rows.add(group.rows[i]!);
          issues.push(this.cellIssueOf(group.rows[i]!, idBound, 'row-duplicate-user', group.cells[i]!, { otherRow: first }));
        }
      }
    }
    this.duplicates = { issues, rows };
    return this.duplicates;
  }

  private cellIssue(row: number, b: Bound, code: IssueCode, cell: Cell, params: IssueParams): void {
    this.rowIssues.push(this.cellIssueOf(row, b, code, cell, params));
  }

  private cellIssueOf(row: number, b: Bound, code: IssueCode, cell: Cell, params: IssueParams): Issue {
    return {
      row,
      column: b.header,
      columnKey: b.column.key,
      code,
      message: this.message(code, params),
      value: shortValue(cellText(cell)),
      params,
    };
  }

  private isSample(values: Record<string, string | number | null>): boolean {
    const sample = this.sample;
    if (!sample || values[this.identifier!.key] !== this.sampleId) return false;
    for (const b of this.bound) {
      const v = values[b.key];
      if (v !== null && v !== sample.get(b.column.key)) return false;
    }
    return true;
  }

  private issue(init: Omit<Issue, 'message' | 'params'> & { params?: IssueParams | undefined }): Issue {
    const params = init.params ?? {};
    const issue: { -readonly [K in keyof Issue]: Issue[K] } = { code: init.code, message: this.message(init.code, params) };
    if (init.row !== undefined) issue.row = init.row;
    if (init.column !== undefined) issue.column = init.column;
    if (init.columnKey !== undefined) issue.columnKey = init.columnKey;
    if (init.value !== undefined) issue.value = init.value;
    if (init.params !== undefined) issue.params = init.params;
    return issue;
  }

  private message(code: IssueCode, params: IssueParams = {}): string {
    return this.describe(code, params);
  }
}

/**
 * The first issue zod finds with `value`, or undefined when the schema accepts it. Asked through the
 * schema's Standard Schema interface, whose result carries zod's issues without building a ZodError (an
 * Error, with its stack trace): a third of the time of a row whose identifier is refused.
 */
function firstZodIssue(schema: z.ZodType<string | number>, value: string | number): z.core.$ZodIssue | undefined {
  const result = schema['~standard'].validate(value);
  if (result instanceof Promise) throw new Error('a column schema must not be asynchronous');
  return result.issues?.[0] as z.core.$ZodIssue | undefined;
}

/**
 * Whether a column's schema can refuse a value its reader accepted: a choice comes back canonical and a
 * date as a valid `YYYY-MM-DD`, so only identifiers, the completion date's window, numbers and long text
 * need the schema. Skipping the others keeps 100k-row files fast.
 */
function hasConstraints(column: TemplateColumn, spec: TemplateSpec): boolean {
  switch (column.type) {
    case 'identifier':
      return true;
    case 'date':
      return column === completionDateColumn(spec);
    case 'number':
      return column.min !== undefined || column.max !== undefined;
    case 'integer':
      return true;
    case 'choice':
      return false;
    case 'text':
      return column.maxLength !== undefined;
  }
}

/** A = 0, Z = 25, AA = 26 … as Excel names columns. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export type { RecordValues };
