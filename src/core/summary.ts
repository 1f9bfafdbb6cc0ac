// The summary an admin reads before pressing "Create records"; also rendered by <upload-summary>.
import { ISSUE_CODES, type Issue, type IssueCode } from './issues.js';
import type { DryRunLabel, UploadRecord } from './records.js';
import type { TemplateSpec } from './spec.js';
import { completionDateColumn, statusColumn } from './template/columns.js';

export interface UploadSummary {
  /** Records that would be created (rows without issues). */
  readonly records: number;
  /** Data rows read from the file (blank rows not counted). */
  readonly rows: number;
  readonly distinctUsers: number;
  /** Earliest and latest completion date, `YYYY-MM-DD`; null when no record has a date. */
  readonly dateRange: { readonly from: string; readonly to: string } | null;
  /** Records by the value of the status-like choice column (first choice column), canonical spelling. */
  readonly byStatus: Readonly<Record<string, number>>;
  /** The header of the column `byStatus` counts, when there is one. */
  readonly statusColumn?: string;
  /** Records by the backend's dry-run label; empty before the dry run. */
  readonly byLabel: Readonly<Partial<Record<DryRunLabel, number>>>;
  readonly issues: number;
  /** Rows with at least one issue. */
  readonly rowsWithIssues: number;
  readonly issuesByCode: Readonly<Partial<Record<IssueCode, number>>>;
  /** Issues by column header; file- and row-level issues under the empty string. */
  readonly issuesByColumn: Readonly<Record<string, number>>;
}

/**
 * What the summary says of the records alone (learners, dates, statuses), counted one
 * record at a time: a caller with 100,000 records can feed it in slices (the session does, between
 * yields) and then ask `summary()` for any issue list at the cost of the issues only.
 */
export class RecordTally {
  readonly #identifierKey: string | undefined;
  readonly #dateKey: string | undefined;
  readonly #statusKey: string | undefined;
  readonly #statusHeader: string | undefined;
  readonly #users = new Set<string>();
  #from: string | null = null;
  #to: string | null = null;
  readonly #byStatus: Record<string, number> = {};
  #records = 0;

  constructor(spec: TemplateSpec) {
    this.#identifierKey = spec.columns.find((c) => c.type === 'identifier')?.key;
    this.#dateKey = completionDateColumn(spec)?.key;
    const status = statusColumn(spec);
    this.#statusKey = status?.key;
    this.#statusHeader = status?.header;
  }

  /** Counts one record (its learner, date and status). */
  add(record: UploadRecord): void {
    this.#records += 1;
    const { values } = record;
    const id = this.#identifierKey ? values[this.#identifierKey] : null;
    if (id !== null && id !== undefined && id !== '') this.#users.add(String(id));
    const date = this.#dateKey ? values[this.#dateKey] : null;
    if (typeof date === 'string') {
      if (this.#from === null || date < this.#from) this.#from = date;
      if (this.#to === null || date > this.#to) this.#to = date;
    }
    const value = this.#statusKey ? values[this.#statusKey] : null;
    if (value !== null && value !== undefined) this.#byStatus[String(value)] = (this.#byStatus[String(value)] ?? 0) + 1;
  }

  /**
   * The summary with `issues` and the records' dry-run labels counted (`byLabel`). `rows`: the data rows
   * read; when absent, counted from the records' rows (`recordRows`) and the issues' rows.
   */
  summary(issues: readonly Issue[], options: { rows?: number; byLabel?: Partial<Record<DryRunLabel, number>>; recordRows?: () => Iterable<number> } = {}): UploadSummary {
    let { rows } = options;
    const issueRows = new Set<number>();
    const issuesByCode: Partial<Record<IssueCode, number>> = {};
    const issuesByColumn: Record<string, number> = {};
    for (const issue of issues) {
      if (issue.row !== undefined) issueRows.add(issue.row);
      issuesByCode[issue.code] = (issuesByCode[issue.code] ?? 0) + 1;
      const column = ISSUE_CODES[issue.code].scope === 'cell' ? (issue.column ?? '') : '';
      issuesByColumn[column] = (issuesByColumn[column] ?? 0) + 1;
    }
    if (rows === undefined) {
      const all = new Set(issueRows);
      for (const row of options.recordRows?.() ?? []) all.add(row);
      rows = all.size;
    }
    const summary: UploadSummary = {
      records: this.#records,
      rows,
      distinctUsers: this.#users.size,
      dateRange: this.#from !== null && this.#to !== null ? { from: this.#from, to: this.#to } : null,
      byStatus: { ...this.#byStatus },
      byLabel: { ...options.byLabel },
      issues: issues.length,
      rowsWithIssues: issueRows.size,
      issuesByCode,
      issuesByColumn,
    };
    return this.#statusHeader !== undefined ? { ...summary, statusColumn: this.#statusHeader } : summary;
  }
}

/**
 * The summary of a validation result (and, after the dry run, the backend's label per row). `rows` is the
 * count of data rows read; when absent it is counted from the rows that appear in records and issues.
 */
export function summarise(
  result: { readonly records: readonly UploadRecord[]; readonly issues: readonly Issue[]; readonly rows?: number },
  spec: TemplateSpec,
  labels?: ReadonlyMap<number, DryRunLabel>,
): UploadSummary {
  const tally = new RecordTally(spec);
  const byLabel: Partial<Record<DryRunLabel, number>> = {};
  for (const record of result.records) {
    tally.add(record);
    const label = labels?.get(record.row);
    if (label) byLabel[label] = (byLabel[label] ?? 0) + 1;
  }
  return tally.summary(result.issues, { ...(result.rows !== undefined ? { rows: result.rows } : {}), byLabel, recordRows: () => result.records.map((r) => r.row) });
}
