// Issues are data: every problem found in an upload, by the reader, the validator or the LMS, is one of
// these, with a stable code from the table below. Messages come from src/i18n, never from here.

/**
 * The table of every issue code. `scope` says where it points: the whole file, a row, or one cell.
 * `source` says who finds it: the client (reading + validation) or the LMS (dry run / commit).
 * This table is what the README's issue-code table documents; a test keeps them in step.
 */
export const ISSUE_CODES = {
  // File — the upload as a whole. Reading stops at the first of these.
  'file-unsupported-format': { scope: 'file', source: 'client' }, // params: kind (xls|ods|numbers|pdf|binary…), format (words for the message)
  'file-encrypted': { scope: 'file', source: 'client' },
  'file-corrupt': { scope: 'file', source: 'client' }, // params: detail (for developers; not in the message)
  'file-too-large': { scope: 'file', source: 'client' }, // params: size, limit (human units), sizeBytes, limitBytes
  'file-inflates-too-large': { scope: 'file', source: 'client' }, // params: limit (human units), limitBytes?
  'file-too-many-rows': { scope: 'file', source: 'client' }, // params: limit; by: 'lms' when the limit is the LMS's records per upload
  'file-too-many-blank-rows': { scope: 'file', source: 'client' }, // params: limit (rows seen, blank ones counted), records (max-rows)
  'file-row-too-large': { scope: 'file', source: 'client' }, // params: limit (human units), limitBytes, row?
  'file-cell-too-long': { scope: 'file', source: 'client' }, // params: limit (32,767 characters), row?
  'file-too-many-columns': { scope: 'file', source: 'client' }, // params: limit (16,384), row?
  'file-too-much-text': { scope: 'file', source: 'client' }, // params: kind (count|size), limit (a count, or human units with limitBytes)
  'file-more-issues': { scope: 'file', source: 'client' }, // params: shown, more — the issues past the first `shown` were counted, not kept
  'file-empty': { scope: 'file', source: 'client' }, // no data rows under the header
  'file-no-header': { scope: 'file', source: 'client' }, // no row looks like the template's header; params: headers, and found, row, expected when a cell looks like one of them
  'file-template-mismatch': { scope: 'file', source: 'client' }, // params: expected, found (activity/domain/identifier names or ids)
  'file-template-outdated': { scope: 'file', source: 'client' }, // params: expected, found (versions)
  'column-missing': { scope: 'file', source: 'client' }, // column, params.header: the missing header; params.nearest?: a header of the file that looks like it
  'column-unknown': { scope: 'file', source: 'client' }, // column, params.header: the unknown header as written; params.expected
  'column-duplicate': { scope: 'file', source: 'client' }, // column, params.header: the header seen twice
  // Row — a whole row.
  'row-sample-left-in': { scope: 'row', source: 'client' },
  'row-duplicate-user': { scope: 'row', source: 'client' }, // params: otherRow
  // Cell — one value.
  'cell-required': { scope: 'cell', source: 'client' }, // params: header
  'cell-identifier-format': { scope: 'cell', source: 'client' }, // params: kind, label, hint?, example?
  'cell-date-invalid': { scope: 'cell', source: 'client' }, // params: order (DMY|MDY|YMD; i18n writes it as DD/MM/YYYY, JJ/MM/AAAA …)
  'cell-date-ambiguous': { scope: 'cell', source: 'client' }, // params: first, second (the two readings, YYYY-MM-DD), order, otherOrder (format, otherFormat: the English patterns)
  'cell-date-future': { scope: 'cell', source: 'client' }, // params: today
  'cell-date-before-start': { scope: 'cell', source: 'client' }, // params: start
  'cell-date-after-end': { scope: 'cell', source: 'client' }, // params: end
  'cell-date-not-after-completion': { scope: 'cell', source: 'client' }, // params: header (completion date's), date
  'cell-number-invalid': { scope: 'cell', source: 'client' },
  'cell-integer-invalid': { scope: 'cell', source: 'client' },
  'cell-number-too-small': { scope: 'cell', source: 'client' }, // params: min, max?
  'cell-number-too-large': { scope: 'cell', source: 'client' }, // params: max, min?
  'cell-choice-invalid': { scope: 'cell', source: 'client' }, // params: choices (comma list)
  'cell-text-too-long': { scope: 'cell', source: 'client' }, // params: max, length
  'cell-formula-no-result': { scope: 'cell', source: 'client' },
  'cell-formula-error': { scope: 'cell', source: 'client' }, // params: error (#N/A…)
  // LMS — found by the backend's dry run or commit.
  'user-not-found': { scope: 'cell', source: 'server' },
  'user-inactive': { scope: 'cell', source: 'server' },
  'user-outside-domain': { scope: 'cell', source: 'server' }, // params: domain
  'record-exists': { scope: 'row', source: 'server' }, // params: date?
  'record-conflict': { scope: 'row', source: 'server' }, // params: detail?
  'date-outside-activity': { scope: 'cell', source: 'server' }, // params: start?, end?
  'value-rejected': { scope: 'cell', source: 'server' }, // params: detail (LMS's own wording)
} as const satisfies Record<string, { scope: 'file' | 'row' | 'cell'; source: 'client' | 'server' }>;

export type IssueCode = keyof typeof ISSUE_CODES;
export type IssueParams = Readonly<Record<string, string | number>>;

/**
 * Turns a code and its params into words. Core has no words of its own: the layer above passes one in
 * (src/i18n's `issueMessage` for English, a Localizer for the admin's language, a host's own table).
 */
export type IssueDescriber = (code: IssueCode, params: IssueParams) => string;

/** What core writes in `message` when it is given no describer: the code itself, for developers. */
export const describeByCode: IssueDescriber = (code) => code;

export interface Issue {
  /** The spreadsheet's own row number (header row counted, 1-based); absent for file-level issues. */
  readonly row?: number;
  /** The column's header as the admin sees it in the file (or in the template when it is missing). */
  readonly column?: string;
  /** The spec's key of that column, when known. */
  readonly columnKey?: string;
  readonly code: IssueCode;
  /**
   * Words for the admin, made by the describer the caller passed (the wizard's: English); without one,
   * the code itself. The UI and the reports make them again from `code` and `params` in the admin's language.
   */
  readonly message: string;
  /** The value as found in the cell, shortened for display. */
  readonly value?: string;
  /** The learner's name as the LMS knows the user (LMS issues, when the dry run named the learner). */
  readonly learner?: string;
  readonly params?: IssueParams;
}

export function isIssueCode(code: string): code is IssueCode {
  return Object.prototype.hasOwnProperty.call(ISSUE_CODES, code);
}

/**
 * Notices: what the admin should know about how the file was read, though nothing is wrong with it. Like
 * issues they are codes and parameters; i18n words them.
 * - `date-order-switched`: the column's text dates were read in `order` (MDY/DMY) instead of the configured
 *   `configured`, because some only make sense that way and all fit it; params also `count` (text dates).
 */
export const READING_NOTICE_CODES = {
  'date-order-switched': { scope: 'column' },
} as const;

export type ReadingNoticeCode = keyof typeof READING_NOTICE_CODES;

export interface ReadingNotice {
  readonly code: ReadingNoticeCode;
  /** The column's header as the admin sees it in the file. */
  readonly column?: string;
  readonly columnKey?: string;
  readonly params?: IssueParams;
  /** A few values as typed and as read (`read` a `YYYY-MM-DD` date for date-order-switched). */
  readonly examples?: readonly { readonly row: number; readonly text: string; readonly read: string }[];
}

/** Row order first, file-level issues on top; within a row, in column order of `columnOrder`. */
export function compareIssues(columnOrder: readonly string[] = []): (a: Issue, b: Issue) => number {
  const pos = (key?: string) => {
    const i = key === undefined ? -1 : columnOrder.indexOf(key);
    return i === -1 ? Number.MAX_SAFE_INTEGER : i;
  };
  return (a, b) => (a.row ?? 0) - (b.row ?? 0) || pos(a.columnKey) - pos(b.columnKey) || a.code.localeCompare(b.code);
}

/** Longest value we keep in an issue: a 30,000-character cell must not flood the table or memory. */
export const ISSUE_VALUE_MAX = 120;

export function shortValue(text: string): string {
  return text.length > ISSUE_VALUE_MAX ? `${text.slice(0, ISSUE_VALUE_MAX - 1)}…` : text;
}
