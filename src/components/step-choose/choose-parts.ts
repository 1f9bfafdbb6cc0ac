// What the choose step shows only once something is chosen or preset, loaded when it is first needed
// (step-choose.component.ts waits for it before it renders): a host's fixed choice with "Change", the
// domain's identifier kinds, the template spec's status, the question before a change of choice puts the
// checked file away, the session's notices and a list's failure. Its styles (choose-parts.styles.ts) come
// with it, after the step's.
import { html, nothing, type LitElement, type ReactiveController, type TemplateResult } from 'lit';
import type { Domain } from '../../backend/types.js';
import { useChooseWords, type MessageKey } from '../../i18n/localize.js';
import { uiChooseLaterEn } from '../../i18n/ui-choose-later.en.js';
import type { SessionFailure } from '../../session/failures.js';
import type { Loadable } from '../../session/types.js';
import type { PresetField } from '../../session/wizard-flow.js';
import { addStyles } from '../shared/add-styles.js';
import { dialogStyles } from '../shared/dialog.styles.js';
import { renderFailure } from '../shared/step-element.js';
import { partStyles, questionStyles } from './choose-parts.styles.js';
import type { WizardContext } from '../shared/wizard-context.js';

/** Each field's label. */
const LABELS: Record<PresetField, MessageKey> = {
  category: 'categoryLabel',
  activity: 'activityLabel',
  domain: 'domainLabel',
  identifierKind: 'identifierKindLabel',
};

/** A change of choice waiting for the admin's answer: it would put the checked file away. */
interface Asking {
  readonly ctx: WizardContext;
  readonly field: PresetField;
  readonly apply: () => void;
}

/** @internal The choose step's parts after a choice; `focus` puts focus on a field once it has rendered. */
export class ChooseParts implements ReactiveController {
  #asking?: Asking;

  constructor(
    private readonly host: LitElement,
    private readonly focus: (field: PresetField) => void,
  ) {
    host.addController(this);
    // Its words and its look come with it, before it renders (the look after the host's own).
    useChooseWords(uiChooseLaterEn);
    addStyles(host, [partStyles, dialogStyles, questionStyles]);
  }

  /** A host's choice, shown as text with "Change" (which unlocks the field). */
  renderFixed(ctx: WizardContext, field: PresetField): TemplateResult {
    const { localizer: l, state } = ctx;
    const { selection } = state;
    const domain = state.domains.value?.find((d) => d.id === selection.domainId);
    const label = l.t(LABELS[field]);
    const value =
      field === 'category'
        ? (state.categories.value?.find((c) => c.id === selection.categoryId)?.name ?? selection.categoryId)
        : field === 'activity'
          ? [selection.activity?.code, selection.activity?.name].filter(Boolean).join(' · ')
          : field === 'domain'
            ? (domain?.name ?? selection.domainId)
            : (domain?.identifierKinds.find((k) => k.key === selection.identifierKind)?.label ?? selection.identifierKind);
    const unlock = (): void => {
      ctx.flow.unlock(field);
      this.focus(field);
    };
    return html`<div class="fixed">
      <span class="label" id="${field}-label">${label}</span>
      <span class="fixed-value" id="${field}-value" dir="auto">${value ?? ''}</span>
      <button type="button" class="button quiet" aria-label=${l.t('changeField', { field: label })} @click=${unlock}>
        ${l.t('change')}
      </button>
    </div>`;
  }

  /** The chosen domain's identifier kinds; `choose` applies the admin's pick. */
  renderKinds(ctx: WizardContext, domain: Domain, choose: (key: string) => void): TemplateResult {
    return html`<div class="radios">
      ${domain.identifierKinds.map(
        (kind, i) => html`<label class="radio">
          <input type="radio" name="identifierKind" id=${i === 0 ? 'identifierKind' : `identifierKind-${i}`} value=${kind.key}
            .checked=${kind.key === ctx.state.selection.identifierKind}
            @change=${() => choose(kind.key)} />
          <span dir="auto">${kind.label}${kind.patternHint ? html` <span class="hint">(${kind.patternHint})</span>` : nothing}</span>
        </label>`,
      )}
    </div>`;
  }

  /** The session's notices about the choices (e.g. a preset that did not apply). */
  renderNotices({ localizer: l, state }: WizardContext): TemplateResult | typeof nothing {
    return state.notices.length > 0 ? html`<div class="alert notice" role="note">${state.notices.map((n) => html`<p>${l.notice(n)}</p>`)}</div>` : nothing;
  }

  /** A list (categories, domains) that did not load: its failure with Try again. */
  renderListFailure(ctx: WizardContext, list: Loadable<unknown>): TemplateResult | typeof nothing {
    return list.status === 'error' && list.failure ? this.#renderFailed(ctx, list.failure) : nothing;
  }

  /** The template spec being prepared, or its failure with Try again. */
  renderSpec(ctx: WizardContext): TemplateResult | typeof nothing {
    const { localizer: l, flow, state } = ctx;
    const { spec } = state;
    const waiting = flow.waiting && spec.status === 'loading';
    if (spec.status === 'loading') return html`<p class="hint" role=${waiting ? 'status' : nothing}><span class="spinner" aria-hidden="true"></span> ${l.t(waiting ? 'chooseWaiting' : 'specLoading')}</p>`;
    return spec.status === 'error' && spec.failure ? this.#renderFailed(ctx, spec.failure) : nothing;
  }

  /** A failure of the session's with Try again (the flow's retry). */
  #renderFailed(ctx: WizardContext, failure: SessionFailure): TemplateResult {
    return html`${renderFailure(this.host, ctx.localizer, failure)}
      <p><button type="button" class="button quiet" @click=${() => void ctx.flow.retry()}>${ctx.localizer.t('retry')}</button></p>`;
  }

  /** Asks before `apply`ing a change of `field` that would put the checked file away. */
  ask(ctx: WizardContext, field: PresetField, apply: () => void): void {
    this.#asking = { ctx, field, apply };
    this.host.requestUpdate();
  }

  #answer(confirmed: boolean): void {
    const asking = this.#asking;
    this.#asking = undefined;
    this.host.requestUpdate();
    if (!asking) return;
    if (confirmed) asking.apply();
    else this.#revert(asking);
    this.focus(asking.field);
  }

  /** Puts the control back as the selection has it: the admin's pick was not applied. */
  #revert({ ctx, field }: Asking): void {
    const selection = ctx.state.selection;
    const root = this.host.renderRoot;
    if (field === 'identifierKind') {
      for (const radio of root.querySelectorAll<HTMLInputElement>('[name=identifierKind]')) radio.checked = radio.value === selection.identifierKind;
      return;
    }
    const control = root.querySelector<HTMLElement & { value?: unknown }>(`#${field}`);
    if (control) control.value = field === 'activity' ? selection.activity : ((field === 'category' ? selection.categoryId : selection.domainId) ?? '');
  }

  hostUpdated(): void {
    const dialog = this.host.renderRoot.querySelector<HTMLDialogElement>('#discard');
    if (dialog && this.#asking && !dialog.open) dialog.showModal();
    if (dialog?.open && !this.#asking) dialog.close();
  }

  /** The question, rendered once these parts are here (a closed dialog until a change asks it). */
  renderQuestion(ctx: WizardContext): TemplateResult {
    const l = ctx.localizer;
    const file = ctx.state.file?.name ?? '';
    const onCancel = (event: Event): void => {
      event.preventDefault();
      this.#answer(false);
    };
    return html`<dialog id="discard" aria-labelledby="discard-heading" aria-describedby="discard-body" @cancel=${onCancel}>
      <h2 id="discard-heading">${l.t('discardHeading')}</h2>
      <p id="discard-body">${l.t('discardBody', { file })}</p>
      <div class="dialog-actions">
        <button type="button" class="button" id="discard-cancel" autofocus @click=${() => this.#answer(false)}>${l.t('cancel')}</button>
        <button type="button" class="button danger" id="discard-confirm" @click=${() => this.#answer(true)}>${l.t('discardConfirm')}</button>
      </div>
    </dialog>`;
  }
}
