// The progress block of the upload and create steps: phase, bar (role=progressbar) with the stretch the
// request in flight will fill, which part of the LMS's check is under way, file, Cancel. With the later steps
// (upload, create), not on the first load; its look is step-progress.styles.ts, which those steps add.
import { html, nothing, type TemplateResult } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { phaseName } from './phase.js';
import type { WizardContext } from './wizard-context.js';

/** `onCancel`: shows Cancel (reading and dry run); absent while creating, which cannot be interrupted. */
export function renderProgress(ctx: WizardContext, onCancel?: () => void): TemplateResult {
  const { localizer: l, state } = ctx;
  const progress = state.progress;
  const fraction = progress?.fraction ?? 0;
  const percent = Math.round(Math.min(1, Math.max(0, fraction)) * 100);
  const phase = phaseName(ctx, progress?.phase);
  const indeterminate = state.status === 'committing';
  // The bar's width as a custom property set from script: a strict CSP forbids style attributes.
  const pending = Math.max(0, Math.round(Math.min(1, progress?.pendingFraction ?? 0) * 100) - percent);
  const width = ref((el) => {
    (el as HTMLElement | undefined)?.style.setProperty('--_percent', String(percent));
    (el as HTMLElement | undefined)?.style.setProperty('--_pending', String(pending));
  });
  const detail =
    progress?.phase === 'dry-run' && progress.chunk !== undefined && progress.chunks !== undefined
      ? l.t('progressPart', { chunk: l.number(progress.chunk), chunks: l.number(progress.chunks), done: l.number(progress.done ?? 0), total: l.number(progress.total ?? 0) })
      : indeterminate
        ? l.t('progressCommit')
        : '';
  return html`<div part="progress" class="progress">
    <div class="progress-head">
      <span id="progress-label">${phase}</span>
      ${indeterminate ? nothing : html`<span class="percent" aria-hidden="true">${l.percent(fraction)}</span>`}
    </div>
    ${indeterminate
      ? html`<div class="track indeterminate" role="progressbar" aria-labelledby="progress-label" aria-valuetext=${phase}>
          <span part="progress-bar" class="fill"></span>
        </div>`
      : html`<div class="track" role="progressbar" aria-labelledby="progress-label" aria-describedby=${detail ? 'progress-detail' : nothing}
          aria-valuemin="0" aria-valuemax="100" aria-valuenow=${percent} aria-valuetext=${l.t('announceProgress', { phase, percent: l.percent(fraction) })} ${width}>
          <span part="progress-bar" class="fill"></span>${pending > 0 ? html`<span class="pending"></span>` : nothing}
        </div>`}
    ${state.retrying
      ? html`<p class="retrying" role="status">${l.t('retryingNow', { attempt: state.retrying.attempt, attempts: state.retrying.attempts })}</p>`
      : nothing}
    ${detail ? html`<p class="progress-detail" id="progress-detail">${detail}</p>` : nothing}
    ${state.file ? html`<p class="file">${l.t('fileInfo', { name: state.file.name, size: l.bytes(state.file.size) })}</p>` : nothing}
    ${onCancel ? html`<button type="button" class="button" id="cancel-upload" @click=${onCancel}>${l.t('cancelUpload')}</button>` : nothing}
  </div>`;
}
