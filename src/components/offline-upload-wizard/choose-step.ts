// The choose step and its activity combobox: a chunk of its own, defined when the flow first shows the
// step (lazy-steps.ts), so a page whose wizard starts on a preset activity never loads it. A function, not
// top-level defines: package.json's sideEffects names dist/register.js only, and a bundler may drop the
// top-level statements of any other module.
import { useChooseWords } from '../../i18n/localize.js';
import { uiChooseFirstEn } from '../../i18n/ui-choose-first.en.js';
import { ActivityComboboxElement } from '../activity-combobox/activity-combobox.component.js';
import { StepChooseElement } from '../step-choose/step-choose.component.js';

/** @internal Defines the choose step's tags (once; a second call does nothing). */
export function defineChooseStep(): void {
  // Their words come with them (not on the first load): in the English table before either renders (the
  // words shown after the admin acts come with the code that shows them).
  useChooseWords(uiChooseFirstEn);
  // One literal define per tag (not a loop), so that the manifest analyzer sees every tag name.
  if (!customElements.get('offline-upload-activity-combobox')) customElements.define('offline-upload-activity-combobox', ActivityComboboxElement);
  if (!customElements.get('offline-upload-step-choose')) customElements.define('offline-upload-step-choose', StepChooseElement);
}

declare global {
  interface HTMLElementTagNameMap {
    'offline-upload-activity-combobox': ActivityComboboxElement;
    'offline-upload-step-choose': StepChooseElement;
  }
}
