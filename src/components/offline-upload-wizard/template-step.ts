// The template step: a chunk of its own, defined when the flow first shows it or as soon as the wizard
// knows it will (lazy-steps.ts), so a page whose wizard starts on the choose step does not load it before
// the admin acts. A function, not a top-level define: package.json's sideEffects names dist/register.js
// only, and a bundler may drop the top-level statements of any other module.
import { useScreenWords } from '../../i18n/localize.js';
import { uiTemplateEn } from '../../i18n/ui-template.en.js';
import { StepTemplateElement } from '../step-template/step-template.component.js';

/** @internal Defines the template step's tag (once; a second call does nothing). */
export function defineTemplateStep(): void {
  // Its words come with it (not on the first load): in the English table before it renders.
  useScreenWords(uiTemplateEn);
  if (!customElements.get('offline-upload-step-template')) customElements.define('offline-upload-step-template', StepTemplateElement);
}

declare global {
  interface HTMLElementTagNameMap {
    'offline-upload-step-template': StepTemplateElement;
  }
}
