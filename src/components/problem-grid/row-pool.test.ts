import { expect } from '@open-wc/testing';
import { arrange, RowPool } from './row-pool.js';

/** A pool over a detached container; `moves` counts the elements inserted (new or moved). */
function setup() {
  const container = document.createElement('div');
  document.body.append(container);
  let made = 0;
  const pool = new RowPool<number>({
    make: () => {
      made++;
      return document.createElement('div');
    },
  });
  const moved: Node[] = [];
  const observer = new MutationObserver((records) => {
    for (const r of records) moved.push(...r.addedNodes);
  });
  observer.observe(container, { childList: true });
  const sync = (keys: number[], pinned?: Element | null) => {
    const out = pool.sync(container, keys, pinned);
    // What the row shows: written by the caller (the grid renders the row into it).
    out.forEach((el, i) => (el.dataset['key'] = String(keys[i])));
    return out;
  };
  const shown = () => [...container.children].map((c) => Number((c as HTMLElement).dataset['key']));
  const flush = () => {
    const n = observer.takeRecords().reduce((sum, r) => sum + r.addedNodes.length, moved.splice(0).length);
    return n;
  };
  return { container, sync, shown, flush, made: () => made, done: () => (observer.disconnect(), container.remove()) };
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

describe('row pool', () => {
  it('gives the rows that stay their own element and moves no element when the window jumps past itself', () => {
    const p = setup();
    const first = p.sync(range(0, 10));
    expect(p.made()).to.equal(10);
    p.flush();
    // A jump of 30 rows (a scrollbar drag): the same ten elements, in place, now showing rows 30–39.
    const jumped = p.sync(range(30, 40));
    expect(p.flush(), 'elements inserted').to.equal(0);
    expect(jumped).to.deep.equal(first);
    expect(p.shown()).to.deep.equal(range(30, 40));
    expect(p.made()).to.equal(10);
    p.done();
  });

  it('scrolling a few rows keeps the rows that stay where they are and moves only the freed elements', () => {
    const p = setup();
    const before = p.sync(range(0, 10));
    p.flush();
    const down = p.sync(range(3, 13));
    expect(down.slice(0, 7), 'rows 3–9 keep their elements').to.deep.equal(before.slice(3));
    expect(p.flush(), 'three elements moved to the end').to.equal(3);
    expect(p.shown()).to.deep.equal(range(3, 13));
    const up = p.sync(range(1, 11));
    expect(up.slice(2), 'rows 3–10 keep their elements').to.deep.equal(down.slice(0, 8));
    expect(p.flush()).to.equal(2);
    expect(p.shown()).to.deep.equal(range(1, 11));
    p.done();
  });

  it('keeps the focused row and its focus while the window moves far away, then shrinks and grows', () => {
    const p = setup();
    const els = p.sync(range(0, 10));
    const cell = document.createElement('button');
    els[4]!.append(cell);
    cell.focus();
    // Row 4 (focused) is kept first, before the window 200–209.
    const far = p.sync([4, ...range(200, 210)]);
    expect(far[0]).to.equal(els[4]);
    expect(document.activeElement).to.equal(cell);
    expect(p.shown()).to.deep.equal([4, ...range(200, 210)]);
    // Fewer rows: the extra elements leave the DOM and are used again later, not made anew.
    p.sync([4, 200, 201]);
    expect(p.shown()).to.deep.equal([4, 200, 201]);
    p.sync([4, ...range(300, 320)]);
    expect(p.shown()).to.deep.equal([4, ...range(300, 320)]);
    expect(p.made(), 'made only for rows beyond the eleven elements there were').to.equal(21);
    expect(document.activeElement).to.equal(cell);
    p.done();
  });

  it('when rows come out of order never moves the pinned row, and still puts every row in place', () => {
    const p = setup();
    const els = p.sync([1, 2, 3, 4, 5]);
    const cell = document.createElement('button');
    els[1]!.append(cell);
    cell.focus();
    p.flush();
    p.sync([5, 4, 3, 2, 1], els[1]);
    expect(p.shown()).to.deep.equal([5, 4, 3, 2, 1]);
    expect(document.activeElement, 'row 2 was never taken out of the DOM').to.equal(cell);
    p.done();
  });

  it('arranges any order without moving the fixed elements', () => {
    for (let trial = 0; trial < 200; trial++) {
      const container = document.createElement('div');
      const els = range(0, 8).map((i) => Object.assign(document.createElement('i'), { id: `e${i}` }));
      const start = [...els].sort(() => Math.random() - 0.5);
      container.append(...start);
      const wanted = [...els].sort(() => Math.random() - 0.5);
      // Fixed: those of `wanted` already in that relative order in the DOM (a chain of them).
      const fixed = new Set<HTMLElement>();
      let last = -1;
      for (const el of wanted) {
        const at = start.indexOf(el);
        if (at > last && Math.random() < 0.5) {
          fixed.add(el);
          last = at;
        }
      }
      const inserted: Node[] = [];
      const insertBefore = container.insertBefore.bind(container);
      container.insertBefore = <T extends Node>(node: T, child: Node | null): T => {
        inserted.push(node);
        return insertBefore(node, child);
      };
      arrange(container, wanted, (el) => fixed.has(el));
      expect([...container.children]).to.deep.equal(wanted);
      expect(inserted.filter((n) => fixed.has(n as HTMLElement))).to.deep.equal([]);
    }
  });
});
