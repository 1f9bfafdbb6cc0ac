// Module Web Worker: reads and validates one spreadsheet off the main thread, so a 100,000-row file
// never freezes the page. Protocol in ./protocol.ts; the page side is ./client.ts.
import { validateSpreadsheet } from '../core/pipeline.js';
import { issueMessage } from '../i18n/issue-message.js';
import type { FromWorker, ToWorker, WorkerError } from './protocol.js';
import { RECORDS_PER_MESSAGE, throttleProgress, toWorkerError } from './shared.js';

/** The slice of DedicatedWorkerGlobalScope we use (the project's lib is DOM, not WebWorker). */
interface WorkerScope {
  postMessage(message: FromWorker<unknown>): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ToWorker>) => void): void;
}

const scope = globalThis as unknown as WorkerScope;
const running = new Map<number, AbortController>();

async function run(message: Extract<ToWorker, { type: 'validate' }>): Promise<void> {
  const { id, buffer, spec, options } = message;
  const controller = new AbortController();
  running.set(id, controller);
  const onProgress = throttleProgress(({ done, total }) => scope.postMessage({ type: 'progress', id, progress: { done, total } }));
  try {
    const result = await validateSpreadsheet(buffer, spec, { ...options, describe: issueMessage, signal: controller.signal, onProgress });
    if (controller.signal.aborted) return;
    const { records } = result;
    for (let start = 0; start < records.length; start += RECORDS_PER_MESSAGE) {
      scope.postMessage({ type: 'records', id, records: records.slice(start, start + RECORDS_PER_MESSAGE) });
    }
    scope.postMessage({ type: 'result', id, result: { ...result, records: [] } });
  } catch (error) {
    const out: WorkerError = toWorkerError(error);
    scope.postMessage({ type: 'error', id, error: out });
  } finally {
    running.delete(id);
  }
}

scope.addEventListener('message', (event) => {
  const message = event.data;
  if (message.type === 'validate') void run(message);
  else if (message.type === 'cancel') running.get(message.id)?.abort(new DOMException('The upload was cancelled.', 'AbortError'));
});

scope.postMessage({ type: 'ready' });
