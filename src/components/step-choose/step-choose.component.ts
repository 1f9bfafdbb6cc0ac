// The choose step: category, offline activity (search), user domain and identifier kind. A choice the
// host preset shows as fixed text with "Change"; Next waits (busy) while the template is being prepared.
// Once a file is checked, a choice that would put it away asks first (Cancel keeps everything).
import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import type { Loadable } from '../../session/types.js';
import type { PresetField } from '../../session/wizard-flow.js';
import type { ActivitySearch } from '../activity-combobox/activity-combobox.component.js';
import type { ACTIVITY_CHANGE_EVENT } from '../shared/internal-events.js';
import { dialogStyles } from '../shared/dialog.styles.js';
import { StepElement } from '../shared/step-element.js';
import { chooseFormStyles } from './choose-form.styles.js';
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
  static override styles = [
    ...StepElement.styles,
    chooseFormStyles,
    dialogStyles,
    css`
      dialog p {
        overflow-wrap: anywhere;
      }
      dialog .dialog-actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        justify-content: space-between;
      }
    `,
  ];

  /** A change of choice waiting for the admin's answer: it would put the checked file away. */
  @state() private discarding?: { readonly apply: () => void; readonly revert: () => void; readonly focus: string };

  private search: ActivitySearch = (text, options) => this.ctx!.session.searchActivities(text, options);

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
   * away by it. `revert` puts the control back as it was when the admin cancels.
   */
  private guard(field: PresetField, apply: () => void, revert: () => void): void {
    const ctx = this.ctx!;
    if (!ctx.state.file || ctx.state.status === 'committing') {
      apply();
      return;
    }
    this.discarding = { apply, revert, focus: FIELD_TARGET[field] };
  }

  private answerDiscard(confirmed: boolean): void {
    const pending = this.discarding;
    this.discarding = undefined;
    if (!pending) return;
    if (confirmed) pending.apply();
    else pending.revert();
    void this.focusLater(pending.focus);
  }

  /** The select or radio as the selection has it (the admin's pick was not applied). */
  private revertControl(selector: string): () => void {
    return () => {
      const selection = this.ctx!.state.selection;
      const root = this.renderRoot;
      if (selector === '#category') {
        const el = root.querySelector<HTMLSelectElement>('#category');
        if (el) el.value = selection.categoryId ?? '';
      } else if (selector === '#domain') {
        const el = root.querySelector<HTMLSelectElement>('#domain');
        if (el) el.value = selection.domainId ?? '';
      } else if (selector === '#activity') {
        const el = root.querySelector<HTMLElement & { value?: unknown }>('#activity');
        if (el) el.value = selection.activity;
      } else {
        for (const radio of root.querySelectorAll<HTMLInputElement>('[name=identifierKind]')) radio.checked = radio.value === selection.identifierKind;
      }
    };
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const dialog = this.renderRoot.querySelector<HTMLDialogElement>('#discard');
    if (dialog && this.discarding && !dialog.open) dialog.showModal();
    if (dialog?.open && !this.discarding) dialog.close();
  }

  private renderDiscardDialog(): TemplateResult {
    const l = this.ctx!.localizer;
    const file = this.ctx!.state.file?.name ?? '';
    const onCancel = (event: Event): void => {
      event.preventDefault();
      this.answerDiscard(false);
    };
    return html`<dialog id="discard" aria-labelledby="discard-heading" aria-describedby="discard-body" @cancel=${onCancel}>
      <h2 id="discard-heading">${l.t('discardHeading')}</h2>
      <p id="discard-body">${l.t('discardBody', { file })}</p>
      <div class="dialog-actions">
        <button type="button" class="button" id="discard-cancel" autofocus @click=${() => this.answerDiscard(false)}>${l.t('cancel')}</button>
        <button type="button" class="button danger" id="discard-confirm" @click=${() => this.answerDiscard(true)}>${l.t('discardConfirm')}</button>
      </div>
    </dialog>`;
  }

  private unlock(field: PresetField): void {
    this.ctx!.flow.unlock(field);
    void this.focusLater(FIELD_TARGET[field]);
  }

  private renderFixed(field: PresetField, label: string, value: string): TemplateResult {
    const l = this.ctx!.localizer;
    return html`<div class="fixed">
      <span class="label" id="${field}-label">${label}</span>
      <span class="fixed-value" id="${field}-value" dir="auto">${value}</span>
      <button type="button" class="button quiet" aria-label=${l.t('changeField', { field: label })} @click=${() => this.unlock(field)}>
        ${l.t('change')}
      </button>
    </div>`;
  }

  private renderListStatus(list: Loadable<unknown>): TemplateResult | typeof nothing {
    const ctx = this.ctx!;
    const l = ctx.localizer;
    if (list.status === 'loading') return html`<p class="hint"><span class="spinner" aria-hidden="true"></span> ${l.t('listLoading')}</p>`;
    if (list.status === 'error' && list.failure) {
      return html`${this.renderFailure(list.failure)}
        <p><button type="button" class="button quiet" @click=${() => void ctx.flow.retry()}>${l.t('retry')}</button></p>`;
    }
    return nothing;
  }

  protected renderStep(ctx: WizardContext): TemplateResult {
    const { localizer: l, session, flow, state } = ctx;
    const { selection, categories, domains, spec } = state;
    const categoryList = categories.value ?? [];
    const domainList = domains.value ?? [];
    const domain = domainList.find((d) => d.id === selection.domainId);
    const categoryName = categoryList.find((c) => c.id === selection.categoryId)?.name ?? selection.categoryId ?? '';
    const kindLabel = domain?.identifierKinds.find((k) => k.key === selection.identifierKind)?.label ?? selection.identifierKind ?? '';
    const missing = flow.missing !== undefined;
    const waiting = flow.waiting && spec.status === 'loading';
    return html`
      ${this.renderHeading(l.t('chooseHeading'), l.t('chooseGuidance'))}
      ${state.notices.length > 0
        ? html`<div class="alert notice" role="note">${state.notices.map((n) => html`<p>${l.notice(n)}</p>`)}</div>`
        : nothing}
      <div class="form">
        ${flow.fixed('category')
          ? this.renderFixed('category', l.t('categoryLabel'), categoryName)
          : html`<div class="field">
              <label for="category">${l.t('categoryLabel')}</label>
              <select id="category" class="control" ?disabled=${categories.status !== 'ready'}
                @change=${(e: Event) => {
                  const value = (e.target as HTMLSelectElement).value || undefined;
                  // Only a category that leaves out the chosen activity puts the file away.
                  const keeps = !value || !selection.activity || selection.activity.categoryId === value;
                  if (keeps) session.selectCategory(value);
                  else this.guard('category', () => session.selectCategory(value), this.revertControl('#category'));
                }}>
                <option value="" ?selected=${!selection.categoryId}>${l.t('categoryAll')}</option>
                ${categoryList.map((c) => html`<option value=${c.id} dir="auto" ?selected=${c.id === selection.categoryId}>${c.name}</option>`)}
              </select>
              ${this.renderListStatus(categories)}
            </div>`}
        ${flow.fixed('activity') && selection.activity
          ? this.renderFixed('activity', l.t('activityLabel'), [selection.activity.code, selection.activity.name].filter(Boolean).join(' · '))
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
                this.guard('activity', () => session.selectActivity(activity), this.revertControl('#activity'));
              }}
            ></offline-upload-activity-combobox>`}
        ${flow.fixed('domain')
          ? this.renderFixed('domain', l.t('domainLabel'), domain?.name ?? selection.domainId ?? '')
          : html`<div class="field">
              <label for="domain">${l.t('domainLabel')}</label>
              <select id="domain" class="control" ?disabled=${domains.status !== 'ready'} aria-required="true"
                aria-invalid=${missing && !selection.domainId ? 'true' : 'false'}
                @change=${(e: Event) => {
                  const value = (e.target as HTMLSelectElement).value || undefined;
                  this.guard('domain', () => session.selectDomain(value), this.revertControl('#domain'));
                }}>
                <option value="" disabled ?selected=${!selection.domainId}>${l.t('domainPlaceholder')}</option>
                ${domainList.map((d) => html`<option value=${d.id} dir="auto" ?selected=${d.id === selection.domainId}>${d.name}</option>`)}
              </select>
              ${this.renderListStatus(domains)}
            </div>`}
        ${flow.fixed('identifierKind')
          ? this.renderFixed('identifierKind', l.t('identifierKindLabel'), kindLabel)
          : html`<fieldset class="field identifier" aria-describedby="identifier-hint">
              <legend class="label">${l.t('identifierKindLabel')}</legend>
              <p class="hint" id="identifier-hint">${domain ? l.t('identifierKindHint') : l.t('identifierKindNone')}</p>
              ${domain
                ? html`<div class="radios">
                    ${domain.identifierKinds.map(
                      (kind, i) => html`<label class="radio">
                        <input type="radio" name="identifierKind" id=${i === 0 ? 'identifierKind' : `identifierKind-${i}`} value=${kind.key}
                          .checked=${kind.key === selection.identifierKind}
                          @change=${() => this.guard('identifierKind', () => session.selectIdentifierKind(kind.key), this.revertControl('[name=identifierKind]'))} />
                        <span dir="auto">${kind.label}${kind.patternHint ? html` <span class="hint">(${kind.patternHint})</span>` : nothing}</span>
                      </label>`,
                    )}
                  </div>`
                : nothing}
            </fieldset>`}
      </div>
      <div class="spec-status">
        ${spec.status === 'loading' ? html`<p class="hint" role=${waiting ? 'status' : nothing}><span class="spinner" aria-hidden="true"></span> ${l.t(waiting ? 'chooseWaiting' : 'specLoading')}</p>` : nothing}
        ${spec.status === 'error' && spec.failure
          ? html`${this.renderFailure(spec.failure)}
              <p><button type="button" class="button quiet" @click=${() => void flow.retry()}>${l.t('retry')}</button></p>`
          : nothing}
        ${missing ? html`<p class="error-text">${l.t('chooseIncomplete')}</p>` : nothing}
      </div>
      ${this.renderActions(html`<button type="button" class="button primary" id="next" aria-disabled=${waiting ? 'true' : 'false'}
        @click=${this.next}>
        ${waiting ? html`<span class="spinner" aria-hidden="true"></span>` : nothing} ${l.t('next')} <span class="arrow" aria-hidden="true">→</span>
      </button>`)}
      ${this.renderDiscardDialog()}
    `;
  }
}
