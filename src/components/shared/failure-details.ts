// What a failure shows beside its message (step-element.ts renderFailure): the attempts made, the upload
// reference to quote and the collapsed "Details for support", with their English words. A chunk of its own,
// loaded with the first failure shown: the message and the LMS's reason show at once, these a moment later.
import { html, nothing, type ReactiveElement, type TemplateResult } from 'lit';
import { useScreenWords, type Localizer } from '../../i18n/localize.js';
import { uiFailureEn } from '../../i18n/ui-failure.en.js';
import type { SessionFailure } from '../../session/failures.js';
import { addStyles } from './add-styles.js';
import { failureDetailsStyles } from './failure-details.styles.js';

useScreenWords(uiFailureEn);

/** The shadow roots that have the details' look. */
const styled = new WeakSet<Node>();

/** The failure's attempts, upload reference and support details, as shown when the failure was at `time`. */
export function renderFailureDetails(host: ReactiveElement, l: Localizer, failure: SessionFailure, time: Date): TemplateResult {
  // Their look, added to `host`'s shadow root in the update that first shows them there.
  if (!styled.has(host.renderRoot)) {
    styled.add(host.renderRoot);
    addStyles(host, [failureDetailsStyles]);
  }
  const detail = failure.detail;
  const attempts = failure.params['attempts'];
  return html`${typeof attempts === 'number' && attempts > 1 ? html`<p class="attempts">${l.t('retriesEnded', { count: attempts })}</p>` : nothing}
    ${failure.retryable && detail?.uploadId ? renderQuote(l, detail.uploadId) : nothing}
    <details class="support">
      <summary>${l.t('supportDetails')}</summary>
      <ul>
        ${detail?.uploadId ? html`<li>${l.t('supportReference', { id: detail.uploadId })}</li>` : nothing}
        <li>${l.t('supportTime', { time: l.time(time) })}</li>
        <li>${l.t('supportCode', { code: [failure.code, detail?.errorCode, detail?.operation, detail?.status].filter((p) => p !== undefined).join(' · ') })}</li>
        ${detail?.message ? html`<li><bdi>${l.t('supportDetail', { detail: detail.message })}</bdi></li>` : nothing}
      </ul>
    </details>`;
}

/** The upload reference to quote, kept on one line (never broken at its hyphen) and selected in one click. */
function renderQuote(l: Localizer, id: string): TemplateResult {
  const [before = '', after = ''] = l.t('supportQuote', { id: '\u0000' }).split('\u0000');
  return html`<p class="reference">${before}<span class="upload-reference">${id}</span>${after}</p>`;
}
