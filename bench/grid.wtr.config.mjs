// web-test-runner for the grid benchmark: the project's config, with Lit's production build (as a host's
// bundle ships it; the dev build checks and warns at every render) and the benchmark file only.
import base from '../web-test-runner.config.mjs';

export default {
  ...base,
  files: ['bench/grid.chromium.bench.ts'],
  nodeResolve: { browser: true, exportConditions: ['production'] },
  concurrency: 1,
  testFramework: { config: { timeout: 30 * 60 * 1000 } },
};
