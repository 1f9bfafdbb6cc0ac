// Work never lost: what an admin has done in one wizard — the choices, the uploaded file's bytes, the
// edits and deletions made in the browser, the staged upload and its idempotency key — kept in IndexedDB
// for the page's origin, so that a reload (or a crash) comes back to the same review. Kept for a limited
// time, and cleared when records are created, on start over, or when the host says so (sign-out).
import { clear, createStore, del, get, set, type UseStore } from 'idb-keyval';
import type { CellEdit } from '../core/edit/table.js';

/** How long saved work is kept unless the host says otherwise: a working day and a night. */
export const DEFAULT_KEEP_MS = 24 * 60 * 60 * 1000;
const FORMAT = 1;

export interface SavedWork {
  /** The choices: activity, domain, identifier kind (ids only; names come back from the LMS). */
  readonly selection: { readonly categoryId?: string; readonly activityId: string; readonly domainId: string; readonly identifierKind: string };
  readonly file: { readonly name: string; readonly bytes: ArrayBuffer };
  readonly edits: readonly CellEdit[];
  readonly deleted: readonly number[];
  /**
   * The staged upload, when the LMS has one: a commit after the reload reuses its idempotency key, so a
   * commit whose answer the reload cut off can never create the records twice.
   */
  readonly staged?: { readonly uploadId: string; readonly idempotencyKey: string };
}

interface Envelope {
  readonly format: number;
  readonly savedAt: number;
  readonly expiresAt: number;
  readonly work: SavedWork;
}

export interface SavedWorkOptions {
  /** One slot per wizard on the origin (default `default`): two wizards on one page pass their own. */
  readonly slot?: string;
  /** How long saved work is kept, in ms (default DEFAULT_KEEP_MS). */
  readonly keepMs?: number;
  /** The clock, for tests. */
  readonly now?: () => number;
}

let store: UseStore | undefined;
/** One database for the package on the origin; created on first use, never at import. */
function db(): UseStore {
  return (store ??= createStore('offline-upload', 'saved-work'));
}

function isSavedWork(value: unknown): value is Envelope {
  const e = value as Envelope | undefined;
  return (
    typeof e === 'object' && e !== null && e.format === FORMAT && typeof e.expiresAt === 'number' &&
    typeof e.work === 'object' && e.work !== null && e.work.file?.bytes instanceof ArrayBuffer &&
    typeof e.work.selection?.activityId === 'string' && Array.isArray(e.work.edits) && Array.isArray(e.work.deleted)
  );
}

/**
 * The saved work of one wizard. Every method resolves even where IndexedDB is unavailable (private
 * windows of some browsers, a host's storage policy): saving then does nothing, loading finds nothing.
 */
export class SavedWorkStore {
  private readonly slot: string;
  private readonly keepMs: number;
  private readonly now: () => number;

  constructor(options: SavedWorkOptions = {}) {
    this.slot = options.slot ?? 'default';
    this.keepMs = options.keepMs !== undefined && Number.isFinite(options.keepMs) && options.keepMs > 0 ? options.keepMs : DEFAULT_KEEP_MS;
    this.now = options.now ?? Date.now;
  }

  /** Saves (replaces) this slot's work; returns false when it could not be stored. */
  async save(work: SavedWork): Promise<boolean> {
    const now = this.now();
    const envelope: Envelope = { format: FORMAT, savedAt: now, expiresAt: now + this.keepMs, work };
    try {
      await set(this.slot, envelope, db());
      return true;
    } catch {
      return false;
    }
  }

  /** This slot's work, unless there is none or it has expired (expired work is deleted). */
  async load(): Promise<(SavedWork & { readonly savedAt: number }) | undefined> {
    let value: unknown;
    try {
      value = await get(this.slot, db());
    } catch {
      return undefined;
    }
    if (value === undefined) return undefined;
    if (!isSavedWork(value) || value.expiresAt <= this.now()) {
      await this.clear();
      return undefined;
    }
    return { ...value.work, savedAt: value.savedAt };
  }

  /** Forgets this slot's work (records created, start over). */
  async clear(): Promise<void> {
    try {
      await del(this.slot, db());
    } catch {
      // Nothing stored, or no storage: nothing to forget.
    }
  }

  /** Forgets every wizard's work on this origin: for a host's sign-out. */
  static async clearAll(): Promise<void> {
    try {
      await clear(db());
    } catch {
      // As above.
    }
  }
}
