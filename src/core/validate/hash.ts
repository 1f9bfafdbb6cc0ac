// The identifier hash's parts (duplicates.ts), shared with the e-mail check (convert.ts) that computes it
// in the same character loop.

export const FNV_OFFSET = 0x811c9dc5 | 0;
export const FNV_PRIME = 0x01000193;

/** The final mix, so that every bit depends on every character. */
export function finishHash(h: number): number {
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return (h ^ (h >>> 12)) >>> 0;
}
