// SavedWorkStore: the face of the saved work's storage (saved-work.ts says what is kept, and how). Apart from
// saved-work.ts, which is in a page's first load: only the code that keeps or offers work (the persistence
// controller, the keeper) uses the class, and it loads with that code.
import { clearAllSavedWork, storage, type Impl, type LoadedWork, type SavedWork, type SavedWorkOptions } from './saved-work.js';

/**
 * The saved work of one wizard. Every method resolves even where IndexedDB is unavailable (private
 * windows of some browsers, a host's storage policy): saving then does nothing, loading finds nothing.
 */
export class SavedWorkStore {
  readonly slot: string;
  readonly #options: SavedWorkOptions;
  #impl?: InstanceType<Impl['SavedWorkStoreImpl']>;

  constructor(options: SavedWorkOptions = {}) {
    this.slot = options.slot ?? 'default';
    this.#options = { ...options, slot: this.slot };
  }

  /** Each call waits on the storage once, like the static ones: the calls reach its queue in the order made. */
  #store(m: Impl): InstanceType<Impl['SavedWorkStoreImpl']> {
    return (this.#impl ??= new m.SavedWorkStoreImpl(this.#options));
  }

  /** Saves (replaces) this slot's work; returns false when it could not be stored. */
  save(work: SavedWork): Promise<boolean> {
    return storage().then((m) => this.#store(m).save(work), () => false);
  }

  /** This slot's work, unless there is none, it has expired or it is damaged (then it is deleted). */
  load(): Promise<LoadedWork | undefined> {
    return storage().then((m) => this.#store(m).load(), () => undefined);
  }

  /** Forgets this slot's work (records created, start over). */
  clear(): Promise<void> {
    return storage().then((m) => this.#store(m).clear(), () => undefined);
  }

  /** Forgets every wizard's work on this origin: for a host's sign-out. */
  static clearAll(): Promise<void> {
    return clearAllSavedWork();
  }

  /** Deletes every wizard's work that has expired (or cannot be read) on this origin; returns how many. */
  static purgeExpired(now: number = Date.now()): Promise<number> {
    return storage().then((m) => m.SavedWorkStoreImpl.purgeExpired(now), () => 0);
  }
}
