// Typed failures of an LmsBackend call. Every implementation (REST or host-supplied) should throw these,
// so that the session can tell "no access" from "try again" from "fix these rows". Each carries a stable
// `code` (BackendErrorCode) that the session and the UI map to words; `message` is an English sentence
// for support ("Details for support"), which may name the endpoint.
import type { ServerIssue } from './types.js';

export type BackendErrorKind = 'no-access' | 'not-found' | 'rejected' | 'unavailable' | 'contract' | 'too-large' | 'internal';

/**
 * Stable codes, one per situation an admin can act on differently:
 * - `no-access` (403), `session-ended` (401, or a redirect to a sign-in page);
 * - `not-found` (404); `rejected` (409/422, with issues);
 * - `busy` (429), `unavailable` (5xx), `timeout`, `offline` (no network);
 * - `contract` (an answer that breaks the contract, or a 400), `response-too-large` (an answer over the
 *   size cap of its operation), `redirect-refused` (too many redirects, or one without a target);
 * - `too-large` (413: the request is more than the LMS accepts);
 * - `configuration` (the host's settings cannot make a request: a bad API address, a headers function
 *   that throws), `internal` (anything else that went wrong in this page — never a raw engine message).
 */
export type BackendErrorCode =
  | 'no-access'
  | 'session-ended'
  | 'not-found'
  | 'rejected'
  | 'busy'
  | 'unavailable'
  | 'timeout'
  | 'offline'
  | 'contract'
  | 'response-too-large'
  | 'redirect-refused'
  | 'too-large'
  | 'configuration'
  | 'internal';

export interface BackendErrorOptions extends ErrorOptions {
  /** A more precise code than the class's default (e.g. `timeout` for an UnavailableError). */
  readonly code?: BackendErrorCode;
}

export abstract class BackendError extends Error {
  abstract readonly kind: BackendErrorKind;
  /** Stable, for the session and the UI to map to words. */
  readonly code: BackendErrorCode;
  /** Worth trying the same call again later (with the same idempotency key for a commit). */
  readonly retryable: boolean = false;
  constructor(
    message: string,
    /** The operation, e.g. `commitUpload`, and the HTTP status when there was one. */
    readonly operation: string,
    readonly status?: number,
    options?: BackendErrorOptions,
  ) {
    super(message, options);
    this.name = new.target.name;
    this.code = options?.code ?? new.target.defaultCode;
  }

  /** The code when the constructor is given none. */
  static readonly defaultCode: BackendErrorCode = 'internal';
}

/** 401/403: the admin may not upload offline records (or the session expired). */
export class NoAccessError extends BackendError {
  static override readonly defaultCode: BackendErrorCode = 'no-access';
  readonly kind = 'no-access';
}

/**
 * 401, or a redirect to a sign-in page (another origin, or an HTML page): the admin's LMS session has
 * ended; signing in again fixes it. A NoAccessError, so code written for that keeps working.
 */
export class SessionEndedError extends NoAccessError {
  static override readonly defaultCode: BackendErrorCode = 'session-ended';
}

/** 404: the activity, template or staged upload is gone. */
export class NotFoundError extends BackendError {
  static override readonly defaultCode: BackendErrorCode = 'not-found';
  readonly kind = 'not-found';
}

/** 409/422: the LMS refused some rows; `issues` point at them. Nothing was created. */
export class RejectedError extends BackendError {
  static override readonly defaultCode: BackendErrorCode = 'rejected';
  readonly kind = 'rejected';
  constructor(
    message: string,
    operation: string,
    status: number | undefined,
    readonly issues: readonly ServerIssue[],
    options?: BackendErrorOptions,
  ) {
    super(message, operation, status, options);
  }
}

/** 429/5xx (`busy`/`unavailable`), a timeout (`timeout`) or no network (`offline`). Retryable. */
export class UnavailableError extends BackendError {
  static override readonly defaultCode: BackendErrorCode = 'unavailable';
  readonly kind = 'unavailable';
  override readonly retryable = true;
  constructor(
    message: string,
    operation: string,
    status?: number,
    /** Seconds the LMS asked us to wait (Retry-After, at most MAX_RETRY_AFTER_S), when it said. */
    readonly retryAfter?: number,
    options?: BackendErrorOptions,
  ) {
    super(message, operation, status, options);
  }
}

/**
 * The LMS answered something that is not what the contract says: names the endpoint and the field.
 * Codes: `contract`, `response-too-large`, `redirect-refused`.
 */
export class ContractError extends BackendError {
  static override readonly defaultCode: BackendErrorCode = 'contract';
  readonly kind = 'contract';
  constructor(
    message: string,
    operation: string,
    status: number | undefined,
    /** Dotted path of the offending field, e.g. `items.3.startDate`. */
    readonly field?: string,
    options?: BackendErrorOptions,
  ) {
    super(message, operation, status, options);
  }
}

/**
 * 413: the request is larger than the LMS accepts. RestBackend already sent a dry-run chunk again in
 * smaller parts before giving up; `records` is how many records the last refused request carried.
 */
export class TooLargeError extends BackendError {
  static override readonly defaultCode: BackendErrorCode = 'too-large';
  readonly kind = 'too-large';
  constructor(
    message: string,
    operation: string,
    status: number | undefined,
    readonly records?: number,
    options?: BackendErrorOptions,
  ) {
    super(message, operation, status, options);
  }
}

/**
 * Something in this page, not the LMS, went wrong: `configuration` (a bad API address, a headers function
 * that throws — the host's settings) or `internal` (retryable: an unexpected failure).
 */
export class InternalBackendError extends BackendError {
  static override readonly defaultCode: BackendErrorCode = 'internal';
  readonly kind = 'internal';
  override readonly retryable: boolean;
  constructor(message: string, operation: string, options?: BackendErrorOptions) {
    super(message, operation, undefined, options);
    this.retryable = this.code !== 'configuration';
  }
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
