// Which rows the problem grid renders, and where its active row went after the rows changed. Pure, so
// that both are tested without a DOM.
import type { GridRowSource } from './grid-types.js';

/**
 * The indexes to render: the window `[first, end)`, plus the active row when it lies outside it (kept
 * rendered, out of sight, so that a focused cell is never removed or reused for another row while the
 * admin scrolls with the wheel). In index order, so that the focused row's element never moves in the DOM.
 */
export function renderedIndexes(first: number, end: number, active: number, length: number): number[] {
  const out: number[] = [];
  if (active >= 0 && active < first && active < length) out.push(active);
  for (let i = first; i < end; i++) out.push(i);
  if (active >= end && active < length) out.push(active);
  return out;
}

/** How far around its old place a row is looked for when the rows are not in row order. */
const NEAR = 256;

/**
 * Where spreadsheet row `row` now is in `rows` (−1 when it is gone), looked for first at `near` (its index
 * before the rows changed), then by halving (the rows come in spreadsheet-row order), then around `near`.
 * At most a few dozen rows are made, whatever the length.
 */
export function indexOfRow(rows: GridRowSource, row: number, near: number): number {
  if (rows.length === 0) return -1;
  if (rows.at(near)?.row === row) return near;
  let low = 0;
  let high = rows.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const at = rows.at(mid)?.row;
    if (at === undefined) break;
    if (at === row) return mid;
    if (at < row) low = mid + 1;
    else high = mid - 1;
  }
  const from = Math.max(0, near - NEAR);
  const to = Math.min(rows.length - 1, near + NEAR);
  for (let i = from; i <= to; i++) if (rows.at(i)?.row === row) return i;
  return -1;
}
