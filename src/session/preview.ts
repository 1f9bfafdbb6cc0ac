// The records preview of a clean file: who gets a record, with which date, status and score, and what the
// LMS's dry run said of each row (new, or already recorded and left unchanged). Headless and paged: the
// rows are made for one page at a time, so 100,000 records cost one pass to count and nothing to show.
import type { DryRunLabel, UploadRecord } from '../core/records.js';
import type { TemplateSpec } from '../core/spec.js';
import { completionDateColumn, statusColumn } from '../core/template/columns.js';


/** What a row of the preview says it will do at commit: `create` (a new record) or `already-recorded` (left unchanged). */
export type PreviewLabel = Extract<DryRunLabel, 'create' | 'already-recorded'>;

/** The preview's labels in the order they are shown and counted. */
export const PREVIEW_LABELS: readonly PreviewLabel[] = ['create', 'already-recorded'];

export interface PreviewRow {
  /** The spreadsheet's own row number (header row counted). */
  readonly row: number;
  readonly identifier: string;
  /** The learner's name as the LMS resolved it in the dry run, when it knows the user. */
  readonly learner?: string;
  /** Completion date, `YYYY-MM-DD`. */
  readonly date?: string;
  readonly status?: string;
  readonly score?: number | string;
  readonly label: PreviewLabel;
}

/** The headers of the preview's columns, as the admin wrote them in the file; absent when the template has no such column. */
export interface PreviewColumns {
  readonly identifier: string;
  readonly date?: string;
  readonly status?: string;
  readonly score?: string;
}

export interface RecordsPreview {
  /** Every row of the preview. */
  readonly total: number;
  readonly counts: Readonly<Record<PreviewLabel, number>>;
  readonly columns: PreviewColumns;
  /** Rows shown with `label` (all when undefined). */
  count(label?: PreviewLabel): number;
  /** One page of rows with `label` (all when undefined), in the file's row order. */
  rows(label: PreviewLabel | undefined, offset: number, limit: number): readonly PreviewRow[];
}

export interface PreviewInput {
  readonly spec: TemplateSpec;
  /** The records that passed every check (the rows with an issue are not in a clean file). */
  readonly records: readonly UploadRecord[];
  readonly labels: ReadonlyMap<number, DryRunLabel>;
  readonly learners?: ReadonlyMap<number, string>;
  /** columnKey → the header as written in the file. */
  readonly headers?: ReadonlyMap<string, string>;
  /**
   * Records the dry run labelled `already-recorded`, when already counted (the session counts labels as
   * the answers arrive): saves a pass over every record when the preview is first shown.
   */
  readonly alreadyRecorded?: number;
}

/** The records preview of a clean, dry-run file. A record the dry run did not label counts as new. */
export function buildPreview(input: PreviewInput): RecordsPreview {
  const { spec, records, labels, learners } = input;
  // The file's header without the template's "required" mark (`Email *` → `Email`): a preview is no form.
  const header = (key: string | undefined): string | undefined =>
    key === undefined ? undefined : (input.headers?.get(key) ?? spec.columns.find((c) => c.key === key)?.header)?.replace(/\s*\*\s*$/, '');
  const identifierKey = spec.columns.find((c) => c.type === 'identifier')?.key ?? spec.columns[0]?.key ?? '';
  const dateKey = completionDateColumn(spec)?.key;
  const statusKey = statusColumn(spec)?.key;
  const scoreKey = spec.columns.find((c) => c.key === 'score')?.key;
  const columns: PreviewColumns = {
    identifier: header(identifierKey) ?? identifierKey,
    ...(dateKey ? { date: header(dateKey)! } : {}),
    ...(statusKey ? { status: header(statusKey)! } : {}),
    ...(scoreKey ? { score: header(scoreKey)! } : {}),
  };
  const labelOf = (record: UploadRecord): PreviewLabel => (labels.get(record.row) === 'already-recorded' ? 'already-recorded' : 'create');
  const counts: Record<PreviewLabel, number> = { create: 0, 'already-recorded': 0 };
  if (input.alreadyRecorded !== undefined) {
    counts['already-recorded'] = input.alreadyRecorded;
    counts.create = records.length - input.alreadyRecorded;
  } else {
    for (const record of records) counts[labelOf(record)] += 1;
  }
  // The rows of one label, found once when that filter is first used (a second look costs nothing).
  const byLabel = new Map<PreviewLabel, readonly UploadRecord[]>();
  const listOf = (label: PreviewLabel | undefined): readonly UploadRecord[] => {
    if (label === undefined || counts[label] === records.length) return records;
    let list = byLabel.get(label);
    if (!list) {
      list = records.filter((r) => labelOf(r) === label);
      byLabel.set(label, list);
    }
    return list;
  };
  const text = (value: string | number | null | undefined): string | undefined => (value === null || value === undefined || value === '' ? undefined : String(value));
  const toRow = (record: UploadRecord): PreviewRow => {
    const v = record.values;
    const learner = learners?.get(record.row);
    const date = dateKey ? text(v[dateKey]) : undefined;
    const status = statusKey ? text(v[statusKey]) : undefined;
    const score = scoreKey ? v[scoreKey] : undefined;
    return {
      row: record.row,
      identifier: text(v[identifierKey]) ?? '',
      ...(learner ? { learner } : {}),
      ...(date ? { date } : {}),
      ...(status ? { status } : {}),
      ...(score !== undefined && score !== null && score !== '' ? { score } : {}),
      label: labelOf(record),
    };
  };
  return {
    total: records.length,
    counts,
    columns,
    count: (label) => listOf(label).length,
    rows: (label, offset, limit) => listOf(label).slice(Math.max(0, offset), Math.max(0, offset) + Math.max(0, limit)).map(toRow),
  };
}

/** What the admin confirms: the counts the preview shows, and the rows deleted in the browser. */
export interface CreatePlan {
  /** Records the commit creates. */
  readonly create: number;
  /** Rows the LMS already has and leaves unchanged (existing-record policy `skip`). */
  readonly unchanged: number;
  /** Rows deleted in the browser on purpose: not created. */
  readonly deleted: number;
}

/** What "Create records" will do, in the preview's own counts (plus the rows deleted in the browser). */
export function createPlan(preview: Pick<RecordsPreview, 'counts'>, deleted = 0): CreatePlan {
  return { create: preview.counts.create, unchanged: preview.counts['already-recorded'], deleted };
}
