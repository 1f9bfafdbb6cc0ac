// `npm run bench`: reading (and reading + validating) 10k / 100k / 500k-row .xlsx and .csv files in Node,
// against a raw unzip of the same .xlsx, plus the peak memory of 1M rows. Each measurement runs in its own
// child process. Prints a Markdown table.
//   npm run bench                      all sizes, 1M memory included
//   npm run bench -- --sizes 10000,100000 --no-1m
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchFile } from './generate.js';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const sizesArg = args.indexOf('--sizes');
const SIZES = sizesArg >= 0 ? args[sizesArg + 1]!.split(',').map(Number) : [10_000, 100_000, 500_000];
const WITH_1M = !args.includes('--no-1m');

interface Times {
  unzip: number | null;
  read: number;
  validate: number | null;
  rowsRead: number;
  records?: number;
  issues?: number;
}
interface Memory {
  ms: number;
  count: number;
  peakRss: number;
  peakHeap: number;
  baseRss: number;
  skipped?: boolean;
}

function child<T>(mode: string, file: string, runs?: number): T {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(here, 'measure.ts'), mode, file, ...(runs ? [String(runs)] : [])], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  if (result.status !== 0) throw new Error(`measure ${mode} ${file} failed:\n${result.stderr}`);
  const line = result.stdout.trim().split('\n').pop()!;
  return JSON.parse(line) as T;
}

const ms = (v: number | null | undefined) => (v === null || v === undefined ? '–' : v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${Math.round(v)} ms`);
const mb = (v: number | undefined) => (v === undefined ? '–' : `${Math.round(v / 1024 / 1024)} MB`);
const ratio = (a: number | null | undefined, b: number | null | undefined) => (a && b ? `${(a / b).toFixed(2)}×` : '–');
const runsFor = (rows: number) => (rows <= 10_000 ? 9 : rows <= 100_000 ? 5 : 3);

const lines: string[] = [
  '| rows | file | size | raw unzip | read | read ÷ unzip | read + validate | (r+v) ÷ unzip | records / issues | peak RSS read | peak RSS r+v | peak heap r+v |',
  '|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
];

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

for (const rows of SIZES) {
  const xlsx = benchFile(rows, 'xlsx');
  const csv = benchFile(rows, 'csv');
  log(`${rows} rows: timing (${runsFor(rows)} interleaved runs after a warm-up round)…`);
  const tx = child<Times>('time', xlsx, runsFor(rows));
  const tc = child<Times>('time', csv, runsFor(rows));
  log(`${rows} rows: memory…`);
  const mxRead = child<Memory>('memory:read', xlsx);
  const mxVal = child<Memory>('memory:validate', xlsx);
  const mcRead = child<Memory>('memory:read', csv);
  const mcVal = child<Memory>('memory:validate', csv);
  const unzip = tx.unzip;
  lines.push(
    `| ${rows.toLocaleString('en')} | xlsx | ${mb(statSync(xlsx).size)} | ${ms(unzip)} | ${ms(tx.read)} | ${ratio(tx.read, unzip)} | ${ms(tx.validate)} | ${ratio(tx.validate, unzip)} | ${tx.records ?? '–'} / ${tx.issues ?? '–'} | ${mb(mxRead.peakRss)} | ${mb(mxVal.skipped ? undefined : mxVal.peakRss)} | ${mb(mxVal.skipped ? undefined : mxVal.peakHeap)} |`,
    `| ${rows.toLocaleString('en')} | csv | ${mb(statSync(csv).size)} | (xlsx ${ms(unzip)}) | ${ms(tc.read)} | ${ratio(tc.read, unzip)} | ${ms(tc.validate)} | ${ratio(tc.validate, unzip)} | ${tc.records ?? '–'} / ${tc.issues ?? '–'} | ${mb(mcRead.peakRss)} | ${mb(mcVal.skipped ? undefined : mcVal.peakRss)} | ${mb(mcVal.skipped ? undefined : mcVal.peakHeap)} |`,
  );
}

if (WITH_1M) {
  const rows = 1_000_000;
  for (const format of ['xlsx', 'csv'] as const) {
    const file = benchFile(rows, format);
    log(`1M rows ${format}: one read + validate for peak memory…`);
    const read = child<Memory>('memory:read', file);
    const val = child<Memory>('memory:validate', file);
    lines.push(
      `| 1,000,000 | ${format} | ${mb(statSync(file).size)} | – | ${ms(read.ms)} (1 run) | – | ${ms(val.skipped ? undefined : val.ms)} (1 run) | – | ${val.skipped ? '–' : val.count} | ${mb(read.peakRss)} | ${mb(val.skipped ? undefined : val.peakRss)} | ${mb(val.skipped ? undefined : val.peakHeap)} |`,
    );
  }
}

process.stdout.write(
  `\nNode ${process.version}, ${process.platform}/${process.arch}; medians of interleaved runs (unzip, read, read + validate in turn) after one warm-up round (9 runs at 10k, 5 at 100k, 3 at 500k).\n` +
    'raw unzip = fflate unzipSync of every part of the .xlsx; read = readSpreadsheet into a counting sink; read + validate = validateSpreadsheet with the real-world spec.\n' +
    'CSV ratios are against the raw unzip of the .xlsx holding the same records. Peak RSS = the child process\'s maxRSS (Node itself ≈ 45 MB).\n\n' +
    `${lines.join('\n')}\n`,
);
