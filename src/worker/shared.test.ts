// The progress throttle the worker and the main-thread fallback share: a reader's thousands of reports
// become a few a second, and the end of reading is never dropped.
import { expect } from '@open-wc/testing';
import { throttleProgress } from './shared.js';

describe('throttleProgress', () => {
  it('passes the first report, drops the flood after it, and always passes the end', () => {
    const seen: number[] = [];
    const report = throttleProgress((p) => seen.push(p.done));
    // A tight loop takes far less than the 80 ms interval.
    for (let done = 1; done < 1000; done++) report({ done, total: 1000 });
    report({ done: 1000, total: 1000 });
    expect(seen).to.deep.equal([1, 1000]);
  });

  it('passes a report again once the interval has passed', async () => {
    const seen: number[] = [];
    const report = throttleProgress((p) => seen.push(p.done));
    report({ done: 1, total: 10 });
    const start = performance.now();
    await new Promise<void>((resolve) => {
      const wait = () => (performance.now() - start > 90 ? resolve() : setTimeout(wait, 10));
      wait();
    });
    report({ done: 2, total: 10 });
    expect(seen).to.deep.equal([1, 2]);
  });
});
