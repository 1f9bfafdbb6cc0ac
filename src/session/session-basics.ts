// What the session's first-screen part (upload-session.ts) and its file part (later/file-work.ts, loaded
// with the first file) share: the limits, the file's statuses, the cleared file state, SessionError and
// activityOf. Small on purpose: it is in every page's first load. Re-exported by upload-session.ts.
import type { ActivitySummary } from '../backend/types.js';
import type { TemplateSpec } from '../core/spec.js';
import type { Localizer } from '../i18n/localize.js';
import type { SessionFailure } from './failures.js';
import type { SessionState, SessionStatus } from './types.js';

/** Records per dry-run request unless SessionOptions.chunkSize says otherwise. */
export const DEFAULT_CHUNK_SIZE = 500;
/**
 * Most records per dry-run request unless SessionOptions.chunkSize says otherwise, whatever the backend
 * prefers: each request's body (JSON, encoding, gzip copy) and answer (parse, contract check) are made on
 * the page's thread, and 5,000 records a request made tasks of 50–340 ms on a busy machine
 * (bench/longtask.chromium.ts). Quiet machine, 100,000-row .xlsx on the reference server (medians of 3):
 * 5,000 → 14.8 s and one 63 ms task in 3 runs; 2,500 → 17.2 s, none; 1,000 → 25.7 s, none (each request
 * has a fixed cost). 2,500 keeps the tasks short without making the check much slower.
 */
export const DRY_RUN_CHUNK_CAP = 2_500;
/**
 * The reader's default size limit (DEFAULT_MAX_BYTES in core/read), repeated here so that the page never
 * loads the readers just to know it; a test keeps the two equal.
 */
export const DEFAULT_MAX_FILE_SIZE = 50 * 1024 * 1024;

/** The statuses in which the session holds a file (being read, checked, or ready to create). */
export const FILE_STATUSES: ReadonlySet<SessionStatus> = new Set(['reading', 'matching', 'dry-run', 'check-failed', 'has-issues', 'ready', 'commit-failed', 'created']);

/** A change of the session's state: a key set to undefined is removed. */
export type StatePatch = Partial<{ -readonly [K in keyof SessionState]: SessionState[K] | undefined }>;

/** The state of "no file": what a file left behind, cleared. */
export function fileCleared(): StatePatch {
  return { file: undefined, progress: undefined, issues: [], summary: undefined, uploadId: undefined, result: undefined, failure: undefined, rows: undefined, editing: undefined, retrying: undefined, matching: undefined, readingNotices: undefined, dateOrders: undefined };
}

/** The reading progress at the start of a file of `size` bytes. */
export function readingStarted(name: string, size: number): StatePatch {
  return { ...fileCleared(), status: 'reading', file: { name, size }, progress: { phase: 'reading', fraction: 0, done: 0, total: size } };
}

/**
 * The activity of the upload, in one shape: the one chosen, else the spec's (a preset activity the LMS
 * described only in the spec). Undefined before either is known.
 */
export function activityOf(state: SessionState, spec: TemplateSpec | undefined = state.spec.value): ActivitySummary | undefined {
  if (state.selection.activity) return state.selection.activity;
  if (!spec) return undefined;
  const { id, name, categoryId, categoryName, startDate, endDate } = spec.activity;
  return { id, name, categoryId, startDate, ...(categoryName ? { categoryName } : {}), ...(endDate ? { endDate } : {}) };
}

/** A call the session refuses in its state (a template before the choice is complete, a file while creating). */
export class SessionError extends Error {
  constructor(readonly failure: SessionFailure) {
    super(failure.code);
    this.name = 'SessionError';
  }
}

/** Whose words a downloaded file is written in: a Localizer (the wizard's), else a locale (default English). */
export interface FileWordsOptions {
  readonly locale?: string;
  readonly localizer?: Localizer;
  readonly signal?: AbortSignal;
}

/**
 * The words of a downloaded file: the Localizer given, else `locale`'s, with the files' words loaded
 * (later/words.ts, loaded with the first download).
 */
export async function wordsFor(options: FileWordsOptions): Promise<Localizer> {
  const { localizerFor } = await import('./later/words.js');
  return localizerFor(options);
}
