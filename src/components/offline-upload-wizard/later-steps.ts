// The steps after the template (upload, match, review, create, done) and their parts: a chunk of their
// own, fetched at the admin's first pointer, key or drop in the wizard, or when the flow reaches one of
// them (lazy-steps.ts), so a host's first load carries only the shell and the first screens. A function,
// not top-level defines: package.json's sideEffects names dist/register.js only, and a bundler may drop
// the top-level statements of any other module.
import { laterWordsEn } from '../../i18n/later-words.js';
import { useLaterWords } from '../../i18n/localize.js';
import { DropZoneElement } from '../drop-zone/drop-zone.component.js';
import { IssuesTableElement } from '../issues-table/issues-table.component.js';
import { BulkFixElement } from '../problem-grid/bulk-fix.component.js';
import { ProblemCardsElement } from '../problem-grid/problem-cards.component.js';
import { ProblemGridElement } from '../problem-grid/problem-grid.component.js';
import { RecordsPreviewElement } from '../records-preview/records-preview.component.js';
import { StepCreateElement } from '../step-create/step-create.component.js';
import { StepDoneElement } from '../step-done/step-done.component.js';
import { StepMatchElement } from '../step-match/step-match.component.js';
import { StepReviewElement } from '../step-review/step-review.component.js';
import { StepUploadElement } from '../step-upload/step-upload.component.js';
import { loadSummaryView } from '../upload-summary/upload-summary.component.js';
import { useConfirmDialog } from './confirm-dialog.js';
import { confirmDialogView } from './confirm-dialog.view.js';

/** @internal The template step's downloads, loaded with the later steps (shared/lazy-download.ts). */
export { DownloadTask } from '../shared/download-task.js';

/** @internal Defines the later steps' tags (once; a second call does nothing). */
export function defineLaterSteps(): void {
  // Their words come with them (not on the first load): in the English table before any of them renders.
  useLaterWords(laterWordsEn);
  // <upload-summary>'s view too, so that the review and create steps never show it empty while it loads.
  void loadSummaryView();
  // The shell's confirmation before creating, which only these steps ask for.
  useConfirmDialog(confirmDialogView);
  // One literal define per tag (not a loop), so that the manifest analyzer sees every tag name.
  if (!customElements.get('offline-upload-drop-zone')) customElements.define('offline-upload-drop-zone', DropZoneElement);
  if (!customElements.get('offline-upload-issues-table')) customElements.define('offline-upload-issues-table', IssuesTableElement);
  if (!customElements.get('offline-upload-problem-grid')) customElements.define('offline-upload-problem-grid', ProblemGridElement);
  if (!customElements.get('offline-upload-problem-cards')) customElements.define('offline-upload-problem-cards', ProblemCardsElement);
  if (!customElements.get('offline-upload-bulk-fix')) customElements.define('offline-upload-bulk-fix', BulkFixElement);
  if (!customElements.get('offline-upload-records-preview')) customElements.define('offline-upload-records-preview', RecordsPreviewElement);
  if (!customElements.get('offline-upload-step-upload')) customElements.define('offline-upload-step-upload', StepUploadElement);
  if (!customElements.get('offline-upload-step-match')) customElements.define('offline-upload-step-match', StepMatchElement);
  if (!customElements.get('offline-upload-step-review')) customElements.define('offline-upload-step-review', StepReviewElement);
  if (!customElements.get('offline-upload-step-create')) customElements.define('offline-upload-step-create', StepCreateElement);
  if (!customElements.get('offline-upload-step-done')) customElements.define('offline-upload-step-done', StepDoneElement);
}

declare global {
  interface HTMLElementTagNameMap {
    'offline-upload-drop-zone': DropZoneElement;
    'offline-upload-issues-table': IssuesTableElement;
    'offline-upload-problem-grid': ProblemGridElement;
    'offline-upload-problem-cards': ProblemCardsElement;
    'offline-upload-bulk-fix': BulkFixElement;
    'offline-upload-records-preview': RecordsPreviewElement;
    'offline-upload-step-upload': StepUploadElement;
    'offline-upload-step-match': StepMatchElement;
    'offline-upload-step-review': StepReviewElement;
    'offline-upload-step-create': StepCreateElement;
    'offline-upload-step-done': StepDoneElement;
  }
}
