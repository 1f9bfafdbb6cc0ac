// Shared set-up for the contract tests: one demo LMS worker per test file, reset before every test, and
// a RestBackend with small delays so retries and timeouts cost milliseconds.
import { startDemoLms } from '../../demo/mocks/browser.js';
import { DEMO, TEMPLATE_VERSIONS } from '../../demo/mocks/data.js';
import type { UploadRecord } from '../../src/core/records.js';
import type { DemoLmsControls } from '../../demo/mocks/browser.js';
import { RestBackend } from '../../src/backend/rest-backend.js';
import type { RestBackendOptions } from '../../src/backend/rest-backend.js';

let started: Promise<DemoLmsControls> | undefined;

/** Starts the worker once per page; every call resets the LMS (seed data, no faults, empty log, initial handlers). */
export async function demoLms(): Promise<DemoLmsControls> {
  started ??= startDemoLms({ presets: false });
  const controls = await started;
  controls.reset();
  controls.worker.resetHandlers();
  return controls;
}

export function backend(options: Partial<RestBackendOptions> = {}): RestBackend {
  return new RestBackend({
    baseUrl: '/api/lms',
    timeoutMs: 2000,
    retries: { attempts: 3, baseDelayMs: 5, maxDelayMs: 1500 },
    ...options,
  });
}

/** Calls of one operation that reached the demo LMS. */
export function callsOf(controls: DemoLmsControls, operation: string): number {
  return controls.requests.filter((r) => r.operation === operation).length;
}

/** Clean classroom records (act-hse-101) for the first `count` published employees, rows 2… */
export function classroomRecords(count: number, firstRow = 2): UploadRecord[] {
  return DEMO.employees.slice(0, count).map((employee, i) => ({
    row: firstRow + i,
    values: { identifier: employee.email, completionDate: '2026-03-14', status: 'Completed', trainer: 'Sam Lee', comments: null },
  }));
}

export const CLASSROOM = {
  activityId: DEMO.activities.classroom,
  domainId: DEMO.domains.employees,
  identifierKind: 'email',
  templateVersion: TEMPLATE_VERSIONS.classroom,
} as const;

/** Stages `records` for the classroom activity and dry-runs them in one chunk; returns the upload id. */
export async function stageAndDryRun(rest: RestBackend, records: readonly UploadRecord[]): Promise<string> {
  const { uploadId } = await rest.stageUpload({ ...CLASSROOM, totalRecords: records.length });
  await rest.dryRunChunk(uploadId, { chunkIndex: 0, records });
  return uploadId;
}
