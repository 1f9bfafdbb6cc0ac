// Work never lost: what an admin has done in one wizard — the choices, the uploaded file's bytes, the
// edits and deletions made in the browser, the staged upload and its idempotency key — kept in IndexedDB
// for the page's origin, so that a reload (or a crash) comes back to the same review. Kept for a limited
// time, and cleared when records are created, on start over, or when the host says so (sign-out).
//
// Layout: one small record per wizard (its slot) with everything but the bytes, and the bytes in a record
// of their own (key ['file', slot]) written once per file, so that saving after each edit never copies a
// 50 MB file again. The two are bound by a file id: bytes that do not match their record are not trusted.
//
// This module is in a page's first load, so it holds only the types, a probe (is anything saved on the
// origin at all?) and the loader of the storage (later/saved-work-store.ts), which loads on the first call
// that needs it; SavedWorkStore's face (saved-work-face.ts) comes with the code that keeps work.
import type * as StorageModule from './later/saved-work-store.js';
import type { CellEdit } from '../core/edit/table.js';
import type { DateOrder } from '../core/read/types.js';
import type { UploadSummary } from '../core/summary.js';
import type { MatchingWork } from './matching.js';
import type { EditStep } from './types.js';

/** How long saved work is kept unless the host says otherwise: a working day and a night. */
export const DEFAULT_KEEP_MS = 24 * 60 * 60 * 1000;

export interface SavedWork {
  /** The choices: activity, domain, identifier kind (ids; the activity's name only to word the offer). */
  readonly selection: {
    readonly categoryId?: string;
    readonly activityId: string;
    readonly activityName?: string;
    readonly domainId: string;
    readonly identifierKind: string;
  };
  /** The checked file: its name and bytes (a Blob is read into bytes when saved). */
  readonly file: { readonly name: string; readonly bytes: ArrayBuffer | Blob };
  /** Every cell changed in the browser, the latest value per cell. */
  readonly edits: readonly CellEdit[];
  /** Rows deleted from the upload on purpose. */
  readonly deleted: readonly number[];
  /** The fixes step by step (what Undo takes back), of which `edits` and `deleted` are the outcome. */
  readonly steps?: readonly EditStep[];
  /**
   * The staged upload, when the LMS has one: a commit after the reload reuses its idempotency key, so a
   * commit whose answer the reload cut off can never create the records twice.
   */
  readonly staged?: { readonly uploadId: string; readonly idempotencyKey: string };
  /** Creating had begun (the commit may have reached the LMS): the staged upload must be settled, not redone. */
  readonly committing?: boolean;
  /** The figures of the clean file (the LMS's dry run), shown again while a commit is settled. */
  readonly summary?: UploadSummary;
  /** The wizard's step when saved (review or create). */
  readonly step?: string;
  /** How dates typed as text were read. */
  readonly dateOrder?: DateOrder;
  /** The columns as matched (the admin's mapping) and the date orders chosen per column. */
  readonly matching?: MatchingWork;
}

/** Saved work as loaded: the bytes are always an ArrayBuffer, with when it was saved. */
export type LoadedWork = SavedWork & { readonly file: { readonly name: string; readonly bytes: ArrayBuffer }; readonly savedAt: number };

export interface SavedWorkOptions {
  /** One slot per wizard on the origin (default `default`): two wizards on one page pass their own. */
  readonly slot?: string;
  /** How long saved work is kept, in ms (default DEFAULT_KEEP_MS). */
  readonly keepMs?: number;
  /** The clock, for tests. */
  readonly now?: () => number;
}

/** The package's database on the origin and its store (idb-keyval's layout, later/saved-work-store.ts). */
export const DB_NAME = 'offline-upload';
export const STORE_NAME = 'saved-work';

/**
 * Whether any wizard kept work on this origin: a look at the store's count, without idb-keyval and
 * without creating the database when there is none (indexedDB.databases()). When none did, a page need
 * not load the storage to find nothing. Where the browser cannot tell without creating the database, the
 * answer is yes (the storage then looks itself); false where IndexedDB is unavailable.
 */
export async function anySavedWork(): Promise<boolean> {
  try {
    if (typeof indexedDB === 'undefined') return false;
    if (typeof indexedDB.databases !== 'function') return true;
    if (!(await indexedDB.databases()).some((d) => d.name === DB_NAME)) return false;
    const open = indexedDB.open(DB_NAME);
    // Gone since databases() answered: the probe never creates it (idb-keyval would then find no store).
    open.onupgradeneeded = () => open.transaction?.abort();
    const db = await request(open);
    try {
      if (!db.objectStoreNames.contains(STORE_NAME)) return false;
      return (await request(db.transaction(STORE_NAME, 'readonly').objectStore(STORE_NAME).count())) > 0;
    } finally {
      db.close();
    }
  } catch {
    return false;
  }
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

/** @internal The storage module (later/saved-work-store.ts). */
export type Impl = typeof StorageModule;
let impl: Promise<Impl> | undefined;
/** @internal The storage, loaded once; calls made while it loads keep their order (they wait on the same promise). */
export function storage(): Promise<Impl> {
  impl ??= import('./later/saved-work-store.js').catch((error: unknown) => {
    impl = undefined;
    throw error;
  });
  return impl;
}

/** Forgets every wizard's work on this origin (for a host's sign-out): SavedWorkStore.clearAll, without the class. */
export function clearAllSavedWork(): Promise<void> {
  return storage().then((m) => m.SavedWorkStoreImpl.clearAll(), () => undefined);
}
