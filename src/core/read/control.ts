// Cancellation, progress and fairness for long reads: the readers call `pace()` between chunks so that an
// abort (from the page, or a worker's message) is seen promptly and progress is reported at a sane rate.
import type { ReadProgress } from './types.js';

/** How long we compute before giving the event loop a turn (so abort messages and timers can run). */
const SLICE_MS = 40;
/** Smallest interval between two progress reports, except the first and the last. */
const PROGRESS_MS = 50;

type Scheduler = { setImmediate?: (cb: () => void) => unknown };

/** One macrotask turn: setImmediate in Node, a MessageChannel round trip in pages and workers. */
export function yieldToEventLoop(): Promise<void> {
  const g = globalThis as Scheduler;
  if (typeof g.setImmediate === 'function') {
    const setImmediate = g.setImmediate;
    return new Promise((resolve) => void setImmediate(resolve));
  }
  if (typeof MessageChannel === 'function') {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export class ReadControl {
  private lastYield = now();
  private lastProgress = -Infinity;
  private lastDone = -1;

  constructor(
    private readonly signal: AbortSignal | undefined,
    private readonly onProgress: ((progress: ReadProgress) => void) | undefined,
    /** What `done` counts up to; a reader may settle it once it knows which parts it will read. */
    public total: number,
  ) {}

  /** Throws the signal's reason (an AbortError DOMException unless the caller gave another). */
  check(): void {
    if (this.signal?.aborted) {
      throw this.signal.reason ?? new DOMException('The read was aborted.', 'AbortError');
    }
  }

  /** Reports progress when due; never goes backwards and never passes `total`. */
  progress(done: number, force = false): void {
    if (!this.onProgress) return;
    const value = Math.min(Math.max(done, this.lastDone, 0), this.total);
    const t = now();
    if (!force && value !== this.total && t - this.lastProgress < PROGRESS_MS) return;
    if (value === this.lastDone && !force) return;
    this.lastProgress = t;
    this.lastDone = value;
    this.onProgress({ done: value, total: this.total });
  }

  /** Between chunks: abort check, progress, and a turn of the event loop when we have run long enough. */
  async pace(done?: number): Promise<void> {
    this.check();
    if (done !== undefined) this.progress(done);
    if (now() - this.lastYield >= SLICE_MS) {
      await yieldToEventLoop();
      this.lastYield = now();
      this.check();
    }
  }
}

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}
