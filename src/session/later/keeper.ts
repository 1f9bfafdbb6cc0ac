// WorkKeeper's work (session/persistence.ts): offering saved work back, resuming it, saving after each
// check and fix. Loaded only when the origin has saved work or the admin picks a file, so that a page's
// first load carries only the keeper's face and a look at the origin's keys.
import { activityOf } from '../session-basics.js';
import type { UploadSession } from '../upload-session.js';
import { SavedWorkStore } from '../saved-work-face.js';
import type { LoadedWork, SavedWork } from '../saved-work.js';
import type { WizardStep } from '../steps.js';
import type { EditStep, SessionEventMap, SessionState, SessionStatus } from '../types.js';
import type { WizardFlow } from '../wizard-flow.js';
import { SAVE_DEBOUNCE_MS, WORK_STATUSES, type WorkKeeper, type WorkKeeperOptions, type WorkOffer } from '../persistence.js';

/** A checked file is on screen: saved (and, while not created, guarded against leaving the page). */
const SAVED_STATUSES: ReadonlySet<SessionStatus> = new Set(['check-failed', 'has-issues', 'ready', 'committing', 'commit-failed']);
/** Steps the admin comes back to. */
const RESUMED_STEPS: ReadonlySet<string> = new Set(['review', 'create']);

/** Expired work of every wizard on the origin is deleted once per page. */
let purged: Promise<unknown> | undefined;

/** What the keeper's part is started with: the keeper's options, and what happened before it loaded. */
export interface KeeperCoreOptions extends WorkKeeperOptions {
  /** The host cleared the work before this part loaded. */
  readonly silenced: boolean;
  /** A file was picked before this part loaded: what was saved for this slot is forgotten, the file kept. */
  readonly began: boolean;
}

/**
 * WorkKeeper's work (see session/persistence.ts), loaded when the origin has saved work or a file is
 * picked. Its events are the WorkKeeper's (`face`).
 */
export class KeeperCore {
  readonly #face: WorkKeeper;
  readonly flow: WizardFlow;
  /** Resolves once the saved work is loaded and offered (or known absent). */
  readonly ready: Promise<void>;
  #store: SavedWorkStore;
  #debounceMs: number;
  #saved?: LoadedWork;
  #offer?: WorkOffer;
  #restoring = false;
  /** The host cleared the work: the file on screen is no longer saved nor guarded, until the next file. */
  #silenced = false;
  #timer?: ReturnType<typeof setTimeout>;
  #disposed = false;

  /** Only for a keep time above 0 (WorkKeeper sees to it). */
  constructor(face: WorkKeeper, options: KeeperCoreOptions) {
    this.#face = face;
    this.flow = face.flow;
    this.#debounceMs = options.debounceMs ?? SAVE_DEBOUNCE_MS;
    this.#silenced = options.silenced;
    const now = options.now ?? Date.now;
    this.#store = new SavedWorkStore({ slot: options.slot, keepMs: options.keepMs, now });
    this.flow.session.addEventListener('statechange', this.#onState);
    this.flow.addEventListener('step-change', this.#onStep);
    if (options.began) {
      // What the first file's `reading` would have done here: this slot's old work is forgotten, and a
      // check that already ended is saved now.
      this.#silenced = false;
      this.#forget();
      const state = this.session.state;
      if (SAVED_STATUSES.has(state.status) && state.file && !state.editing?.checking) this.#schedule(0);
    }
    this.ready = this.#load(now());
  }

  get session(): UploadSession {
    return this.flow.session;
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
      this.#face.dispatchEvent(new CustomEvent('restored', { detail: { fileName: saved.file.name, savedAt: new Date(saved.savedAt), step: this.flow.step } }));
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
    await this.#store.clear();
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
    await new SavedWorkStore({ slot: this.#face.slot }).clear();
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
    void this.#store.clear();
  }

  #saveNow(): void {
    const work = this.#snapshot();
    if (work) void this.#store.save(work);
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
    this.#face.dispatchEvent(new CustomEvent('change'));
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

