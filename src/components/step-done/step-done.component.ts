// The done step: how many records were created for which activity, and what next.
import { html, nothing, type TemplateResult } from 'lit';
import { StepElement } from '../shared/step-element.js';
import type { WizardContext } from '../shared/wizard-context.js';

/**
 * @internal The wizard's done step.
 * @summary Confirms the records created.
 */
export class StepDoneElement extends StepElement {
  protected renderStep(ctx: WizardContext): TemplateResult {
    const { localizer: l, state, flow } = ctx;
    const result = state.result;
    const count = result?.created ?? 0;
    const unchanged = result?.unchanged ?? 0;
    const activity = flow.activity?.name ?? '';
    return html`
      ${this.renderHeading(l.t('doneHeading'), l.t('doneGuidance'))}
      <div class="alert success">
        <p><strong>${l.t('doneMessage', { count, activity })}</strong></p>
        ${unchanged > 0 ? html`<p id="done-unchanged">${l.t('doneUnchanged', { count: unchanged })}</p>` : nothing}
        ${result?.replayed ? html`<p>${l.t('doneReplayed')}</p>` : nothing}
      </div>
      ${this.renderActions(
        html`<button type="button" class="button" id="start-over" @click=${() => flow.startOver()}>${l.t('startOver')}</button>
          <button type="button" class="button primary" id="upload-another" @click=${() => flow.uploadAnother()}>${l.t('uploadAnother')}</button>`,
        false,
      )}
    `;
  }
}
