// Work never lost (issue 9): a WorkKeeper follows one wizard's flow and keeps its work in IndexedDB
// (SavedWorkStore) — the checked file's bytes, the choices, the fixes step by step, the staged upload and
// its idempotency key, the step — after each check at once and after each fix (debounced). On the next
// visit it offers that work back (`offer`); `resume()` reads the saved bytes again through the normal
// pipeline with the fixes laid over them, so the admin lands on the same review. Created records, a file
// put away (start over, upload another, cancel, another choice) and the host's clear() forget it.
// No DOM: the wizard's shell words the offer and guards the page's unload.
import { activityOf } from './upload-session.js';
import type { UploadSession } from './upload-session.js';
import { anySavedWork, SavedWorkStore, type LoadedWork, type SavedWork } from './saved-work.js';
import type { WizardStep } from './steps.js';
import type { EditStep, SessionEventMap, SessionState, SessionStatus } from './types.js';
import type { WizardFlow } from './wizard-flow.js';

/** Hours work is kept unless the host says otherwise (`keep-work-hours`). */
export const DEFAULT_KEEP_HOURS = 24;
/** A fix is saved this long after the last one (a burst of edits is one write). */
export const SAVE_DEBOUNCE_MS = 400;

/** A checked file is on screen: saved (and, while not created, guarded against leaving the page). */
const SAVED_STATUSES: ReadonlySet<SessionStatus> = new Set(['check-failed', 'has-issues', 'ready', 'committing', 'commit-failed']);
/** A file is being checked or was checked and nothing is created yet. */
const WORK_STATUSES: ReadonlySet<SessionStatus> = new Set(['reading', 'matching', 'dry-run', 'check-failed', 'has-issues', 'ready', 'committing', 'commit-failed']);
/** Steps the admin comes back to. */
const RESUMED_STEPS: ReadonlySet<string> = new Set(['review', 'create']);

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

/** Expired work of every wizard on the origin is deleted once per page. */
let purged: Promise<unknown> | undefined;

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
  #store?: SavedWorkStore;
  #debounceMs: number;
  #saved?: LoadedWork;
  #offer?: WorkOffer;
  #restoring = false;
  /** The host cleared the work: the file on screen is no longer saved nor guarded, until the next file. */
  #silenced = false;
  #timer?: ReturnType<typeof setTimeout>;
  #disposed = false;

  constructor(flow: WizardFlow, options: WorkKeeperOptions) {
    super();
    this.flow = flow;
    this.slot = options.slot;
    this.#debounceMs = options.debounceMs ?? SAVE_DEBOUNCE_MS;
    const now = options.now ?? Date.now;
    if (options.keepMs > 0 && Number.isFinite(options.keepMs)) {
      this.#store = new SavedWorkStore({ slot: options.slot, keepMs: options.keepMs, now });
      flow.session.addEventListener('statechange', this.#onState);
      flow.addEventListener('step-change', this.#onStep);
      this.ready = this.#load(now());
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
    return this.#store !== undefined;
  }

  /** Saved work to offer back, until the admin continues, starts over or checks another file. */
  get offer(): WorkOffer | undefined {
    return this.#offer;
  }

  /** Saved work is being read again. */
  get restoring(): boolean {
    return this.#restoring;
  }

  /** A file is being checked or was checked and its records are not created yet (leaving would lose them). */
  get hasWork(): boolean {
    return this.#restoring || (!this.#silenced && WORK_STATUSES.has(this.session.state.status));
  }

  /**
   * Continues the saved work: the choices again, then the saved bytes read through the normal pipeline
   * with the fixes laid over them, back on the step the admin was on. Resolves whether it landed there.
   */
  async resume(): Promise<boolean> {
    const saved = this.#saved;
    if (!saved || this.#restoring || this.#disposed) return false;
    this.#offer = undefined;
    this.#restoring = true;
    this.#changed();
    const landed = await this.#resume(saved).catch(() => false);
    this.#restoring = false;
    if (this.#disposed) return false;
    if (landed) {
      this.#saved = undefined;
      this.#saveNow();
      this.dispatchEvent(new CustomEvent('restored', { detail: { fileName: saved.file.name, savedAt: new Date(saved.savedAt), step: this.flow.step } }));
    }
    this.#changed();
    return landed;
  }

  async #resume(saved: LoadedWork): Promise<boolean> {
    const session = this.session;
    const { selection } = saved;
    if (saved.dateOrder) session.setOptions({ dateOrder: saved.dateOrder });
    const current = session.state.selection;
    const same = current.activity?.id === selection.activityId && current.domainId === selection.domainId && current.identifierKind === selection.identifierKind;
    if (!same || session.state.spec.status === 'error') {
      await session.start({
        ...(selection.categoryId ? { categoryId: selection.categoryId } : {}),
        activityId: selection.activityId,
        domainId: selection.domainId,
        identifierKind: selection.identifierKind,
      });
    }
    const state = await until(session, (s) => s.spec.status !== 'loading');
    if (this.#disposed || state.spec.status !== 'ready' || state.selection.activity?.id !== selection.activityId) return false;
    const committing = saved.committing === true && saved.staged !== undefined && saved.summary !== undefined;
    // A staged upload never committed is staged anew by the dry run; the LMS may let go of the old one now.
    if (saved.staged && !committing) session.backend.discardUpload(saved.staged.uploadId).catch(() => undefined);
    const file = new File([saved.file.bytes], saved.file.name);
    await session.uploadFile(file, saved.file.name, {
      steps: saved.steps ?? stepsOf(saved),
      ...(committing ? { staged: saved.staged!, summary: saved.summary! } : {}),
      ...(saved.matching ? { matching: saved.matching } : {}),
    });
    // The columns come back as matched (saved with the work); work saved without them (an older format)
    // may wait on the matching screen, with the fixes ready to be laid over it: the work is back all the same.
    if (session.state.status === 'matching') return !this.#disposed;
    if (this.#disposed || !SAVED_STATUSES.has(session.state.status)) return false;
    if (saved.step && RESUMED_STEPS.has(saved.step)) this.flow.goTo(saved.step as WizardStep);
    return true;
  }

  /** Starts over instead: the saved work is forgotten. */
  async discard(): Promise<void> {
    this.#saved = undefined;
    this.#offer = undefined;
    this.#changed();
    await this.#store?.clear();
  }

  /**
   * Forgets this wizard's saved work (a host's sign-out): nothing is offered, and the file on screen, if
   * any, is neither saved again nor guarded against leaving the page until the admin checks another.
   */
  async clear(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#saved = undefined;
    this.#offer = undefined;
    this.#silenced = true;
    this.#changed();
    await new SavedWorkStore({ slot: this.slot }).clear();
  }

  /** Saves a fix still waiting for its debounce now (the page is being hidden). */
  flush(): void {
    if (this.#timer === undefined) return;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#saveNow();
  }

  dispose(): void {
    if (this.#disposed) return;
    this.flush();
    this.#disposed = true;
    this.session.removeEventListener('statechange', this.#onState);
    this.flow.removeEventListener('step-change', this.#onStep);
  }

  // ── internals ─────────────────────────────────────────────────────────────────────────────────

  async #load(now: number): Promise<void> {
    // Nothing kept on the origin (the usual case): the storage is not even loaded.
    if (!(await anySavedWork())) return;
    purged ??= SavedWorkStore.purgeExpired(now);
    await purged;
    const saved = await this.#store!.load();
    // The admin may have started a file of their own meanwhile: that work wins.
    if (!saved || this.#disposed || this.#silenced || WORK_STATUSES.has(this.session.state.status)) return;
    this.#saved = saved;
    this.#offer = {
      fileName: saved.file.name,
      activityId: saved.selection.activityId,
      ...(saved.selection.activityName ? { activityName: saved.selection.activityName } : {}),
      savedAt: new Date(saved.savedAt),
      changes: saved.edits.length + saved.deleted.length,
      committing: saved.committing === true,
    };
    this.#changed();
  }

  #onState = (event: SessionEventMap['statechange']): void => {
    if (this.#disposed || this.#restoring) return;
    const { state, previous } = event.detail;
    const hadWork = WORK_STATUSES.has(previous.status);
    if (state.status === 'created') {
      this.#forget();
    } else if (state.status === 'reading' && previous.status !== 'reading') {
      // Another file: the admin chose it over what was saved (and over any offer).
      this.#silenced = false;
      this.#saved = undefined;
      this.#offer = undefined;
      this.#forget();
    } else if (previous.file && !state.file && !state.failure) {
      // Put away on purpose: start over, upload another, cancel, another activity, domain or identifier.
      this.#forget();
    } else if (SAVED_STATUSES.has(state.status) && state.file && !state.editing?.checking && !this.#silenced) {
      // A check just ended (or a commit began): saved at once. A fix alone: after a pause.
      const checked = previous.status !== state.status || previous.editing?.checking === true;
      this.#schedule(checked ? 0 : this.#debounceMs);
    }
    if (hadWork !== WORK_STATUSES.has(state.status)) this.#changed();
  };

  #onStep = (): void => {
    if (!this.#restoring && !this.#silenced && SAVED_STATUSES.has(this.session.state.status)) this.#schedule(this.#debounceMs);
  };

  #schedule(ms: number): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (ms <= 0) this.#saveNow();
    else this.#timer = setTimeout(() => ((this.#timer = undefined), this.#saveNow()), ms);
  }

  #forget(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    void this.#store?.clear();
  }

  #saveNow(): void {
    const work = this.#snapshot();
    if (work && this.#store) void this.#store.save(work);
  }

  /** What the wizard holds now, as saved work; undefined without a checked file. */
  #snapshot(): SavedWork | undefined {
    const session = this.session;
    const state = session.state;
    const work = session.work;
    const { activity, domainId, identifierKind, categoryId } = state.selection;
    const activityId = activity?.id ?? state.spec.value?.activity.id;
    if (!work || !state.file || !activityId || !domainId || !identifierKind) return undefined;
    const committing = state.status === 'committing' || (state.status === 'commit-failed' && state.failure?.retryable === true);
    const name = activityOf(state)?.name;
    const dateOrder = session.options.dateOrder;
    return {
      selection: { ...(categoryId ? { categoryId } : {}), activityId, ...(name ? { activityName: name } : {}), domainId, identifierKind },
      file: { name: state.file.name, bytes: work.blob },
      edits: state.editing?.edits ?? [],
      deleted: state.editing?.deleted ?? [],
      steps: work.steps,
      ...(work.staged ? { staged: work.staged } : {}),
      ...(committing && work.staged && state.summary ? { committing: true, summary: state.summary } : {}),
      step: this.flow.step,
      ...(dateOrder ? { dateOrder } : {}),
      ...(work.matching ? { matching: work.matching } : {}),
    };
  }

  #changed(): void {
    this.dispatchEvent(new CustomEvent('change'));
  }
}

/** The fixes as steps, for saved work that has only their outcome. */
function stepsOf(saved: SavedWork): EditStep[] {
  const steps: EditStep[] = [];
  if (saved.edits.length > 0) steps.push({ kind: 'edit', edits: saved.edits, changes: [] });
  if (saved.deleted.length > 0) steps.push({ kind: 'delete', rows: saved.deleted });
  return steps;
}

/** The first state (now or coming) for which `test` holds. */
function until(session: UploadSession, test: (state: SessionState) => boolean): Promise<SessionState> {
  if (test(session.state)) return Promise.resolve(session.state);
  return new Promise((resolve) => {
    const listener = (event: SessionEventMap['statechange']): void => {
      if (!test(event.detail.state)) return;
      session.removeEventListener('statechange', listener);
      resolve(event.detail.state);
    };
    session.addEventListener('statechange', listener);
  });
}

/**
 * A wizard's key on the origin when the host gives none: the page's path and the element's id, or its
 * place among the wizards on the page.
 */
export function defaultSlot(path: string, id: string | undefined, index: number): string {
  return `${path}#${id ? id : `wizard-${index + 1}`}`;
}
