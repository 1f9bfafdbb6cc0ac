// Registers <offline-upload-wizard> with the internal parts of its first screens and <upload-summary>: the
// only side effects of the wizard. Internal parts are defined here, not in modules of their own, so that no
// bundler can drop them as side-effect free (package.json lists only the registration modules). The choose
// and template steps, the no-access panel and the steps after the template are defined by chunks of their
// own when needed (lazy-steps.ts).
import { StepAccessElement } from '../step-access/step-access.component.js';
import '../upload-summary/upload-summary.js';
import { OfflineUploadWizardElement } from './offline-upload-wizard.component.js';

export { OfflineUploadWizardElement };

// One literal define per tag (not a loop), so that the manifest analyzer sees every tag name.
if (!customElements.get('offline-upload-step-access')) customElements.define('offline-upload-step-access', StepAccessElement);
if (!customElements.get('offline-upload-wizard')) customElements.define('offline-upload-wizard', OfflineUploadWizardElement);

declare global {
  interface HTMLElementTagNameMap {
    'offline-upload-wizard': OfflineUploadWizardElement;
    'offline-upload-step-access': StepAccessElement;
  }
}
