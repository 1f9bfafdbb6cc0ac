// The configurations page: one demo LMS behind several differently configured wizards.
// The registration modules themselves: package.json's sideEffects lists them (not src/register.ts).
import '../src/components/offline-upload-wizard/offline-upload-wizard.js';
import '../src/components/upload-summary/upload-summary.js';
import { RestBackend } from '../src/backend/rest-backend.js';
import type { LmsBackend } from '../src/backend/types.js';
import type { OfflineUploadWizardElement, UploadSummaryElement } from '../src/components/index.js';
import { startDemoLms, type DemoLmsControls } from './mocks/browser.js';
import { logEvents } from './shared.js';

declare global {
  interface Window {
    __demoLms?: DemoLmsControls;
  }
}

const controls = await startDemoLms({ baseUrl: '/api/lms' });
window.__demoLms = controls;

const log = document.querySelector<HTMLElement>('#event-log')!;
for (const wizard of document.querySelectorAll<OfflineUploadWizardElement>('offline-upload-wizard')) {
  logEvents(wizard, log, `#${wizard.closest('section')?.id ?? ''} `);
}
for (const wizard of document.querySelectorAll<OfflineUploadWizardElement>('offline-upload-wizard[data-api]')) {
  wizard.apiBase = '/api/lms';
}

/** A host's own backend: RestBackend with the host's own header, every call written to a log. */
function loggingBackend(inner: LmsBackend, out: HTMLElement): LmsBackend {
  const write = (line: string) => (out.textContent = `${new Date().toLocaleTimeString()} ${line}\n${out.textContent ?? ''}`.slice(0, 4000));
  return new Proxy(inner, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        const started = performance.now();
        try {
          const result = await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
          write(`${String(key)} ✓ ${Math.round(performance.now() - started)} ms`);
          return result;
        } catch (error) {
          write(`${String(key)} ✗ ${error instanceof Error ? error.message : String(error)}`);
          throw error;
        }
      };
    },
  });
}

const hostWizard = document.querySelector<OfflineUploadWizardElement>('#host-backend-wizard')!;
hostWizard.backend = loggingBackend(
  new RestBackend({ baseUrl: '/api/lms', headers: () => ({ 'X-CSRF-Token': 'demo-csrf-token' }) }),
  document.querySelector('#backend-log')!,
);

const summary = {
  records: 1284,
  rows: 1290,
  distinctUsers: 1261,
  dateRange: { from: '2026-01-05', to: '2026-03-27' },
  byStatus: { Completed: 1102, Attended: 182 },
  statusColumn: 'Status',
  byLabel: { create: 1284, 'already-recorded': 6 },
  issues: 0,
  rowsWithIssues: 0,
  issuesByCode: {},
  issuesByColumn: {},
};
document.querySelector<UploadSummaryElement>('#summary-full')!.summary = summary;
document.querySelector<UploadSummaryElement>('#summary-compact')!.summary = summary;
