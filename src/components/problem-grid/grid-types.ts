// What the problem grid shows: its columns, and its rows with their problems in the admin's words, given by
// the host (the grid keeps no data of its own).

export interface GridColumn {
  readonly key: string;
  /** The header as the admin wrote it in the file. */
  readonly header: string;
  /** Allowed values: the editor is a select. */
  readonly choices?: readonly string[];
  /** How to type the value, e.g. the date order (`DD/MM/YYYY`): the editor's placeholder. */
  readonly placeholder?: string;
}

export interface GridIssue {
  /** The column the problem is in; absent for a problem of the whole row (duplicate, already recorded). */
  readonly columnKey?: string;
  readonly message: string;
}

export interface GridRow {
  /** The spreadsheet's own row number. */
  readonly row: number;
  /** Column key → the cell's text as the admin sees it. */
  readonly cells: Readonly<Record<string, string>>;
  readonly issues: readonly GridIssue[];
  /** The learner's name when the LMS knows it. */
  readonly learner?: string;
}

/**
 * The rows the grid shows, read one at a time: an array, or a source that makes each row when asked (all
 * 100,000 rows of an upload are never made at once; only those in view are).
 */
export interface GridRowSource {
  readonly length: number;
  at(index: number): GridRow | undefined;
}
