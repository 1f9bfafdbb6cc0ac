// Small pieces shared by the worker and its client: progress throttling, error shapes that survive postMessage.
import { asReadFailure, FileIssueError, ReadFailedError } from '../core/read/types.js';
import type { ReadProgress } from '../core/read/types.js';
import type { WorkerError } from './protocol.js';

/** Least time between two progress reports, in the worker and on the main thread alike. */
export const PROGRESS_INTERVAL_MS = 80;

/**
 * `report` at most every PROGRESS_INTERVAL_MS, and always for the end (`done === total`): a reader may
 * report thousands of times; one progress bar needs a few updates a second.
 */
export function throttleProgress(report: (progress: ReadProgress) => void): (progress: ReadProgress) => void {
  let last = -Infinity;
  return (progress) => {
    const now = performance.now();
    if (progress.done < progress.total && now - last < PROGRESS_INTERVAL_MS) return;
    last = now;
    report(progress);
  };
}

/**
 * Records per message from the worker. One 100,000-record message takes ~200 ms to deserialise on the
 * page's thread in one go; batches keep each task short so the page stays responsive. 5,000 a message
 * still made tasks of 50–100 ms on a busy machine (bench/longtask.chromium.ts); 1,000 make about 10.
 */
export const RECORDS_PER_MESSAGE = 1_000;

export function toWorkerError(thrown: unknown): WorkerError {
  const error = asReadFailure(thrown);
  if (error instanceof FileIssueError) return { name: error.name, message: error.message, issue: error.issue };
  if (error instanceof ReadFailedError) return { name: error.name, message: error.detail };
  if (error instanceof Error || error instanceof DOMException) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}

/** The error again on the page side: AbortError as a DOMException, file issues as FileIssueError. */
export function fromWorkerError(error: WorkerError): Error {
  if (error.name === 'AbortError') return new DOMException(error.message, 'AbortError');
  if (error.issue) return new FileIssueError(error.issue);
  // Whatever else failed in the worker is ours, not the file's: typed, retryable, its words kept as detail.
  return error.name === 'ReadFailedError' ? new ReadFailedError(error.message) : asReadFailure(Object.assign(new Error(error.message), { name: error.name })) as Error;
}

/**
 * Our own code could not be loaded or stopped (the worker file or a lazy chunk missing from the host's
 * build, a network drop while loading it, the worker crashing): never the admin's file. Internal and
 * retryable — a reload usually brings the missing part. The session reports it as failure kind
 * `internal` (code `validator-unavailable`), with the cause kept for support.
 */
export class ValidatorUnavailableError extends Error {
  override readonly name = 'ValidatorUnavailableError';
  readonly code = 'validator-unavailable';
  constructor(detail: string, options?: { cause?: unknown }) {
    super(`The upload tool's own reading code could not run (${detail}).`, options);
  }
}

/** The errors engines throw when a module (a lazy chunk) cannot be fetched or evaluated as a module. */
export function isModuleLoadError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return /dynamically imported module|Importing a module script failed|error loading dynamically imported module|Failed to fetch|Unable to preload/i.test(error.message);
}
