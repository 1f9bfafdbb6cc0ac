import { expect } from '@open-wc/testing';
import { FirstRows, identifierHash } from './first-rows.js';

/** What FirstRows must answer, by a plain Map. */
function expected(ids: readonly string[]): number[] {
  const map = new Map<string, number>();
  return ids.map((id, i) => {
    const row = i + 2;
    const first = map.get(id);
    if (first !== undefined) return first;
    map.set(id, row);
    return row;
  });
}

function actual(ids: readonly string[], index = new FirstRows()): number[] {
  return ids.map((id, i) => index.firstRow(id, i + 2));
}

describe('FirstRows: the first row of each identifier', () => {
  it('answers as a Map would for 60,000 identifiers with repeats, through every growth of the table', () => {
    const ids: string[] = [];
    let seed = 12345;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
    for (let i = 0; i < 60_000; i++) {
      const r = next();
      if (r % 10 === 0 && ids.length > 0) ids.push(ids[next() % ids.length]!);
      else ids.push(`user${r % 50_000}@example.org`);
    }
    const index = new FirstRows();
    expect(actual(ids, index)).to.deep.equal(expected(ids));
    expect(index.size).to.equal(new Set(ids).size);
  });

  it('tells apart identifiers that differ in one character, in case, by accents or only in length', () => {
    const ids = ['a', 'A', 'á', 'a\u0301', 'aa', '', ' ', 'E004217', 'E004218', 'e004217', '😀', '\ud83d', 'a', '', 'E004217', 'a\u0301'];
    expect(actual(ids)).to.deep.equal(expected(ids));
  });

  it('stays right and quick when every identifier has the same hash (a crafted file)', () => {
    const ids = Array.from({ length: 30_000 }, (_, i) => `user${i % 20_000}`);
    let hashed = 0;
    const started = performance.now();
    const index = new FirstRows(() => {
      hashed++;
      return 42;
    });
    expect(actual(ids, index)).to.deep.equal(expected(ids));
    expect(index.size).to.equal(20_000);
    // Linear probing alone would walk up to 20,000 slots per identifier (10^8 steps in all); the table
    // gives way to a Map after a few long probes, and stops hashing.
    expect(hashed).to.be.below(200);
    expect(performance.now() - started).to.be.below(2000);
  });

  it('spreads similar identifiers over the table', () => {
    const slots = new Set<number>();
    for (let i = 0; i < 1000; i++) slots.add(identifierHash(`user${i}@example.org`) & 2047);
    // 1000 keys into 2048 slots at random fill about 800 distinct slots; a poor hash fills far fewer.
    expect(slots.size).to.be.above(700);
  });
});
