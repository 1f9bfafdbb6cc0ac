// A test-runner reporter that counts the real results and writes them to test-results/<name>.json,
// so that .ci/run can print one "N passed, N failed" line over every suite.
import { mkdirSync, writeFileSync } from 'node:fs';

function count(results, into) {
  if (!results) return;
  for (const test of results.tests ?? []) {
    if (test.skipped) into.skipped += 1;
    else if (test.passed) into.passed += 1;
    else into.failed += 1;
  }
  for (const suite of results.suites ?? []) count(suite, into);
}

export function countReporter(name = 'browser') {
  return {
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0, erroredFiles: 0 };
      for (const session of sessions) {
        count(session.testResults, totals);
        // A file that failed to load or threw outside a test counts as one failure.
        if (!session.passed && (session.errors?.length ?? 0) > 0) {
          totals.failed += 1;
          totals.erroredFiles += 1;
        }
      }
      mkdirSync('test-results', { recursive: true });
      writeFileSync(`test-results/${name}.json`, JSON.stringify(totals));
    },
  };
}
