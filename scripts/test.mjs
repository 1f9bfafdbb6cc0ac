// `npm test`: the one quality gate, the same locally and in CI. Runs every step even when one fails,
// then prints one plain line "N passed, N failed" counted from the test runners' real results
// (a type-check or lint failure counts as one failed test). Exits non-zero when anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const steps = [
  { name: 'type-check', cmd: 'npx', args: ['tsc', '--noEmit', '-p', 'tsconfig.json'] },
  { name: 'lint', cmd: 'npx', args: ['eslint', '.'] },
  // custom-elements.json: current, cem-validator clean, paths and type references pointing at shipped files.
  { name: 'manifest', cmd: 'node', args: ['scripts/check-manifest.mjs'] },
  // openapi.json must lint clean (security declared on every operation, every $ref resolvable, …).
  { name: 'openapi-lint', cmd: 'npx', args: ['redocly', 'lint', 'openapi.json'], env: { REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' } },
  { name: 'browser', cmd: 'node', args: ['scripts/ensure-browser.mjs'], then: { cmd: 'npx', args: ['web-test-runner'] }, results: 'browser' },
  { name: 'node', cmd: 'npx', args: ['tsx', 'scripts/node-tests.ts'], results: 'node', when: 'scripts/node-tests.ts' },
  { name: 'e2e', cmd: 'npx', args: ['tsx', 'test/e2e/run.ts'], results: 'e2e', when: 'test/e2e/run.ts' },
  // The reference server's own tests (PGlite; each file starts its database once), and again on PostgreSQL
  // when LMS_TEST_DATABASE_URL names one (.ci/run sets it).
  { name: 'server', cmd: 'npx', args: ['tsx', 'server/test/run.ts', 'server'], results: 'server', when: 'server/test/run.ts', unsetEnv: ['LMS_TEST_DATABASE_URL'] },
  { name: 'server-postgres', cmd: 'npx', args: ['tsx', 'server/test/run.ts', 'server-postgres'], results: 'server-postgres', when: 'server/test/run.ts', whenEnv: 'LMS_TEST_DATABASE_URL' },
  // The conformance kit against the demo LMS and the reference server (PGlite, PostgreSQL, two instances).
  { name: 'conformance', cmd: 'npx', args: ['tsx', 'conformance/gate.ts'], results: 'conformance', when: 'conformance/gate.ts' },
  // Slow (npm pack, one install, production builds of generated host apps): last, after the quick ones.
  { name: 'consumer', cmd: 'npx', args: ['tsx', 'test/consumer/run.ts', ...(process.env.CONSUMER_APPS ? ['--only', process.env.CONSUMER_APPS] : [])], results: 'consumer', when: 'test/consumer/run.ts' },
];

rmSync('test-results', { recursive: true, force: true });
let passed = 0;
let failed = 0;
let skipped = 0;
const lines = [];

for (const step of steps) {
  if (step.when && !existsSync(step.when)) continue;
  if (step.whenEnv && !process.env[step.whenEnv]) continue;
  console.log(`\n── ${step.name} ──`);
  const env = { ...process.env, ...step.env };
  for (const name of step.unsetEnv ?? []) delete env[name];
  let run = spawnSync(step.cmd, step.args, { stdio: 'inherit', env });
  if (run.status === 0 && step.then) run = spawnSync(step.then.cmd, step.then.args, { stdio: 'inherit', env });
  const ok = run.status === 0;
  const file = step.results ? `test-results/${step.results}.json` : undefined;
  if (file && existsSync(file)) {
    const r = JSON.parse(readFileSync(file, 'utf8'));
    passed += r.passed;
    failed += r.failed;
    skipped += r.skipped ?? 0;
    // A runner that failed without a failing test (crash, timeout) still fails the gate.
    if (!ok && r.failed === 0) failed += 1;
    lines.push(`${step.name}: ${r.passed} passed, ${r.failed} failed${ok ? '' : ' (runner exited ' + run.status + ')'}`);
  } else if (step.results) {
    failed += 1;
    lines.push(`${step.name}: no results (exited ${run.status})`);
  } else {
    if (!ok) failed += 1;
    lines.push(`${step.name}: ${ok ? 'ok' : 'FAILED'}`);
  }
}

console.log('\n' + lines.join('\n'));
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
