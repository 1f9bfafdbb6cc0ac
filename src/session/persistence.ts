// Work never lost (issue 9): a WorkKeeper follows one wizard's flow and keeps its work in IndexedDB
// (SavedWorkStore) — the checked file's bytes, the choices, the fixes step by step, the staged upload and
// its idempotency key, the step — after each check at once and after each fix (debounced). On the next
// visit it offers that work back (`offer`); `resume()` reads the saved bytes again through the normal
// pipeline with the fixes laid over them, so the admin lands on the same review. Created records, a file
// put away (start over, upload another, cancel, another choice) and the host's clear() forget it.
// No DOM: the wizard's shell words the offer and guards the page's unload.
// This module is the keeper's face, in a page's first load: the work itself (later/keeper.ts) and the
// IndexedDB storage load only when the origin has saved work (anySavedWork) or the admin picks a file.
import type { KeeperCore } from './later/keeper.js';
import { SavedWorkStore } from './saved-work-face.js';
import { anySavedWork } from './saved-work.js';
import type { WizardStep } from './steps.js';
import type { SessionEventMap, SessionStatus } from './types.js';
import type { UploadSession } from './upload-session.js';
import type { WizardFlow } from './wizard-flow.js';

/** Hours work is kept unless the host says otherwise (`keep-work-hours`). */
export const DEFAULT_KEEP_HOURS = 24;
/** A fix is saved this long after the last one (a burst of edits is one write). */
export const SAVE_DEBOUNCE_MS = 400;

/** A file is being checked or was checked and nothing is created yet. */
export const WORK_STATUSES: ReadonlySet<SessionStatus> = new Set(['reading', 'matching', 'dry-run', 'check-failed', 'has-issues', 'ready', 'committing', 'commit-failed']);

/** What the wizard offers to continue: enough to word "continue where you left off". */
export interface WorkOffer {
  readonly fileName: string;
  readonly activityId: string;
  readonly activityName?: string;
  readonly savedAt: Date;
  /** Cells changed and rows deleted in the browser. */
  readonly changes: number;
  /** Creating had begun when the page was left: continuing settles it, never twice. */
  readonly committing: boolean;
}

export interface WorkKeeperOptions {
  /** The wizard's key on the origin (see the wizard's `work-key`). */
  readonly slot: string;
  /** How long work is kept, in ms; 0 (or less) keeps nothing and forgets what this slot had. */
  readonly keepMs: number;
  readonly debounceMs?: number;
  /** The clock, for tests. */
  readonly now?: () => number;
  /**
   * A file was picked on this flow before the keeper was made (the wizard loads its keeper on first need):
   * taken as if its `reading` had been seen, while the file is still on hand.
   */
  readonly began?: boolean;
}

export interface KeeperEventMap {
  /** The offer, the restoring flag or whether there is work changed. */
  change: CustomEvent<void>;
  /** Saved work was brought back: the admin is on the same review as before. */
  restored: CustomEvent<{ fileName: string; savedAt: Date; step: WizardStep }>;
}

/** Typed listeners for KeeperEventMap (declaration merging with the class below: types only). */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface WorkKeeper {
  addEventListener<K extends keyof KeeperEventMap>(type: K, listener: (event: KeeperEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof KeeperEventMap>(type: K, listener: (event: KeeperEventMap[K]) => unknown, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions): void;
}

/**
 * Keeps one wizard's work across reloads. `ready` resolves once the saved work (if any) is known and
 * `offer` set; `dispose()` stops it (work already saved stays).
 *
 * @fires change - offer, restoring or hasWork changed
 * @fires restored - saved work was brought back
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class WorkKeeper extends EventTarget {
  readonly flow: WizardFlow;
  readonly slot: string;
  /** Resolves once the saved work is loaded and offered (or known absent). */
  readonly ready: Promise<void>;
  readonly #options: WorkKeeperOptions;
  readonly #enabled: boolean;
  /** The keeper's work, once loaded (later/keeper.ts). */
  #core?: KeeperCore;
  #coreLoad?: Promise<KeeperCore | undefined>;
  /** Until the work loads: a file was picked / the host cleared the work. */
  #began = false;
  #silenced = false;
  #disposed = false;

  constructor(flow: WizardFlow, options: WorkKeeperOptions) {
    super();
    this.flow = flow;
    this.slot = options.slot;
    this.#options = options;
    this.#enabled = options.keepMs > 0 && Number.isFinite(options.keepMs);
    if (this.#enabled) {
      flow.session.addEventListener('statechange', this.#onState);
      if (options.began && WORK_STATUSES.has(flow.session.state.status)) {
        this.#began = true;
        void this.#start();
      }
      // Nothing kept on the origin (the usual case): nothing more loads until the admin picks a file.
      this.ready = anySavedWork().then(async (any) => {
        if (any) await (await this.#start())?.ready;
      });
    } else {
      // Kept for no time: nothing of an earlier setting lingers on the machine.
      this.ready = anySavedWork().then((any) => (any ? new SavedWorkStore({ slot: options.slot }).clear() : undefined));
    }
  }

  get session(): UploadSession {
    return this.flow.session;
  }

  /** Keeping work is on (a keep time above 0). */
  get enabled(): boolean {
    return this.#enabled;
  }

  /** Saved work to offer back, until the admin continues, starts over or checks another file. */
  get offer(): WorkOffer | undefined {
    return this.#core?.offer;
  }

  /** Saved work is being read again. */
  get restoring(): boolean {
    return this.#core?.restoring ?? false;
  }

  /** A file is being checked or was checked and its records are not created yet (leaving would lose them). */
  get hasWork(): boolean {
    return this.#core ? this.#core.hasWork : !this.#silenced && WORK_STATUSES.has(this.session.state.status);
  }

  /**
   * Continues the saved work: the choices again, then the saved bytes read through the normal pipeline
   * with the fixes laid over them, back on the step the admin was on. Resolves whether it landed there.
   */
  resume(): Promise<boolean> {
    return this.#core?.resume() ?? Promise.resolve(false);
  }

  /** Starts over instead: the saved work is forgotten. */
  async discard(): Promise<void> {
    await this.#core?.discard();
  }

  /**
   * Forgets this wizard's saved work (a host's sign-out): nothing is offered, and the file on screen, if
   * any, is neither saved again nor guarded against leaving the page until the admin checks another.
   */
  async clear(): Promise<void> {
    if (this.#core) return this.#core.clear();
    this.#silenced = true;
    this.#changed();
    await new SavedWorkStore({ slot: this.slot }).clear();
  }

  /** Saves a fix still waiting for its debounce now (the page is being hidden). */
  flush(): void {
    this.#core?.flush();
  }

  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    this.session.removeEventListener('statechange', this.#onState);
    this.#core?.dispose();
  }

  /** The keeper's work, loaded once (a load that failed is tried again when the next file is picked). */
  #start(): Promise<KeeperCore | undefined> {
    this.#coreLoad ??= import('./later/keeper.js').then(
      ({ KeeperCore }) => {
        if (this.#disposed) return undefined;
        this.#core = new KeeperCore(this, { ...this.#options, silenced: this.#silenced, began: this.#began });
        return this.#core;
      },
      () => {
        this.#coreLoad = undefined;
        return undefined;
      },
    );
    return this.#coreLoad;
  }

  /** Until the work is loaded: a file picked loads it; leaving guarded while there is work. */
  #onState = (event: SessionEventMap['statechange']): void => {
    if (this.#core || this.#disposed) return;
    const { state, previous } = event.detail;
    if (state.status === 'reading' && previous.status !== 'reading') {
      this.#began = true;
      this.#silenced = false;
      void this.#start();
    }
    if (WORK_STATUSES.has(previous.status) !== WORK_STATUSES.has(state.status)) this.#changed();
  };

  #changed(): void {
    this.dispatchEvent(new CustomEvent('change'));
  }
}

/**
 * A wizard's key on the origin when the host gives none: the page's path and the element's id, or its
 * place among the wizards on the page.
 */
export function defaultSlot(path: string, id: string | undefined, index: number): string {
  return `${path}#${id ? id : `wizard-${index + 1}`}`;
}
