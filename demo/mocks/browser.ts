// Starts the demo LMS in the page: an msw service worker answering the REST contract from an in-memory
// Lms. Used by the demo pages and by the browser tests; returns the controls both need.
import { setupWorker } from 'msw/browser';
import type { SetupWorker } from 'msw/browser';
import type { BackendOperation } from '../../src/backend/rest-backend.js';
import { applyPresets, createLmsHandlers, defaultSettings } from './handlers.js';
import type { Fault, LmsSettings, LoggedRequest } from './handlers.js';
import { Lms } from './lms.js';
import type { LmsOptions } from './lms.js';

export interface DemoLmsOptions {
  /** Where the API answers (default `/api/lms`). */
  readonly baseUrl?: string;
  readonly paths?: Partial<Record<BackendOperation, string>>;
  /** An Lms to serve (default: a new one with the seed data). */
  readonly lms?: Lms;
  readonly lmsOptions?: LmsOptions;
  readonly settings?: Partial<LmsSettings>;
  /**
   * Failure presets (see LMS_PRESETS). Default: the page URL's `?lms=` parameter, so
   * `/?lms=slow,commit-drop` shows a slow LMS that loses the first commit's answer. `false` ignores the URL.
   */
  readonly presets?: string | readonly string[] | false;
  /** Where the worker script is served (default `/mockServiceWorker.js`). */
  readonly workerUrl?: string;
  /** Log every intercepted call to the console (default false). */
  readonly verbose?: boolean;
}

export interface DemoLmsControls {
  readonly lms: Lms;
  /** Live settings: change `latencyMs` or `faults` at any time. */
  readonly settings: LmsSettings;
  /** Every call that reached the demo LMS, oldest first. */
  readonly requests: LoggedRequest[];
  readonly worker: SetupWorker;
  /** Presets named in the options or the URL that do not exist. */
  readonly unknownPresets: readonly string[];
  /** Makes the next `times` calls of `operation` (default: every call) fail with `fault`. */
  inject(operation: BackendOperation | '*', fault: Fault, times?: number): void;
  applyPresets(names: string | readonly string[]): string[];
  clearFaults(): void;
  /** Seed data again, no faults, no latency, empty request log. */
  reset(): void;
  stop(): Promise<void>;
}

export async function startDemoLms(options: DemoLmsOptions = {}): Promise<DemoLmsControls> {
  const lms = options.lms ?? new Lms(options.lmsOptions);
  const settings: LmsSettings = { ...defaultSettings(), ...options.settings, faults: [...(options.settings?.faults ?? [])] };
  const requests: LoggedRequest[] = [];
  const presets =
    options.presets === false
      ? []
      : (options.presets ?? (typeof location !== 'undefined' ? (new URLSearchParams(location.search).get('lms') ?? '') : ''));
  const unknownPresets = applyPresets(presets, settings, lms);
  if (unknownPresets.length > 0) {
    console.warn(`Demo LMS: unknown preset(s) ${unknownPresets.join(', ')}.`);
  }
  const worker = setupWorker(
    ...createLmsHandlers({
      lms,
      settings,
      log: requests,
      ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
      ...(options.paths ? { paths: options.paths } : {}),
    }),
  );
  await worker.start({
    quiet: !options.verbose,
    onUnhandledRequest: 'bypass',
    serviceWorker: { url: options.workerUrl ?? '/mockServiceWorker.js' },
  });
  return {
    lms,
    settings,
    requests,
    worker,
    unknownPresets,
    inject(operation, fault, times) {
      settings.faults.push({ operation, fault, ...(times !== undefined ? { times } : {}) });
    },
    applyPresets: (names) => applyPresets(names, settings, lms),
    clearFaults() {
      settings.faults.length = 0;
    },
    reset() {
      lms.reset();
      settings.faults.length = 0;
      settings.latencyMs = 0;
      delete settings.csrfToken;
      requests.length = 0;
    },
    async stop() {
      await worker.stop();
    },
  };
}
