// The same comparison in Chromium, where the product runs: raw unzip (fflate unzipSync) against
// readSpreadsheet with the native inflater (DecompressionStream) and with fflate, and read + validate
// (validateSpreadsheet), runs interleaved so that a busy machine slows all alike. Each round runs the four
// in a rotated order (round i starts with the i-th, mod 4): a run leaves garbage that the next one's
// collector pays for, and in a fixed order read + validate always came right after the fflate read (the
// most garbage) and was billed for it: ~25 ms of its ~260 (266 → 237, 259 → 235 ms; docs/reading.md). Over
// 12 rounds every measurement follows every other one equally often. Needs the files `npm run bench`
// writes into bench/.data/:
//   npx web-test-runner bench/read.chromium.bench.ts
import { expect } from '@open-wc/testing';
import { unzipSync } from 'fflate';
import { readSpreadsheet } from '../src/core/read/index.js';
import { useNativeInflate } from '../src/core/read/zip.js';
import { validateSpreadsheet } from '../src/core/pipeline.js';
import { realWorldSpec } from '../test/fixtures/specs.js';

const SIZES = [10_000, 100_000, 500_000];
const RUNS = 12; // a multiple of the 4 measurements: each comes in each place of the order equally often

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[values.length >> 1]!;
}

describe('read in Chromium', () => {
  it('reads the benchmark files against a raw unzip', async function () {
    this.timeout(15 * 60 * 1000);
    const lines = [
      '| rows | raw unzip | read (native inflate) | ÷ unzip | read (fflate) | ÷ unzip | read + validate | ÷ unzip |',
      '|---:|---:|---:|---:|---:|---:|---:|---:|',
    ];
    for (const rows of SIZES) {
      const response = await fetch(`/bench/.data/records-${rows}.xlsx`);
      if (!response.ok) continue;
      const bytes = new Uint8Array(await response.arrayBuffer());
      let seen = 0;
      const sink = { start() {}, row: () => void (seen += 1) };
      let records = 0;
      // The file's rows allowed, as the validation's maxRows below: the default (100,000) refuses the 500,000.
      const limits = { maxRows: rows + 10 };
      const runs: Record<'unzip' | 'native' | 'fflate' | 'validate', () => Promise<unknown>> = {
        unzip: async () => unzipSync(bytes),
        native: async () => {
          useNativeInflate(undefined);
          await readSpreadsheet(bytes, sink, limits);
        },
        fflate: async () => {
          useNativeInflate(false);
          await readSpreadsheet(bytes, sink, limits);
        },
        validate: async () => {
          useNativeInflate(undefined);
          const result = await validateSpreadsheet(bytes, realWorldSpec, { ...limits, today: '2026-11-28' });
          records = result.records.length;
        },
      };
      const times: Record<string, number[]> = { unzip: [], native: [], fflate: [], validate: [] };
      const count = rows > 100_000 ? 4 : RUNS;
      const order = Object.entries(runs);
      for (const [, run] of order) await run(); // a round that warms up (JIT, lazy module parts), not counted
      for (let i = 0; i < count; i += 1) {
        const at = i % order.length;
        for (const [name, run] of [...order.slice(at), ...order.slice(0, at)]) {
          const t0 = performance.now();
          await run();
          times[name]!.push(performance.now() - t0);
        }
      }
      useNativeInflate(undefined);
      expect(seen).to.be.above(rows);
      expect(records).to.equal(rows);
      const [u, n, f, v] = [median(times['unzip']!), median(times['native']!), median(times['fflate']!), median(times['validate']!)];
      lines.push(
        `| ${rows.toLocaleString('en')} | ${u.toFixed(0)} ms | ${n.toFixed(0)} ms | ${(n / u).toFixed(2)}× | ${f.toFixed(0)} ms | ${(f / u).toFixed(2)}× | ${v.toFixed(0)} ms | ${(v / u).toFixed(2)}× |`,
      );
    }
    console.log(`\nChromium ${navigator.userAgent.match(/Chrome\/[\d.]+/)?.[0] ?? ''}, medians of ${RUNS} interleaved rounds, the order rotated each round\n${lines.join('\n')}\n`);
  });
});
