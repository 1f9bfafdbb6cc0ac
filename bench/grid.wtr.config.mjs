// web-test-runner for the grid benchmark: the project's config, with Lit's production build (as a host's
// bundle ships it; the dev build checks and warns at every render) and the benchmark file only.
import base from '../web-test-runner.config.mjs';

export default {
  ...base,
  files: ['bench/grid.chromium.bench.ts'],
  // The JS Self-Profiling API (new Profiler) needs this header on the page: the benchmark samples the
  // main thread to say which functions its long frames spent their time in.
  middleware: [
    ...(base.middleware ?? []),
    async (ctx, next) => {
      await next();
      if (ctx.response.is('html')) ctx.set('Document-Policy', 'js-profiling');
    },
  ],
  nodeResolve: { browser: true, exportConditions: ['production'] },
  concurrency: 1,
  testFramework: { config: { timeout: 30 * 60 * 1000 } },
};
