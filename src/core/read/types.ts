// The contract between readers (xlsx, csv) and validation: a reader streams rows of normalised cells
// into a RowSink and never keeps the whole sheet in memory.
import type { Cell } from '../cells.js';
import type { Issue } from '../issues.js';
import type { Fingerprint } from '../spec.js';

export type DateOrder = 'DMY' | 'MDY' | 'YMD';
export type FileFormat = 'xlsx' | 'csv';

export interface ReadProgress {
  /** Bytes (or compressed bytes) processed so far and in all; `done <= total`. */
  readonly done: number;
  readonly total: number;
}

/** Most data rows in one upload unless the host says otherwise. */
export const DEFAULT_MAX_ROWS = 100_000;

export interface ReadOptions {
  /** Largest upload accepted, in bytes (default 50 MiB). */
  readonly maxBytes?: number;
  /**
   * Most data rows accepted (default 100,000). Enforced by the sink (validation knows which row is the
   * header): it throws FileIssueError from `row()` as soon as one more is seen, and the reader stops.
   */
  readonly maxRows?: number;
  /** Most bytes the xlsx parts we read may inflate to (default 20 × maxBytes, at most 1 GiB). */
  readonly maxInflatedBytes?: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: ReadProgress) => void;
  /** How to read dates typed as text such as 03/02/2026 (default DMY). ISO dates are always accepted. */
  readonly dateOrder?: DateOrder;
  /** The file's name, when known: only a hint (content decides the format), used in messages. */
  readonly fileName?: string;
}

export interface SheetStart {
  readonly format: FileFormat;
  /** The sheet that was read (CSV: the file name or `CSV`). */
  readonly sheetName: string;
  /** Workbook uses the 1904 date system: bare serials in date columns must be read with it. */
  readonly date1904: boolean;
  /** The template's hidden fingerprint, when the file has one (our .xlsx templates). */
  readonly fingerprint?: Partial<Fingerprint>;
  /** CSV only: what was detected. */
  readonly encoding?: string;
  readonly delimiter?: string;
}

export interface RowSink {
  /** Called once, before any row. */
  start(info: SheetStart): void;
  /**
   * One non-blank row, in order. `row` is the spreadsheet's own 1-based row number; `cells[i]` is the
   * i-th column (A = 0), trailing empty cells may be missing. The array may be reused after the call.
   * May throw (FileIssueError, or an AbortError): the reader stops at once and rethrows it.
   */
  row(row: number, cells: readonly Cell[]): void;
}

/** A file-level problem that stops reading: carries the issue to show. */
export class FileIssueError extends Error {
  constructor(readonly issue: Issue) {
    super(issue.message);
    this.name = 'FileIssueError';
  }
}

/**
 * Reading stopped for a reason that is not the file's: a fault in the reader, or the engine running out
 * of memory or stack. Retryable, and never shown with the engine's own words: `code` is what a UI turns
 * into words; `detail` (the engine's message) is for logs and "details for support" only.
 */
export class ReadFailedError extends Error {
  readonly code = 'read-internal';
  readonly retryable = true;
  constructor(readonly detail: string) {
    super('The file could not be checked because of an internal error; trying again may help');
    this.name = 'ReadFailedError';
  }
}

/** Whether `error` is a cancellation (the signal's AbortError). */
export function isAbortError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}

/** Any error that is neither a file issue, a cancellation nor already typed, as a ReadFailedError. */
export function asReadFailure(error: unknown): unknown {
  if (error instanceof FileIssueError || error instanceof ReadFailedError || isAbortError(error)) return error;
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return new ReadFailedError(detail.slice(0, 500));
}
