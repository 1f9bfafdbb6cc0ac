// The create step: the progress while creating, and a failed creation with what to do next. Reached
// through the stepper while the file is clean, it shows the same records preview and "Create records" as
// the review (the shell's confirmation follows the flow's handshake): no step only repeats the summary.
import { html, nothing, type TemplateResult } from 'lit';
import { recordsReadyStyles, renderRecordsReady } from '../records-preview/records-ready.js';
import { renderProgress } from '../shared/progress.js';
import { StepElement } from '../shared/step-element.js';
import { stepProgressStyles } from '../shared/step-progress.styles.js';
import type { WizardContext } from '../shared/wizard-context.js';

/**
 * @internal The wizard's create step.
 * @summary Creates the records, all or none.
 */
export class StepCreateElement extends StepElement {
  static override styles = [...StepElement.styles, stepProgressStyles, recordsReadyStyles];

  /** Focuses "Create records" (the shell calls it when its confirmation is cancelled). */
  focusCreate(): Promise<void> {
    return this.focusLater('#create');
  }

  protected renderStep(ctx: WizardContext): TemplateResult {
    const { localizer: l, state, flow } = ctx;
    const count = state.summary?.records ?? 0;
    if (state.status === 'committing') {
      return html`
        ${this.renderHeading(l.t('createHeading'), l.t('creating', { count }))}
        ${renderProgress(ctx)}
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
            ? html`<button type="button" class="button primary" id="retry-create" @click=${() => flow.retryCreate()}>${l.t('retry')}</button>`
            : html`<button type="button" class="button primary" id="upload-again" @click=${() => flow.uploadAnother()}>${l.t('uploadAnother')}</button>`,
        )}
      `;
    }
    return html`
      ${this.renderHeading(l.t('createHeading'), l.t('createGuidance'))}
      ${renderRecordsReady(ctx)}
      ${this.renderActions(html`<button type="button" class="button primary" id="create" @click=${() => flow.requestCreate()}>${l.t('createButton')}</button>`)}
    `;
  }
}
