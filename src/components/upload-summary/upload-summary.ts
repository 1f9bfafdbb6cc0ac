// Registers <upload-summary>: the only side effect of this element.
import { UploadSummaryElement } from './upload-summary.component.js';

export { UploadSummaryElement };

if (!customElements.get('upload-summary')) customElements.define('upload-summary', UploadSummaryElement);

declare global {
  interface HTMLElementTagNameMap {
    'upload-summary': UploadSummaryElement;
  }
}
