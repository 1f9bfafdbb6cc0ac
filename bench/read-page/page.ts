// The page side of `npm run bench:read-memory` and `bench:read-cpu`: reads the benchmark file the driver serves with
// validateSpreadsheet (or readSpreadsheet alone) on the page's main thread, as the worker-less fallback does
// (a module worker runs the same code in the same renderer process), and reports time, records and the JS
// heap's highest point (performance.memory, precise with --enable-precise-memory-info).
import { unzipSync } from 'fflate';
import { validateSpreadsheet } from '../../src/core/pipeline.js';
import { readSpreadsheet } from '../../src/core/read/index.js';
import { realWorldSpec } from '../../test/fixtures/specs.js';

declare global {
  interface Window {
    benchFetch(): Promise<number>;
    benchRun(mode: 'unzip' | 'read' | 'validate', rows: number): Promise<{ ms: number; count: number; heapPeakMb: number; heapBeforeMb: number }>;
  }
}

let bytes: Uint8Array | undefined;
const MB = 1024 * 1024;
const heap = () => (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? NaN;

window.benchFetch = async () => {
  bytes = new Uint8Array(await (await fetch('/file')).arrayBuffer());
  return bytes.length;
};

window.benchRun = async (mode, rows) => {
  const heap0 = heap();
  let heapPeak = heap0;
  // The read yields to the event loop every ~40 ms: the sampler sees the heap while it runs.
  const sampler = setInterval(() => (heapPeak = Math.max(heapPeak, heap())), 10);
  const options = { maxBytes: Number.MAX_SAFE_INTEGER, maxInflatedBytes: 8 * 1024 ** 3, maxRows: rows + 10, today: '2026-11-28' };
  const t0 = performance.now();
  let count: number;
  if (mode === 'unzip') {
    count = Object.keys(unzipSync(bytes!)).length;
  } else if (mode === 'validate') {
    const result = await validateSpreadsheet(bytes!, realWorldSpec, options);
    heapPeak = Math.max(heapPeak, heap());
    count = result.records.length;
  } else {
    let seen = 0;
    await readSpreadsheet(bytes!, { start() {}, row: () => void (seen += 1) }, options);
    heapPeak = Math.max(heapPeak, heap());
    count = seen;
  }
  const ms = performance.now() - t0;
  clearInterval(sampler);
  return { ms, count, heapPeakMb: heapPeak / MB, heapBeforeMb: heap0 / MB };
};
