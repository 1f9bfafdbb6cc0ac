// The public shape of UploadSession: the whole flow as state + typed events. Elements render
// `session.state` and call its methods; they hold no business state of their own.
import type { ActivitySummary, Category, CommitResult, Domain, Permissions } from '../backend/types.js';
import type { CellEdit } from '../core/edit/table.js';
import type { Issue } from '../core/issues.js';
import type { RowTexts } from '../core/validate/validator.js';
import type { DateOrder } from '../core/read/types.js';
import type { TemplateSpec } from '../core/spec.js';
import type { UploadSummary } from '../core/summary.js';
import type { Notice, SessionFailure } from './failures.js';
import type { RetryPolicy, RetryStatus } from './retry.js';
import type { ReadingNotice } from '../core/issues.js';
import type { MatchingWork, MatchMemory, MatchReview } from './matching.js';

export type { RetryPolicy, RetryStatus } from './retry.js';
export type { FailureCode, FailureDetail, FailureKind, FailureParams, Notice, NoticeCode, SessionFailure } from './failures.js';

/**
 * Where the flow is.
 * - `checking-access` → `no-access` | `access-error` | `selecting`
 * - `selecting`: choices being made (category, activity, domain, identifier kind); `spec` loads when complete
 * - `reading` → `dry-run` → `ready` | `has-issues` (or back to `selecting`-with-file-error as `has-issues`)
 * - `dry-run` → `check-failed` when the LMS could not check the rows (after the automatic retries): the
 *   file and its checked rows are kept, `retryCheck()` asks the LMS again without picking the file again
 * - `reading` → `matching` when the file's headers are not the template's: the admin confirms the columns
 *   (confirmMatch), then `reading` again → `dry-run` …
 * - `ready` → `committing` → `created` | `commit-failed` (→ `committing` again on retry)
 */
export type SessionStatus =
  | 'checking-access'
  | 'no-access'
  | 'access-error'
  | 'selecting'
  | 'reading'
  | 'matching'
  | 'dry-run'
  | 'check-failed'
  | 'has-issues'
  | 'ready'
  | 'committing'
  | 'commit-failed'
  | 'created';

/** A list loaded from the backend, rendered by status. */
export interface Loadable<T> {
  readonly status: 'idle' | 'loading' | 'ready' | 'error';
  readonly value?: T;
  /** What went wrong when `status` is `error` (a code; i18n words it). */
  readonly failure?: SessionFailure;
}

export interface Selection {
  readonly categoryId?: string;
  readonly activity?: ActivitySummary;
  readonly domainId?: string;
  /** Key of the identifier kind, e.g. `email` (the kind of identifier, not a learner's own value). */
  readonly identifierKind?: string;
}

/**
 * What a host may choose in advance (the wizard's `category-id`, `activity-id`, `domain-id` and
 * `identifier` attributes); with activity, domain and identifier kind all given, the choose step is skipped.
 */
export interface Preset {
  readonly categoryId?: string;
  readonly activityId?: string;
  readonly domainId?: string;
  readonly identifierKind?: string;
}

export interface UploadProgress {
  readonly phase: 'reading' | 'validating' | 'dry-run' | 'committing';
  /** 0..1 over the whole upload (reading and dry run together), for one progress bar. */
  readonly fraction: number;
  /** Rows (or bytes while reading) done and in all in the current phase, when known. */
  readonly done?: number;
  readonly total?: number;
  /** The dry run's part (chunk) the LMS is asked about now, 1-based, of `chunks` (session/progress.ts). */
  readonly chunk?: number;
  readonly chunks?: number;
  /** Where `fraction` gets once the request in flight is answered (a dry-run part, or the commit). */
  readonly pendingFraction?: number;
}

export interface UploadedFile {
  readonly name: string;
  readonly size: number;
}

/** One cell changed in the browser, for a host's audit trail. */
export interface CellChange {
  readonly row: number;
  readonly columnKey: string;
  /** The column's header as the admin sees it. */
  readonly column: string;
  readonly oldValue: string;
  readonly newValue: string;
}

/** One undoable fix: cells changed (with what they were, for the `edited` event), rows deleted or put back. */
export type EditStep =
  | { readonly kind: 'edit'; readonly edits: readonly CellEdit[]; readonly changes: readonly CellChange[] }
  | { readonly kind: 'delete'; readonly rows: readonly number[] }
  | { readonly kind: 'restore'; readonly rows: readonly number[] };

/** Work kept across a reload, laid over the file read again (UploadSession.uploadFile's `resume`). */
export interface ResumeWork {
  /** The admin's fixes, step by step (Undo takes them back as before the reload). */
  readonly steps: readonly EditStep[];
  /** A staged upload whose commit had begun: settled with its own idempotency key, never staged anew. */
  readonly staged?: { readonly uploadId: string; readonly idempotencyKey: string };
  /** That upload's figures from its dry run. */
  readonly summary?: UploadSummary;
  /** The columns as matched and the date orders chosen (session/matching.ts): the same read, no screen. */
  readonly matching?: MatchingWork;
}

/** The admin's fixes made in the browser to the current file (rows edited, rows deleted on purpose). */
export interface Editing {
  /** Every cell changed, the latest value per cell. */
  readonly edits: readonly CellEdit[];
  /** Rows deleted from this upload on purpose (they are not created; the rest is all-or-nothing). */
  readonly deleted: readonly number[];
  /** Rows changed in the browser (not deleted), in order. */
  readonly editedRows: readonly number[];
  readonly canUndo: boolean;
  /** The edited file is being checked again (the review stays on screen meanwhile). */
  readonly checking: boolean;
}

export interface SessionState {
  readonly status: SessionStatus;
  readonly permissions?: Permissions;
  readonly categories: Loadable<readonly Category[]>;
  readonly domains: Loadable<readonly Domain[]>;
  readonly selection: Selection;
  /** The template spec for the complete selection. */
  readonly spec: Loadable<TemplateSpec>;
  readonly file?: UploadedFile;
  readonly progress?: UploadProgress;
  /** Client and server issues merged, sorted by row then column. Empty when the file is clean. */
  readonly issues: readonly Issue[];
  /** Present once a file has been read (and, when clean, dry-run). */
  readonly summary?: UploadSummary;
  /** The staged upload while there is one. */
  readonly uploadId?: string;
  readonly result?: CommitResult;
  readonly failure?: SessionFailure;
  /** Notes that block nothing, e.g. presets (activity, domain…) that could not be applied. Empty when none. */
  readonly notices: readonly Notice[];
  /** The cells of the rows with problems as the admin now sees them (to fix in place), when the file had some. */
  readonly rows?: readonly RowTexts[];
  /** The fixes made in the browser, once the admin has made one. */
  readonly editing?: Editing;
  /** While the session tries a dry run or the commit again on its own, after a transient failure. */
  readonly retrying?: RetryStatus;
  /**
   * How the file's columns were matched to the template's, when they were not simply the template's own:
   * what the matching screen shows (status `matching`), then what the review says about the columns.
   */
  readonly matching?: MatchReview;
  /** How the file was read where the admin should know (a column's dates read in the other order). */
  readonly readingNotices?: readonly ReadingNotice[];
  /** Date orders the admin chose per date column (column key → order), overriding the automatic choice. */
  readonly dateOrders?: Readonly<Record<string, DateOrder>>;
}

export interface SessionOptions {
  readonly dateOrder?: DateOrder;
  readonly maxFileSize?: number;
  readonly maxRows?: number;
  /** Records per dry-run request (default: the backend's `chunkSize`, else 500). */
  readonly chunkSize?: number;
  /** Run reading and validation in a module Web Worker (default true where Worker exists). */
  readonly useWorker?: boolean;
  /**
   * Automatic retries of staging, dry-run chunks and the commit after a transient failure (default 3 tries,
   * 1 s then 2 s apart, at most 10 s); the backend is then asked for one try per call (CallOptions.attempts).
   */
  readonly retries?: RetryPolicy;
  /** Where column mappings are remembered per activity (default: the page's localStorage). */
  readonly matchMemory?: MatchMemory;
}

/** Events, all dispatched on the session (an EventTarget). `detail` types below. */
export interface SessionEventMap {
  /** Any change of `state` (rendering hook). */
  statechange: CustomEvent<{ state: SessionState; previous: SessionState }>;
  /** A file was read, validated and dry-run: clean (`ready`) or with issues. */
  validated: CustomEvent<{ summary: UploadSummary; issues: readonly Issue[] }>;
  /** All records were created. */
  created: CustomEvent<{ result: CommitResult; activity: ActivitySummary; editedRows: readonly number[]; deletedRows: readonly number[] }>;
  /** A cell was changed in the browser (the admin's edit, a column-wide fix, or an undo). */
  edited: CustomEvent<{ changes: readonly CellChange[] }>;
  /** A step failed (access, file, dry run or commit). Nothing was created. */
  failed: CustomEvent<{ failure: SessionFailure }>;
}
