// The wizard's stepper: the steps (seven, eight with column matching), done / current / reachable, as a list in wide columns and as
// "Step 3 of 7 · Template" with a bar in narrow ones.
import { html, nothing, type TemplateResult } from 'lit';
import type { Localizer, MessageKey } from '../../i18n/localize.js';
import { WIZARD_STEPS, type WizardStep } from '../../session/steps.js';
import type { WizardFlow } from '../../session/wizard-flow.js';

export const STEP_NAMES: Record<WizardStep, MessageKey> = {
  access: 'stepAccess',
  choose: 'stepChoose',
  template: 'stepTemplate',
  upload: 'stepUpload',
  match: 'stepMatch',
  review: 'stepReview',
  create: 'stepCreate',
  done: 'stepDoneName',
};

export function renderStepper(l: Localizer, flow: WizardFlow | undefined, label: string): TemplateResult {
  const currentStep = flow?.step ?? 'access';
  // The matching step is listed only for an upload whose columns needed it.
  const steps = flow?.steps ?? WIZARD_STEPS;
  const index = steps.indexOf(currentStep);
  return html`
    <nav part="stepper" class="stepper" aria-label=${label}>
      <ol>
        ${steps.map((step, i) => {
          const current = step === currentStep;
          const complete = !current && flow !== undefined && flow.complete(step);
          const reachable = !current && step !== 'access' && flow !== undefined && flow.reachable(step);
          const name = l.t(STEP_NAMES[step]);
          const content = html`<span class="marker" aria-hidden="true">${complete ? '✓' : i + 1}</span><span class="name">${name}</span>${complete
              ? html`<span class="visually-hidden"> ${l.t('stepDone')}</span>`
              : nothing}`;
          return html`<li part="step" class="${current ? 'current' : ''} ${complete ? 'complete' : ''} ${reachable ? 'reachable' : ''}">
            ${reachable
              ? html`<button type="button" class="step-link" @click=${() => flow?.goTo(step)}>${content}</button>`
              : html`<span class="step-link" aria-current=${current ? 'step' : nothing}>${content}</span>`}
          </li>`;
        })}
      </ol>
      <!-- Shown instead of the list in narrow columns (one of the two is displayed at a time). -->
      <p class="step-count">
        ${l.t('stepOf', { current: index + 1, total: steps.length })} · <strong>${l.t(STEP_NAMES[currentStep])}</strong>
      </p>
      <div class="step-track" aria-hidden="true" data-fraction=${(index + 1) / steps.length}><span></span></div>
    </nav>
  `;
}

/**
 * Sets the narrow stepper's bar to its length after each render of the shell: a custom property set from
 * script, as a strict CSP forbids style attributes (a plain function, not the `ref` directive, whose
 * async-directive machinery the first load would carry for this one bar).
 */
export function updateStepTrack(root: ParentNode): void {
  const track = root.querySelector<HTMLElement>('.step-track');
  track?.style.setProperty('--_step-fraction', track.dataset['fraction'] ?? '0');
}
