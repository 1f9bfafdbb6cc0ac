// Every row of an upload for the review's all-rows view, made one at a time as the grid asks: the rows with
// problems with their cells as the admin typed them, the others from their records (the rows as read, edits
// included), deleted rows left out. Nothing is listed up front: the count and the row at an index come from
// binary searches over the records (in row order) and the few rows that are not records, so that opening the
// view, or a re-check while it is open, costs no pass over 100,000 records (that pass took ~50 ms at once).
import type { UploadRecord } from '../../core/records.js';
import type { RowTexts } from '../../core/validate/validator.js';
import type { GridIssue, GridRow, GridRowSource } from '../problem-grid/grid-types.js';

const NO_ISSUES: readonly GridIssue[] = [];

/** A record's value as a cell's text: dates stay `YYYY-MM-DD` (how the row was read, never ambiguous). */
function recordText(value: string | number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}

/** The index of the record of spreadsheet row `row` in `records` (in row order), or −1. */
function recordIndex(records: readonly UploadRecord[], row: number): number {
  let low = 0;
  let high = records.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const at = records[mid]!.row;
    if (at === row) return mid;
    if (at < row) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}

interface Index {
  /** Rows with problems that have no record (and are not deleted), in row order. */
  readonly extra: readonly number[];
  /** Indexes into the records of the deleted rows that are records, ascending. */
  readonly deleted: readonly number[];
  readonly texts: ReadonlyMap<number, Readonly<Record<string, string>>>;
  readonly gone: ReadonlySet<number>;
}

export class AllRows implements GridRowSource {
  readonly #made = new Map<number, GridRow>();
  #index?: Index;

  constructor(
    private readonly records: readonly UploadRecord[],
    private readonly rowTexts: readonly RowTexts[],
    private readonly issues: ReadonlyMap<number, readonly GridIssue[]>,
    private readonly deleted: readonly number[],
  ) {}

  /** Made when the rows are first read: a binary search per row with problems and per deleted row. */
  #built(): Index {
    if (this.#index) return this.#index;
    const gone = new Set(this.deleted);
    const texts = new Map(this.rowTexts.map((r) => [r.row, r.cells]));
    const extra = [...texts.keys()].filter((row) => !gone.has(row) && recordIndex(this.records, row) < 0).sort((a, b) => a - b);
    const deleted = [...gone].map((row) => recordIndex(this.records, row)).filter((i) => i >= 0).sort((a, b) => a - b);
    return (this.#index = { extra, deleted, texts, gone });
  }

  get length(): number {
    const { extra, deleted } = this.#built();
    return this.records.length - deleted.length + extra.length;
  }

  /** The record at `k` among the records still in the upload (the deleted ones skipped). */
  #kept(k: number): UploadRecord {
    const deleted = this.#built().deleted;
    // deleted[d] − d grows with d: the deleted records before the k-th kept one are those with it ≤ k.
    let low = 0;
    let high = deleted.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (deleted[mid]! - mid <= k) low = mid + 1;
      else high = mid;
    }
    return this.records[k + low]!;
  }

  /** The spreadsheet row at `index`: the `index`-th of the kept records and the extra rows merged in row order. */
  #rowAt(index: number): { row: number; record?: UploadRecord } | undefined {
    const { extra } = this.#built();
    const kept = this.length - extra.length;
    if (index < 0 || index >= kept + extra.length) return undefined;
    // How many extra rows come before it: j with extra[j − 1] < kept[index − j] and kept[index − j − 1] < extra[j].
    let low = Math.max(0, index - kept);
    let high = Math.min(index, extra.length);
    while (low <= high) {
      const j = (low + high) >>> 1;
      if (j < extra.length && index - j - 1 >= 0 && extra[j]! < this.#kept(index - j - 1).row) low = j + 1;
      else if (j > 0 && index - j < kept && this.#kept(index - j).row < extra[j - 1]!) high = j - 1;
      else {
        const record = index - j < kept ? this.#kept(index - j) : undefined;
        const next = extra[j];
        if (record && (next === undefined || record.row < next)) return { row: record.row, record };
        return { row: next! };
      }
    }
    return undefined;
  }

  at(index: number): GridRow | undefined {
    const found = this.#rowAt(index);
    return found && this.#make(found.row, found.record);
  }

  /** Spreadsheet row `row`, when it is still in the upload. */
  byRow(row: number): GridRow | undefined {
    const { texts, gone } = this.#built();
    if (gone.has(row)) return undefined;
    const i = recordIndex(this.records, row);
    if (i < 0 && !texts.has(row)) return undefined;
    return this.#make(row, i < 0 ? undefined : this.records[i]);
  }

  #make(row: number, record: UploadRecord | undefined): GridRow {
    let made = this.#made.get(row);
    if (made) return made;
    const texts = this.#built().texts.get(row);
    const cells = texts ?? Object.fromEntries(Object.entries(record?.values ?? {}).map(([key, value]) => [key, recordText(value)]));
    made = { row, cells, issues: this.issues.get(row) ?? NO_ISSUES };
    // Only the rows seen are kept (a screenful or two at a time, as the admin scrolls).
    if (this.#made.size > 2_000) this.#made.clear();
    this.#made.set(row, made);
    return made;
  }
}
