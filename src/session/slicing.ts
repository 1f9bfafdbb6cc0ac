// Main-thread work on big uploads in slices: a loop over 100,000 records run in one go is a task of
// hundreds of milliseconds on a busy laptop (the page cannot paint or answer a key meanwhile). These
// helpers give the event loop back whenever a slice has run for SLICE_MS, so every task stays well under
// the 50 ms a long task starts at (bench/longtask.chromium.ts measures it).
import { yieldToEventLoop } from '../core/read/control.js';

/** Longest stretch of work between two yields, ms. */
export const SLICE_MS = 8;

/** How often the clock is read inside a loop (every CHECK_EVERY items). */
const CHECK_EVERY = 128;

interface Scheduler {
  yield?: () => Promise<void>;
}

/**
 * Back to the event loop, then on: `scheduler.yield()` where the browser has it (the continuation keeps its
 * place ahead of other queued tasks), else the readers' macrotask turn (a MessageChannel message in pages,
 * no 4 ms timer clamp).
 */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return yieldToEventLoop();
}

/** A clock for one piece of sliced work: `due()` says a slice is over, `pause()` yields and starts the next. */
export class Slices {
  #start = performance.now();

  due(): boolean {
    return performance.now() - this.#start > SLICE_MS;
  }

  /** Yields when the current slice is over; true when the work should stop (`signal` aborted meanwhile). */
  async pause(signal?: AbortSignal): Promise<boolean> {
    if (!this.due()) return signal?.aborted === true;
    await yieldToMain();
    this.#start = performance.now();
    return signal?.aborted === true;
  }
}

/**
 * Calls `each` for every item, yielding between slices. Resolves false when `signal` was aborted during a
 * yield (the rest is not visited), true when every item was.
 */
export async function forEachSliced<T>(items: readonly T[], each: (item: T, index: number) => void, signal?: AbortSignal, slices = new Slices()): Promise<boolean> {
  for (let i = 0; i < items.length; i++) {
    each(items[i]!, i);
    if (i % CHECK_EVERY === CHECK_EVERY - 1 && slices.due() && (await slices.pause(signal))) return false;
  }
  return signal?.aborted !== true;
}
