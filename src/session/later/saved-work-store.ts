// The saved work's storage in IndexedDB (see session/saved-work.ts for what is kept and the layout):
// loaded only when there is saved work on the origin or work to save, not with a page's first screens.
import { clear, createStore, delMany, getMany, keys, set, setMany, type UseStore } from 'idb-keyval';
import { DB_NAME, DEFAULT_KEEP_MS, STORE_NAME, type LoadedWork, type SavedWork, type SavedWorkOptions } from '../saved-work.js';

const FORMAT = 2;

let store: UseStore | undefined;
/** One database for the package on the origin; created on first use, never at import. */
function db(): UseStore {
  return (store ??= createStore(DB_NAME, STORE_NAME));
}

interface Envelope {
  readonly format: number;
  readonly savedAt: number;
  readonly expiresAt: number;
  readonly fileId: string;
  readonly work: Omit<SavedWork, 'file'> & { readonly file: { readonly name: string } };
}

interface FileEntry {
  readonly fileId: string;
  readonly bytes: ArrayBuffer;
}

/**
 * Every read and write of the origin's saved work, one after the other (saves of several wizards, a
 * host's clearAll): a clear asked for after a save can never be overtaken by it.
 */
let queue: Promise<unknown> = Promise.resolve();
function serial<T>(op: () => Promise<T>): Promise<T> {
  const run = queue.then(op, op);
  queue = run.catch(() => undefined);
  return run;
}
/** Bumped by clearAll: a store's memory of the bytes it wrote is stale after it. */
let clearedAll = 0;

const fileKey = (slot: string): IDBValidKey => ['file', slot];

function isEnvelope(value: unknown): value is Envelope {
  const e = value as Envelope | undefined;
  return (
    typeof e === 'object' && e !== null && e.format === FORMAT && typeof e.expiresAt === 'number' && typeof e.savedAt === 'number' &&
    typeof e.fileId === 'string' && typeof e.work === 'object' && e.work !== null && typeof e.work.file?.name === 'string' &&
    typeof e.work.selection?.activityId === 'string' && Array.isArray(e.work.edits) && Array.isArray(e.work.deleted)
  );
}

function isFileEntry(value: unknown, fileId: string): value is FileEntry {
  const f = value as FileEntry | undefined;
  return typeof f === 'object' && f !== null && f.fileId === fileId && f.bytes instanceof ArrayBuffer;
}

function newId(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`;
}

/**
 * The saved work of one wizard. Every method resolves even where IndexedDB is unavailable (private
 * windows of some browsers, a host's storage policy): saving then does nothing, loading finds nothing.
 */
export class SavedWorkStoreImpl {
  readonly slot: string;
  private readonly keepMs: number;
  private readonly now: () => number;
  /** The bytes this store last wrote (by identity) and their id: saves of the same file skip them. */
  private written?: { readonly source: ArrayBuffer | Blob; readonly fileId: string; readonly epoch: number };

  constructor(options: SavedWorkOptions = {}) {
    this.slot = options.slot ?? 'default';
    this.keepMs = options.keepMs !== undefined && Number.isFinite(options.keepMs) && options.keepMs > 0 ? options.keepMs : DEFAULT_KEEP_MS;
    this.now = options.now ?? Date.now;
  }

  /** Saves (replaces) this slot's work; returns false when it could not be stored. */
  save(work: SavedWork): Promise<boolean> {
    return serial(async () => {
      const now = this.now();
      const source = work.file.bytes;
      const same = this.written && this.written.source === source && this.written.epoch === clearedAll ? this.written : undefined;
      const fileId = same?.fileId ?? newId();
      const { file, ...rest } = work;
      const envelope: Envelope = { format: FORMAT, savedAt: now, expiresAt: now + this.keepMs, fileId, work: { ...rest, file: { name: file.name } } };
      try {
        if (same) {
          await set(this.slot, envelope, db());
        } else {
          const bytes = source instanceof ArrayBuffer ? source : await source.arrayBuffer();
          const entry: FileEntry = { fileId, bytes };
          // One transaction: the record and its bytes are written together or not at all.
          await setMany([[fileKey(this.slot), entry], [this.slot, envelope]], db());
          this.written = { source, fileId, epoch: clearedAll };
        }
        return true;
      } catch {
        this.written = undefined;
        return false;
      }
    });
  }

  /** This slot's work, unless there is none, it has expired or it is damaged (then it is deleted). */
  load(): Promise<LoadedWork | undefined> {
    return serial(async () => {
      let envelope: unknown;
      let file: unknown;
      try {
        [envelope, file] = await getMany([this.slot, fileKey(this.slot)], db());
      } catch {
        return undefined;
      }
      if (envelope === undefined && file === undefined) return undefined;
      if (!isEnvelope(envelope) || envelope.expiresAt <= this.now() || !isFileEntry(file, envelope.fileId)) {
        await this.forget();
        return undefined;
      }
      const { work } = envelope;
      return { ...work, file: { name: work.file.name, bytes: file.bytes }, savedAt: envelope.savedAt };
    });
  }

  /** Forgets this slot's work (records created, start over). */
  clear(): Promise<void> {
    return serial(() => this.forget());
  }

  private async forget(): Promise<void> {
    this.written = undefined;
    try {
      await delMany([this.slot, fileKey(this.slot)], db());
    } catch {
      // Nothing stored, or no storage: nothing to forget.
    }
  }

  /** Forgets every wizard's work on this origin: for a host's sign-out. */
  static clearAll(): Promise<void> {
    return serial(async () => {
      clearedAll++;
      try {
        await clear(db());
      } catch {
        // As above.
      }
    });
  }

  /** Deletes every wizard's work that has expired (or cannot be read) on this origin; returns how many. */
  static purgeExpired(now: number = Date.now()): Promise<number> {
    return serial(async () => {
      try {
        const all = await keys(db());
        const slots = all.filter((k): k is string => typeof k === 'string');
        const envelopes = await getMany(slots, db());
        const gone = slots.filter((_, i) => {
          const e = envelopes[i] as unknown;
          return !isEnvelope(e) || e.expiresAt <= now;
        });
        // Bytes whose record is gone (a write cut off half-way cannot happen, but a damaged record can).
        const live = new Set(slots.filter((s) => !gone.includes(s)));
        const orphans = all.filter((k) => Array.isArray(k) && k[0] === 'file' && !live.has(String(k[1])));
        if (gone.length > 0 || orphans.length > 0) await delMany([...gone, ...gone.map(fileKey), ...orphans], db());
        return gone.length;
      } catch {
        return 0;
      }
    });
  }
}
