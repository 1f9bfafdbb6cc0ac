// @web/test-runner in the system Chromium (see scripts/browser-path.mjs), TypeScript through esbuild.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { browserPath, CHROMIUM_ARGS } from './scripts/browser-path.mjs';
import { umdAsEsm, mswWorkerAtRoot, hostileLms } from './scripts/wtr-plugins.mjs';
import { countReporter } from './scripts/count-reporter.mjs';
import { defaultReporter, summaryReporter } from '@web/test-runner';

export default {
  files: ['src/**/*.test.ts', 'test/**/*.test.ts', '!test/e2e/**', '!test/node/**'],
  reporters: [process.env.CI ? summaryReporter({ flatten: false }) : defaultReporter(), countReporter('browser')],
  nodeResolve: { browser: true },
  concurrency: 2,
  testsFinishTimeout: 10 * 60 * 1000,
  browserStartTimeout: 60 * 1000,
  testFramework: { config: { timeout: 20000 } },
  middleware: [mswWorkerAtRoot(), hostileLms()],
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }), umdAsEsm()],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: { executablePath: browserPath(), headless: true, args: CHROMIUM_ARGS },
    }),
  ],
};
