// <offline-upload-wizard>: the admin's whole flow — access, choice, template, upload, review, create,
// done — rendered from an UploadSession. The element keeps only view state (the step shown, open
// dialogs, what is being downloaded); everything about the upload lives in the session.
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { ActivitySummary, LmsBackend } from '../../backend/types.js';
import type { DateOrder } from '../../core/read/types.js';
import { BeforeCreateEvent } from '../../events/before-create.js';
import { CreatedEvent } from '../../events/created.js';
import { FailedEvent } from '../../events/failed.js';
import { WIZARD_STEPS, type WizardStep } from '../../events/prefix.js';
import { StepChangeEvent } from '../../events/step-change.js';
import { ValidatedEvent } from '../../events/validated.js';
import type { Localizer, MessageKey, MessageOverrides } from '../../i18n/localize.js';
import type { SessionEventMap, SessionState, SessionStatus } from '../../session/types.js';
import { DEFAULT_MAX_FILE_SIZE, UploadSession } from '../../session/upload-session.js';
import type { ActivitySearch } from '../activity-combobox/activity-combobox.component.js';
import { renderNoAccess } from '../no-access-panel/no-access-panel.js';
import { LocaleController } from '../shared/locale-controller.js';
import { saveBlob } from './download.js';
import { clampStep, isComplete, isReachable, previousStep, stepForTransition } from './flow.js';
import { styles } from './offline-upload-wizard.styles.js';
import { describeColumn, describeRules } from './template-columns.js';

type PresetField = 'category' | 'activity' | 'domain' | 'identifier';

const STEP_NAMES: Record<WizardStep, MessageKey> = {
  access: 'stepAccess',
  choose: 'stepChoose',
  template: 'stepTemplate',
  upload: 'stepUpload',
  review: 'stepReview',
  create: 'stepCreate',
  done: 'stepDoneName',
};

const PHASES: Record<string, MessageKey> = {
  reading: 'phaseReading',
  validating: 'phaseValidating',
  'dry-run': 'phaseDryRun',
  committing: 'phaseCommitting',
};

const BUSY: ReadonlySet<SessionStatus> = new Set(['reading', 'dry-run']);

/** How long the element waits for a backend before saying it has none. */
const NOT_CONFIGURED_AFTER_MS = 1000;

/**
 * The whole upload of offline activity records, step by step: access check, choice of activity, domain
 * and identifier, template download, upload with validation and the LMS's dry run, review of issues or
 * of the summary, one atomic creation, and what next.
 *
 * @summary Guides an LMS administrator through uploading offline activity records from a spreadsheet.
 *
 * @attr {string} lang - Language of the interface (`en`, `fr`, …); inherited from the page when absent.
 *
 * @slot no-access - Replaces the default contact links on the no-access panel (e.g. your own help text).
 *
 * @fires {StepChangeEvent} offline-upload-step-change - The step shown changed. `detail: { step, previous, index }`.
 * @fires {ValidatedEvent} offline-upload-validated - A file was read and checked, clean or with issues. `detail: { summary, issues, fileName }`.
 * @fires {BeforeCreateEvent} offline-upload-before-create - Cancelable. The admin asked to create the records: `preventDefault()` vetoes or takes over the confirmation; `detail.proceed()` creates them without the wizard's own confirmation. `detail: { count, activity, uploadId, summary, proceed }`.
 * @fires {CreatedEvent} offline-upload-created - Every record was created. `detail: { uploadId, count, activity, result }`.
 * @fires {FailedEvent} offline-upload-failed - A step failed. Nothing was created, except perhaps when a commit's answer was lost (`failure.retryable`): retrying settles it without creating anything twice. `detail: { failure, step }`.
 *
 * @csspart base - The wizard's outer box.
 * @csspart stepper - The list of steps at the top.
 * @csspart step - One entry of the stepper.
 * @csspart panel - The current step's content.
 * @csspart heading - The current step's heading (focused on step change).
 * @csspart guidance - The line of guidance under the heading.
 * @csspart actions - The row of buttons at the bottom of a step.
 * @csspart progress - The progress block (label, bar, file, cancel).
 * @csspart progress-bar - The filled part of the progress bar.
 * @csspart no-access - The no-access panel.
 * @csspart dialog - The confirmation dialog.
 * @csspart summary - The <upload-summary> of the review and create steps.
 * @csspart summary-base - That summary's bordered box (its `base` part).
 * @csspart summary-headline - That summary's "N records ready to create" line (its `headline` part).
 * @csspart drop-zone - The drop zone of the upload step.
 * @csspart issues - The issues table of the review step.
 *
 * @cssprop --offline-upload-font-family - Font stack (default: the system font).
 * @cssprop --offline-upload-font-size - Base font size (default 0.9375rem).
 * @cssprop --offline-upload-color-text - Text colour.
 * @cssprop --offline-upload-color-muted - Secondary text colour.
 * @cssprop --offline-upload-color-background - Background of the wizard and of fields.
 * @cssprop --offline-upload-color-surface - Background of secondary areas (stepper, table heads, drop zone).
 * @cssprop --offline-upload-color-border - Borders of boxes and tables.
 * @cssprop --offline-upload-color-control-border - Borders of fields and buttons (keep 3:1 contrast).
 * @cssprop --offline-upload-color-accent - Primary buttons, current step, links, progress.
 * @cssprop --offline-upload-color-accent-hover - Primary buttons on hover.
 * @cssprop --offline-upload-color-on-accent - Text on the accent colour.
 * @cssprop --offline-upload-color-accent-soft - Highlighted option and drag-over background.
 * @cssprop --offline-upload-color-danger - Errors and issue counts.
 * @cssprop --offline-upload-color-danger-soft - Background of error panels.
 * @cssprop --offline-upload-color-success - Success messages.
 * @cssprop --offline-upload-color-success-soft - Background of success panels.
 * @cssprop --offline-upload-color-focus - Focus ring.
 * @cssprop --offline-upload-radius - Corner radius of boxes, fields and buttons.
 * @cssprop --offline-upload-space - Base spacing unit.
 */
export class OfflineUploadWizardElement extends LitElement {
  static override styles = styles;

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }

  /** Base URL of the LMS's offline-upload REST API (e.g. `/api/lms`); used when no `backend` is set. */
  @property({ attribute: 'api-base' }) apiBase?: string;

  /** Any LmsBackend implementation; wins over `api-base`. Property only. */
  @property({ attribute: false }) backend?: LmsBackend;

  /** Preset category: the choose step starts with it (shown as fixed text with a "Change" button). */
  @property({ attribute: 'category-id' }) categoryId?: string;

  /** Preset activity, e.g. when launched from an activity's page. */
  @property({ attribute: 'activity-id' }) activityId?: string;

  /** Preset user domain. */
  @property({ attribute: 'domain-id' }) domainId?: string;

  /** Preset user unique identifier kind (e.g. `email`); with all four presets the choose step is skipped. */
  @property() identifier?: string;

  /** Locale for text, numbers and dates (e.g. `fr-CA`); wins over `lang`. */
  @property() locale?: string;

  /** How dates typed as text are read: `DMY` (default), `MDY` or `YMD`. ISO dates are always accepted. */
  @property({ attribute: 'date-order' }) dateOrder?: DateOrder;

  /** Largest file accepted, in bytes (default 50 MiB). */
  @property({ type: Number, attribute: 'max-file-size' }) maxFileSize?: number;

  /** Most records accepted in one file (default 100,000). */
  @property({ type: Number, attribute: 'max-rows' }) maxRows?: number;

  /** Link of "Send us a message" on the no-access panel (wins over the LMS's contact URL). */
  @property({ attribute: 'support-url' }) supportUrl?: string;

  /** E-mail shown on the no-access panel (wins over the LMS's contact e-mail). */
  @property({ attribute: 'support-email' }) supportEmail?: string;

  /** Host overrides of any string: `{ next: 'Continue', kinds: {…}, issues: {…} }` (see MessageOverrides). */
  @property({ attribute: false }) messages?: MessageOverrides;

  @state() private sessionState?: SessionState;
  @state() private currentStep: WizardStep = 'access';
  @state() private unlocked: ReadonlySet<PresetField> = new Set();
  @state() private chooseError = '';
  @state() private busy?: 'xlsx' | 'csv' | 'issues';
  @state() private actionError = '';
  @state() private liveMessage = '';
  @state() private livePoliteness: 'polite' | 'assertive' = 'polite';
  @state() private notConfigured = false;
  /** Why no backend could be made from `api-base` (the REST client did not load, or refused the URL). */
  @state() private connectError = '';

  @query('dialog') private dialog?: HTMLDialogElement;

  private readonly localeController = new LocaleController(this);
  private session?: UploadSession;
  private backendKey?: unknown;
  private connectGeneration = 0;
  private disposeTimer?: ReturnType<typeof setTimeout>;
  private notConfiguredTimer?: ReturnType<typeof setTimeout>;
  private interacted = false;
  private focusPending = false;
  private focusAfterRender?: string;
  private skipChoosePending = false;
  private progressMark = '';
  private liveTimer?: ReturnType<typeof setTimeout>;

  /** The step shown. */
  get step(): WizardStep {
    return this.currentStep;
  }

  /** The UploadSession behind the wizard (read-only), for hosts that want its state or events. */
  get uploadSession(): UploadSession | undefined {
    return this.session;
  }

  /** Shows `step` when the flow allows it (as the stepper does); returns whether it is shown. */
  goToStep(step: WizardStep): boolean {
    if (!isReachable(step, this.sessionState)) return false;
    this.goTo(step);
    return true;
  }

  private get l(): Localizer {
    return this.localeController.localizer;
  }

  // ── lifecycle ─────────────────────────────────────────────────────────────────────────────────

  override connectedCallback(): void {
    super.connectedCallback();
    clearTimeout(this.disposeTimer);
    this.addEventListener('pointerdown', this.markInteracted);
    this.addEventListener('keydown', this.markInteracted);
    this.addEventListener('drop', this.markInteracted);
    this.addEventListener('dragover', this.onStrayDrag);
    this.addEventListener('drop', this.onStrayDrag);
    this.renderRoot.addEventListener('announce', this.onAnnounce as EventListener);
    if (this.hasUpdated) void this.connectBackend();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('pointerdown', this.markInteracted);
    this.removeEventListener('keydown', this.markInteracted);
    this.removeEventListener('drop', this.markInteracted);
    this.removeEventListener('dragover', this.onStrayDrag);
    this.removeEventListener('drop', this.onStrayDrag);
    this.renderRoot.removeEventListener('announce', this.onAnnounce as EventListener);
    // Moving the element in the page disconnects and reconnects it at once: keep the session then.
    this.disposeTimer = setTimeout(() => this.teardown(), 0);
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang') this.requestUpdate();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (!this.hasUpdated || changed.has('backend') || changed.has('apiBase')) {
      void this.connectBackend();
    } else if (this.session && (changed.has('categoryId') || changed.has('activityId') || changed.has('domainId') || changed.has('identifier'))) {
      // New presets: apply them as a fresh start (access and lists are checked again, cheaply).
      this.unlocked = new Set();
      this.skipChoosePending = this.allPreset;
      void this.session.start(this.preset);
    }
    if (this.session && (changed.has('dateOrder') || changed.has('maxFileSize') || changed.has('maxRows'))) {
      this.session.setOptions(this.sessionOptions);
    }
  }

  protected override updated(): void {
    if (this.focusAfterRender) {
      const target = this.renderRoot.querySelector<HTMLElement>(this.focusAfterRender);
      this.focusAfterRender = undefined;
      target?.focus();
      return;
    }
    if (this.focusPending) {
      this.focusPending = false;
      this.renderRoot.querySelector<HTMLElement>('[data-step-heading]')?.focus();
    }
  }

  /** Dispatches one of the public events (declared with @fires above); returns false when vetoed. */
  private emit(event: Event): boolean {
    return this.dispatchEvent(event);
  }

  private markInteracted = (): void => {
    this.interacted = true;
  };

  /**
   * A file dropped on the wizard beside a drop zone would be opened by the browser, leaving the page
   * and the admin's progress: refuse it here. A drop zone accepts its own drops first (defaultPrevented).
   */
  private onStrayDrag = (event: DragEvent): void => {
    if (event.defaultPrevented || !event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    if (event.type === 'dragover') event.dataTransfer.dropEffect = 'none';
  };

  private get preset(): { categoryId?: string; activityId?: string; domainId?: string; identifier?: string } {
    return {
      ...(this.categoryId ? { categoryId: this.categoryId } : {}),
      ...(this.activityId ? { activityId: this.activityId } : {}),
      ...(this.domainId ? { domainId: this.domainId } : {}),
      ...(this.identifier ? { identifier: this.identifier } : {}),
    };
  }

  private get allPreset(): boolean {
    return Boolean(this.activityId && this.domainId && this.identifier);
  }

  private get sessionOptions() {
    return { dateOrder: this.dateOrder, maxFileSize: this.maxFileSize, maxRows: this.maxRows };
  }

  /** Makes the session for the current backend (once per backend), and starts it. */
  private async connectBackend(): Promise<void> {
    const key = this.backend ?? this.apiBase;
    if (this.session && key === this.backendKey) return;
    this.backendKey = key;
    const generation = ++this.connectGeneration;
    let backend: LmsBackend | undefined = this.backend;
    let connectError = '';
    if (!backend && this.apiBase) {
      try {
        // Loaded on demand: a host that passes its own backend never downloads the REST client and zod.
        const { RestBackend } = await import('../../backend/rest-backend.js');
        backend = new RestBackend({ baseUrl: this.apiBase });
      } catch (error) {
        // A chunk that no longer loads (e.g. after a redeploy) or a base URL refused: said, with Retry,
        // instead of "checking your access" for ever.
        connectError = error instanceof Error ? error.message : String(error);
      }
    }
    if (generation !== this.connectGeneration || !this.isConnected) return;
    this.teardown();
    this.backendKey = key;
    clearTimeout(this.notConfiguredTimer);
    this.connectError = connectError;
    if (!backend) {
      this.sessionState = undefined;
      if (connectError) {
        this.announce(this.l.t('connectError', { message: connectError }), true);
        return;
      }
      // Hosts often set api-base or backend a moment after the element appears (once their own
      // set-up is done): say "not connected" only if it stays so.
      this.notConfiguredTimer = setTimeout(() => (this.notConfigured = !this.session), NOT_CONFIGURED_AFTER_MS);
      return;
    }
    this.notConfigured = false;
    const session = new UploadSession(backend, this.sessionOptions);
    this.session = session;
    session.addEventListener('statechange', this.onStateChange);
    session.addEventListener('validated', this.onValidated);
    session.addEventListener('created', this.onCreated);
    session.addEventListener('failed', this.onFailed);
    this.sessionState = session.state;
    this.currentStep = 'access';
    this.unlocked = new Set();
    this.skipChoosePending = this.allPreset;
    void session.start(this.preset);
  }

  private teardown(): void {
    clearTimeout(this.notConfiguredTimer);
    const session = this.session;
    if (!session) return;
    session.removeEventListener('statechange', this.onStateChange);
    session.removeEventListener('validated', this.onValidated);
    session.removeEventListener('created', this.onCreated);
    session.removeEventListener('failed', this.onFailed);
    session.dispose();
    this.session = undefined;
    this.backendKey = undefined;
  }

  // ── following the session ─────────────────────────────────────────────────────────────────────

  private onStateChange = (event: SessionEventMap['statechange']): void => {
    const { state, previous } = event.detail;
    this.sessionState = state;
    const next = stepForTransition(previous.status, state.status);
    if (next) this.goTo(next);
    if (this.skipChoosePending) {
      if (state.spec.status === 'ready' && !state.notice && this.currentStep === 'choose') {
        this.skipChoosePending = false;
        this.goTo('template');
      } else if (state.spec.status === 'error' || state.notice) {
        this.skipChoosePending = false;
      }
    }
    if (!isReachable(this.currentStep, state)) this.goTo(clampStep(this.currentStep, state));
    this.announceProgress(state);
  };

  private onValidated = (event: SessionEventMap['validated']): void => {
    const { summary, issues } = event.detail;
    const fileName = this.sessionState?.file?.name;
    this.emit(new ValidatedEvent({ summary, issues, ...(fileName ? { fileName } : {}) }));
    this.announce(issues.length > 0 ? this.l.t('announceIssues', { count: issues.length }) : this.l.t('announceReady', { count: summary.records }));
  };

  private onCreated = (event: SessionEventMap['created']): void => {
    const { result, activity } = event.detail;
    this.emit(new CreatedEvent({ uploadId: result.uploadId, count: result.created, activity, result }));
    this.announce(this.l.t('announceCreated', { count: result.created }));
  };

  private onFailed = (event: SessionEventMap['failed']): void => {
    const { failure } = event.detail;
    this.emit(new FailedEvent({ failure, step: this.currentStep }));
    this.announce(this.l.failure(failure).message, true);
  };

  private goTo(step: WizardStep): void {
    if (step === this.currentStep) return;
    const previous = this.currentStep;
    this.currentStep = step;
    this.chooseError = '';
    this.actionError = '';
    // Focus follows the flow only once the admin is using the wizard: never steal it on page load.
    this.focusPending = this.interacted || this.matches(':focus-within');
    this.emit(new StepChangeEvent({ step, previous, index: WIZARD_STEPS.indexOf(step) }));
  }

  // ── the live region ───────────────────────────────────────────────────────────────────────────

  private announce(message: string, assertive = false): void {
    clearTimeout(this.liveTimer);
    // Politeness first, text a moment later, so that screen readers see the region's new mode; the
    // text is cleared first so that the same sentence twice is announced twice.
    this.livePoliteness = assertive ? 'assertive' : 'polite';
    this.liveMessage = '';
    this.liveTimer = setTimeout(() => (this.liveMessage = message), 60);
  }

  private onAnnounce = (event: CustomEvent<{ message: string; assertive?: boolean }>): void => {
    event.stopPropagation();
    this.announce(event.detail.message, event.detail.assertive === true);
  };

  /** Progress in words at each phase and every quarter, not at every tick. */
  private announceProgress(state: SessionState): void {
    const progress = state.progress;
    if (!progress || !BUSY.has(state.status)) {
      this.progressMark = '';
      return;
    }
    const quarter = Math.floor(progress.fraction * 4);
    const mark = `${progress.phase}:${quarter}`;
    if (mark === this.progressMark) return;
    this.progressMark = mark;
    const l = this.l;
    this.announce(l.t('announceProgress', { phase: l.t(PHASES[progress.phase] ?? 'phaseReading'), percent: l.percent(progress.fraction) }));
  }

  // ── actions ───────────────────────────────────────────────────────────────────────────────────

  private retryStart(): void {
    void this.session?.start(this.session.state.status === 'selecting' ? undefined : this.preset);
  }

  private unlock(field: PresetField): void {
    this.unlocked = new Set([...this.unlocked, field]);
    this.focusAfterRender = `#${field}`;
  }

  private onNextFromChoose(): void {
    const state = this.sessionState;
    if (!state) return;
    if (state.spec.status === 'ready') {
      this.goTo('template');
      return;
    }
    const { selection } = state;
    if (!selection.activity || !selection.domainId || !selection.identifier) {
      this.chooseError = this.l.t('chooseIncomplete');
      this.announce(this.chooseError, true);
      const first = !selection.activity ? '#activity' : !selection.domainId ? '#domain' : '[name=identifier]';
      this.focusAfterRender = first;
      this.requestUpdate();
    }
  }

  private async download(kind: 'xlsx' | 'csv' | 'issues'): Promise<void> {
    const session = this.session;
    if (!session || this.busy) return;
    this.busy = kind;
    this.actionError = '';
    try {
      // The template follows the admin's locale: its dates, and for a decimal-comma locale a `;` CSV that
      // their Excel splits into columns (the reader takes either back).
      const { blob, fileName } =
        kind === 'issues' ? await session.errorReport('xlsx') : await session.downloadTemplate(kind, { locale: this.l.locale });
      saveBlob(blob, fileName, this.renderRoot);
    } catch (error) {
      this.actionError = this.l.t('downloadError', { message: error instanceof Error ? error.message : String(error) });
      this.announce(this.actionError, true);
    } finally {
      this.busy = undefined;
    }
  }

  private onFileSelect = (event: CustomEvent<{ file: File }>): void => {
    const session = this.session;
    if (!session) return;
    session.uploadFile(event.detail.file, event.detail.file.name).catch((error: unknown) => {
      this.actionError = error instanceof Error ? error.message : String(error);
      this.announce(this.actionError, true);
    });
  };

  private cancelUpload(): void {
    this.session?.cancel();
    this.announce(this.l.t('uploadCancelled'));
    this.focusAfterRender = 'offline-upload-drop-zone';
  }

  /** "Create records": the host hears first (and may veto or confirm itself), then our confirmation. */
  private requestCreate(): void {
    const state = this.sessionState;
    if (!this.session || !state || state.status !== 'ready' || state.issues.length > 0 || !state.summary) return;
    const activity = state.selection.activity ?? this.activityFromSpec(state);
    if (!activity) return;
    const { session } = this;
    const { summary } = state;
    let proceeded = false;
    const proceed = (): void => {
      if (proceeded) return;
      proceeded = true;
      if (this.dialog?.open) this.dialog.close();
      // Only the upload the host was told about: a host's dialog may stay open while the admin uploads
      // another file or starts over, and that upload was never confirmed.
      if (this.session !== session || session.state.summary !== summary) return;
      void session.commit();
    };
    const event = new BeforeCreateEvent({
      count: summary.records,
      activity,
      summary,
      proceed,
      ...(state.uploadId ? { uploadId: state.uploadId } : {}),
    });
    const allowed = this.dispatchEvent(event);
    if (proceeded || !allowed) return;
    this.dialog?.showModal();
  }

  private activityFromSpec(state: SessionState): ActivitySummary | undefined {
    const a = state.spec.value?.activity;
    return a ? { id: a.id, name: a.name, categoryId: a.categoryId, startDate: a.startDate } : undefined;
  }

  private confirmCreate(): void {
    this.dialog?.close();
    void this.session?.commit();
  }

  private cancelConfirm(): void {
    this.dialog?.close();
    this.focusAfterRender = '#create';
    this.requestUpdate();
  }

  private uploadAnother(): void {
    this.session?.uploadAnother();
    this.goTo('upload');
  }

  private startOver(): void {
    this.unlocked = new Set(['category', 'activity', 'domain', 'identifier']);
    this.session?.startOver();
    this.goTo('choose');
  }

  private back(): void {
    const to = previousStep(this.currentStep, this.sessionState);
    if (to) this.goTo(to);
  }

  // ── rendering ─────────────────────────────────────────────────────────────────────────────────

  override render(): TemplateResult {
    const l = this.l;
    return html`
      <section part="base" class="base" aria-label=${l.t('wizardLabel')}>
        ${this.renderStepper()}
        <div part="panel" class="panel">${this.renderStep()}</div>
        <div class="visually-hidden" aria-live=${this.livePoliteness} aria-atomic="true" data-live>${this.liveMessage}</div>
      </section>
      ${this.renderDialog()}
    `;
  }

  private renderStepper(): TemplateResult {
    const l = this.l;
    const state = this.sessionState;
    const index = WIZARD_STEPS.indexOf(this.currentStep);
    return html`
      <nav part="stepper" class="stepper" aria-label=${l.t('stepsLabel')}>
        <ol>
          ${WIZARD_STEPS.map((step, i) => {
            const current = step === this.currentStep;
            const complete = !current && isComplete(step, state);
            const reachable = !current && step !== 'access' && isReachable(step, state);
            const name = l.t(STEP_NAMES[step]);
            const content = html`<span class="marker" aria-hidden="true">${complete ? '✓' : i + 1}</span><span class="name">${name}</span>${complete
                ? html`<span class="visually-hidden"> ${l.t('stepDone')}</span>`
                : nothing}`;
            return html`<li part="step" class="${current ? 'current' : ''} ${complete ? 'complete' : ''} ${reachable ? 'reachable' : ''}">
              ${reachable
                ? html`<button type="button" class="step-link" @click=${() => this.goTo(step)}>${content}</button>`
                : html`<span class="step-link" aria-current=${current ? 'step' : nothing}>${content}</span>`}
            </li>`;
          })}
        </ol>
        <!-- Shown instead of the list in narrow columns (one of the two is displayed at a time). -->
        <p class="step-count">
          ${l.t('stepOf', { current: index + 1, total: WIZARD_STEPS.length })} · <strong>${l.t(STEP_NAMES[this.currentStep])}</strong>
        </p>
        <div class="step-track" aria-hidden="true"><span style=${styleMap({ inlineSize: `${((index + 1) / WIZARD_STEPS.length) * 100}%` })}></span></div>
      </nav>
    `;
  }

  private renderHeading(heading: string, guidance: string): TemplateResult {
    return html`
      <h2 part="heading" class="heading" tabindex="-1" data-step-heading>${heading}</h2>
      <p part="guidance" class="guidance">${guidance}</p>
    `;
  }

  private renderActions(content: TemplateResult | typeof nothing, withBack = true): TemplateResult {
    const back = withBack ? previousStep(this.currentStep, this.sessionState) : undefined;
    return html`<div part="actions" class="actions">
      ${back ? html`<button type="button" class="button back" @click=${this.back}><span class="arrow" aria-hidden="true">←</span> ${this.l.t('back')}</button>` : nothing}
      <span class="spacer"></span>
      ${content}
    </div>`;
  }

  private renderStep(): TemplateResult {
    const state = this.sessionState;
    if (this.notConfigured || this.connectError || !state) return this.renderAccess(state);
    switch (this.currentStep) {
      case 'access':
        return this.renderAccess(state);
      case 'choose':
        return this.renderChoose(state);
      case 'template':
        return this.renderTemplate(state);
      case 'upload':
        return this.renderUpload(state);
      case 'review':
        return this.renderReview(state);
      case 'create':
        return this.renderCreate(state);
      case 'done':
        return this.renderDone(state);
    }
  }

  /** A failure in the UI locale, with the session's own (English) sentence as detail elsewhere. */
  private renderFailure(failure: { kind: string; message: string }, extra?: string): TemplateResult {
    const { message, detail } = this.l.failure(failure);
    return html`<div class="alert error">
      <p>${message}</p>
      ${detail ? html`<p class="detail">${this.l.t('details', { message: detail })}</p>` : nothing}
      ${extra ? html`<p>${extra}</p>` : nothing}
    </div>`;
  }

  // 1. Access ─────────────────────────────────────────────────────────────────────────────────────

  private renderAccess(state: SessionState | undefined): TemplateResult {
    const l = this.l;
    if (this.notConfigured) {
      return html`${this.renderHeading(l.t('accessErrorHeading'), l.t('notConfigured'))}`;
    }
    if (this.connectError) {
      return html`
        ${this.renderHeading(l.t('accessErrorHeading'), '')}
        <div class="alert error"><p>${l.t('connectError', { message: this.connectError })}</p></div>
        ${this.renderActions(html`<button type="button" class="button primary" @click=${() => void this.connectBackend()}>${l.t('retry')}</button>`, false)}
      `;
    }
    if (state?.status === 'no-access') {
      const p = state.permissions;
      return html`
        ${this.renderHeading(l.t('noAccessHeading'), '')}
        ${renderNoAccess(l, {
          ...(p?.reason ? { reason: p.reason } : {}),
          ...(this.supportUrl || p?.contactUrl ? { contactUrl: this.supportUrl || p?.contactUrl } : {}),
          ...(this.supportEmail || p?.contactEmail ? { contactEmail: this.supportEmail || p?.contactEmail } : {}),
        })}
      `;
    }
    if (state?.status === 'access-error') {
      return html`
        ${this.renderHeading(l.t('accessErrorHeading'), '')}
        ${state.failure ? this.renderFailure(state.failure) : nothing}
        ${this.renderActions(html`<button type="button" class="button primary" @click=${this.retryStart}>${l.t('retry')}</button>`, false)}
      `;
    }
    return html`
      ${this.renderHeading(l.t('accessHeading'), l.t('accessGuidance'))}
      <p class="quiet-loading"><span class="spinner" aria-hidden="true"></span> ${l.t('listLoading')}</p>
    `;
  }

  // 2. Choose ─────────────────────────────────────────────────────────────────────────────────────

  private isFixed(field: PresetField, state: SessionState): boolean {
    if (this.unlocked.has(field)) return false;
    const { selection } = state;
    switch (field) {
      case 'category':
        return Boolean(this.categoryId) && selection.categoryId === this.categoryId;
      case 'activity':
        return Boolean(this.activityId) && selection.activity?.id === this.activityId;
      case 'domain':
        return Boolean(this.domainId) && selection.domainId === this.domainId;
      case 'identifier':
        return Boolean(this.identifier) && selection.identifier === this.identifier;
    }
  }

  private renderFixed(field: PresetField, label: string, value: string): TemplateResult {
    return html`<div class="fixed">
      <span class="label" id="${field}-label">${label}</span>
      <span class="fixed-value" id="${field}-value">${value}</span>
      <button type="button" class="button quiet" aria-label=${this.l.t('changeField', { field: label })} @click=${() => this.unlock(field)}>
        ${this.l.t('change')}
      </button>
    </div>`;
  }

  private renderListStatus(list: { status: string; error?: string }): TemplateResult | typeof nothing {
    if (list.status === 'loading') return html`<p class="hint"><span class="spinner" aria-hidden="true"></span> ${this.l.t('listLoading')}</p>`;
    if (list.status === 'error') {
      return html`<p class="error-text">
        ${this.l.t('listError', { message: list.error ?? '' })}
        <button type="button" class="button quiet" @click=${this.retryStart}>${this.l.t('retry')}</button>
      </p>`;
    }
    return nothing;
  }

  private renderChoose(state: SessionState): TemplateResult {
    const l = this.l;
    const session = this.session!;
    const { selection, categories, domains, spec } = state;
    const categoryList = categories.value ?? [];
    const domainList = domains.value ?? [];
    const domain = domainList.find((d) => d.id === selection.domainId);
    const categoryName = categoryList.find((c) => c.id === selection.categoryId)?.name ?? selection.categoryId ?? '';
    const search: ActivitySearch = (text, options) => session.searchActivities(text, options);
    const missing = this.chooseError !== '';
    return html`
      ${this.renderHeading(l.t('chooseHeading'), l.t('chooseGuidance'))}
      ${state.notice
        ? html`<div class="alert notice" role="note">
            <p>${l.isEnglish ? state.notice : l.t('noticeGeneric')}</p>
            ${l.isEnglish ? nothing : html`<p class="detail">${l.t('details', { message: state.notice })}</p>`}
          </div>`
        : nothing}
      <div class="form">
        ${this.isFixed('category', state)
          ? this.renderFixed('category', l.t('categoryLabel'), categoryName)
          : html`<div class="field">
              <label for="category">${l.t('categoryLabel')}</label>
              <select id="category" class="control" ?disabled=${categories.status !== 'ready'}
                @change=${(e: Event) => session.selectCategory((e.target as HTMLSelectElement).value || undefined)}>
                <option value="" ?selected=${!selection.categoryId}>${l.t('categoryAll')}</option>
                ${categoryList.map((c) => html`<option value=${c.id} ?selected=${c.id === selection.categoryId}>${c.name}</option>`)}
              </select>
              ${this.renderListStatus(categories)}
            </div>`}
        ${this.isFixed('activity', state) && selection.activity
          ? this.renderFixed('activity', l.t('activityLabel'), [selection.activity.code, selection.activity.name].filter(Boolean).join(' · '))
          : html`<offline-upload-activity-combobox
              id="activity"
              .search=${search}
              .value=${selection.activity}
              .localizer=${l}
              .scope=${selection.categoryId ?? ''}
              ?invalid=${missing && !selection.activity}
              @activity-change=${(e: CustomEvent<ActivitySummary>) => session.selectActivity(e.detail)}
            ></offline-upload-activity-combobox>`}
        ${this.isFixed('domain', state)
          ? this.renderFixed('domain', l.t('domainLabel'), domain?.name ?? selection.domainId ?? '')
          : html`<div class="field">
              <label for="domain">${l.t('domainLabel')}</label>
              <select id="domain" class="control" ?disabled=${domains.status !== 'ready'} aria-required="true"
                aria-invalid=${missing && !selection.domainId ? 'true' : 'false'}
                @change=${(e: Event) => session.selectDomain((e.target as HTMLSelectElement).value || undefined)}>
                <option value="" disabled ?selected=${!selection.domainId}>${l.t('domainPlaceholder')}</option>
                ${domainList.map((d) => html`<option value=${d.id} ?selected=${d.id === selection.domainId}>${d.name}</option>`)}
              </select>
              ${this.renderListStatus(domains)}
            </div>`}
        ${this.isFixed('identifier', state)
          ? this.renderFixed('identifier', l.t('identifierLabel'), domain?.identifierKinds.find((k) => k.key === selection.identifier)?.label ?? selection.identifier ?? '')
          : html`<fieldset class="field identifier" aria-describedby="identifier-hint">
              <legend class="label">${l.t('identifierLabel')}</legend>
              <p class="hint" id="identifier-hint">${domain ? l.t('identifierHint') : l.t('identifierNone')}</p>
              ${domain
                ? html`<div class="radios">
                    ${domain.identifierKinds.map(
                      (kind, i) => html`<label class="radio">
                        <input type="radio" name="identifier" id=${i === 0 ? 'identifier' : `identifier-${i}`} value=${kind.key}
                          .checked=${kind.key === selection.identifier}
                          @change=${() => session.selectIdentifier(kind.key)} />
                        <span>${kind.label}${kind.patternHint ? html` <span class="hint">(${kind.patternHint})</span>` : nothing}</span>
                      </label>`,
                    )}
                  </div>`
                : nothing}
            </fieldset>`}
      </div>
      <div class="spec-status">
        ${spec.status === 'loading' ? html`<p class="hint"><span class="spinner" aria-hidden="true"></span> ${l.t('specLoading')}</p>` : nothing}
        ${spec.status === 'error'
          ? html`<p class="error-text">${l.t('specError', { message: spec.error ?? '' })}
              <button type="button" class="button quiet" @click=${this.retryStart}>${l.t('retry')}</button></p>`
          : nothing}
        ${this.chooseError ? html`<p class="error-text">${this.chooseError}</p>` : nothing}
      </div>
      ${this.renderActions(html`<button type="button" class="button primary" id="next" @click=${this.onNextFromChoose}>
        ${l.t('next')} <span class="arrow" aria-hidden="true">→</span>
      </button>`)}
    `;
  }

  // 3. Template ───────────────────────────────────────────────────────────────────────────────────

  private renderTemplate(state: SessionState): TemplateResult {
    const l = this.l;
    const spec = state.spec.value;
    if (!spec) return this.renderChoose(state);
    const columns = spec.columns.map((c) => describeColumn(l, spec, c, this.dateOrder));
    return html`
      ${this.renderHeading(l.t('templateHeading'), l.t('templateGuidance'))}
      <p class="for">${l.t('templateFor', { activity: spec.activity.name, domain: spec.domain.name, identifier: spec.identifier.label })}</p>
      <div class="scroller" role="region" aria-labelledby="columns-caption" tabindex="0">
        <table class="columns">
          <caption id="columns-caption">${l.t('templateColumnsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">${l.t('columnHeader')}</th>
              <th scope="col">${l.t('columnFormat')}</th>
            </tr>
          </thead>
          <tbody>
            ${columns.map(
              (c) => html`<tr>
                <th scope="row">
                  <span class="column-name">${c.header}</span>
                  ${c.required ? html`<span class="badge required">${l.t('required')}</span>` : html`<span class="badge">${l.t('optional')}</span>`}
                </th>
                <td>${c.format}${c.notes.map((n) => html`<span class="note">${n}</span>`)}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <ul class="rules">
        ${describeRules(l, spec).map((r) => html`<li>${r}</li>`)}
        <li>${l.t('templateSample')}</li>
      </ul>
      <div class="downloads">
        <button type="button" class="button primary" id="download-xlsx" ?disabled=${this.busy !== undefined} @click=${() => this.download('xlsx')}>
          ${this.busy === 'xlsx' ? html`<span class="spinner" aria-hidden="true"></span>` : html`<span aria-hidden="true">⤓</span>`} ${l.t('downloadXlsx')}
        </button>
        <button type="button" class="button" id="download-csv" ?disabled=${this.busy !== undefined} @click=${() => this.download('csv')}>
          ${this.busy === 'csv' ? html`<span class="spinner" aria-hidden="true"></span>` : nothing} ${l.t('downloadCsv')}
        </button>
      </div>
      ${this.actionError ? html`<p class="error-text">${this.actionError}</p>` : nothing}
      ${this.renderActions(html`<button type="button" class="button primary" id="next" @click=${() => this.goTo('upload')}>
        ${l.t('templateNext')} <span class="arrow" aria-hidden="true">→</span>
      </button>`)}
    `;
  }

  // 4. Upload ─────────────────────────────────────────────────────────────────────────────────────

  private renderProgress(state: SessionState): TemplateResult {
    const l = this.l;
    const progress = state.progress;
    const fraction = progress?.fraction ?? 0;
    const percent = Math.round(Math.min(1, Math.max(0, fraction)) * 100);
    const phase = l.t(PHASES[progress?.phase ?? 'reading'] ?? 'phaseReading');
    const indeterminate = state.status === 'committing';
    return html`<div part="progress" class="progress">
      <div class="progress-head">
        <span id="progress-label">${phase}</span>
        ${indeterminate ? nothing : html`<span class="percent" aria-hidden="true">${l.percent(fraction)}</span>`}
      </div>
      ${indeterminate
        ? html`<div class="track indeterminate" role="progressbar" aria-labelledby="progress-label" aria-valuetext=${phase}>
            <span part="progress-bar" class="fill"></span>
          </div>`
        : html`<div class="track" role="progressbar" aria-labelledby="progress-label" aria-valuemin="0" aria-valuemax="100"
            aria-valuenow=${percent} aria-valuetext=${l.t('announceProgress', { phase, percent: l.percent(fraction) })}>
            <span part="progress-bar" class="fill" style=${styleMap({ inlineSize: `${percent}%` })}></span>
          </div>`}
      ${state.file ? html`<p class="file">${l.t('fileInfo', { name: state.file.name, size: l.bytes(state.file.size) })}</p>` : nothing}
      ${indeterminate ? nothing : html`<button type="button" class="button" id="cancel-upload" @click=${this.cancelUpload}>${l.t('cancelUpload')}</button>`}
    </div>`;
  }

  private get limitsText(): string {
    const l = this.l;
    const size = l.bytes(this.maxFileSize ?? DEFAULT_MAX_FILE_SIZE);
    return this.maxRows ? l.t('dropLimitsRows', { size, rows: this.maxRows }) : l.t('dropLimits', { size });
  }

  private renderUpload(state: SessionState): TemplateResult {
    const l = this.l;
    const working = BUSY.has(state.status);
    const hasResult = isReachable('review', state);
    return html`
      ${this.renderHeading(l.t('uploadHeading'), l.t('uploadGuidance'))}
      ${working
        ? this.renderProgress(state)
        : html`<offline-upload-drop-zone part="drop-zone" .localizer=${l} limits=${this.limitsText} @file-select=${this.onFileSelect}></offline-upload-drop-zone>
            ${state.file && hasResult ? html`<p class="file">${l.t('fileInfo', { name: state.file.name, size: l.bytes(state.file.size) })}</p>` : nothing}`}
      ${state.status === 'selecting' && state.failure ? this.renderFailure(state.failure) : nothing}
      ${this.actionError ? html`<p class="error-text">${this.actionError}</p>` : nothing}
      ${this.renderActions(
        hasResult && !working
          ? html`<button type="button" class="button primary" id="next" @click=${() => this.goTo('review')}>
              ${l.t('next')} <span class="arrow" aria-hidden="true">→</span>
            </button>`
          : nothing,
      )}
    `;
  }

  // 5. Review ─────────────────────────────────────────────────────────────────────────────────────

  private renderReview(state: SessionState): TemplateResult {
    const l = this.l;
    if (state.status === 'has-issues' && state.issues.length > 0 && state.issues.every((issue) => issue.code.startsWith('file-'))) {
      // The file itself was refused (wrong type, damaged, empty, another template…): no table, no
      // filters, no report — just what is wrong and a way to send another file.
      return html`
        ${this.renderHeading(l.t('fileRefusedHeading'), l.t('fileRefusedGuidance'))}
        ${state.failure ? this.renderFailure(state.failure) : nothing}
        <ul class="file-refused" id="file-refused">
          ${state.issues.map((issue) => html`<li>${l.issue(issue)}</li>`)}
        </ul>
        ${state.file ? html`<p class="hint">${state.file.name}</p>` : nothing}
        <div class="review-actions">
          <offline-upload-drop-zone compact .localizer=${l} label=${l.t('uploadDifferent')} @file-select=${this.onFileSelect}></offline-upload-drop-zone>
        </div>
        ${this.renderActions(nothing)}
      `;
    }
    if (state.status === 'has-issues') {
      const issues = state.issues;
      const rows = state.summary?.rowsWithIssues ?? new Set(issues.map((i) => i.row).filter((r) => r !== undefined)).size;
      return html`
        ${this.renderHeading(l.t('reviewIssuesHeading'), l.t('reviewIssuesGuidance'))}
        ${state.failure ? this.renderFailure(state.failure) : nothing}
        <p class="issue-count">
          <strong>${l.t('issuesTotal', { count: issues.length })}</strong>${rows > 0 ? html` ${l.t('issuesInRows', { count: rows })}` : nothing}
          ${state.file ? html`<span class="hint"> · ${state.file.name}</span>` : nothing}
        </p>
        <div class="review-actions">
          <offline-upload-drop-zone compact .localizer=${l} label=${l.t('uploadCorrected')} @file-select=${this.onFileSelect}></offline-upload-drop-zone>
          <button type="button" class="button" id="download-issues" ?disabled=${this.busy !== undefined} @click=${() => this.download('issues')}>
            ${this.busy === 'issues' ? html`<span class="spinner" aria-hidden="true"></span>` : html`<span aria-hidden="true">⤓</span>`} ${l.t('downloadIssues')}
          </button>
        </div>
        ${this.actionError ? html`<p class="error-text">${this.actionError}</p>` : nothing}
        <offline-upload-issues-table part="issues" .issues=${issues} .localizer=${l} file-name=${state.file?.name ?? ''}></offline-upload-issues-table>
        ${this.renderActions(nothing)}
      `;
    }
    return html`
      ${this.renderHeading(l.t('reviewReadyHeading'), l.t('reviewReadyGuidance'))}
      <upload-summary part="summary" exportparts="base: summary-base, headline: summary-headline" .summary=${state.summary}
        .messages=${this.messages} locale=${l.locale}></upload-summary>
      ${this.renderActions(html`<button type="button" class="button primary" id="next" @click=${() => this.goTo('create')}>
        ${l.t('next')} <span class="arrow" aria-hidden="true">→</span>
      </button>`)}
    `;
  }

  // 6. Create ─────────────────────────────────────────────────────────────────────────────────────

  private renderCreate(state: SessionState): TemplateResult {
    const l = this.l;
    const count = state.summary?.records ?? 0;
    if (state.status === 'committing') {
      return html`
        ${this.renderHeading(l.t('createHeading'), l.t('creating', { count }))}
        ${this.renderProgress(state)}
      `;
    }
    if (state.status === 'commit-failed') {
      // A retryable failure is a lost or garbled answer: the LMS may have created the records, so the
      // heading must not say they were not (the retry with the same key is what settles it).
      const retryable = state.failure?.retryable === true;
      return html`
        ${retryable
          ? this.renderHeading(l.t('createUnconfirmedHeading'), l.t('createFailedNothing'))
          : this.renderHeading(l.t('createFailedHeading'), '')}
        ${state.failure ? this.renderFailure(state.failure) : nothing}
        ${this.renderActions(
          retryable
            ? html`<button type="button" class="button primary" id="retry-create" @click=${() => void this.session?.commit()}>${l.t('retry')}</button>`
            : html`<button type="button" class="button primary" id="upload-again" @click=${this.uploadAnother}>${l.t('uploadAnother')}</button>`,
        )}
      `;
    }
    return html`
      ${this.renderHeading(l.t('createHeading'), l.t('createGuidance'))}
      <upload-summary part="summary" exportparts="base: summary-base, headline: summary-headline" layout="compact" .summary=${state.summary} .messages=${this.messages} locale=${l.locale}></upload-summary>
      ${this.renderActions(html`<button type="button" class="button primary" id="create" @click=${this.requestCreate}>${l.t('createButton')}</button>`)}
    `;
  }

  private renderDialog(): TemplateResult {
    const l = this.l;
    const state = this.sessionState;
    const count = state?.summary?.records ?? 0;
    const activity = state?.selection.activity?.name ?? state?.spec.value?.activity.name ?? '';
    return html`<dialog part="dialog" aria-labelledby="confirm-heading" aria-describedby="confirm-body" @cancel=${this.cancelConfirm}>
      <h2 id="confirm-heading">${l.t('confirmHeading', { count })}</h2>
      <p id="confirm-body">${l.t('confirmBody', { count, activity })}</p>
      <div class="actions">
        <!-- Focus starts on Cancel: creating cannot be undone here, and an Enter pressed twice (or held) on
             "Create records" must not confirm it unread. -->
        <button type="button" class="button" id="confirm-cancel" autofocus @click=${this.cancelConfirm}>${l.t('cancel')}</button>
        <span class="spacer"></span>
        <button type="button" class="button primary" id="confirm-create" @click=${this.confirmCreate}>${l.t('confirmCreate', { count })}</button>
      </div>
    </dialog>`;
  }

  // 7. Done ───────────────────────────────────────────────────────────────────────────────────────

  private renderDone(state: SessionState): TemplateResult {
    const l = this.l;
    const result = state.result;
    const count = result?.created ?? 0;
    const activity = state.selection.activity?.name ?? state.spec.value?.activity.name ?? '';
    return html`
      ${this.renderHeading(l.t('doneHeading'), l.t('doneGuidance'))}
      <div class="alert success">
        <p><strong>${l.t('doneMessage', { count, activity })}</strong></p>
        ${result?.replayed ? html`<p>${l.t('doneReplayed')}</p>` : nothing}
      </div>
      ${this.renderActions(
        html`<button type="button" class="button" id="start-over" @click=${this.startOver}>${l.t('startOver')}</button>
          <button type="button" class="button primary" id="upload-another" @click=${this.uploadAnother}>${l.t('uploadAnother')}</button>`,
        false,
      )}
    `;
  }
}

