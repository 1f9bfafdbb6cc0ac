// The choose step: category, offline activity (search), user domain and identifier kind. A choice the
// host preset shows as fixed text with "Change"; Next waits (busy) while the template is being prepared.
// Once a file is checked, a choice that would put it away asks first (Cancel keeps everything).
// What shows only once something is chosen or preset (fixed choices, identifier kinds, the spec's status,
// that question; notices and a list's failure too) is choose-parts.ts, loaded when first needed: the step
// waits for it before it renders.
import { html, nothing, type TemplateResult } from 'lit';
import { makeFailure, type SessionFailure } from '../../session/failures.js';
import type { Loadable } from '../../session/types.js';
import type { PresetField } from '../../session/wizard-flow.js';
import type { ActivitySearch } from '../activity-combobox/activity-combobox.component.js';
import type { ACTIVITY_CHANGE_EVENT } from '../shared/internal-events.js';
import { StepElement } from '../shared/step-element.js';
import { chooseFormStyles } from './choose-form.styles.js';
import type { ChooseParts } from './choose-parts.js';
import type { WizardContext } from '../shared/wizard-context.js';

/** Where focus goes for each field (the first radio stands for the identifier kinds). */
const FIELD_TARGET: Record<PresetField, string> = {
  category: '#category',
  activity: '#activity',
  domain: '#domain',
  identifierKind: '[name=identifierKind]',
};

/**
 * @internal The wizard's choose step.
 * @summary Chooses the activity, the user domain and the identifier kind.
 */
export class StepChooseElement extends StepElement {
  static override styles = [...StepElement.styles, chooseFormStyles];
  // Without lit's decorators, as the activity combobox: nothing else on a first load uses them.
  static override properties = { partsFailure: { state: true } };

  /** The parts after a choice did not load: the failure, with Try again. */
  private partsFailure?: SessionFailure;
  #parts?: ChooseParts;

  private search: ActivitySearch = (text, options) => this.ctx!.session.searchActivities(text, options);

  /**
   * Whether the step shows something of choose-parts.ts: a fixed choice, a domain's kinds, the spec, a
   * checked file (the question), notices, a list's failure.
   */
  #needsParts({ state, flow }: WizardContext): boolean {
    const { selection, spec, file, notices, categories, domains } = state;
    return (
      Boolean(file || selection.domainId || spec.status !== 'idle' || notices.length > 0 || categories.status === 'error' || domains.status === 'error') ||
      (Object.keys(FIELD_TARGET) as PresetField[]).some((f) => flow.fixed(f))
    );
  }

  /** @internal Imports the parts after a choice (a chunk of its own). */
  loadParts(): Promise<{ ChooseParts: typeof ChooseParts }> {
    return import('./choose-parts.js');
  }

  /** Renders once the parts it shows are here (no frame without them). */
  protected override async scheduleUpdate(): Promise<void> {
    if (!this.#parts && !this.partsFailure && this.ctx && this.#needsParts(this.ctx)) {
      try {
        const { ChooseParts } = await this.loadParts();
        this.#parts ??= new ChooseParts(this, (field) => void this.focusLater(FIELD_TARGET[field]));
      } catch (error) {
        // Our own code did not load: an internal, retryable failure, never the admin's choice.
        this.partsFailure = makeFailure('unexpected', error, { retryable: true });
      }
    }
    super.scheduleUpdate();
  }

  private next(): void {
    const ctx = this.ctx!;
    const outcome = ctx.flow.chooseNext();
    if (outcome.moved) return;
    const l = ctx.localizer;
    if (outcome.busy) {
      ctx.announce(l.t('chooseWaiting'));
      return;
    }
    ctx.announce(l.t('chooseIncomplete'), true);
    void this.focusLater(FIELD_TARGET[outcome.missing ?? 'activity']);
  }

  /**
   * Applies a change of choice, or first asks when a checked file (and the admin's fixes) would be put
   * away by it (not applied while the parts that ask are missing: their failure shows).
   */
  private guard(field: PresetField, apply: () => void): void {
    const ctx = this.ctx!;
    if (!ctx.state.file || ctx.state.status === 'committing') apply();
    else this.#parts?.ask(ctx, field, apply);
  }

  private renderListStatus(list: Loadable<unknown>): TemplateResult | typeof nothing | undefined {
    const ctx = this.ctx!;
    if (list.status === 'loading') return html`<p class="hint"><span class="spinner" aria-hidden="true"></span> ${ctx.localizer.t('listLoading')}</p>`;
    return this.#parts?.renderListFailure(ctx, list);
  }

  protected renderStep(ctx: WizardContext): TemplateResult {
    const { localizer: l, session, flow, state } = ctx;
    const { selection, categories, domains, spec } = state;
    const parts = this.#parts;
    const categoryList = categories.value ?? [];
    const domainList = domains.value ?? [];
    const domain = domainList.find((d) => d.id === selection.domainId);
    const missing = flow.missing !== undefined;
    const waiting = flow.waiting && spec.status === 'loading';
    return html`
      ${this.renderHeading(l.t('chooseHeading'), l.t('chooseGuidance'))}
      ${parts?.renderNotices(ctx)}
      <div class="form">
        ${flow.fixed('category')
          ? parts?.renderFixed(ctx, 'category')
          : html`<div class="field">
              <label for="category">${l.t('categoryLabel')}</label>
              <select id="category" class="control" ?disabled=${categories.status !== 'ready'}
                @change=${(e: Event) => {
                  const value = (e.target as HTMLSelectElement).value || undefined;
                  // Only a category that leaves out the chosen activity puts the file away.
                  const keeps = !value || !selection.activity || selection.activity.categoryId === value;
                  if (keeps) session.selectCategory(value);
                  else this.guard('category', () => session.selectCategory(value));
                }}>
                <option value="" ?selected=${!selection.categoryId}>${l.t('categoryAll')}</option>
                ${categoryList.map((c) => html`<option value=${c.id} dir="auto" ?selected=${c.id === selection.categoryId}>${c.name}</option>`)}
              </select>
              ${this.renderListStatus(categories)}
            </div>`}
        ${flow.fixed('activity') && selection.activity
          ? parts?.renderFixed(ctx, 'activity')
          : html`<offline-upload-activity-combobox
              id="activity"
              .search=${this.search}
              .value=${selection.activity}
              .localizer=${l}
              .scope=${selection.categoryId ?? ''}
              ?invalid=${missing && !selection.activity}
              @offline-upload-internal-activity-change=${(e: HTMLElementEventMap[typeof ACTIVITY_CHANGE_EVENT]) => {
                const activity = e.detail;
                if (activity?.id === selection.activity?.id) return;
                this.guard('activity', () => session.selectActivity(activity));
              }}
            ></offline-upload-activity-combobox>`}
        ${flow.fixed('domain')
          ? parts?.renderFixed(ctx, 'domain')
          : html`<div class="field">
              <label for="domain">${l.t('domainLabel')}</label>
              <select id="domain" class="control" ?disabled=${domains.status !== 'ready'} aria-required="true"
                aria-invalid=${missing && !selection.domainId ? 'true' : 'false'}
                @change=${(e: Event) => {
                  const value = (e.target as HTMLSelectElement).value || undefined;
                  this.guard('domain', () => session.selectDomain(value));
                }}>
                <option value="" disabled ?selected=${!selection.domainId}>${l.t('domainPlaceholder')}</option>
                ${domainList.map((d) => html`<option value=${d.id} dir="auto" ?selected=${d.id === selection.domainId}>${d.name}</option>`)}
              </select>
              ${this.renderListStatus(domains)}
            </div>`}
        ${flow.fixed('identifierKind')
          ? parts?.renderFixed(ctx, 'identifierKind')
          : html`<fieldset class="field identifier" aria-describedby="identifier-hint">
              <legend class="label">${l.t('identifierKindLabel')}</legend>
              <p class="hint" id="identifier-hint">${domain ? l.t('identifierKindHint') : l.t('identifierKindNone')}</p>
              ${domain ? parts?.renderKinds(ctx, domain, (key) => this.guard('identifierKind', () => session.selectIdentifierKind(key))) : nothing}
            </fieldset>`}
      </div>
      <div class="spec-status">
        ${parts?.renderSpec(ctx)}
        ${this.partsFailure
          ? html`${this.renderFailure(this.partsFailure)}
              <p><button type="button" class="button quiet" @click=${() => (this.partsFailure = undefined)}>${l.t('retry')}</button></p>`
          : nothing}
        ${missing ? html`<p class="error-text">${l.t('chooseIncomplete')}</p>` : nothing}
      </div>
      ${this.renderActions(html`<button type="button" class="button primary" id="next" aria-disabled=${waiting ? 'true' : 'false'}
        @click=${this.next}>
        ${waiting ? html`<span class="spinner" aria-hidden="true"></span>` : nothing} ${l.t('next')} <span class="arrow" aria-hidden="true">→</span>
      </button>`)}
      ${parts?.renderQuestion(ctx)}
    `;
  }
}
