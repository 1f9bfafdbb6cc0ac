// Messages between the page and the validation worker: plain, structured-cloneable data only (no
// functions cross the boundary, so issue messages are made in English and re-rendered by the UI).
import type { Issue } from '../core/issues.js';
import type { UploadRecord } from '../core/records.js';
import type { DateOrder, ReadProgress } from '../core/read/types.js';
import type { TemplateSpec } from '../core/spec.js';
import type { ValidateOptions } from '../core/pipeline.js';
import type { ValidatorOptions } from '../core/validate/validator.js';

/** The options that can travel to the worker (everything in ReadOptions/ValidatorOptions but callbacks). */
export interface WorkerValidateOptions {
  readonly dateOrder?: DateOrder;
  readonly maxBytes?: number;
  readonly maxRows?: number;
  readonly maxInflatedBytes?: number;
  readonly fileName?: string;
  /** `YYYY-MM-DD`; the worker's own local date when absent. */
  readonly today?: string;
  /** The LMS's records per upload; the lower of it and maxRows applies. */
  readonly lmsMaxRows?: number;
  /** Column matching: remembered headers, the admin's choices, the header row (ValidatorOptions.match). */
  readonly match?: ValidatorOptions['match'];
  /** Date order per date column, when decided (ValidatorOptions.dateOrders). */
  readonly dateOrders?: ValidatorOptions['dateOrders'];
  /** The admin's edits and deletions, laid over the file's rows (ValidateOptions.changes). */
  readonly changes?: ValidateOptions['changes'];
  /** Headers of columns that are not data (ValidatorOptions.ignoredHeaders). */
  readonly ignoredHeaders?: readonly string[];
  /** Also return the cells of the rows with problems (ValidateOptions.rowTexts). */
  readonly rowTexts?: ValidateOptions['rowTexts'];
}

export type ToWorker =
  | { readonly type: 'validate'; readonly id: number; readonly buffer: ArrayBuffer; readonly spec: TemplateSpec; readonly options: WorkerValidateOptions }
  | { readonly type: 'cancel'; readonly id: number };

/** An error as it crosses the boundary; `issue` when it was a FileIssueError. */
export interface WorkerError {
  readonly name: string;
  readonly message: string;
  readonly issue?: Issue;
}

export type FromWorker<R> =
  /** Sent once when the module has loaded: the client transfers the file only after this. */
  | { readonly type: 'ready' }
  | { readonly type: 'progress'; readonly id: number; readonly progress: ReadProgress }
  /** Records ahead of the result, in batches: each message is deserialised in its own short task. */
  | { readonly type: 'records'; readonly id: number; readonly records: readonly UploadRecord[] }
  /** The result; its `records` are empty when they were sent in `records` batches before it. */
  | { readonly type: 'result'; readonly id: number; readonly result: R }
  | { readonly type: 'error'; readonly id: number; readonly error: WorkerError };
