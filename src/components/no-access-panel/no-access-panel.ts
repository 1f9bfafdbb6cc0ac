// The no-access panel of the access step: says the admin lacks the permission, how to get it, and whom
// to contact. Rendered inside the wizard's shadow root so that its `no-access` slot can replace the
// default contact (a slot forwarded through another element would never show its fallback).
import { css, html, nothing, type TemplateResult } from 'lit';
import type { Localizer } from '../../i18n/localize.js';

export interface NoAccessOptions {
  /** The LMS's own reason, when it gave one. */
  readonly reason?: string;
  /** Where "Send us a message" leads: the host's support-url, else the LMS's contactUrl. */
  readonly contactUrl?: string;
  /** The e-mail shown: the host's support-email, else the LMS's contactEmail. */
  readonly contactEmail?: string;
}

/** Only http(s) and mailto links are followed: a contact URL from an LMS must not run script. */
export function safeContactUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url, document.baseURI);
    return ['http:', 'https:', 'mailto:'].includes(parsed.protocol) ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

export function renderNoAccess(l: Localizer, options: NoAccessOptions): TemplateResult {
  const url = safeContactUrl(options.contactUrl);
  const email = options.contactEmail?.trim() || undefined;
  return html`
    <div class="no-access" part="no-access">
      <p>${l.t('noAccessGuidance')}</p>
      ${options.reason ? html`<p class="reason">${l.t('noAccessReason', { reason: options.reason })}</p>` : nothing}
      <p>${l.t('noAccessHowTo')}</p>
      <slot name="no-access">
        ${url || email
          ? html`<div class="contact">
              <p class="contact-lead">${l.t('noAccessContact')}</p>
              <ul>
                ${url ? html`<li><a class="button primary" href=${url} target="_blank" rel="noopener">${l.t('contactLink')}</a></li>` : nothing}
                ${email ? html`<li><a class="button" href="mailto:${email}">${l.t('contactEmail', { email })}</a></li>` : nothing}
              </ul>
            </div>`
          : nothing}
      </slot>
    </div>
  `;
}

export const noAccessStyles = css`
  .no-access {
    border-inline-start: 4px solid var(--_danger);
    background: var(--_danger-soft);
    border-radius: var(--_radius);
    padding-block: 0.75rem;
    padding-inline: 1rem;
  }
  .no-access p {
    margin-block: 0 0.5rem;
  }
  .reason {
    font-style: italic;
  }
  .contact ul {
    list-style: none;
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin: 0;
    padding: 0;
  }
  .contact-lead {
    font-weight: 600;
  }
`;
