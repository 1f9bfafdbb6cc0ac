// Registers <offline-upload-wizard> with its internal parts and <upload-summary>: the only side
// effects of the wizard. Internal parts are defined here, not in modules of their own, so that no
// bundler can drop them as side-effect free (package.json lists only the registration modules).
import { ActivityComboboxElement } from '../activity-combobox/activity-combobox.component.js';
import { DropZoneElement } from '../drop-zone/drop-zone.component.js';
import { IssuesTableElement } from '../issues-table/issues-table.component.js';
import { BulkFixElement } from '../problem-grid/bulk-fix.component.js';
import { ProblemCardsElement } from '../problem-grid/problem-cards.component.js';
import { ProblemGridElement } from '../problem-grid/problem-grid.component.js';
import { RecordsPreviewElement } from '../records-preview/records-preview.component.js';
import { StepAccessElement } from '../step-access/step-access.component.js';
import { StepChooseElement } from '../step-choose/step-choose.component.js';
import { StepCreateElement } from '../step-create/step-create.component.js';
import { StepDoneElement } from '../step-done/step-done.component.js';
import { StepMatchElement } from '../step-match/step-match.component.js';
import { StepNoAccessElement } from '../step-no-access/step-no-access.component.js';
import { StepReviewElement } from '../step-review/step-review.component.js';
import { StepTemplateElement } from '../step-template/step-template.component.js';
import { StepUploadElement } from '../step-upload/step-upload.component.js';
import '../upload-summary/upload-summary.js';
import { OfflineUploadWizardElement } from './offline-upload-wizard.component.js';

export { OfflineUploadWizardElement };

// One literal define per tag (not a loop), so that the manifest analyzer sees every tag name.
if (!customElements.get('offline-upload-activity-combobox')) customElements.define('offline-upload-activity-combobox', ActivityComboboxElement);
if (!customElements.get('offline-upload-drop-zone')) customElements.define('offline-upload-drop-zone', DropZoneElement);
if (!customElements.get('offline-upload-issues-table')) customElements.define('offline-upload-issues-table', IssuesTableElement);
if (!customElements.get('offline-upload-problem-grid')) customElements.define('offline-upload-problem-grid', ProblemGridElement);
if (!customElements.get('offline-upload-problem-cards')) customElements.define('offline-upload-problem-cards', ProblemCardsElement);
if (!customElements.get('offline-upload-bulk-fix')) customElements.define('offline-upload-bulk-fix', BulkFixElement);
if (!customElements.get('offline-upload-records-preview')) customElements.define('offline-upload-records-preview', RecordsPreviewElement);
if (!customElements.get('offline-upload-step-access')) customElements.define('offline-upload-step-access', StepAccessElement);
if (!customElements.get('offline-upload-step-no-access')) customElements.define('offline-upload-step-no-access', StepNoAccessElement);
if (!customElements.get('offline-upload-step-choose')) customElements.define('offline-upload-step-choose', StepChooseElement);
if (!customElements.get('offline-upload-step-template')) customElements.define('offline-upload-step-template', StepTemplateElement);
if (!customElements.get('offline-upload-step-upload')) customElements.define('offline-upload-step-upload', StepUploadElement);
if (!customElements.get('offline-upload-step-match')) customElements.define('offline-upload-step-match', StepMatchElement);
if (!customElements.get('offline-upload-step-review')) customElements.define('offline-upload-step-review', StepReviewElement);
if (!customElements.get('offline-upload-step-create')) customElements.define('offline-upload-step-create', StepCreateElement);
if (!customElements.get('offline-upload-step-done')) customElements.define('offline-upload-step-done', StepDoneElement);
if (!customElements.get('offline-upload-wizard')) customElements.define('offline-upload-wizard', OfflineUploadWizardElement);

declare global {
  interface HTMLElementTagNameMap {
    'offline-upload-wizard': OfflineUploadWizardElement;
    'offline-upload-activity-combobox': ActivityComboboxElement;
    'offline-upload-drop-zone': DropZoneElement;
    'offline-upload-issues-table': IssuesTableElement;
    'offline-upload-problem-grid': ProblemGridElement;
    'offline-upload-problem-cards': ProblemCardsElement;
    'offline-upload-bulk-fix': BulkFixElement;
    'offline-upload-records-preview': RecordsPreviewElement;
    'offline-upload-step-access': StepAccessElement;
    'offline-upload-step-no-access': StepNoAccessElement;
    'offline-upload-step-choose': StepChooseElement;
    'offline-upload-step-template': StepTemplateElement;
    'offline-upload-step-upload': StepUploadElement;
    'offline-upload-step-match': StepMatchElement;
    'offline-upload-step-review': StepReviewElement;
    'offline-upload-step-create': StepCreateElement;
    'offline-upload-step-done': StepDoneElement;
  }
}
