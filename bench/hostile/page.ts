// The page side of the hostile benchmark in Chromium: reads the file the driver serves, on the page's main
// thread (the worker-less fallback, where a slow read would freeze the tab) with the native inflater, and
// reports the time, the outcome and the longest task seen (PerformanceObserver 'longtask').
import { validateSpreadsheet } from '../../src/core/pipeline.js';
import { classroomSpec } from '../../test/fixtures/specs.js';

declare global {
  interface Window {
    hostileRead(): Promise<{ ms: number; outcome: string; longestTaskMs: number; heapMb: number }>;
    hostileFetch(): Promise<number>;
  }
}

let bytes: Uint8Array | undefined;

window.hostileFetch = async () => {
  bytes = new Uint8Array(await (await fetch('/file')).arrayBuffer());
  return bytes.length;
};

window.hostileRead = async () => {
  let longest = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longest = Math.max(longest, entry.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  // The JS heap's highest point (Chromium's performance.memory, precise with --enable-precise-memory-info),
  // sampled whenever the read yields: a cross-check of the renderer's resident set the driver reads.
  const heap = () => (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? NaN;
  const heap0 = heap();
  let heapPeak = heap0;
  const sampler = setInterval(() => (heapPeak = Math.max(heapPeak, heap())), 10);
  const t0 = performance.now();
  const result = await validateSpreadsheet(bytes!, classroomSpec, { today: '2026-06-01' });
  const ms = performance.now() - t0;
  heapPeak = Math.max(heapPeak, heap());
  clearInterval(sampler);
  bytes = undefined;
  // Long tasks are reported after they end: give the observer a turn.
  await new Promise((resolve) => setTimeout(resolve, 50));
  observer.disconnect();
  const outcome = result.issues.length > 0 ? result.issues.map((i) => i.code).join(',') : `${result.records.length} records`;
  return { ms, outcome, longestTaskMs: longest, heapMb: (heapPeak - heap0) / (1024 * 1024) };
};
