// One measurement in its own process (so that its peak memory is its own), driven by read-validate.bench.ts:
//   node --import tsx bench/measure.ts time <file> <runs>     → medians of unzip / read / read + validate
//   node --import tsx bench/measure.ts memory:<read|validate> <file> → one run's peak RSS and heap
//   node --import tsx bench/measure.ts hash <file>             → SHA-1 of every row read and of validateSpreadsheet's
//     result, with fflate and with the native inflater (different chunk boundaries): equal before and after a
//     change to the reader or validator means the same rows, records, issues and stats
// Prints one JSON line on stdout.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import type { Cell } from '../src/core/cells.js';
import { readSpreadsheet } from '../src/core/read/index.js';
import { useNativeInflate } from '../src/core/read/zip.js';
import type { ReadOptions, RowSink } from '../src/core/read/types.js';
import type { TemplateSpec } from '../src/core/spec.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

type Validate = (input: Uint8Array, spec: TemplateSpec, options: object) => Promise<{ records: unknown[]; issues: unknown[] }>;

async function loadValidate(): Promise<Validate | undefined> {
  if (!existsSync(join(root, 'src/core/pipeline.ts'))) return undefined;
  const mod = (await import('../src/core/pipeline.js')) as { validateSpreadsheet?: Validate };
  return mod.validateSpreadsheet;
}

async function loadSpec(): Promise<TemplateSpec> {
  const { realWorldSpec } = await import('../test/fixtures/specs.js');
  return realWorldSpec;
}

/** A sink that only counts, touching every cell so nothing is optimised away. */
function countingSink(): RowSink & { rows: number; cells: number } {
  return {
    rows: 0,
    cells: 0,
    start() {},
    row(_row: number, cells: readonly Cell[]) {
      this.rows += 1;
      this.cells += cells.length;
    },
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function options(rows: number): ReadOptions & { maxRows: number; today: string } {
  return { maxBytes: Number.MAX_SAFE_INTEGER, maxInflatedBytes: 8 * 1024 ** 3, maxRows: rows + 10, today: '2026-11-28' };
}

async function main(): Promise<void> {
  const [mode, file, runsArg] = process.argv.slice(2);
  if (!mode || !file) throw new Error('usage: measure.ts time|memory:read|memory:validate <file> [runs]');
  const bytes = new Uint8Array(readFileSync(file));
  const rows = Number(/records-(\d+)\./.exec(file)?.[1] ?? 0);
  const isXlsx = file.endsWith('.xlsx');
  const validate = await loadValidate();
  const spec = await loadSpec();

  if (mode === 'hash') {
    const out: Record<string, string> = {};
    for (const native of [false, true]) {
      useNativeInflate(native);
      const rowsHash = createHash('sha1');
      await readSpreadsheet(bytes, { start: (info) => void rowsHash.update(JSON.stringify(info)), row: (row, cells) => void rowsHash.update(`${row}${JSON.stringify(cells)}\n`) }, options(rows));
      out[`read${native ? ' native' : ''}`] = rowsHash.digest('hex');
      if (validate) out[`validate${native ? ' native' : ''}`] = createHash('sha1').update(JSON.stringify(await validate(bytes, spec, options(rows)))).digest('hex');
    }
    process.stdout.write(`${JSON.stringify(out)}\n`);
    return;
  }

  if (mode === 'time') {
    // Interleaved rounds (unzip, read, read + validate, unzip, …) so that a busy machine slows all alike;
    // the first round warms up (JIT, lazy module parts) and is not counted.
    const runs = Number(runsArg ?? 5);
    let rowsRead = 0;
    let records = 0;
    let issues = 0;
    const modes: Array<[string, () => Promise<unknown>]> = [];
    if (isXlsx) modes.push(['unzip', async () => unzipSync(bytes)]);
    modes.push([
      'read',
      async () => {
        const sink = countingSink();
        await readSpreadsheet(bytes, sink, options(rows));
        rowsRead = sink.rows;
      },
    ]);
    if (validate) {
      modes.push([
        'validate',
        async () => {
          const result = await validate(bytes, spec, options(rows));
          records = result.records.length;
          issues = result.issues.length;
        },
      ]);
    }
    const times = new Map<string, number[]>(modes.map(([name]) => [name, []]));
    for (let round = 0; round <= runs; round += 1) {
      for (const [name, run] of modes) {
        const t0 = performance.now();
        await run();
        if (round > 0) times.get(name)!.push(performance.now() - t0);
      }
    }
    const out: Record<string, number | null> = { unzip: null, read: null, validate: null, rowsRead, records, issues };
    for (const [name, values] of times) out[name] = median(values);
    process.stdout.write(`${JSON.stringify(out)}\n`);
    return;
  }

  const what = mode.split(':')[1];
  let peakHeap = process.memoryUsage().heapUsed;
  const sample = () => {
    const heap = process.memoryUsage().heapUsed;
    if (heap > peakHeap) peakHeap = heap;
  };
  // The reader yields to the event loop every ~40 ms, so an interval sees the heap during the run.
  const timer = setInterval(sample, 10);
  const baseRss = process.memoryUsage().rss;
  const t0 = performance.now();
  let count: number;
  if (what === 'validate') {
    if (!validate) {
      clearInterval(timer);
      process.stdout.write(`${JSON.stringify({ skipped: true })}\n`);
      return;
    }
    const result = await validate(bytes, spec, options(rows));
    count = result.records.length;
    sample();
  } else {
    const sink = countingSink();
    await readSpreadsheet(bytes, sink, options(rows));
    count = sink.rows;
    sample();
  }
  const ms = performance.now() - t0;
  clearInterval(timer);
  const peakRss = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(`${JSON.stringify({ ms, count, peakRss, peakHeap, baseRss })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
