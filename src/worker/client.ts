// Page side of the validation worker: read + validate a file off the main thread with progress and
// cancel, or on the main thread where module workers are unavailable (or not wanted).
import type * as Pipeline from '../core/pipeline.js';
import type { ValidationResult } from '../core/pipeline.js';
import { ReadFailedError, type ReadProgress } from '../core/read/types.js';
import type { UploadRecord } from '../core/records.js';
import type { TemplateSpec } from '../core/spec.js';
import { createValidateWorker } from './create-worker.js';
import type { FromWorker, ToWorker, WorkerValidateOptions } from './protocol.js';
import { fromWorkerError, isModuleLoadError, throttleProgress, ValidatorUnavailableError } from './shared.js';
import { issueMessage } from '../i18n/issue-message.js';

export { ValidatorUnavailableError };

type PipelineModule = typeof Pipeline;

export interface ValidateInWorkerOptions extends WorkerValidateOptions {
  readonly signal?: AbortSignal;
  /** Called a few times a second at most (and once at the end of reading), in either thread. */
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
  // Loaded on demand: with a worker, the page never needs the readers at all. A chunk that does not load
  // (here or papaparse's, inside) is our code missing, not a problem with the admin's file.
  let pipeline: PipelineModule;
  try {
    pipeline = await import('../core/pipeline.js');
  } catch (error) {
    throw new ValidatorUnavailableError(error instanceof Error ? error.message : String(error), { cause: error });
  }
  if (options.signal?.aborted) throw abortError(options.signal);
  const { signal, onProgress, useWorker: _u, createWorker: _c, ...rest } = options;
  try {
    // The same English words the worker writes (the UI words issues again from code + params).
    return await pipeline.validateSpreadsheet(buffer, spec, { ...rest, describe: issueMessage, ...(signal ? { signal } : {}), ...(onProgress ? { onProgress: throttleProgress(onProgress) } : {}) });
  } catch (error) {
    if (isModuleLoadError(error)) throw new ValidatorUnavailableError((error as Error).message, { cause: error });
    throw error;
  }
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
 * One loaded worker kept between runs: a fresh worker pays for loading its modules and a cold JIT on every
 * file, and admins upload again and again (fix, re-upload). Taken by a run, given back when it ends well.
 */
let idle: Promise<Worker | undefined> | undefined;

function startWorker(create: () => Worker, signal?: AbortSignal): Promise<Worker | undefined> {
  let worker: Worker;
  try {
    worker = create();
  } catch {
    return Promise.resolve(undefined);
  }
  return whenReady(worker, signal).then(
    (ready) => {
      if (ready) return worker;
      worker.terminate();
      return undefined;
    },
    (error: unknown) => {
      worker.terminate();
      throw error;
    },
  );
}

/** The worker once loaded; an abort meanwhile rejects at once and ends the worker when it arrives. */
function untilAborted(pending: Promise<Worker | undefined>, signal?: AbortSignal): Promise<Worker | undefined> {
  if (!signal) return pending;
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      // `pending` may itself reject with this abort (a worker still loading); that is already our answer.
      pending.then(
        (worker) => worker?.terminate(),
        () => undefined,
      );
      reject(abortError(signal));
    };
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    pending.then(
      (worker) => {
        signal.removeEventListener('abort', onAbort);
        if (signal.aborted) worker?.terminate();
        else resolve(worker);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/**
 * Loads the validation worker ahead of the first file (e.g. once the template spec is known), so that
 * reading starts at once. Does nothing where module workers are unavailable.
 */
export function prewarmValidationWorker(): void {
  if (idle || typeof Worker === 'undefined') return;
  idle = startWorker(createValidateWorker).catch(() => undefined);
}

/** Ends the kept worker (hosts that tear the widget down for good). */
export function releaseValidationWorker(): void {
  const kept = idle;
  idle = undefined;
  void kept?.then((worker) => worker?.terminate());
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

  // A host's own factory gets a worker of its own each time; ours may reuse the kept one.
  const shared = options.createWorker === undefined;
  let pending: Promise<Worker | undefined>;
  if (shared && idle) {
    pending = idle;
    idle = undefined;
  } else {
    pending = startWorker(options.createWorker ?? createValidateWorker, signal);
  }
  const worker = await untilAborted(pending, signal);
  if (!worker) return { ...(await onMainThread(buffer, spec, options)), thread: 'main' };
  let keep = false;
  try {
    if (signal?.aborted) throw abortError(signal);
    const result = await runInWorker(worker, buffer, spec, options);
    keep = shared && idle === undefined;
    return { ...result, thread: 'worker' };
  } finally {
    if (keep) idle = Promise.resolve(worker);
    else worker.terminate();
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
    ...(options.lmsMaxRows !== undefined ? { lmsMaxRows: options.lmsMaxRows } : {}),
    ...(options.match !== undefined ? { match: options.match } : {}),
    ...(options.dateOrders !== undefined ? { dateOrders: options.dateOrders } : {}),
    ...(options.changes !== undefined ? { changes: options.changes } : {}),
    ...(options.rowTexts !== undefined ? { rowTexts: options.rowTexts } : {}),
    ...(options.ignoredHeaders !== undefined ? { ignoredHeaders: options.ignoredHeaders } : {}),
  };
  return new Promise<ValidationResult>((resolve, reject) => {
    const done = (): void => {
      worker.removeEventListener('message', onMessage);
      worker.removeEventListener('error', onError);
      signal?.removeEventListener('abort', onAbort);
    };
    const records: UploadRecord[] = [];
    const onMessage = (event: MessageEvent<FromWorker<ValidationResult>>): void => {
      const message = event.data;
      if (!('id' in message) || message.id !== id) return;
      if (message.type === 'progress') onProgress?.(message.progress);
      else if (message.type === 'records') {
        for (const record of message.records) records.push(record);
      } else if (message.type === 'result') {
        done();
        resolve(records.length > 0 ? { ...message.result, records } : message.result);
      } else if (message.type === 'error') {
        done();
        reject(fromWorkerError(message.error));
      }
    };
    const onError = (event: ErrorEvent): void => {
      event.preventDefault();
      done();
      // The worker died (out of memory, a crash): not the file's fault, and worth another try.
      reject(new ReadFailedError(`the validation worker stopped (${event.message || 'no reason given'})`));
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
