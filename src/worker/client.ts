// Page side of the validation worker: read + validate a file off the main thread with progress and
// cancel, or on the main thread where module workers are unavailable (or not wanted).
import type { ValidationResult } from '../core/pipeline.js';
import type { ReadProgress } from '../core/read/types.js';
import type { TemplateSpec } from '../core/spec.js';
import { createValidateWorker } from './create-worker.js';
import type { FromWorker, ToWorker, WorkerValidateOptions } from './protocol.js';
import { fromWorkerError } from './shared.js';

export interface ValidateInWorkerOptions extends WorkerValidateOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: ReadProgress) => void;
  /** false: run on the main thread. Default: a worker where `Worker` exists. */
  readonly useWorker?: boolean;
  /** Makes the worker (tests, or hosts with their own bundling). Default: createValidateWorker. */
  readonly createWorker?: () => Worker;
}

/** How a run went, for tests and diagnostics. */
export type ValidationThread = 'worker' | 'main';

let nextId = 1;

function abortError(signal: AbortSignal): DOMException {
  const reason: unknown = signal.reason;
  return reason instanceof DOMException && reason.name === 'AbortError'
    ? reason
    : new DOMException('The upload was cancelled.', 'AbortError');
}

async function onMainThread(buffer: ArrayBuffer, spec: TemplateSpec, options: ValidateInWorkerOptions): Promise<ValidationResult> {
  // Loaded on demand: with a worker, the page never needs the readers at all.
  const { validateSpreadsheet } = await import('../core/pipeline.js');
  if (options.signal?.aborted) throw abortError(options.signal);
  const { signal, onProgress, useWorker: _u, createWorker: _c, ...rest } = options;
  return validateSpreadsheet(buffer, spec, { ...rest, ...(signal ? { signal } : {}), ...(onProgress ? { onProgress } : {}) });
}

/** Resolves true when the worker's module has loaded, false when it could not (CSP, bundling, old browser). */
function whenReady(worker: Worker, signal?: AbortSignal): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const done = (): void => {
      worker.removeEventListener('message', onMessage);
      worker.removeEventListener('error', onError);
      signal?.removeEventListener('abort', onAbort);
    };
    const onMessage = (event: MessageEvent<FromWorker<unknown>>): void => {
      if (event.data.type !== 'ready') return;
      done();
      resolve(true);
    };
    const onError = (event: Event): void => {
      event.preventDefault();
      done();
      resolve(false);
    };
    const onAbort = (): void => {
      done();
      reject(abortError(signal!));
    };
    worker.addEventListener('message', onMessage);
    worker.addEventListener('error', onError);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Reads and validates `buffer` against `spec`. With a worker the buffer is transferred (it is detached
 * afterwards); if the worker cannot start, the same work runs on the main thread with the buffer intact.
 * Abort → the worker is terminated at once and the promise rejects with an AbortError.
 * File problems are not errors: they come back as issues in the result.
 */
export async function validateInWorker(
  buffer: ArrayBuffer,
  spec: TemplateSpec,
  options: ValidateInWorkerOptions = {},
): Promise<ValidationResult & { thread: ValidationThread }> {
  const { signal } = options;
  if (signal?.aborted) throw abortError(signal);
  const useWorker = options.useWorker ?? typeof Worker !== 'undefined';
  if (!useWorker) return { ...(await onMainThread(buffer, spec, options)), thread: 'main' };

  let worker: Worker;
  try {
    worker = (options.createWorker ?? createValidateWorker)();
  } catch {
    return { ...(await onMainThread(buffer, spec, options)), thread: 'main' };
  }
  try {
    if (!(await whenReady(worker, signal))) {
      worker.terminate();
      return { ...(await onMainThread(buffer, spec, options)), thread: 'main' };
    }
    const result = await runInWorker(worker, buffer, spec, options);
    return { ...result, thread: 'worker' };
  } finally {
    worker.terminate();
  }
}

function runInWorker(worker: Worker, buffer: ArrayBuffer, spec: TemplateSpec, options: ValidateInWorkerOptions): Promise<ValidationResult> {
  const id = nextId++;
  const { signal, onProgress } = options;
  const workerOptions: WorkerValidateOptions = {
    ...(options.dateOrder ? { dateOrder: options.dateOrder } : {}),
    ...(options.maxBytes !== undefined ? { maxBytes: options.maxBytes } : {}),
    ...(options.maxRows !== undefined ? { maxRows: options.maxRows } : {}),
    ...(options.maxInflatedBytes !== undefined ? { maxInflatedBytes: options.maxInflatedBytes } : {}),
    ...(options.fileName !== undefined ? { fileName: options.fileName } : {}),
    ...(options.today !== undefined ? { today: options.today } : {}),
  };
  return new Promise<ValidationResult>((resolve, reject) => {
    const done = (): void => {
      worker.removeEventListener('message', onMessage);
      worker.removeEventListener('error', onError);
      signal?.removeEventListener('abort', onAbort);
    };
    const onMessage = (event: MessageEvent<FromWorker<ValidationResult>>): void => {
      const message = event.data;
      if (!('id' in message) || message.id !== id) return;
      if (message.type === 'progress') onProgress?.(message.progress);
      else if (message.type === 'result') {
        done();
        resolve(message.result);
      } else if (message.type === 'error') {
        done();
        reject(fromWorkerError(message.error));
      }
    };
    const onError = (event: ErrorEvent): void => {
      event.preventDefault();
      done();
      reject(new Error(`The file could not be checked: the validation worker stopped (${event.message || 'no reason given'}).`));
    };
    const onAbort = (): void => {
      done();
      // Cancel first so a shared worker would stop its reader; terminate (by our caller) stops it for sure.
      worker.postMessage({ type: 'cancel', id } satisfies ToWorker);
      worker.terminate();
      reject(abortError(signal!));
    };
    worker.addEventListener('message', onMessage);
    worker.addEventListener('error', onError);
    signal?.addEventListener('abort', onAbort, { once: true });
    const request: ToWorker = { type: 'validate', id, buffer, spec, options: workerOptions };
    worker.postMessage(request, [buffer]);
  });
}
