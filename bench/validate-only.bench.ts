// Validation alone, without reading: the rows of a benchmark file are read once into memory, then fed to
// createValidator again and again, so that the validator's own cost per row can be timed and profiled.
//   npx tsx bench/validate-only.bench.ts [rows=100000] [xlsx|csv] [runs=15]
//   node --cpu-prof --cpu-prof-dir=bench/.data/prof --import tsx bench/validate-only.bench.ts 100000 xlsx 30
import { readFileSync } from 'node:fs';
import type { Cell } from '../src/core/cells.js';
import { readSpreadsheet } from '../src/core/read/index.js';
import { createValidator } from '../src/core/validate/validator.js';
import { realWorldSpec } from '../test/fixtures/specs.js';
import { benchFile } from './generate.js';

const [rowsArg, formatArg, runsArg] = process.argv.slice(2);
const rows = Number(rowsArg ?? 100_000);
const format = formatArg === 'csv' ? 'csv' : 'xlsx';
const runs = Number(runsArg ?? 15);

const bytes = new Uint8Array(readFileSync(benchFile(rows, format)));
const held: Array<[number, Cell[]]> = [];
let info: Parameters<ReturnType<typeof createValidator>['start']>[0] | undefined;
await readSpreadsheet(
  bytes,
  {
    start: (i) => void (info = i),
    row: (r, cells) => void held.push([r, [...cells]]),
  },
  { maxBytes: Number.MAX_SAFE_INTEGER, maxInflatedBytes: 8 * 1024 ** 3 },
);

function once(): { ms: number; records: number; issues: number } {
  const t0 = performance.now();
  const validator = createValidator(realWorldSpec, { maxRows: rows + 10, today: '2026-11-28' });
  validator.start(info!);
  for (const [r, cells] of held) validator.row(r, cells);
  const result = validator.finish();
  return { ms: performance.now() - t0, records: result.records.length, issues: result.issues.length };
}

once(); // warm-up
const times: number[] = [];
let last = { ms: 0, records: 0, issues: 0 };
for (let i = 0; i < runs; i += 1) {
  last = once();
  times.push(last.ms);
}
times.sort((a, b) => a - b);
const median = times[times.length >> 1]!;
process.stdout.write(
  `${format} ${rows} rows: validate only, median of ${runs} = ${median.toFixed(1)} ms (${((median * 1000) / rows).toFixed(2)} µs/row), min ${times[0]!.toFixed(1)} ms; ${last.records} records, ${last.issues} issues\n`,
);
