// Bounded automatic retries for the session's calls to the LMS that are safe to send again: staging, the
// dry-run chunks (they write nothing and are keyed by chunk index) and the commit (always with the same
// idempotency key, so a commit that did land is answered again, never doubled). Only a transient failure
// is retried (busy, unavailable, timed out, offline: BackendError kind `unavailable`); a `Retry-After` is
// obeyed when it is short and ends the automatic retries when it is not. After the last try the error
// goes to the session, which says how many tries were made and offers Try again. No DOM, no words.
import { BackendError, type BackendErrorCode } from '../backend/errors.js';

export interface RetryPolicy {
  /** Tries in all, the first included (default 3); 1 turns automatic retries off. */
  readonly attempts?: number;
  /** Wait before the first retry, doubled for each one after it, with jitter (default 1,000 ms). */
  readonly baseDelayMs?: number;
  /**
   * Longest wait before an automatic retry (default 10 s). A backoff is cut to it; an LMS that asks
   * (Retry-After) to wait longer is not retried automatically: the admin is told, and may Try again.
   */
  readonly maxDelayMs?: number;
}

export const DEFAULT_RETRY_POLICY: Readonly<Required<RetryPolicy>> = Object.freeze({ attempts: 3, baseDelayMs: 1000, maxDelayMs: 10_000 });

/** The most tries a policy may ask for: a mistyped `attempts: 1e9` must not become "for ever". */
export const MAX_ATTEMPTS = 10;

/** What the session shows while it waits to try again, and during that try. */
export interface RetryStatus {
  /** The try that is about to start (or running): 2 for the first retry. */
  readonly attempt: number;
  /** Tries in all. */
  readonly attempts: number;
  /** How long the session waits before this try, in ms. */
  readonly delayMs: number;
  /** Why: the backend's code of the failure that led to it (`timeout`, `busy`, `offline`, `unavailable`). */
  readonly reason?: BackendErrorCode;
}

/** The policy with its defaults, every number made sane (a NaN or negative value takes the default). */
export function resolvePolicy(policy: RetryPolicy | undefined): Required<RetryPolicy> {
  const pick = (value: number | undefined, fallback: number, min: number): number =>
    value !== undefined && Number.isFinite(value) && value >= min ? value : fallback;
  return {
    attempts: Math.min(MAX_ATTEMPTS, Math.floor(pick(policy?.attempts, DEFAULT_RETRY_POLICY.attempts, 1))),
    baseDelayMs: pick(policy?.baseDelayMs, DEFAULT_RETRY_POLICY.baseDelayMs, 0),
    maxDelayMs: pick(policy?.maxDelayMs, DEFAULT_RETRY_POLICY.maxDelayMs, 0),
  };
}

/** A failure that may well not happen on the next try: the LMS was busy, down, slow or out of reach. */
export function isTransient(error: unknown): error is BackendError & { readonly retryAfter?: number } {
  return error instanceof BackendError && error.kind === 'unavailable';
}

/**
 * How long to wait before try `attempt + 1` after `error` ended try `attempt`, or undefined when there is
 * no automatic retry: the error is not transient, the tries are used up, or the LMS asked for a longer wait
 * than the policy allows. Retry-After is obeyed (never shortened); otherwise exponential backoff with equal
 * jitter (half fixed, half random), so that many admins' retries spread out.
 */
export function retryDelay(error: unknown, attempt: number, policy: Required<RetryPolicy>, random: () => number = Math.random): number | undefined {
  if (!isTransient(error) || attempt >= policy.attempts) return undefined;
  if (error.retryAfter !== undefined) {
    const asked = Math.max(0, error.retryAfter) * 1000;
    return asked > policy.maxDelayMs ? undefined : asked;
  }
  const delay = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return delay / 2 + random() * (delay / 2);
}

/** How many tries ended in this error (1 for an error that never went through withRetries). */
export function attemptsOf(error: unknown): number {
  return (typeof error === 'object' && error !== null && tries.get(error)) || 1;
}

const tries = new WeakMap<object, number>();

export interface RetryOptions {
  readonly policy: Required<RetryPolicy>;
  readonly signal?: AbortSignal;
  /** Called before each wait for a retry (to show it). */
  readonly onRetry?: (status: RetryStatus) => void;
  /** Narrows which transient failures are retried (default: all of them). */
  readonly retryIf?: (error: unknown) => boolean;
  /** For tests: the jitter's source. */
  readonly random?: () => number;
}

/**
 * Calls `call` until it succeeds, fails with an error that is not retried, or the tries are used up; the
 * error that ends it is thrown as it is (attemptsOf tells how many tries it took). An abort ends the wait.
 */
export async function withRetries<T>(call: (attempt: number) => Promise<T>, options: RetryOptions): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    options.signal?.throwIfAborted();
    try {
      return await call(attempt);
    } catch (error) {
      const skip = options.signal?.aborted === true || (options.retryIf !== undefined && !options.retryIf(error));
      const delayMs = skip ? undefined : retryDelay(error, attempt, options.policy, options.random);
      if (delayMs === undefined) {
        if (typeof error === 'object' && error !== null) tries.set(error, attempt);
        throw error;
      }
      options.onRetry?.({ attempt: attempt + 1, attempts: options.policy.attempts, delayMs, ...(error instanceof BackendError ? { reason: error.code } : {}) });
      await sleep(delayMs, options.signal);
    }
  }
}

// Twin of backend/rest-transport.ts's sleep, on purpose (see there).
function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError(signal));
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(abortError(signal!));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function abortError(signal: AbortSignal): unknown {
  const reason: unknown = signal.reason;
  return reason instanceof DOMException && reason.name === 'AbortError' ? reason : new DOMException('The wait was cancelled.', 'AbortError');
}
