// Before and after: validation (src/core/validate/ and src/core/pipeline.ts) as it was at a git revision
// against the working tree, with everything else (readers, fixtures, this bench) from the working tree, so
// that only validation differs. Both trees are snapshots under bench/.data/compare/ (other work going on in
// the tree cannot change them mid-run). Node: each measurement in its own process (bench/measure.ts),
// before and after in turn, several rounds; Chromium: bench/compare.chromium.bench.ts, runs interleaved.
// Prints Markdown tables of medians.
//   npx tsx bench/compare.ts <rev> [--sizes 10000,100000,500000] [--rounds 3] [--no-chromium] [--no-node]
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchFile } from './generate.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'bench/.data/compare');
const args = process.argv.slice(2);
const rev = args[0];
if (!rev || rev.startsWith('--')) throw new Error('usage: compare.ts <rev> [--sizes 10000,100000] [--rounds 3] [--no-chromium] [--no-node]');
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const SIZES = (option('--sizes') ?? '10000,100000,500000').split(',').map(Number);
const ROUNDS = Number(option('--rounds') ?? 3);
const VARIANTS = ['before', 'after'] as const;
type Variant = (typeof VARIANTS)[number];

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

function snapshot(): void {
  rmSync(out, { recursive: true, force: true });
  for (const variant of VARIANTS) {
    const dir = join(out, variant);
    mkdirSync(join(dir, 'bench'), { recursive: true });
    cpSync(join(root, 'src'), join(dir, 'src'), { recursive: true });
    cpSync(join(root, 'test/fixtures'), join(dir, 'test/fixtures'), { recursive: true });
    for (const file of ['measure.ts', 'generate.ts']) cpSync(join(root, 'bench', file), join(dir, 'bench', file));
  }
  const before = join(out, 'before');
  rmSync(join(before, 'src/core/validate'), { recursive: true });
  const archive = execFileSync('git', ['-C', root, 'archive', rev!, 'src/core/validate', 'src/core/pipeline.ts']);
  execFileSync('tar', ['-x', '-C', before], { input: archive });
  const commit = execFileSync('git', ['-C', root, 'rev-parse', '--short', rev!], { encoding: 'utf8' }).trim();
  writeFileSync(join(out, 'manifest.json'), JSON.stringify({ before: commit, sizes: SIZES }));
  log(`before = validation at ${commit}, after = the working tree's; snapshots in ${out}`);
}

interface Times {
  unzip: number | null;
  read: number;
  validate: number;
  records: number;
}

function measure(variant: Variant, file: string, runs: number): Times {
  const script = join(out, variant, 'bench/measure.ts');
  const result = spawnSync(process.execPath, ['--import', 'tsx', script, 'time', file, String(runs)], { encoding: 'utf8', cwd: root, maxBuffer: 1 << 24 });
  if (result.status !== 0) throw new Error(`${variant} ${file}: ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').pop()!) as Times;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const ms = (v: number) => (v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${Math.round(v)} ms`);

function node(): string {
  const lines = [
    '| rows | file | raw unzip | read | read + validate before | ÷ unzip | read + validate after | ÷ unzip | validation before → after |',
    '|---:|---|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const rows of SIZES) {
    const runs = rows <= 10_000 ? 9 : rows <= 100_000 ? 5 : 3;
    let unzip: number[] = [];
    for (const format of ['xlsx', 'csv'] as const) {
      const file = benchFile(rows, format);
      const got: Record<Variant, Times[]> = { before: [], after: [] };
      for (let round = 0; round < ROUNDS; round++) {
        for (const variant of VARIANTS) {
          log(`node ${rows} ${format} round ${round + 1}/${ROUNDS}: ${variant}`);
          got[variant].push(measure(variant, file, runs));
        }
      }
      const all = [...got.before, ...got.after];
      if (format === 'xlsx') unzip = all.map((t) => t.unzip!);
      const u = median(unzip);
      const read = median(all.map((t) => t.read));
      const before = median(got.before.map((t) => t.validate));
      const after = median(got.after.map((t) => t.validate));
      lines.push(
        `| ${rows.toLocaleString('en')} | ${format} | ${format === 'xlsx' ? ms(u) : `(xlsx ${ms(u)})`} | ${ms(read)} | ${ms(before)} | ${(before / u).toFixed(2)}× | ${ms(after)} | ${(after / u).toFixed(2)}× | ${ms(before - read)} → ${ms(after - read)} |`,
      );
    }
  }
  return `Node ${process.version}; medians over ${ROUNDS} rounds (before and after in turn, each a process of 9 / 5 / 3 runs after a warm-up run); read = the same reader for both; validation = read + validate − read.\n\n${lines.join('\n')}\n`;
}

function chromium(): string {
  log('chromium: npx web-test-runner bench/compare.chromium.bench.ts');
  const result = spawnSync('npx', ['web-test-runner', 'bench/compare.chromium.bench.ts'], { encoding: 'utf8', cwd: root, maxBuffer: 1 << 24 });
  const text = `${result.stdout}\n${result.stderr}`;
  const table = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.startsWith('|') || l.startsWith('Chromium '));
  if (result.status !== 0 || table.length === 0) throw new Error(`the Chromium comparison failed:\n${text}`);
  return `${table.join('\n')}\n`;
}

snapshot();
if (!args.includes('--no-node')) process.stdout.write(`\n${node()}`);
if (!args.includes('--no-chromium')) process.stdout.write(`\n${chromium()}`);
