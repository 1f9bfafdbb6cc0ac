// The Chromium half of bench/compare.ts: read + validate with validation as it was at a revision (before)
// and as it is (after), the same reader for both, runs interleaved with a raw unzip and a plain read.
// Needs the snapshots bench/compare.ts writes (bench/.data/compare/) and the files of `npm run bench`.
//   npx tsx bench/compare.ts <rev>        (runs this file itself)
import { expect } from '@open-wc/testing';
import { unzipSync } from 'fflate';
import type { validateSpreadsheet as Validate } from '../src/core/pipeline.js';
import type { readSpreadsheet as Read } from '../src/core/read/index.js';
import type { TemplateSpec } from '../src/core/spec.js';

const RUNS = 9;
const BASE = '/bench/.data/compare';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function load(variant: 'before' | 'after') {
  const pipeline = (await import(`${BASE}/${variant}/src/core/pipeline.ts`)) as { validateSpreadsheet: typeof Validate };
  const read = (await import(`${BASE}/${variant}/src/core/read/index.ts`)) as { readSpreadsheet: typeof Read };
  const specs = (await import(`${BASE}/${variant}/test/fixtures/specs.ts`)) as { realWorldSpec: TemplateSpec };
  return { validate: pipeline.validateSpreadsheet, read: read.readSpreadsheet, spec: specs.realWorldSpec };
}

const ms = (v: number) => (v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${Math.round(v)} ms`);

describe('validation before and after, in Chromium', () => {
  it('reads and validates the benchmark files with both', async function () {
    this.timeout(60 * 60 * 1000);
    const manifest = (await (await fetch(`${BASE}/manifest.json`)).json()) as { before: string; sizes: number[] };
    const before = await load('before');
    const after = await load('after');
    const lines = [
      '| rows | file | raw unzip | read | read + validate before | ÷ unzip | read + validate after | ÷ unzip | validation before → after |',
      '|---:|---|---:|---:|---:|---:|---:|---:|---:|',
    ];
    for (const rows of manifest.sizes) {
      let unzip = 0;
      for (const format of ['xlsx', 'csv'] as const) {
        const response = await fetch(`/bench/.data/records-${rows}.${format}`);
        if (!response.ok) continue;
        const bytes = new Uint8Array(await response.arrayBuffer());
        const xlsx = format === 'xlsx' ? bytes : new Uint8Array(await (await fetch(`/bench/.data/records-${rows}.xlsx`)).arrayBuffer());
        const options = { maxRows: rows + 10, today: '2026-11-28' };
        const counts: Record<string, number> = {};
        const runs: Record<string, () => Promise<unknown>> = {
          unzip: async () => unzipSync(xlsx),
          read: async () => after.read(bytes, { start() {}, row() {} }),
          before: async () => (counts['before'] = (await before.validate(bytes, before.spec, options)).records.length),
          after: async () => (counts['after'] = (await after.validate(bytes, after.spec, options)).records.length),
        };
        const times: Record<string, number[]> = { unzip: [], read: [], before: [], after: [] };
        const count = rows > 100_000 ? 3 : RUNS;
        for (let i = 0; i <= count; i++) {
          for (const [name, run] of Object.entries(runs)) {
            const t0 = performance.now();
            await run();
            if (i > 0) times[name]!.push(performance.now() - t0); // the first round warms up
          }
        }
        expect(counts['before']).to.equal(rows);
        expect(counts['after']).to.equal(rows);
        const [u, r, b, a] = [median(times['unzip']!), median(times['read']!), median(times['before']!), median(times['after']!)];
        if (format === 'xlsx') unzip = u;
        lines.push(
          `| ${rows.toLocaleString('en')} | ${format} | ${format === 'xlsx' ? ms(unzip) : `(xlsx ${ms(unzip)})`} | ${ms(r)} | ${ms(b)} | ${(b / unzip).toFixed(2)}× | ${ms(a)} | ${(a / unzip).toFixed(2)}× | ${ms(b - r)} → ${ms(a - r)} |`,
        );
      }
    }
    console.log(
      `\nChromium ${navigator.userAgent.match(/Chrome\/[\d.]+/)?.[0] ?? ''}, validation before = ${manifest.before}; medians of interleaved runs (9 at 10k and 100k, 3 at 500k, after a warm-up round); read = native inflate\n${lines.join('\n')}\n`,
    );
  });
});
