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
 * The summary of a validation result (and, after the dry run, the backend's label per row). `rows` is the
 * count of data rows read; when absent it is counted from the rows that appear in records and issues.
 */
export function summarise(
  result: { readonly records: readonly UploadRecord[]; readonly issues: readonly Issue[]; readonly rows?: number },
  spec: TemplateSpec,
  labels?: ReadonlyMap<number, DryRunLabel>,
): UploadSummary {
  const { records, issues } = result;
  const identifierKey = spec.columns.find((c) => c.type === 'identifier')?.key;
  const dateKey = completionDateColumn(spec)?.key;
  const status = statusColumn(spec);

  const users = new Set<string>();
  let from: string | null = null;
  let to: string | null = null;
  const byStatus: Record<string, number> = {};
  const byLabel: Partial<Record<DryRunLabel, number>> = {};
  for (const record of records) {
    const id = identifierKey ? record.values[identifierKey] : null;
    if (id !== null && id !== undefined && id !== '') users.add(String(id));
    const date = dateKey ? record.values[dateKey] : null;
    if (typeof date === 'string') {
      if (from === null || date < from) from = date;
      if (to === null || date > to) to = date;
    }
    const value = status ? record.values[status.key] : null;
    if (value !== null && value !== undefined) byStatus[String(value)] = (byStatus[String(value)] ?? 0) + 1;
    const label = labels?.get(record.row);
    if (label) byLabel[label] = (byLabel[label] ?? 0) + 1;
  }

  const issueRows = new Set<number>();
  const issuesByCode: Partial<Record<IssueCode, number>> = {};
  const issuesByColumn: Record<string, number> = {};
  for (const issue of issues) {
    if (issue.row !== undefined) issueRows.add(issue.row);
    issuesByCode[issue.code] = (issuesByCode[issue.code] ?? 0) + 1;
    const column = ISSUE_CODES[issue.code].scope === 'cell' ? (issue.column ?? '') : '';
    issuesByColumn[column] = (issuesByColumn[column] ?? 0) + 1;
  }

  let rows = result.rows;
  if (rows === undefined) {
    const all = new Set(issueRows);
    for (const record of records) all.add(record.row);
    rows = all.size;
  }

  const summary: UploadSummary = {
    records: records.length,
    rows,
    distinctUsers: users.size,
    dateRange: from !== null && to !== null ? { from, to } : null,
    byStatus,
    byLabel,
    issues: issues.length,
    rowsWithIssues: issueRows.size,
    issuesByCode,
    issuesByColumn,
  };
  return status ? { ...summary, statusColumn: status.header } : summary;
}
