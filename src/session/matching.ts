// Column matching in the session: when the matching screen shows, what it shows (each template column
// with the file column matched, sample values, the first rows to pick the header row from), the admin's
// mapping applied to the next reads of the file, and mappings remembered per activity for the next upload.
import type { Issue } from '../core/issues.js';
import { matchColumns, type ColumnMatch, type MatchOptions } from '../core/match/match.js';
import { compactKey } from '../core/match/normalise.js';
import type { DateOrder } from '../core/read/types.js';
import type { TemplateSpec } from '../core/spec.js';
import type { TopRow, ValidationResult } from '../core/validate/validator.js';

/** The admin's mapping for one file: the header row and, per template column, the file column that holds it. */
export interface ColumnMapping {
  /** The spreadsheet row number of the header row. */
  readonly headerRow: number;
  /** Column key → file column index (A = 0), or null for "not in my file". */
  readonly columns: Readonly<Record<string, number | null>>;
}

/**
 * What the matching screen shows, and after it what the review says about the columns.
 * - `auto`: matched automatically, waiting for the admin to confirm or change (status `matching`);
 * - `memory`: the same columns as an upload of this activity the admin confirmed before: applied as they were;
 * - `confirmed`: confirmed (or changed) by the admin for this file.
 */
export interface MatchReview {
  readonly match: ColumnMatch;
  /** The sheet's first non-blank rows (the header row choices). */
  readonly topRows: readonly TopRow[];
  /** By file column index: the first value under the header row among topRows ('' when none). */
  readonly samples: readonly string[];
  readonly source: 'auto' | 'memory' | 'confirmed';
  /** When `memory`: when the admin confirmed these columns (ISO date-time). */
  readonly rememberedAt?: string;
}

/**
 * What of one file's matching is kept with the admin's saved work (session/persistence.ts), so that a
 * reload reads the file as the admin had it: the mapping applied and how it came (confirmed for this file,
 * or remembered), and the date orders chosen per column.
 */
export interface MatchingWork {
  readonly mapping?: ColumnMapping;
  readonly source?: 'memory' | 'confirmed';
  readonly rememberedAt?: string;
  readonly dateOrders?: Readonly<Record<string, DateOrder>>;
}

/** What is kept per activity (JSON in localStorage). */
interface Remembered {
  readonly v: 1;
  /** Header set (layoutKey) → the mapping confirmed for it, by header (compact key) rather than position. */
  readonly layouts: Readonly<Record<string, RememberedLayout>>;
  /** Column key → the header last confirmed for it: matched like the template's own in other layouts. */
  readonly headers: Readonly<Record<string, string>>;
}

interface RememberedLayout {
  readonly headerRow: number;
  /** Column key → the compact key of its header, or null for "not in my file". */
  readonly columns: Readonly<Record<string, string | null>>;
  readonly at: string;
}

/** Layouts kept per activity; the oldest go first. */
const MAX_LAYOUTS = 20;
const STORAGE_PREFIX = 'offline-upload.column-match.';

/** The header set of a row, order aside: the key a remembered mapping is found by. */
export function layoutKey(cells: readonly string[]): string {
  return [...new Set(cells.map(compactKey).filter((k) => k !== ''))].sort().join('|');
}

/**
 * Mappings remembered per activity, in the page's localStorage (nothing leaves the browser). Reads and
 * writes never throw: storage that is full, disabled or shared with a broken value means nothing remembered.
 */
export class MatchMemory {
  readonly #storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | undefined;
  readonly #now: () => Date;

  constructor(options: { storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null; now?: () => Date } = {}) {
    this.#storage = options.storage === null ? undefined : (options.storage ?? defaultStorage());
    this.#now = options.now ?? (() => new Date());
  }

  load(activityId: string): Remembered | undefined {
    try {
      const text = this.#storage?.getItem(STORAGE_PREFIX + activityId);
      if (!text) return undefined;
      const value = JSON.parse(text) as Partial<Remembered>;
      if (value.v !== 1 || typeof value.layouts !== 'object' || typeof value.headers !== 'object' || !value.layouts || !value.headers) return undefined;
      return value as Remembered;
    } catch {
      return undefined;
    }
  }

  /** Remembers `mapping` for the header row `headers` of an upload of `activityId`. */
  save(activityId: string, headers: readonly string[], mapping: ColumnMapping): void {
    const before = this.load(activityId);
    const columns: Record<string, string | null> = {};
    const named: Record<string, string> = { ...before?.headers };
    for (const [key, index] of Object.entries(mapping.columns)) {
      const header = index === null ? undefined : headers[index];
      columns[key] = header ? compactKey(header) : null;
      if (header) named[key] = header;
    }
    const layouts = { ...before?.layouts, [layoutKey(headers)]: { headerRow: mapping.headerRow, columns, at: this.#now().toISOString() } };
    const kept = Object.entries(layouts)
      .sort((a, b) => b[1].at.localeCompare(a[1].at))
      .slice(0, MAX_LAYOUTS);
    const value: Remembered = { v: 1, layouts: Object.fromEntries(kept), headers: named };
    try {
      this.#storage?.setItem(STORAGE_PREFIX + activityId, JSON.stringify(value));
    } catch {
      // Full or disabled storage: the mapping is simply not remembered.
    }
  }

  forget(activityId: string): void {
    try {
      this.#storage?.removeItem(STORAGE_PREFIX + activityId);
    } catch {
      // Nothing to forget.
    }
  }
}

function defaultStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    // A sandboxed frame may throw on the mere access.
    return undefined;
  }
}

/** Issues that refuse the file before any column is looked at: matching cannot help with them. */
const NOT_A_COLUMN_PROBLEM = new Set<string>(['file-template-mismatch', 'file-template-outdated']);

/**
 * The matching of one uploaded file: the mapping the next reads use, the date orders the admin chose, and
 * the decision whether the admin should see the matching screen.
 */
export class FileMatching {
  /** The admin's mapping (or the remembered one applied); undefined while the columns are matched automatically. */
  mapping: ColumnMapping | undefined;
  /** Date orders chosen by the admin per date column (the review's switch back). */
  dateOrders: Record<string, DateOrder> = {};
  /** The review as last decided (kept through re-checks so the review can say how the columns were read). */
  review: MatchReview | undefined;
  #source: MatchReview['source'] = 'auto';
  #rememberedAt: string | undefined;
  /** A remembered layout is tried once per file. */
  #memoryTried = false;

  constructor(
    readonly memory: MatchMemory,
    readonly activityId: string,
  ) {}

  /** What to keep with saved work; undefined while nothing was chosen (automatic matching, default dates). */
  work(): MatchingWork | undefined {
    const mapping = this.mapping;
    const dateOrders = Object.keys(this.dateOrders).length > 0 ? { ...this.dateOrders } : undefined;
    if (!mapping && !dateOrders) return undefined;
    const source = this.#source === 'memory' ? 'memory' : 'confirmed';
    return {
      ...(mapping ? { mapping, source, ...(source === 'memory' && this.#rememberedAt ? { rememberedAt: this.#rememberedAt } : {}) } : {}),
      ...(dateOrders ? { dateOrders } : {}),
    };
  }

  /**
   * The same file again after a reload: the mapping and date orders kept with the saved work apply as they
   * were (no matching screen, no memory lookup). Values that do not have the expected shape are ignored.
   */
  restore(work: MatchingWork): void {
    const { mapping, dateOrders } = work;
    if (mapping && Number.isInteger(mapping.headerRow) && typeof mapping.columns === 'object' && mapping.columns !== null) {
      this.mapping = { headerRow: mapping.headerRow, columns: { ...mapping.columns } };
      this.#source = work.source === 'memory' ? 'memory' : 'confirmed';
      this.#rememberedAt = work.source === 'memory' ? work.rememberedAt : undefined;
      this.#memoryTried = true;
    }
    for (const [key, order] of Object.entries(dateOrders ?? {})) {
      if (order === 'DMY' || order === 'MDY' || order === 'YMD') this.dateOrders[key] = order;
    }
  }

  /** The validator options for the next read of the file. */
  options(): { match?: MatchOptions & { headerRow?: number }; dateOrders?: Record<string, DateOrder> } {
    const remembered = this.memory.load(this.activityId)?.headers;
    const match = this.mapping
      ? { headerRow: this.mapping.headerRow, chosen: this.mapping.columns }
      : remembered && Object.keys(remembered).length > 0
        ? { remembered }
        : undefined;
    return { ...(match ? { match } : {}), ...(Object.keys(this.dateOrders).length > 0 ? { dateOrders: { ...this.dateOrders } } : {}) };
  }

  /**
   * After a read: `show` the matching screen, `reread` with a remembered mapping, or `accept` (the file is
   * the template's, or already matched as the admin confirmed).
   */
  decide(result: ValidationResult, spec: TemplateSpec): 'show' | 'reread' | 'accept' {
    const { stats } = result;
    const topRows = stats.topRows ?? [];
    if (this.mapping) {
      this.review = stats.match ? this.#reviewOf(stats.match, topRows) : this.review;
      return 'accept';
    }
    if (topRows.length === 0 || result.issues.some((i) => NOT_A_COLUMN_PROBLEM.has(i.code))) {
      this.review = undefined;
      return 'accept';
    }
    // The same header set as an upload of this activity the admin confirmed: their mapping, as it was.
    if (!this.#memoryTried) {
      this.#memoryTried = true;
      const remembered = this.#rememberedMapping(topRows, stats.headerRow);
      if (remembered) {
        const same = stats.match && stats.headerRow === remembered.mapping.headerRow && stats.match.columns.every((c) => c.index === (remembered.mapping.columns[c.key] ?? null));
        this.mapping = remembered.mapping;
        this.#source = 'memory';
        this.#rememberedAt = remembered.at;
        if (same) {
          this.review = this.#reviewOf(stats.match!, topRows);
          return 'accept';
        }
        return 'reread';
      }
    }
    const match = stats.match ?? this.bestProposal(spec, topRows);
    const show = match !== undefined && needsMatching(result, match);
    if (!match) {
      this.review = undefined;
      return 'accept';
    }
    // The template's own headers and nothing else: there is nothing to say about the columns.
    const plain = match.ignored.length === 0 && match.columns.every((c) => c.how === 'template' || c.how === 'missing');
    this.review = show || !plain ? this.#reviewOf(match, topRows) : undefined;
    return show ? 'show' : 'accept';
  }

  /** The match the screen proposes for `headerRow` (the admin picked another header row). */
  proposal(spec: TemplateSpec, headerRow: number, topRows: readonly TopRow[] = this.review?.topRows ?? []): ColumnMatch {
    const cells = topRows.find((r) => r.row === headerRow)?.cells ?? [];
    const remembered = this.memory.load(this.activityId)?.headers;
    return matchColumns(spec, headerRow, cells, remembered ? { remembered } : {});
  }

  /**
   * With no header row found: the top row whose cells match most template columns, when any matches one
   * at all (a sheet with nothing like a header is refused with file-no-header, not shown to match).
   */
  bestProposal(spec: TemplateSpec, topRows: readonly TopRow[]): ColumnMatch | undefined {
    let best: ColumnMatch | undefined;
    let found = 0;
    for (const row of topRows.slice(0, 10)) {
      const match = this.proposal(spec, row.row, topRows);
      const n = match.columns.filter((c) => c.index !== null).length;
      if (n > found) {
        best = match;
        found = n;
      }
    }
    return best;
  }

  /** The screen shows the proposal for another header row. */
  changeHeaderRow(spec: TemplateSpec, headerRow: number): MatchReview | undefined {
    if (!this.review) return undefined;
    this.review = this.#reviewOf(this.proposal(spec, headerRow), this.review.topRows);
    return this.review;
  }

  /** The admin confirmed `mapping`: used for the next reads, and remembered for this activity. */
  confirm(mapping: ColumnMapping): void {
    const headers = this.review?.topRows.find((r) => r.row === mapping.headerRow)?.cells ?? this.review?.match.headers ?? [];
    this.mapping = mapping;
    this.#source = 'confirmed';
    this.#rememberedAt = undefined;
    this.memory.save(this.activityId, headers, mapping);
  }

  #rememberedMapping(topRows: readonly TopRow[], found: number | null): { mapping: ColumnMapping; at: string } | undefined {
    const layouts = this.memory.load(this.activityId)?.layouts;
    if (!layouts) return undefined;
    // The header row found automatically first, then the others.
    const rows = [...topRows].sort((a, b) => Number(b.row === found) - Number(a.row === found));
    for (const row of rows) {
      const layout = layouts[layoutKey(row.cells)];
      if (!layout) continue;
      const keys = row.cells.map(compactKey);
      const columns: Record<string, number | null> = {};
      for (const [key, header] of Object.entries(layout.columns)) {
        if (header === null) columns[key] = null;
        else {
          const index = keys.indexOf(header);
          if (index === -1) return undefined;
          columns[key] = index;
        }
      }
      return { mapping: { headerRow: row.row, columns }, at: layout.at };
    }
    return undefined;
  }

  #reviewOf(match: ColumnMatch, topRows: readonly TopRow[]): MatchReview {
    return {
      match,
      topRows,
      samples: samplesOf(topRows, match.headerRow),
      source: this.#source,
      ...(this.#source === 'memory' && this.#rememberedAt ? { rememberedAt: this.#rememberedAt } : {}),
    };
  }
}

/**
 * Whether the admin should see the matching screen: a column was matched by a synonym or by similarity, a
 * required column is missing (it may be there under another name), or no header row was found at all.
 */
export function needsMatching(result: Pick<ValidationResult, 'issues' | 'stats'>, match: ColumnMatch | undefined = result.stats.match): boolean {
  if (!match) return false;
  if (result.stats.headerRow === null) return result.issues.some((i) => i.code === 'file-no-header');
  return match.needsConfirmation || result.issues.some((i: Issue) => i.code === 'column-missing');
}

/** By file column index, the first value under the header row among the top rows. */
export function samplesOf(topRows: readonly TopRow[], headerRow: number): string[] {
  const samples: string[] = [];
  for (const row of topRows) {
    if (row.row <= headerRow) continue;
    row.cells.forEach((cell, i) => {
      if (cell !== '' && !samples[i]) samples[i] = cell;
    });
  }
  return Array.from(samples, (s) => s ?? '');
}
