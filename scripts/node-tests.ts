// Runs the Node test files (test/node/*.node.test.ts) with node:test and writes the real counts to
// test-results/node.json for scripts/test.mjs.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { run } from 'node:test';
import { spec as SpecReporter } from 'node:test/reporters';

const files = readdirSync('test/node').filter((f) => f.endsWith('.node.test.ts')).map((f) => `test/node/${f}`);
const totals = { passed: 0, failed: 0, skipped: 0 };
const stream = run({ files, concurrency: 1 });
stream.on('test:pass', (event) => {
  if (event.details.type !== 'suite') {
    if (event.skip || event.todo) totals.skipped += 1;
    else totals.passed += 1;
  }
});
stream.on('test:fail', (event) => {
  if (event.details.type !== 'suite') totals.failed += 1;
});
stream.on('end', () => {
  mkdirSync('test-results', { recursive: true });
  writeFileSync('test-results/node.json', JSON.stringify(totals));
  process.exitCode = totals.failed > 0 ? 1 : 0;
});
stream.compose(new SpecReporter()).pipe(process.stdout);
