import { expect } from '@open-wc/testing';
import { forEachSliced, Slices } from './slicing.js';

/** Busy for `ms` (the work a big loop does per item, made visible). */
function spin(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // busy
  }
}

/** Slices that note when each slice starts and how long the one before it ran. */
class Watched extends Slices {
  readonly slices: number[] = [];
  #start = performance.now();
  override async pause(signal?: AbortSignal): Promise<boolean> {
    this.slices.push(performance.now() - this.#start);
    const stop = await super.pause(signal);
    this.#start = performance.now();
    return stop;
  }
}

describe('slicing: big loops on the page give the event loop back', () => {
  it('visits every item, in order, giving the event loop back whenever a slice has run SLICE_MS', async () => {
    const items = Array.from({ length: 4_000 }, (_, i) => i);
    const seen: number[] = [];
    const slices = new Watched();
    const done = await forEachSliced(items, (item) => {
      seen.push(item);
      spin(0.01);
    }, undefined, slices);
    expect(done).to.equal(true);
    expect(seen).to.deep.equal(items);
    // ~40 ms of work (wall clock, so a busy machine only adds to it): cut into several slices.
    expect(slices.slices.length).to.be.at.least(3);
  });

  it('stops when aborted during a pause, leaving the rest unvisited', async () => {
    const controller = new AbortController();
    const items = Array.from({ length: 4_000 }, (_, i) => i);
    let visited = 0;
    const pending = forEachSliced(items, () => {
      visited += 1;
      spin(0.01);
    }, controller.signal);
    // The loop runs synchronously until its first pause; the abort lands during that pause.
    controller.abort();
    expect(await pending).to.equal(false);
    expect(visited).to.be.above(0).and.below(items.length);
  });
});
