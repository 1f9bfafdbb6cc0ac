// The access step: "checking your access", or why it could not be checked (with Try again). Before a
// session exists, the shell hands it the connection's own failure (no backend, no REST client).
import { html, nothing, type TemplateResult } from 'lit';
import type { Localizer } from '../../i18n/localize.js';
import type { SessionFailure } from '../../session/failures.js';
import { renderFailure, StepElement } from '../shared/step-element.js';
import type { WizardContext } from '../shared/wizard-context.js';

/**
 * @internal The wizard's access step.
 * @summary Checking access, or why it failed.
 */
export class StepAccessElement extends StepElement {
  static override properties = { connection: { attribute: false } };

  /**
   * @internal Set by the shell while there is no session (the connection failed or is not configured), or
   * in place of a step whose code did not load (`heading`: that step's own).
   */
  connection?: { readonly failure?: SessionFailure; readonly localizer: Localizer; readonly retry?: () => void; readonly heading?: string };

  protected override render(): TemplateResult | typeof nothing {
    const c = this.connection;
    if (!c) return super.render();
    const l = c.localizer;
    if (!c.failure) return this.renderChecking(l);
    return html`
      ${this.renderHeading(c.heading ?? l.t('accessErrorHeading'), '')}
      ${renderFailure(this, l, c.failure)}
      ${c.retry
        ? html`<div part="actions" class="actions">
            <span class="spacer"></span>
            <button type="button" class="button primary" @click=${c.retry}>${l.t('retry')}</button>
          </div>`
        : nothing}
    `;
  }

  protected renderStep(ctx: WizardContext): TemplateResult {
    const { localizer: l, state, flow } = ctx;
    if (state.status === 'access-error') {
      return html`
        ${this.renderHeading(l.t('accessErrorHeading'), '')}
        ${state.failure ? this.renderFailure(state.failure) : nothing}
        ${this.renderActions(html`<button type="button" class="button primary" @click=${() => void flow.retry()}>${l.t('retry')}</button>`, false)}
      `;
    }
    return this.renderChecking(l);
  }

  private renderChecking(l: Localizer): TemplateResult {
    return html`
      ${this.renderHeading(l.t('accessHeading'), l.t('accessGuidance'))}
      <p class="quiet-loading"><span class="spinner" aria-hidden="true"></span> ${l.t('listLoading')}</p>
    `;
  }
}
