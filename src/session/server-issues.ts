// Turns what the LMS says about rows (ServerIssue, dry-run labels) into the same Issue shape the
// client's validator produces, pointing at the admin's own header and cell value.
import type { DryRunRow, ServerIssue } from '../backend/types.js';
import { compareIssues, isIssueCode, shortValue } from '../core/issues.js';
import type { Issue, IssueCode, IssueParams } from '../core/issues.js';
import type { DryRunLabel, UploadRecord } from '../core/records.js';
import type { TemplateSpec } from '../core/spec.js';
import { issueMessage } from '../i18n/issue-message.js';

export interface IssueContext {
  readonly spec: TemplateSpec;
  /** Row → the learner's name, as the LMS's dry run gave it. */
  readonly learners?: ReadonlyMap<number, string>;
  /** columnKey → the header as written in the admin's file (from the validator's header match). */
  readonly headers: ReadonlyMap<string, string>;
  readonly recordsByRow: ReadonlyMap<number, UploadRecord>;
}

export function columnHeader(context: Pick<IssueContext, 'spec' | 'headers'>, columnKey: string): string {
  return context.headers.get(columnKey) ?? context.spec.columns.find((c) => c.key === columnKey)?.header ?? columnKey;
}

export function mapServerIssue(issue: ServerIssue, context: IssueContext): Issue {
  // The wire schema should already have mapped unknown codes; a host's own backend may not have.
  const known = isIssueCode(issue.code);
  const code: IssueCode = known ? issue.code : 'value-rejected';
  let params: IssueParams = issue.params ?? {};
  // value-rejected has no words of its own: the LMS's wording (or its unknown code) is the detail.
  const detail = issue.detail ?? (known ? undefined : String(issue.code));
  if (code === 'value-rejected' && params['detail'] === undefined && detail !== undefined) params = { ...params, detail };
  const out: { -readonly [K in keyof Issue]: Issue[K] } = { row: issue.row, code, message: issueMessage(code, params) };
  const learner = context.learners?.get(issue.row);
  if (learner !== undefined) out.learner = learner;
  if (Object.keys(params).length > 0) out.params = params;
  if (issue.columnKey !== undefined) {
    out.columnKey = issue.columnKey;
    out.column = columnHeader(context, issue.columnKey);
    const value = context.recordsByRow.get(issue.row)?.values[issue.columnKey];
    if (value !== undefined && value !== null) out.value = shortValue(String(value));
  }
  return out;
}

/**
 * Server issues as Issues (with the learner's name where the dry run gave it), plus one for every row the
 * LMS labelled `already-recorded` or `conflict` without saying why: such a row must block the commit like
 * any other issue — except an `already-recorded` row of an activity that skips existing records, which is
 * left unchanged at commit.
 */
export function mapDryRunIssues(serverIssues: readonly ServerIssue[], rows: readonly DryRunRow[], context: IssueContext): Issue[] {
  const learners = new Map(context.learners ?? []);
  for (const { row, learner } of rows) if (learner !== undefined) learners.set(row, learner);
  const withLearners = { ...context, learners };
  const issues = serverIssues.map((issue) => mapServerIssue(issue, withLearners));
  const rowsWithIssues = new Set(issues.map((i) => i.row));
  const skips = context.spec.rules.existingRecords === 'skip';
  for (const { row, label } of rows) {
    if (label === 'create' || rowsWithIssues.has(row) || (label === 'already-recorded' && skips)) continue;
    const code: IssueCode = label === 'already-recorded' ? 'record-exists' : 'record-conflict';
    const learner = learners.get(row);
    issues.push({ row, code, message: issueMessage(code, {}), ...(learner !== undefined ? { learner } : {}) });
    rowsWithIssues.add(row);
  }
  return issues;
}

/** Row → learner name, from the dry run's rows. */
export function learnersByRow(rows: Iterable<DryRunRow>): Map<number, string> {
  const learners = new Map<number, string>();
  for (const { row, learner } of rows) if (learner !== undefined) learners.set(row, learner);
  return learners;
}

/** Client and server issues in one list, by row, then in the spec's column order. */
export function mergeIssues(spec: TemplateSpec, ...lists: ReadonlyArray<readonly Issue[]>): Issue[] {
  return lists.flat().sort(compareIssues(spec.columns.map((c) => c.key)));
}

export function labelsByRow(rows: Iterable<DryRunRow>): Map<number, DryRunLabel> {
  const labels = new Map<number, DryRunLabel>();
  for (const { row, label } of rows) labels.set(row, label);
  return labels;
}
