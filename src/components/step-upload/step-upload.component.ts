// The upload step: the drop zone (picker or drag-and-drop) with the host's limits, then the progress of
// reading, checking and the LMS's dry run, with Cancel.
import { html, nothing, type TemplateResult } from 'lit';
import { DEFAULT_MAX_FILE_SIZE } from '../../session/upload-session.js';
import { uploadSelected } from '../shared/file-select.js';
import type { FileSelectEvent } from '../shared/internal-events.js';
import { renderProgress } from '../shared/progress.js';
import { StepElement } from '../shared/step-element.js';
import { stepProgressStyles } from '../shared/step-progress.styles.js';
import type { WizardContext } from '../shared/wizard-context.js';

/**
 * @internal The wizard's upload step.
 * @summary Takes the filled-in spreadsheet and shows its progress.
 */
export class StepUploadElement extends StepElement {
  static override styles = [...StepElement.styles, stepProgressStyles];

  private cancel(): void {
    const ctx = this.ctx!;
    ctx.session.cancel();
    ctx.announce(ctx.localizer.t('uploadCancelled'));
    void this.focusLater('offline-upload-drop-zone');
  }

  private limits(ctx: WizardContext): string {
    const { localizer: l, options } = ctx;
    const size = l.bytes(options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE);
    return options.maxRows ? l.t('dropLimitsRows', { size, rows: options.maxRows }) : l.t('dropLimits', { size });
  }

  protected renderStep(ctx: WizardContext): TemplateResult {
    const { localizer: l, state, flow } = ctx;
    const working = state.status === 'reading' || state.status === 'dry-run';
    // After reading: the matching screen when the file's columns wait for the admin, else the review.
    const next = state.status === 'matching' ? 'match' : 'review';
    const hasResult = flow.reachable(next);
    return html`
      ${this.renderHeading(l.t('uploadHeading'), l.t('uploadGuidance'))}
      ${working
        ? renderProgress(ctx, () => this.cancel())
        : html`<offline-upload-drop-zone part="drop-zone" .localizer=${l} limits=${this.limits(ctx)}
              @offline-upload-internal-file-select=${(e: FileSelectEvent) => uploadSelected(ctx, e)}></offline-upload-drop-zone>
            ${state.file && hasResult ? html`<p class="file">${l.t('fileInfo', { name: state.file.name, size: l.bytes(state.file.size) })}</p>` : nothing}`}
      ${(state.status === 'selecting' || state.status === 'check-failed') && state.failure ? this.renderFailure(state.failure) : nothing}
      ${state.status === 'check-failed' && state.file ? html`<p class="file kept">${l.t('checkFailedKept', { name: state.file.name })}</p>` : nothing}
      ${this.renderActions(
        state.status === 'check-failed'
          ? html`<button type="button" class="button primary" id="retry-check" @click=${() => void ctx.session.retryCheck()}>${l.t('retry')}</button>`
          : hasResult && !working
            ? html`<button type="button" class="button primary" id="next" @click=${() => flow.goTo(next)}>
                ${l.t('next')} <span class="arrow" aria-hidden="true">→</span>
              </button>`
            : nothing,
      )}
    `;
  }
}
