// Runs the reference server's tests (server/test/*.test.ts) with node:test, one file at a time (each starts
// its own database), and writes the real counts to test-results/<name>.json for scripts/test.mjs.
// With LMS_TEST_DATABASE_URL set they run on that PostgreSQL instead of PGlite.
//   npx tsx server/test/run.ts [results-name]     (default results name: server)
import { runNodeTests, testFiles } from '../../scripts/run-node-tests.js';

await runNodeTests(testFiles('server/test', '.test.ts'), process.argv[2] ?? 'server');
