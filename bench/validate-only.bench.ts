// Validation alone, without reading: the rows of a benchmark file are read once into memory, then fed to
// the validator again and again, with its fast path (createValidator) and without (the reference validator:
// converters and zod schemas for every cell), interleaved. Wall and CPU time (CPU time is steadier on a
// busy machine: other processes do not add to it).
// With --issues=N, every row gets N bad cells (1: status, 2: and score, 3: and date, 4: and identifier): the
// path of files full of mistakes, where cells go the long way.
//   npx tsx bench/validate-only.bench.ts [rows=100000] [xlsx|csv] [runs=15] [fast|reference] [--issues=N]
//   node --cpu-prof --cpu-prof-dir=bench/.data/prof --import tsx bench/validate-only.bench.ts 100000 xlsx 30 fast
import { readFileSync } from 'node:fs';
import type { Cell } from '../src/core/cells.js';
import { readSpreadsheet } from '../src/core/read/index.js';
import type { SheetStart } from '../src/core/read/types.js';
import { createReferenceValidator, createValidator, type Validator } from '../src/core/validate/validator.js';
import { realWorldSpec } from '../test/fixtures/specs.js';
import { benchFile } from './generate.js';

const issuesArg = process.argv.find((a) => a.startsWith('--issues='));
const badCells = issuesArg ? Number(issuesArg.slice('--issues='.length)) : 0;
const [rowsArg, formatArg, runsArg, only] = process.argv.slice(2).filter((a) => !a.startsWith('--issues='));
const rows = Number(rowsArg ?? 100_000);
const format = formatArg === 'csv' ? 'csv' : 'xlsx';
const runs = Number(runsArg ?? 15);

const bytes = new Uint8Array(readFileSync(benchFile(rows, format)));
const held: Array<[number, Cell[]]> = [];
let info: SheetStart | undefined;
await readSpreadsheet(
  bytes,
  {
    start: (i) => void (info = i),
    row: (r, cells) => void held.push([r, [...cells]]),
  },
  { maxBytes: Number.MAX_SAFE_INTEGER, maxInflatedBytes: 8 * 1024 ** 3 },
);
for (const [r, cells] of badCells > 0 ? held.slice(1) : []) {
  cells[2] = r % 2 ? 'Pass' : 'Attended';
  if (badCells >= 2) cells[3] = `${r % 100} pts`;
  if (badCells >= 3) cells[1] = `${(r % 28) + 1}/13/2025`;
  if (badCells >= 4) cells[0] = `user ${r} at example.org`;
}

const variants: Record<string, typeof createValidator> = { fast: createValidator, reference: createReferenceValidator };
const names = only ? [only] : Object.keys(variants);

function once(create: typeof createValidator): { ms: number; cpu: number; records: number; issues: number } {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const validator: Validator = create(realWorldSpec, { maxRows: rows + 10, today: '2026-11-28' });
  validator.start(info!);
  for (const [r, cells] of held) validator.row(r, cells);
  const result = validator.finish();
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { ms, cpu: (cpu.user + cpu.system) / 1000, records: result.records.length, issues: result.issues.length };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;
const times = new Map(names.map((n) => [n, { ms: [] as number[], cpu: [] as number[], records: 0, issues: 0 }]));
for (let round = 0; round <= runs; round += 1) {
  for (const name of names) {
    const result = once(variants[name]!);
    if (round === 0) continue; // warm-up
    const t = times.get(name)!;
    t.ms.push(result.ms);
    t.cpu.push(result.cpu);
    t.records = result.records;
    t.issues = result.issues;
  }
}
for (const [name, t] of times) {
  const ms = median(t.ms);
  process.stdout.write(
    `${format} ${rows.toLocaleString('en')} rows${badCells ? `, ${badCells} bad cells each` : ''}, ${name.padEnd(9)} median of ${runs}: ${ms.toFixed(1)} ms wall (${((ms * 1000) / rows).toFixed(2)} µs/row), ${median(t.cpu).toFixed(1)} ms CPU; ${t.records} records, ${t.issues} issues\n`,
  );
}
