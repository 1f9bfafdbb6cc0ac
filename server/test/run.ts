// Runs the reference server's tests (server/test/*.test.ts) with node:test, one file at a time (each starts
// its own database), and writes the real counts to test-results/<name>.json for scripts/test.mjs.
// With LMS_TEST_DATABASE_URL set they run on that PostgreSQL instead of PGlite.
//   npx tsx server/test/run.ts [results-name]     (default results name: server)
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { run } from 'node:test';
import { spec as SpecReporter } from 'node:test/reporters';

const name = process.argv[2] ?? 'server';
const files = readdirSync('server/test').filter((f) => f.endsWith('.test.ts')).sort().map((f) => `server/test/${f}`);
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
  writeFileSync(`test-results/${name}.json`, JSON.stringify(totals));
  process.exitCode = totals.failed > 0 ? 1 : 0;
});
stream.compose(new SpecReporter()).pipe(process.stdout);
