// What went wrong, as data: a failure or a notice is a code with params (like an Issue), never a
// sentence. i18n turns each code into the admin's words; the technical detail (the LMS's own text, the
// operation and status) travels beside it for the "Details for support" disclosure and the `failed` event.
import { BackendError, type BackendErrorCode, type BackendErrorKind } from '../backend/errors.js';
import type { ReadFailedError } from '../core/read/types.js';

/** Every failure the session (and the wizard around it) can report; i18n words each one. */
export const FAILURE_CODES = [
  // access and lists
  'access-check-failed',
  'categories-failed',
  'domains-failed',
  'no-access',
  // template spec
  'spec-not-found',
  'spec-failed',
  'spec-mismatch',
  'spec-not-ready',
  // the file
  'file-unreadable',
  // reading stopped for a reason that is not the file's (ReadFailedError): worth another try
  'read-internal',
  // our own reading code could not be loaded or stopped (never the admin's file): worth another try after a reload
  'validator-unavailable',
  'upload-while-creating',
  // dry run
  'dry-run-unavailable',
  'dry-run-refused',
  'dry-run-not-found',
  'dry-run-contract',
  // the admin's LMS sign-in ended during the check: sign in again (another tab), then Try again (file kept)
  'dry-run-session-ended',
  // the LMS refused the records as too large, even sent in small parts
  'dry-run-too-large',
  // something in this page (not the file, not the LMS) went wrong during the check
  'dry-run-internal',
  // commit
  'commit-rejected',
  'commit-refused',
  'commit-not-found',
  'commit-unavailable',
  'commit-contract',
  // anything else
  'unexpected',
  // the element's own (no session yet, or a download)
  'not-configured',
  'connect-failed',
  'download-failed',
] as const;
export type FailureCode = (typeof FAILURE_CODES)[number];

/** The coarse class of a failure (the BackendError kind it came from, or `file` / `unknown`). */
export type FailureKind = BackendErrorKind | 'file' | 'unknown';

export type FailureParams = Readonly<Record<string, string | number>>;

/** For support only: what the admin never reads on screen, shown in a collapsed disclosure. */
export interface FailureDetail {
  /** The error's own text (the LMS's problem detail, the reader's message…). */
  readonly message?: string;
  /** The backend's own code (BackendErrorCode), e.g. `timeout`, `offline`, `session-ended`. */
  readonly errorCode?: BackendErrorCode;
  /** The backend operation, e.g. `commitUpload`. */
  readonly operation?: string;
  /** The HTTP status, when there was one. */
  readonly status?: number;
  /** The staged upload's id (the upload reference), when the failure concerns one. */
  readonly uploadId?: string;
}

export interface SessionFailure {
  readonly code: FailureCode;
  readonly params: FailureParams;
  readonly kind: FailureKind;
  /** Worth trying the same thing again (a commit retried with the same key never creates twice). */
  readonly retryable: boolean;
  readonly detail?: FailureDetail;
}

/** A note that blocks nothing, e.g. a preset that could not be applied. */
export const NOTICE_CODES = [
  'preset-category-missing',
  'preset-activity-missing',
  'preset-activity-failed',
  'preset-domain-missing',
  'preset-identifier-kind-missing',
] as const;
export type NoticeCode = (typeof NOTICE_CODES)[number];

export interface Notice {
  readonly code: NoticeCode;
  /** `id`: the preset's value as the host gave it (for support: it is an id, not a word for the admin). */
  readonly params: FailureParams;
}

/**
 * A core/read ReadFailedError, known by its name and detail rather than by `instanceof`: importing the
 * class would put the reader's types module in every page's first load for this one check.
 */
function isReadFailure(error: unknown): error is ReadFailedError {
  return error instanceof Error && error.name === 'ReadFailedError' && typeof (error as { detail?: unknown }).detail === 'string';
}

/** The technical detail of an error, for support. */
export function detailOf(error: unknown): FailureDetail {
  const message = isReadFailure(error) ? error.detail : error instanceof Error ? error.message : typeof error === 'string' ? error : undefined;
  return {
    ...(message ? { message } : {}),
    ...(error instanceof BackendError
      ? { errorCode: error.code, operation: error.operation, ...(error.status !== undefined ? { status: error.status } : {}) }
      : {}),
  };
}

export function makeFailure(code: FailureCode, error?: unknown, options: { params?: FailureParams; retryable?: boolean; kind?: FailureKind } = {}): SessionFailure {
  const kind: FailureKind = options.kind ?? (error instanceof BackendError ? error.kind : code === 'file-unreadable' ? 'file' : 'unknown');
  const retryable = options.retryable ?? (error instanceof BackendError ? error.retryable : false);
  const detail = error === undefined ? undefined : detailOf(error);
  return { code, params: options.params ?? {}, kind, retryable, ...(detail && Object.keys(detail).length > 0 ? { detail } : {}) };
}
