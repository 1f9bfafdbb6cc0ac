// Re-checking an edited upload (core/edit): how long one edit's re-check takes when the whole edited
// table is replayed through the validator, against the first read + check of the same file.
// `npx tsx bench/edit.bench.ts [rows]` — medians of 7 runs, Node.
import { buildCsv } from './generate.js';
import { realWorldSpec } from '../test/fixtures/specs.js';
import { validateForEditing } from '../src/core/edit/table.js';

const rows = Number(process.argv[2] ?? 100_000);
const file = buildCsv(rows);
const options = { maxRows: rows + 10, today: '2026-11-28' };
const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const first: number[] = [];
const recheck: number[] = [];
for (let run = 0; run < 7; run++) {
  const t0 = performance.now();
  const { upload } = await validateForEditing(file, realWorldSpec, options);
  first.push(performance.now() - t0);
  upload!.apply([{ row: 2 + (run % rows), columnKey: 'status', value: 'Passed' }]);
  const t1 = performance.now();
  upload!.validate(realWorldSpec, options);
  recheck.push(performance.now() - t1);
}
const rss = process.memoryUsage().rss / 2 ** 20;
console.log(`${rows} rows (csv): read + check ${median(first).toFixed(0)} ms; re-check after an edit ${median(recheck).toFixed(0)} ms (${(median(recheck) / median(first)).toFixed(2)}× the first check); RSS ${rss.toFixed(0)} MiB`);
