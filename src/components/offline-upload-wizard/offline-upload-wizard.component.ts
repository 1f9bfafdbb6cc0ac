// <offline-upload-wizard>: a thin shell over a headless WizardFlow. It connects an UploadSession
// (SessionController), shares { session, flow, state, localizer } with one internal element per step
// through @lit/context, and renders only the stepper, the live region, the confirmation dialog and focus;
// each of those chores is a controller or a render function of its own in this folder.
import { ContextProvider } from '@lit/context';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { LmsBackend } from '../../backend/types.js';
import type { DateOrder } from '../../core/read/types.js';
import { FailedEvent } from '../../events/failed.js';
import type { MessageOverrides } from '../../i18n/localize.js';
import type { SessionFailure } from '../../session/failures.js';
import { clearAllSavedWork } from '../../session/saved-work.js';
import type { WizardStep } from '../../session/steps.js';
import type { Preset } from '../../session/types.js';
import type { UploadSession } from '../../session/upload-session.js';
import type { WizardFlow } from '../../session/wizard-flow.js';
import { OfflineUploadElement } from '../shared/base-element.js';
import { failureTime, type StepElement } from '../shared/step-element.js';
import { wizardContext } from '../shared/wizard-context.js';
import { ConfirmDialogController } from './confirm-dialog.js';
import { FocusController } from './focus-controller.js';
import { LazyStepsController, prefetchTemplateStep, stepDefined } from './lazy-steps.js';
import { LandmarkController } from './landmark.js';
import { LiveRegionController } from './live-region.js';
import { styles } from './offline-upload-wizard.styles.js';
import { LazyPersistence } from './persistence-front.js';
import { bridgeEvents } from './public-events.js';
import { SessionController } from './session-controller.js';
import { renderStep } from './step-outlet.js';
import { renderStepper, updateStepTrack } from './stepper.js';
import { StrayDropController } from './stray-drop.js';

/**
 * The whole upload of offline activity records, step by step: access check, choice of activity, domain
 * and identifier, template download, upload with validation and the LMS's dry run, review of issues or
 * of the summary, one atomic creation, and what next.
 *
 * @summary Guides an LMS administrator through uploading offline activity records from a spreadsheet.
 *
 * @attr {string} lang - Language of the interface (`en`, `fr`, …); inherited from the page when absent.
 *
 * @slot no-access - Your own words on whom to contact, shown on the no-access panel instead of the default contact links.
 *
 * @fires {StepChangeEvent} offline-upload-step-change - The step shown changed. `detail: { step, previous, index }`.
 * @fires {ValidatedEvent} offline-upload-validated - A file was read and checked, clean or with issues. `detail: { summary, issues, fileName }`.
 * @fires {BeforeCreateEvent} offline-upload-before-create - Cancelable. The admin asked to create the records: `preventDefault()` vetoes or takes over the confirmation; `detail.proceed()` creates them without the wizard's own confirmation. `detail: { count, activity, uploadId, summary, proceed }`.
 * @fires {EditedEvent} offline-upload-edited - Cells were changed in the browser (an edit, a column-wide fix or an undo). `detail: { changes: [{ row, columnKey, column, oldValue, newValue }], fileName }`.
 * @fires {RestoredEvent} offline-upload-restored - Work saved on an earlier visit (a reload, a closed tab) was brought back at the admin's request: same file, choices and fixes, same review. `detail: { fileName, savedAt, step }`.
 * @fires {CreatedEvent} offline-upload-created - Every record was created. `detail: { uploadId, count, unchanged, activity, result, editedRows, deletedRows }` (`unchanged`: rows the LMS already had, left unchanged).
 * @fires {FailedEvent} offline-upload-failed - A step failed. Nothing was created, except perhaps when a commit's answer was lost (`failure.retryable`): retrying settles it without creating anything twice. `detail: { failure, step, uploadId, time }`; `failure` has `code`, `params`, `kind`, `retryable`, `message` (the admin's words) and `detail` (for support: the LMS's text, operation, status, upload id).
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
 * @csspart resume - The offer to continue work saved on an earlier visit.
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
export class OfflineUploadWizardElement extends OfflineUploadElement {
  static override styles = styles;

  // Declared here rather than with decorators: their code would be on every host's first load for this.
  static override properties = {
    apiBase: { attribute: 'api-base' },
    backend: { attribute: false },
    categoryId: { attribute: 'category-id' },
    activityId: { attribute: 'activity-id' },
    domainId: { attribute: 'domain-id' },
    identifier: {},
    locale: {},
    dateOrder: { attribute: 'date-order' },
    maxFileSize: { type: Number, attribute: 'max-file-size' },
    maxRows: { type: Number, attribute: 'max-rows' },
    supportUrl: { attribute: 'support-url' },
    supportEmail: { attribute: 'support-email' },
    keepWorkHours: { type: Number, attribute: 'keep-work-hours' },
    workKey: { attribute: 'work-key' },
    messages: { attribute: false },
  };

  /** Base URL of the LMS's offline-upload REST API (e.g. `/api/lms`); used when no `backend` is set. */
  apiBase?: string;

  /** Any LmsBackend implementation; wins over `api-base`. Property only. */
  backend?: LmsBackend;

  /** Preset category: the choose step starts with it (shown as fixed text with a "Change" button). */
  categoryId?: string;

  /** Preset activity, e.g. when launched from an activity's page. */
  activityId?: string;

  /** Preset user domain. */
  domainId?: string;

  /**
   * Preset identifier kind: the `key` of one of the domain's identifier kinds (`identifierKind.key` in the
   * template spec, e.g. `email`, `employeeId`), not a learner's own identifier. With `activity-id` and
   * `domain-id` also set, the choose step is skipped.
   */
  identifier?: string;

  /** Locale for text, numbers and dates (e.g. `fr-CA`); wins over `lang`. */
  override locale?: string;

  /** How dates typed as text are read: `DMY` (default), `MDY` or `YMD`. ISO dates are always accepted. */
  dateOrder?: DateOrder;

  /** Largest file accepted, in bytes (default 50 MiB). */
  maxFileSize?: number;

  /** Most records accepted in one file (default 100,000). */
  maxRows?: number;

  /** Link of "Send us a message" on the no-access panel (wins over the LMS's contact URL). */
  supportUrl?: string;

  /** E-mail shown on the no-access panel (wins over the LMS's contact e-mail). */
  supportEmail?: string;

  /**
   * Hours the admin's work (the checked file, choices, fixes, staged upload) is kept in this browser so that
   * a reload comes back to it (default 24; `0` keeps nothing). Cleared when records are created, on start
   * over, and by `clearSavedWork()`.
   */
  keepWorkHours?: number;

  /**
   * The key this wizard's work is kept under on the site (default: the page's path and the element's id,
   * else its place among the wizards on the page). Give one per signed-in user when several share a browser.
   */
  workKey?: string;

  /** Host overrides of any string: `{ next: 'Continue', kinds: {…}, issues: {…} }` (see MessageOverrides). */
  override messages?: MessageOverrides;

  /** What the steps share; a new value at every change. */
  readonly #context = new ContextProvider(this, { context: wizardContext });

  private readonly connection = new SessionController(this, {
    options: () => this.sessionOptions,
    preset: () => this.preset,
    attach: (session, flow) => this.attach(session, flow),
    failed: (failure) => this.onFailed(failure),
  });
  private readonly live = new LiveRegionController(this);
  private readonly landmark = new LandmarkController(this);
  // The next two work on their own once added: the dialog follows the flow's `confirming` (synced before
  // focus moves), and files dropped beside a drop zone are refused.
  private readonly dialog = new ConfirmDialogController(this, () => this.connection.flow);
  private readonly strayDrop = new StrayDropController(this);
  private readonly focusing = new FocusController(this);
  private readonly lazySteps = new LazyStepsController(this);
  private readonly persistence = new LazyPersistence(this, {
    localizer: () => this.l,
    say: (message) => this.live.say(message),
    declined: () => this.focusing.toHeading(),
  });
  private readonly slotWatch = new MutationObserver(() => this.requestUpdate());

  /** The step shown. */
  get step(): WizardStep {
    return this.connection.flow?.step ?? 'access';
  }

  /** The UploadSession behind the wizard (read-only), for hosts that want its state or events. */
  get uploadSession(): UploadSession | undefined {
    return this.connection.session;
  }

  /**
   * Forgets the work this wizard keeps in the browser (e.g. when the host signs the admin out): nothing is
   * offered on the next visit, and a file on screen is no longer kept nor guarded against leaving the page.
   */
  clearSavedWork(): Promise<void> {
    return this.persistence.clear();
  }

  /** Forgets the work every wizard keeps in this browser for the site (a sign-out that covers them all). */
  static clearAllSavedWork(): Promise<void> {
    return clearAllSavedWork();
  }

  /** Shows `step` when the flow allows it (as the stepper does); returns whether it is shown. */
  goToStep(step: WizardStep): boolean {
    return this.connection.flow?.goTo(step) ?? false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.slotWatch.observe(this, { childList: true, attributes: true, subtree: true, attributeFilter: ['slot'] });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.slotWatch.disconnect();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const { session, flow } = this.connection;
    // A preset activity: the flow heads for the template step (first thing, with domain and kind preset too).
    if (changed.has('activityId') && this.activityId) prefetchTemplateStep();
    if (!this.hasUpdated || changed.has('backend') || changed.has('apiBase')) {
      void this.connection.connect();
    } else if (flow && (changed.has('categoryId') || changed.has('activityId') || changed.has('domainId') || changed.has('identifier'))) {
      // New presets: apply them as a fresh start (access and lists are checked again, cheaply).
      void flow.start(this.preset);
    }
    if (flow && (changed.has('keepWorkHours') || changed.has('workKey'))) this.persistence.attach(flow);
    if (session && (changed.has('dateOrder') || changed.has('maxFileSize') || changed.has('maxRows'))) session.setOptions(this.sessionOptions);
    const { session: s, flow: f } = this.connection;
    const { dateOrder, maxFileSize, maxRows, supportUrl, supportEmail, messages } = this;
    this.#context.setValue(
      s && f
        ? {
            session: s,
            flow: f,
            state: s.state,
            localizer: this.l,
            announce: (message, assertive) => this.live.say(message, assertive),
            options: { dateOrder, maxFileSize, maxRows, supportUrl, supportEmail, messages },
          }
        : undefined,
    );
  }

  protected override updated(): void {
    updateStepTrack(this.renderRoot);
  }

  /** Complete once the shell and the step it shows have rendered. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    // A step in a chunk of its own: complete once it is defined and the shell has rendered again.
    if (await stepDefined(this.renderRoot)) done = await super.getUpdateComplete();
    await this.renderRoot.querySelector<StepElement>('[data-step]')?.updateComplete;
    return done;
  }

  private get preset(): Preset {
    return {
      ...(this.categoryId ? { categoryId: this.categoryId } : {}),
      ...(this.activityId ? { activityId: this.activityId } : {}),
      ...(this.domainId ? { domainId: this.domainId } : {}),
      ...(this.identifier ? { identifierKind: this.identifier } : {}),
    };
  }

  private get sessionOptions() {
    return { dateOrder: this.dateOrder, maxFileSize: this.maxFileSize, maxRows: this.maxRows };
  }

  private attach(session: UploadSession, flow: WizardFlow): () => void {
    const stopKeeping = this.persistence.attach(flow);
    const stopEvents = bridgeEvents(this, session, flow, {
      localizer: () => this.l,
      say: (message, assertive) => this.live.say(message, assertive),
      state: (state) => this.live.progress(state, this.l),
      failed: (failure) => this.onFailed(failure),
      stepChanged: () => this.focusing.stepChanged(),
    });
    return () => {
      stopEvents();
      stopKeeping();
    };
  }

  private onFailed(failure: SessionFailure): void {
    const message = this.l.failure(failure);
    const uploadId = failure.detail?.uploadId ?? this.connection.session?.state.uploadId;
    const time = failureTime(failure).toISOString();
    this.emit(new FailedEvent({ failure: { ...failure, message }, step: this.step, time, ...(uploadId ? { uploadId } : {}) }));
    this.live.say(message, true);
  }

  override render(): TemplateResult {
    const l = this.l;
    const { session, flow } = this.connection;
    const cancel = (): void => {
      flow?.cancelCreate();
      void this.focusing.toCreate();
    };
    return html`
      <section part="base" class="base" aria-label=${this.landmark.name(l)} dir=${l.dir}>
        ${session?.state.status === 'no-access' ? nothing : renderStepper(l, flow, this.landmark.stepsLabel(l))}
        <div part="panel" class="panel">
          ${session?.state.status === 'selecting' ? this.persistence.renderOffer(l) : nothing}
          ${renderStep(this.connection, l, this)}
        </div>
        ${this.live.render()}
      </section>
      ${this.dialog.render(l, cancel)}
    `;
  }
}
