// The no-access step: the admin may not upload offline records. It stands alone (the shell shows no
// stepper around it): why not, how to get the permission, and whom to contact — the host's own words
// when it slots them in (the shell forwards its `no-access` slot here), else its support link and e-mail.
import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { StepElement } from '../shared/step-element.js';
import type { WizardContext } from '../shared/wizard-context.js';
import { mailtoHref, plainEmail, safeContactUrl } from '../../backend/contact.js';
import { noAccessStyles } from './no-access.styles.js';

/**
 * @internal The wizard's no-access panel.
 * @summary Says the admin lacks the permission, and whom to ask.
 * @slot contact - The host's own words on whom to contact (replaces the links).
 */
export class StepNoAccessElement extends StepElement {
  static override styles = [...StepElement.styles, noAccessStyles];

  /** @internal The host slotted its own contact text (a forwarded slot never shows its fallback). */
  @property({ type: Boolean, attribute: false }) customContact = false;

  protected renderStep(ctx: WizardContext): TemplateResult {
    const { localizer: l, state, options } = ctx;
    const p = state.permissions;
    const url = safeContactUrl(options.supportUrl || p?.contactUrl);
    // Links are built with the backend's contact helpers only: no script URL, no mailto with a hidden bcc.
    const email = plainEmail(options.supportEmail || p?.contactEmail);
    const mailto = mailtoHref(email);
    return html`
      ${this.renderHeading(l.t('noAccessHeading'), '')}
      <div class="no-access" part="no-access">
        <p>${l.t('noAccessGuidance')}</p>
        ${p?.reason ? html`<p class="reason">${l.t('noAccessReason', { reason: p.reason })}</p>` : nothing}
        <p>${l.t('noAccessHowTo')}</p>
        ${this.customContact
          ? html`<slot name="contact"></slot>`
          : url || email
            ? html`<div class="contact">
                <p class="contact-lead">${l.t('noAccessContact')}</p>
                <ul>
                  ${url ? html`<li><a class="button primary" href=${url} target="_blank" rel="noopener">${l.t('contactLink')}</a></li>` : nothing}
                  ${email && mailto ? html`<li><a class="button" href=${mailto}>${l.t('contactEmail', { email })}</a></li>` : nothing}
                </ul>
              </div>`
            : nothing}
      </div>
    `;
  }
}
