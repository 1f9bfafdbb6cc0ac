// `npm run bench:read-memory`: peak memory of reading + validating a 1,000,000-row file, in Chromium (the
// renderer process's peak resident set, from /proc, and the JS heap's peak) and in Node (the child
// process's maxRSS via bench/measure.ts). Medians of several runs, one fresh renderer / process per run.
// Fails (exit 1) when a Chromium or Node median peak passes 0.8 GB (issue 10: "1,000,000 rows still
// complete under 0.8 GB"). Needs nothing but the files bench/generate.ts writes (made on first use).
//   npm run bench:read-memory [-- --runs 3] [-- --rows 1000000] [-- --formats xlsx,csv] [-- --mode validate|read]
//   npm run bench:read-memory -- --profile [--rows 100000]   one Chromium CPU profile, top functions by self time
//   npm run bench:read-cpu [-- --rounds 9] [-- --rows 100000]  raw unzip / read / read + validate in Chromium,
//     interleaved, timed by the CPU time of the renderer's main thread (/proc/<pid>/schedstat) as well as
//     by the wall clock: on a machine shared with other work, CPU time is what others do not inflate.
//   npm run bench:read-cpu -- --before <dir>   the same, with the reader and validator of another tree (e.g.
//     `git archive main src test/fixtures | tar -x -C <dir>`) loaded in the same page and timed in turn.
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { browserPath, CHROMIUM_ARGS } from '../../scripts/browser-path.mjs';
import { benchFile } from '../generate.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(`--${name}`);
  return at === -1 ? undefined : args[at + 1];
};
const PROFILE = args.includes('--profile');
const CPU = args.includes('--cpu');
const BEFORE = option('before');
const RUNS = Number(option('runs') ?? 3);
const ROWS = Number(option('rows') ?? (PROFILE || CPU ? 100_000 : 1_000_000));
const ROUNDS = Number(option('rounds') ?? 9);
const FORMATS = (option('formats') ?? (PROFILE || CPU ? 'xlsx' : 'xlsx,csv')).split(',') as ('xlsx' | 'csv')[];
const MODE = (option('mode') ?? 'validate') as 'read' | 'validate';
const BUDGET_MB = 800;
const MB = 1024 * 1024;

interface Run {
  ms: number;
  count: number;
  peakMb: number;
  addedMb: number;
  heapMb?: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

function procStatus(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(match?.[1] ?? NaN) * 1024;
}

function nodeRun(file: string): Run {
  const child = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'bench/measure.ts'), `memory:${MODE}`, file], { cwd: root, encoding: 'utf8', maxBuffer: 16 * MB });
  if (child.status !== 0) throw new Error(`node run failed: ${child.stderr}`);
  const r = JSON.parse(child.stdout.trim().split('\n').pop()!) as { ms: number; count: number; peakRss: number; baseRss: number; peakHeap: number };
  return { ms: r.ms, count: r.count, peakMb: r.peakRss / MB, addedMb: (r.peakRss - r.baseRss) / MB, heapMb: r.peakHeap / MB };
}

async function main(): Promise<void> {
  const bundle = await build({ entryPoints: [join(root, 'bench/read-page/page.ts')], bundle: true, format: 'esm', platform: 'browser', write: false, logLevel: 'error' });
  let script = bundle.outputFiles[0]!.text;
  if (BEFORE) {
    // The other tree's page, its functions renamed, in the same script: both run in one renderer, in turn.
    const other = await build({ entryPoints: [join(root, 'bench/read-page/page.ts')], bundle: true, format: 'esm', platform: 'browser', write: false, logLevel: 'error', plugins: [fromTree(BEFORE)] });
    // In a function of its own: a block would not do, the bundles' top-level `var`s would overwrite each other's.
    script = `${script}\n(() => {${other.outputFiles[0]!.text.replaceAll('window.benchRun', 'window.benchRunBefore').replaceAll('window.benchFetch', 'window.benchFetchBefore')}})();`;
  }
  const browser = await chromium.launch({ executablePath: browserPath(), headless: true, args: [...CHROMIUM_ARGS, '--site-per-process', '--enable-precise-memory-info'] });
  const cdp = await browser.newBrowserCDPSession();
  const processes = async () => ((await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number; cpuTime: number }[] }).processInfo;
  const results = new Map<string, { chromium: Run[]; node: Run[]; size: number }>();
  try {
    for (const format of FORMATS) {
      const file = benchFile(ROWS, format);
      const body = readFileSync(file);
      const entry = { chromium: [] as Run[], node: [] as Run[], size: statSync(file).size };
      results.set(format, entry);
      for (let i = 0; i < (PROFILE ? 1 : RUNS); i += 1) {
        const context = await browser.newContext();
        const page = await context.newPage();
        await page.route('http://bench.local/**', (route) => {
          const path = new URL(route.request().url()).pathname;
          if (path === '/') return route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>read memory</title>' });
          if (path === '/bench.js') return route.fulfill({ contentType: 'text/javascript', body: script });
          return route.fulfill({ contentType: 'application/octet-stream', body });
        });
        await page.goto('http://bench.local/');
        await page.addScriptTag({ url: '/bench.js', type: 'module' });
        await page.waitForFunction(() => typeof window.benchRun === 'function');
        await page.evaluate(() => window.benchFetch());
        if (BEFORE) await page.evaluate(() => (window as unknown as { benchFetchBefore(): Promise<number> }).benchFetchBefore());
        if (CPU) {
          await cpuRounds(page, processes);
          await context.close();
          break;
        }
        if (PROFILE) {
          const session = await context.newCDPSession(page);
          await page.evaluate((rows) => window.benchRun("validate", rows), ROWS).catch(() => undefined);
          await session.send('Profiler.enable');
          await session.send('Profiler.setSamplingInterval', { interval: 100 });
          await session.send('Profiler.start');
          let r = { ms: 0 };
          for (let k = 0; k < ROUNDS; k += 1) r = await page.evaluate(({ mode, rows }) => window.benchRun(mode, rows), { mode: MODE, rows: ROWS });
          const { profile } = (await session.send('Profiler.stop')) as { profile: CpuProfile };
          writeFileSync(join(root, 'bench/.data/read.cpuprofile'), JSON.stringify(profile));
          console.log(`${MODE} ${ROWS} rows ${format}, ${ROUNDS} runs: the last ${r.ms.toFixed(0)} ms (profiled), profile in bench/.data/read.cpuprofile`);
          console.log(summarise(profile));
          await context.close();
          continue;
        }
        // Which renderer is the page's is not told by CDP: every renderer's peak is reset (clear_refs 5) and the
        // page's is the one that worked (most CPU time added across the run).
        const rssBefore = new Map<number, number>();
        for (const p of await processes()) {
          if (p.type !== 'renderer') continue;
          try {
            writeFileSync(`/proc/${p.id}/clear_refs`, '5');
            rssBefore.set(p.id, procStatus(p.id, 'VmRSS'));
          } catch {
            // a spare renderer already gone
          }
        }
        const cpu0 = new Map((await processes()).map((p) => [p.id, p.cpuTime]));
        const r = await page.evaluate(({ mode, rows }) => window.benchRun(mode, rows), { mode: MODE, rows: ROWS });
        let pid: number | undefined;
        let most = -Infinity;
        for (const p of await processes()) {
          if (p.type !== 'renderer' || !cpu0.has(p.id) || !rssBefore.has(p.id)) continue;
          const added = p.cpuTime - cpu0.get(p.id)!;
          if (added > most) {
            most = added;
            pid = p.id;
          }
        }
        const peak = pid === undefined ? NaN : procStatus(pid, 'VmHWM');
        entry.chromium.push({ ms: r.ms, count: r.count, peakMb: peak / MB, addedMb: (peak - rssBefore.get(pid!)!) / MB, heapMb: r.heapPeakMb - r.heapBeforeMb });
        await context.close();
        entry.node.push(nodeRun(file));
      }
    }
  } finally {
    await browser.close();
  }
  if (PROFILE || CPU) return;
  const lines = [
    `${MODE === 'validate' ? 'Read + validate' : 'Read'} of ${ROWS.toLocaleString('en')} rows, medians of ${RUNS} runs (one fresh renderer / process each); load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} at the end.`,
    'Chromium: the renderer\'s peak resident set (whole tab: page, file bytes, read) and what the read added; JS heap = the page\'s heap peak above its start.',
    'Node: the child process\'s maxRSS (Node itself ≈ 45 MB) and its heap peak.',
    '',
    '| file | size | Chromium time | Chromium peak RSS (added) | JS heap peak | Node time | Node peak RSS | Node heap peak | records |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  let failed = false;
  for (const [format, r] of results) {
    const c = r.chromium;
    const n = r.node;
    const chromePeak = median(c.map((x) => x.peakMb));
    const nodePeak = median(n.map((x) => x.peakMb));
    if (!(chromePeak <= BUDGET_MB) || !(nodePeak <= BUDGET_MB)) failed = true;
    const counts = [...new Set([...c, ...n].map((x) => x.count))].join(' / ');
    if (counts !== String(ROWS) && MODE === 'validate') failed = true;
    lines.push(
      `| ${format} | ${(r.size / MB).toFixed(1)} MB | ${(median(c.map((x) => x.ms)) / 1000).toFixed(2)} s | ${chromePeak.toFixed(0)} MB (${median(c.map((x) => x.addedMb)).toFixed(0)}) | ${median(c.map((x) => x.heapMb!)).toFixed(0)} MB | ${(median(n.map((x) => x.ms)) / 1000).toFixed(2)} s | ${nodePeak.toFixed(0)} MB | ${median(n.map((x) => x.heapMb!)).toFixed(0)} MB | ${counts} |`,
    );
  }
  lines.push('', failed ? `OVER: a median peak passed ${BUDGET_MB} MB (or the records were not all read)` : `Within ${BUDGET_MB} MB.`);
  console.log(lines.join('\n'));
  process.exitCode = failed ? 1 : 0;
}

/** Nanoseconds the thread has run (the first field of schedstat); the process's main thread for a pid. */
function threadCpuNs(pid: number): number {
  return Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]);
}

type Page = Awaited<ReturnType<Awaited<ReturnType<typeof chromium.launch>>['newPage']>>;

async function cpuRounds(page: Page, processes: () => Promise<{ type: string; id: number; cpuTime: number }[]>): Promise<void> {
  const modes = (BEFORE ? ['unzip', 'read', 'validate', 'read before', 'validate before'] : ['unzip', 'read', 'validate']) as string[];
  const run = (mode: string) =>
    page.evaluate(
      ({ mode, rows }) => {
        const w = window as unknown as Record<string, (mode: string, rows: number) => Promise<{ ms: number; count: number }>>;
        return mode.endsWith(' before') ? w['benchRunBefore']!(mode.split(' ')[0]!, rows) : w['benchRun']!(mode, rows);
      },
      { mode, rows: ROWS },
    );
  // The page's renderer: the one whose CPU time grows over a warm-up round (which is not counted).
  const cpu0 = new Map((await processes()).map((p) => [p.id, p.cpuTime]));
  for (const mode of modes) await run(mode);
  let pid = -1;
  let most = -Infinity;
  for (const p of await processes()) {
    if (p.type !== 'renderer' || !cpu0.has(p.id)) continue;
    if (p.cpuTime - cpu0.get(p.id)! > most) [pid, most] = [p.id, p.cpuTime - cpu0.get(p.id)!];
  }
  const wall: Record<string, number[]> = Object.fromEntries(modes.map((m) => [m, []]));
  const cpu: Record<string, number[]> = Object.fromEntries(modes.map((m) => [m, []]));
  let records = 0;
  for (let round = 0; round < ROUNDS; round += 1) {
    // The order rotates each round: a run's garbage is collected during the next one, which a fixed order
    // always bills to the same measurement (bench/read.chromium.bench.ts says how much).
    const at = round % modes.length;
    for (const mode of [...modes.slice(at), ...modes.slice(0, at)]) {
      const before = threadCpuNs(pid);
      const r = await run(mode);
      cpu[mode]!.push((threadCpuNs(pid) - before) / 1e6);
      wall[mode]!.push(r.ms);
      if (mode === 'validate') records = r.count;
      // A tree that reads nothing is fast: every read must find every row (the header too), every validate every record.
      if (mode !== 'unzip' && r.count !== ROWS + (mode.startsWith('read') ? 1 : 0)) throw new Error(`${mode}: ${r.count} rows or records, not ${ROWS}`);
    }
  }
  const m = (v: number[]) => median(v);
  const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
  console.log(
    [
      `Chromium, ${ROWS.toLocaleString('en')}-row .xlsx (${records} records), medians of ${ROUNDS} interleaved rounds (the order rotated each round) after a warm-up; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}.`,
      'CPU = the renderer main thread\'s CPU time across the call (schedstat); wall = performance.now() in the page.',
      '',
      '| | raw unzip (fflate unzipSync) | read | ÷ unzip | read + validate | ÷ unzip |',
      '|---|---:|---:|---:|---:|---:|',
      `| CPU | ${m(cpu['unzip']!).toFixed(0)} ms | ${m(cpu['read']!).toFixed(0)} ms | ${ratio(m(cpu['read']!), m(cpu['unzip']!))} | ${m(cpu['validate']!).toFixed(0)} ms | ${ratio(m(cpu['validate']!), m(cpu['unzip']!))} |`,
      `| wall | ${m(wall['unzip']!).toFixed(0)} ms | ${m(wall['read']!).toFixed(0)} ms | ${ratio(m(wall['read']!), m(wall['unzip']!))} | ${m(wall['validate']!).toFixed(0)} ms | ${ratio(m(wall['validate']!), m(wall['unzip']!))} |`,
      `| CPU, best run | ${Math.min(...cpu['unzip']!).toFixed(0)} ms | ${Math.min(...cpu['read']!).toFixed(0)} ms | ${ratio(Math.min(...cpu['read']!), Math.min(...cpu['unzip']!))} | ${Math.min(...cpu['validate']!).toFixed(0)} ms | ${ratio(Math.min(...cpu['validate']!), Math.min(...cpu['unzip']!))} |`,
      ...(BEFORE
        ? [
            '',
            `Before (${BEFORE}) in the same page: read ${m(cpu['read before']!).toFixed(0)} ms CPU (${ratio(m(cpu['read before']!), m(cpu['unzip']!))}), read + validate ${m(cpu['validate before']!).toFixed(0)} ms CPU (${ratio(m(cpu['validate before']!), m(cpu['unzip']!))}); after ÷ before, median of per-round ratios: read ${perRound(cpu, 'read')}, read + validate ${perRound(cpu, 'validate')}.`,
          ]
        : []),
    ].join('\n'),
  );
}

/** Median over rounds of after ÷ before within the round (both ran back to back). */
function perRound(cpu: Record<string, number[]>, mode: string): string {
  const after = cpu[mode]!;
  const before = cpu[`${mode} before`]!;
  return `${median(after.map((a, i) => a / before[i]!)).toFixed(2)}×`;
}

/** esbuild plugin: the page's imports of src/ and test/fixtures/ resolved in another tree. */
function fromTree(dir: string) {
  return {
    name: 'from-tree',
    setup(b: { onResolve(o: { filter: RegExp }, cb: (a: { path: string; importer: string; resolveDir: string }) => { path: string } | undefined): void }) {
      b.onResolve({ filter: /^\.\.?\// }, (a) => {
        const resolved = join(a.resolveDir, a.path);
        for (const top of ['/src/', '/test/fixtures/']) {
          const at = resolved.indexOf(root + top);
          if (at === 0) {
            const inTree = join(dir, resolved.slice(root.length)).replace(/\.js$/, '.ts');
            return { path: inTree };
          }
        }
        return undefined;
      });
    },
  };
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time per function (name, file, line), the top 30. */
function summarise(profile: CpuProfile): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  for (let i = 0; i < profile.samples.length; i += 1) {
    const node = byId.get(profile.samples[i]!)!;
    const f = node.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 45)
    .map(([k, ms]) => `${ms.toFixed(1).padStart(8)} ms ${((100 * ms) / total).toFixed(1).padStart(5)}%  ${k}`)
    .join('\n');
}

await main();
