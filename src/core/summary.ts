// The summary an admin reads before pressing "Create records"; also rendered by <upload-summary>.
import type { IssueCode } from './issues.js';
import type { DryRunLabel } from './records.js';

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
