// Typed failures of an LmsBackend call. Every implementation (REST or host-supplied) should throw these,
// so that the session can tell "no access" from "try again" from "fix these rows".
import type { ServerIssue } from './types.js';

export type BackendErrorKind = 'no-access' | 'not-found' | 'rejected' | 'unavailable' | 'contract';

export abstract class BackendError extends Error {
  abstract readonly kind: BackendErrorKind;
  /** Worth trying the same call again later (with the same idempotency key for a commit). */
  readonly retryable: boolean = false;
  constructor(
    message: string,
    /** The operation, e.g. `commitUpload`, and the HTTP status when there was one. */
    readonly operation: string,
    readonly status?: number,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** 401/403: the admin may not upload offline records (or the session expired). */
export class NoAccessError extends BackendError {
  readonly kind = 'no-access';
}

/** 404: the activity, template or staged upload is gone. */
export class NotFoundError extends BackendError {
  readonly kind = 'not-found';
}

/** 409/422: the LMS refused some rows; `issues` point at them. Nothing was created. */
export class RejectedError extends BackendError {
  readonly kind = 'rejected';
  constructor(
    message: string,
    operation: string,
    status: number | undefined,
    readonly issues: readonly ServerIssue[],
    options?: ErrorOptions,
  ) {
    super(message, operation, status, options);
  }
}

/** 429/5xx, a timeout or no network: the LMS did not answer usefully. Retryable. */
export class UnavailableError extends BackendError {
  readonly kind = 'unavailable';
  override readonly retryable = true;
  constructor(
    message: string,
    operation: string,
    status?: number,
    /** Seconds the LMS asked us to wait (Retry-After), when it said. */
    readonly retryAfter?: number,
    options?: ErrorOptions,
  ) {
    super(message, operation, status, options);
  }
}

/** The LMS answered something that is not what the contract says: names the endpoint and the field. */
export class ContractError extends BackendError {
  readonly kind = 'contract';
  constructor(
    message: string,
    operation: string,
    status: number | undefined,
    /** Dotted path of the offending field, e.g. `items.3.startDate`. */
    readonly field?: string,
    options?: ErrorOptions,
  ) {
    super(message, operation, status, options);
  }
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
