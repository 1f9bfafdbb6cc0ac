// WizardFlow: which step of the wizard shows, headless. It follows an UploadSession and owns the flow
// rules the elements used to work out themselves: the step shown and where Back leads, the preset skip
// of the choose step, the presets shown fixed, the create handshake (`before-create` + proceed()), the
// "was the file refused as a whole" decision (file-refused.ts) and the upload's activity. No DOM; tested in Node.
import type { ActivitySummary } from '../backend/types.js';
import type { UploadSummary } from '../core/summary.js';
import { clampStep, isComplete, isReachable, previousStep, stepForTransition, stepsFor, type WizardStep } from './steps.js';
import type { Preset, SessionEventMap, SessionState } from './types.js';
import { activityOf, type UploadSession } from './upload-session.js';

/** A choice a host may preset, shown as fixed text (with "Change") until the admin unlocks it. */
export type PresetField = 'category' | 'activity' | 'domain' | 'identifierKind';

/** What "Next" on the choose step did. */
export type ChooseOutcome =
  | { readonly moved: true }
  /** The template spec is still loading: the step stays, busy, and moves on by itself once it is ready. */
  | { readonly moved: false; readonly busy: true }
  /** A choice is missing: the first one to make. */
  | { readonly moved: false; readonly busy: false; readonly missing?: 'activity' | 'domain' | 'identifierKind' };

/** The detail of the flow's cancelable `before-create` event. */
export interface CreateRequest {
  readonly count: number;
  readonly activity: ActivitySummary;
  readonly uploadId?: string;
  readonly summary: UploadSummary;
  /** Creates the records now, without the confirmation; at most once, and only for this very upload. */
  readonly proceed: () => void;
}

export interface FlowEventMap {
  /** The step shown changed. */
  'step-change': CustomEvent<{ step: WizardStep; previous: WizardStep }>;
  /** Anything the view shows changed (step, fixed presets, confirmation, waiting on Next). */
  change: CustomEvent<void>;
  /** Cancelable: the admin asked to create the records. preventDefault() vetoes the flow's confirmation. */
  'before-create': CustomEvent<CreateRequest>;
}

const ALL_FIELDS: readonly PresetField[] = ['category', 'activity', 'domain', 'identifierKind'];

/** Typed listeners for FlowEventMap (declaration merging with the class below: types only). */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface WizardFlow {
  addEventListener<K extends keyof FlowEventMap>(type: K, listener: (event: FlowEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof FlowEventMap>(type: K, listener: (event: FlowEventMap[K]) => unknown, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions): void;
}

/**
 * The wizard's flow over one UploadSession. Create it, call `start(preset)`, render `step`, and call
 * its methods from the controls; `dispose()` when done (it disposes nothing of the session's).
 *
 * @fires step-change - the step shown changed
 * @fires change - anything the view shows changed
 * @fires before-create - cancelable; the admin asked to create the records
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class WizardFlow extends EventTarget {
  readonly session: UploadSession;
  #step: WizardStep = 'access';
  #preset: Preset = {};
  #unlocked = new Set<PresetField>();
  /** Set when all of activity, domain and identifier kind are preset: leave the choose step once ready. */
  #skipChoose = false;
  /** Set by Next while the spec loads: move on when it is ready. */
  #nextPending = false;
  #missing?: 'activity' | 'domain' | 'identifierKind';
  #confirming = false;
  #disposed = false;

  constructor(session: UploadSession) {
    super();
    this.session = session;
    session.addEventListener('statechange', this.#onStateChange);
  }

  /** The step shown. */
  get step(): WizardStep {
    return this.#step;
  }

  get state(): SessionState {
    return this.session.state;
  }

  get preset(): Preset {
    return this.#preset;
  }

  /** The wizard's confirmation dialog should be open. */
  get confirming(): boolean {
    return this.#confirming;
  }

  /** The choice the last Next on the choose step found missing (cleared by any step change or choice). */
  get missing(): 'activity' | 'domain' | 'identifierKind' | undefined {
    return this.#missing;
  }

  /**
   * The choose step is shown only until the preset choice's template spec is ready, then gives way to the
   * template step by itself (all of activity, domain and identifier kind preset): the wizard need not
   * load the choose step's elements for it.
   */
  get skippingChoose(): boolean {
    return this.#skipChoose && this.#step === 'choose';
  }

  /** Next was pressed on the choose step while the template spec was loading: the step is busy. */
  get waiting(): boolean {
    return this.#nextPending;
  }

  /** Starts (or restarts) the session with these presets; all three of activity, domain and kind skip choosing. */
  start(preset: Preset = this.#preset): Promise<void> {
    this.#preset = { ...preset };
    this.#unlocked = new Set();
    this.#skipChoose = Boolean(preset.activityId && preset.domainId && preset.identifierKind);
    this.#nextPending = false;
    return this.session.start(preset);
  }

  /** Tries again after an access or list failure: the presets while checking access, else the choices made. */
  retry(): Promise<void> {
    return this.session.start(this.session.state.status === 'selecting' ? undefined : this.#preset);
  }

  reachable(step: WizardStep): boolean {
    return isReachable(step, this.state);
  }

  complete(step: WizardStep): boolean {
    return isComplete(step, this.state);
  }

  /** The steps of this upload, in order (the matching step only when the file's columns needed it). */
  get steps(): readonly WizardStep[] {
    return stepsFor(this.state);
  }

  /** Where Back leads from the step shown, if anywhere. */
  get previous(): WizardStep | undefined {
    return previousStep(this.#step, this.state);
  }

  /** Shows `step` when the flow allows it; returns whether it is shown. */
  goTo(step: WizardStep): boolean {
    if (!this.reachable(step)) return false;
    this.#show(step);
    return true;
  }

  back(): boolean {
    const to = this.previous;
    if (!to) return false;
    this.#show(to);
    return true;
  }

  // ── the choose step ───────────────────────────────────────────────────────────────────────────

  /** Whether `field` shows as the host's fixed choice (preset, applied, not unlocked by the admin). */
  fixed(field: PresetField): boolean {
    if (this.#unlocked.has(field)) return false;
    const { selection } = this.state;
    const p = this.#preset;
    switch (field) {
      case 'category':
        return Boolean(p.categoryId) && selection.categoryId === p.categoryId;
      case 'activity':
        return Boolean(p.activityId) && selection.activity?.id === p.activityId;
      case 'domain':
        return Boolean(p.domainId) && selection.domainId === p.domainId;
      case 'identifierKind':
        return Boolean(p.identifierKind) && selection.identifierKind === p.identifierKind;
    }
  }

  unlock(field: PresetField): void {
    this.#unlocked = new Set([...this.#unlocked, field]);
    this.#changed();
  }

  /** Next on the choose step: on to the template, or why not (busy loading, or the first missing choice). */
  chooseNext(): ChooseOutcome {
    const state = this.state;
    if (state.spec.status === 'ready') {
      this.#show('template');
      return { moved: true };
    }
    const { selection } = state;
    const missing = !selection.activity ? 'activity' : !selection.domainId ? 'domain' : !selection.identifierKind ? 'identifierKind' : undefined;
    if (!missing && state.spec.status === 'loading') {
      this.#nextPending = true;
      this.#missing = undefined;
      this.#changed();
      return { moved: false, busy: true };
    }
    this.#missing = missing;
    this.#changed();
    return missing ? { moved: false, busy: false, missing } : { moved: false, busy: false };
  }

  // ── creating ──────────────────────────────────────────────────────────────────────────────────

  /** The activity of the upload, in one shape (chosen, else the spec's). */
  get activity(): ActivitySummary | undefined {
    return activityOf(this.state);
  }

  /** Whether the file was refused as a whole (no table, no report: another file is needed). */
  get fileRefused(): boolean {
    // The rule (file-refused.ts, with the table of issue codes) loads with the session's file part: a
    // file refused as a whole was read by it.
    return this.session.fileRefused;
  }

  /**
   * "Create records": fires the cancelable `before-create`; unless vetoed or proceeded at once, the
   * confirmation opens (`confirming`). Returns whether it did.
   */
  requestCreate(): boolean {
    const session = this.session;
    const state = session.state;
    if (state.status !== 'ready' || state.issues.length > 0 || !state.summary) return false;
    const activity = this.activity;
    if (!activity) return false;
    const { summary } = state;
    let proceeded = false;
    const proceed = (): void => {
      if (proceeded) return;
      proceeded = true;
      this.#setConfirming(false);
      // Only the upload the host was told about: a host's dialog may stay open while the admin uploads
      // another file or starts over, and that upload was never confirmed.
      if (this.#disposed || session.state.summary !== summary) return;
      void session.commit();
    };
    const detail: CreateRequest = { count: summary.records, activity, summary, proceed, ...(state.uploadId ? { uploadId: state.uploadId } : {}) };
    const allowed = this.dispatchEvent(new CustomEvent('before-create', { detail, cancelable: true }));
    if (proceeded || !allowed) return false;
    this.#setConfirming(true);
    return true;
  }

  /** The admin confirmed in the wizard's dialog. */
  confirmCreate(): void {
    this.#setConfirming(false);
    void this.session.commit();
  }

  cancelCreate(): void {
    this.#setConfirming(false);
  }

  /** Retries a commit whose answer was lost (same key: never creates twice). */
  retryCreate(): void {
    void this.session.commit();
  }

  // ── starting again ────────────────────────────────────────────────────────────────────────────

  uploadAnother(): void {
    this.session.uploadAnother();
    this.#show('upload');
  }

  /** A new choice from scratch: every preset is open to change. */
  startOver(): void {
    this.#unlocked = new Set(ALL_FIELDS);
    this.#skipChoose = false;
    this.session.startOver();
    this.#show('choose');
  }

  dispose(): void {
    this.#disposed = true;
    this.session.removeEventListener('statechange', this.#onStateChange);
  }

  // ── internals ─────────────────────────────────────────────────────────────────────────────────

  #onStateChange = (event: SessionEventMap['statechange']): void => {
    const { state, previous } = event.detail;
    // While the admin's fixes are checked again (a re-read, then a dry run of a file now clean) the review
    // stays on screen: the grid keeps its place and focus instead of flashing to the upload step.
    const next = state.editing?.checking && state.status === 'dry-run' ? undefined : stepForTransition(previous.status, state.status);
    if (next) this.#show(next);
    const spec = state.spec.status;
    const noted = state.notices.length > 0;
    if (this.#step === 'choose' && spec === 'ready' && (this.#nextPending || (this.#skipChoose && !noted))) {
      this.#skipChoose = false;
      this.#nextPending = false;
      this.#show('template');
    } else {
      // A preset that could not be applied, or a spec that failed: the admin looks at the choices.
      if (spec === 'error' || noted) this.#skipChoose = false;
      // Next waited for a spec that failed or whose choice changed: the admin decides again.
      if (spec === 'error' || spec === 'idle') this.#nextPending = false;
    }
    if (previous.selection !== state.selection) this.#missing = undefined;
    if (this.#confirming && state.status !== 'ready') this.#confirming = false;
    if (!isReachable(this.#step, state)) this.#show(clampStep(this.#step, state));
    this.#changed();
  };

  #show(step: WizardStep): void {
    if (step === this.#step) return;
    const previous = this.#step;
    this.#step = step;
    this.#missing = undefined;
    if (step !== 'choose') this.#nextPending = false;
    // The admin is about to pick a file: what reading it needs (the session's file part, the worker)
    // loads now, not with the first screens.
    if (step === 'upload') void this.session.prepareFile();
    this.dispatchEvent(new CustomEvent('step-change', { detail: { step, previous } }));
    this.#changed();
  }

  #setConfirming(value: boolean): void {
    if (this.#confirming === value) return;
    this.#confirming = value;
    this.#changed();
  }

  #changed(): void {
    this.dispatchEvent(new CustomEvent('change'));
  }
}
