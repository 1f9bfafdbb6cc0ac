// The first row of each identifier, for "the same user twice" across 100k+ rows: an open-addressing hash
// table in an Int32Array, hashed in JavaScript. A Set or Map hashes each new string natively, and for the
// fresh substrings readers hand over that cost Chromium 12 ms per 100k identifiers and 139 ms per 500k
// (this table: 5 and 20 ms to hash), a third of all validation time at 500k rows.

/** Longest probe tolerated before the table gives way to a Map (only a crafted file gets near it). */
const MAX_PROBE = 64;

/** FNV-1a over UTF-16 code units, then a mixing step so that the low bits (the slot) depend on every character. */
export function identifierHash(id: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return h ^ (h >>> 12);
}

export class FirstRows {
  /** Slot i is the pair (hash, entry + 1) at 2i, 2i + 1; entry + 1 = 0 marks an empty slot. */
  private table = new Int32Array(2 * 1024);
  private mask = 1024 - 1;
  private readonly ids: string[] = [];
  private readonly rows: number[] = [];
  /** Set when a probe ran too long (colliding hashes): from then on a Map, whose hash is seeded per page. */
  private map: Map<string, number> | null = null;

  /** @param hash replaceable for tests (to force collisions); identifierHash otherwise. */
  constructor(private readonly hash: (id: string) => number = identifierHash) {}

  get size(): number {
    return this.map ? this.map.size : this.ids.length;
  }

  /** The first row that had `id`. When `id` is new, `row` becomes its first row and is returned. */
  firstRow(id: string, row: number): number {
    if (this.map) return this.fromMap(id, row);
    const h = this.hash(id);
    const table = this.table;
    const mask = this.mask;
    let slot = h & mask;
    for (let probe = 0; ; probe++) {
      const entry = table[2 * slot + 1]!;
      if (entry === 0) break;
      if (table[2 * slot] === h && this.ids[entry - 1] === id) return this.rows[entry - 1]!;
      if (probe === MAX_PROBE) {
        this.toMap();
        return this.fromMap(id, row);
      }
      slot = (slot + 1) & mask;
    }
    this.ids.push(id);
    this.rows.push(row);
    table[2 * slot] = h;
    table[2 * slot + 1] = this.ids.length;
    // At most half full: probes stay short.
    if (this.ids.length * 2 > mask) this.grow();
    return row;
  }

  private grow(): void {
    const old = this.table;
    const capacity = (this.mask + 1) * 2;
    const table = new Int32Array(2 * capacity);
    const mask = capacity - 1;
    for (let at = 0; at < old.length; at += 2) {
      const entry = old[at + 1]!;
      if (entry === 0) continue;
      const h = old[at]!;
      let slot = h & mask;
      while (table[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
      table[2 * slot] = h;
      table[2 * slot + 1] = entry;
    }
    this.table = table;
    this.mask = mask;
  }

  private toMap(): void {
    const map = new Map<string, number>();
    this.ids.forEach((id, i) => map.set(id, this.rows[i]!));
    this.map = map;
    this.table = new Int32Array(0);
    this.ids.length = 0;
    this.rows.length = 0;
  }

  private fromMap(id: string, row: number): number {
    const first = this.map!.get(id);
    if (first !== undefined) return first;
    this.map!.set(id, row);
    return row;
  }
}
