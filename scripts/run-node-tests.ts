// The one node:test runner of the project: runs the given test files one at a time (server tests each start
// their own database), streams the spec report, and writes the real counts to test-results/<name>.json for
// scripts/test.mjs. Used by scripts/node-tests.ts (test/node) and server/test/run.ts (server/test).
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { run } from 'node:test';
import { spec as SpecReporter } from 'node:test/reporters';

export interface NodeTestTotals {
  passed: number;
  failed: number;
  skipped: number;
}

/** The files in `dir` whose names end with `suffix`, sorted, as paths under `dir`. */
export function testFiles(dir: string, suffix: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(suffix))
    .sort()
    .map((f) => `${dir}/${f}`);
}

/** Runs `files`; resolves with the counts once written to test-results/`resultsName`.json (exit code 1 on a failure). */
export function runNodeTests(files: readonly string[], resultsName: string): Promise<NodeTestTotals> {
  const totals: NodeTestTotals = { passed: 0, failed: 0, skipped: 0 };
  const stream = run({ files: [...files], concurrency: 1 });
  stream.on('test:pass', (event) => {
    if (event.details.type !== 'suite') {
      if (event.skip || event.todo) totals.skipped += 1;
      else totals.passed += 1;
    }
  });
  stream.on('test:fail', (event) => {
    if (event.details.type !== 'suite') totals.failed += 1;
  });
  stream.compose(new SpecReporter()).pipe(process.stdout);
  return new Promise((resolve) => {
    stream.on('end', () => {
      mkdirSync('test-results', { recursive: true });
      writeFileSync(`test-results/${resultsName}.json`, JSON.stringify(totals));
      process.exitCode = totals.failed > 0 ? 1 : 0;
      resolve(totals);
    });
  });
}
