// Registers <offline-upload-wizard> with its internal parts and <upload-summary>: the only side
// effects of the wizard. Internal parts are defined here, not in modules of their own, so that no
// bundler can drop them as side-effect free (package.json lists only the registration modules).
import { ActivityComboboxElement } from '../activity-combobox/activity-combobox.component.js';
import { DropZoneElement } from '../drop-zone/drop-zone.component.js';
import { IssuesTableElement } from '../issues-table/issues-table.component.js';
import '../upload-summary/upload-summary.js';
import { OfflineUploadWizardElement } from './offline-upload-wizard.component.js';

export { OfflineUploadWizardElement };

// One literal define per tag (not a loop), so that the manifest analyzer sees every tag name.
if (!customElements.get('offline-upload-activity-combobox')) customElements.define('offline-upload-activity-combobox', ActivityComboboxElement);
if (!customElements.get('offline-upload-drop-zone')) customElements.define('offline-upload-drop-zone', DropZoneElement);
if (!customElements.get('offline-upload-issues-table')) customElements.define('offline-upload-issues-table', IssuesTableElement);
if (!customElements.get('offline-upload-wizard')) customElements.define('offline-upload-wizard', OfflineUploadWizardElement);

declare global {
  interface HTMLElementTagNameMap {
    'offline-upload-wizard': OfflineUploadWizardElement;
    'offline-upload-activity-combobox': ActivityComboboxElement;
    'offline-upload-drop-zone': DropZoneElement;
    'offline-upload-issues-table': IssuesTableElement;
  }
}
