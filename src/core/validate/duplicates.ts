// "The same user twice", found once after the last row: each row's identifier is logged with a hash as
// rows stream in (appends only), then the hashes are radix-sorted and runs of equal hashes checked for
// equal identifiers. Measured in Chromium, read + validate: a Set or Map looked up once per row cost
// 25–35 ms per 100k rows and 300–440 ms per 500k (it hashes every new string natively, slowly); our own
// Int32Array hash table 20 and 240 ms (cache misses on a table larger than the cache); logging and sorting
// afterwards 2 and 70 ms.
import type { Cell } from '../cells.js';
import { finishHash, FNV_OFFSET, FNV_PRIME } from './hash.js';

/** FNV-1a over UTF-16 code units, then a final mix so that every bit depends on every character. */
export function identifierHash(id: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), FNV_PRIME);
  return finishHash(h);
}

/** Rows that share one identifier, in row order (two or more). */
export interface DuplicateGroup {
  readonly id: string;
  readonly rows: readonly number[];
  /** Each row's identifier cell as it was in the file (for the value). */
  readonly cells: readonly Cell[];
}

/** Runs of equal hashes longer than this are split with a Map instead of pairwise comparison. */
const SHORT_RUN = 8;

export class IdentifierLog {
  private hashes = new Uint32Array(1024);
  /** Each entry's row, grown with `hashes`. */
  private rowOf = new Float64Array(1024);
  private count = 0;
  private readonly ids: string[] = [];
  /** The cells that are not their identifier as it is (trimmed, lower-cased…), by entry: most are. */
  private readonly cells = new Map<number, Cell>();

  /** @param hash replaceable for tests (to force collisions); identifierHash otherwise. */
  constructor(private readonly hash: (id: string) => number = identifierHash) {}

  get size(): number {
    return this.count;
  }

  /**
   * Logs a row's identifier; rows must come in increasing row order. `known`: identifierHash(id) when the
   * caller has it already (plainEmail computes it); used only by a log that hashes with identifierHash.
   */
  add(id: string, row: number, cell: Cell, known?: number): void {
    if (this.count === this.hashes.length) {
      const grown = new Uint32Array(this.hashes.length * 2);
      grown.set(this.hashes);
      this.hashes = grown;
      const rows = new Float64Array(grown.length);
      rows.set(this.rowOf);
      this.rowOf = rows;
    }
    const entry = this.count++;
    this.hashes[entry] = (known !== undefined && this.hash === identifierHash ? known : this.hash(id)) >>> 0;
    this.rowOf[entry] = row;
    this.ids.push(id);
    if (cell !== id) this.cells.set(entry, cell);
  }

  private cellOf(entry: number): Cell {
    const cell = this.cells.get(entry);
    return cell === undefined ? this.ids[entry]! : cell;
  }

  /** Every identifier logged more than once, with its rows. */
  duplicates(): DuplicateGroup[] {
    const n = this.count;
    const order = sortedByHash(this.hashes, n);
    const groups: DuplicateGroup[] = [];
    let start = 0;
    while (start < n) {
      const h = this.hashes[order[start]!]!;
      let end = start + 1;
      while (end < n && this.hashes[order[end]!] === h) end++;
      if (end - start > 1) this.split(order.subarray(start, end), groups);
      start = end;
    }
    return groups;
  }

  /** Entries with equal hashes (in logging order, as the sort is stable) → groups of equal identifiers. */
  private split(entries: Uint32Array, groups: DuplicateGroup[]): void {
    const byId = new Map<string, number[]>();
    if (entries.length <= SHORT_RUN) {
      // Nearly always one identifier, or two that collide: a Map would hash each string natively.
      const taken: boolean[] = [];
      for (let i = 0; i < entries.length; i++) {
        if (taken[i]) continue;
        const id = this.ids[entries[i]!]!;
        const same = [entries[i]!];
        for (let j = i + 1; j < entries.length; j++) {
          if (!taken[j] && this.ids[entries[j]!] === id) {
            taken[j] = true;
            same.push(entries[j]!);
          }
        }
        if (same.length > 1) byId.set(id, same);
      }
    } else {
      for (const e of entries) {
        const id = this.ids[e]!;
        const same = byId.get(id);
        if (same) same.push(e);
        else byId.set(id, [e]);
      }
    }
    for (const [id, same] of byId) {
      if (same.length > 1) groups.push({ id, rows: same.map((e) => this.rowOf[e]!), cells: same.map((e) => this.cellOf(e)) });
    }
  }
}

/** Indexes 0..n-1 ordered by hashes[i], stable: an LSD radix sort, 8 bits a pass. */
function sortedByHash(hashes: Uint32Array, n: number): Uint32Array {
  let order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let keys = hashes.slice(0, n);
  let nextOrder = new Uint32Array(n);
  let nextKeys = new Uint32Array(n);
  const count = new Uint32Array(256);
  for (let shift = 0; shift < 32; shift += 8) {
    count.fill(0);
    for (let i = 0; i < n; i++) count[(keys[i]! >>> shift) & 255]!++;
    let sum = 0;
    for (let b = 0; b < 256; b++) {
      const c = count[b]!;
      count[b] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const key = keys[i]!;
      const at = count[(key >>> shift) & 255]!++;
      nextKeys[at] = key;
      nextOrder[at] = order[i]!;
    }
    [keys, nextKeys] = [nextKeys, keys];
    [order, nextOrder] = [nextOrder, order];
  }
  return order;
}
