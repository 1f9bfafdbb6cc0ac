// Runs the Node test files (test/node/*.node.test.ts) with node:test and writes the real counts to
// test-results/node.json for scripts/test.mjs.
import { runNodeTests, testFiles } from './run-node-tests.js';

await runNodeTests(testFiles('test/node', '.node.test.ts'), 'node');
