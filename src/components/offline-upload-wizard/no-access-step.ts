// The no-access panel: a chunk of its own, defined when the LMS says the admin may not upload
// (lazy-steps.ts), so the first load of everyone who may does not carry it. A function, not a top-level
// define: package.json's sideEffects names dist/register.js only, and a bundler may drop the top-level
// statements of any other module.
import { useScreenWords } from '../../i18n/localize.js';
import { uiNoAccessEn } from '../../i18n/ui-no-access.en.js';
import { StepNoAccessElement } from '../step-no-access/step-no-access.component.js';

/** @internal Defines the no-access panel's tag (once; a second call does nothing). */
export function defineNoAccessStep(): void {
  // Its words come with it (not on the first load): in the English table before it renders.
  useScreenWords(uiNoAccessEn);
  if (!customElements.get('offline-upload-step-no-access')) customElements.define('offline-upload-step-no-access', StepNoAccessElement);
}

declare global {
  interface HTMLElementTagNameMap {
    'offline-upload-step-no-access': StepNoAccessElement;
  }
}
