// The review step, in one of three states: the file refused as a whole (what is wrong, another file),
// the issues by row and column (with the report and a corrected file), or the records ready.
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { state as viewState } from 'lit/decorators.js';
import { DownloadTask } from '../shared/download-task.js';
import { uploadSelected } from '../shared/file-select.js';
import type { FileSelectEvent } from '../shared/internal-events.js';
import { StepElement } from '../shared/step-element.js';
import type { WizardContext } from '../shared/wizard-context.js';
import { recordsReadyStyles, renderRecordsReady } from '../records-preview/records-ready.js';
import { renderDeleted, renderFixing, type FixingView, type RowsView } from './review-fixing.js';
import { renderReadingNotes } from '../step-match/reading-notes.js';
import { matchStyles } from '../step-match/step-match.styles.js';
import { reviewStyles } from './step-review.styles.js';

/**
 * @internal The wizard's review step.
 * @summary Shows the issues to fix, or the records ready to create.
 */
export class StepReviewElement extends StepElement {
  static override styles = [...StepElement.styles, reviewStyles, recordsReadyStyles, matchStyles];

  private readonly report = new DownloadTask(
    this,
    (_kind, signal) => this.ctx!.session.errorReport('xlsx', { locale: this.ctx!.localizer.locale, localizer: this.ctx!.localizer, signal }),
    (failure) => this.ctx?.announce(this.ctx.localizer.failure(failure), true),
  );
  private readonly marked = new DownloadTask(
    this,
    (_kind, signal) => this.ctx!.session.annotatedFile({ locale: this.ctx!.localizer.locale, localizer: this.ctx!.localizer, signal }),
    (failure) => this.ctx?.announce(this.ctx.localizer.failure(failure), true),
  );
  private readonly deletedFile = new DownloadTask(
    this,
    (_kind, signal) => this.ctx!.session.deletedRowsFile({ locale: this.ctx!.localizer.locale, localizer: this.ctx!.localizer, signal }),
    (failure) => this.ctx?.announce(this.ctx.localizer.failure(failure), true),
  );
  /** Rows the admin ticked in the problem grid (view state: for deleting or one value for all). */
  @viewState() private selected: ReadonlySet<number> = new Set();
  /** The grid shows the rows with problems (the default) or every row. */
  @viewState() private rowsView: RowsView = 'problems';

  private fixingView(): FixingView {
    return {
      selected: this.selected,
      select: (rows) => (this.selected = rows),
      view: this.rowsView,
      setView: (view) => (this.rowsView = view),
      downloadDeleted: () => this.deletedFile.start('xlsx'),
      downloadingDeleted: this.deletedFile.running !== undefined,
    };
  }

  /** Focuses "Create records" of a clean file's preview (the shell calls it when its confirmation is cancelled). */
  focusCreate(): Promise<void> {
    return this.focusLater('#create');
  }

  /** The issues last seen, and the rows they were on: a ticked row whose problems are gone is unticked. */
  private seenIssues?: WizardContext['state']['issues'];
  private problemRows: ReadonlySet<number> = new Set();

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const issues = this.ctx?.state.issues;
    if (!issues || issues === this.seenIssues) return;
    this.seenIssues = issues;
    const before = this.problemRows;
    this.problemRows = new Set(issues.flatMap((i) => (i.row === undefined ? [] : [i.row])));
    // A row fixed since it was ticked leaves the rows with problems: still ticked, out of sight, it would be
    // deleted (or given "one value for the selected rows") with the rows the admin does see ticked.
    const kept = [...this.selected].filter((row) => !before.has(row) || this.problemRows.has(row));
    if (kept.length !== this.selected.size) this.selected = new Set(kept);
  }

  protected renderStep(ctx: WizardContext): TemplateResult {
    const { localizer: l, state, flow } = ctx;
    const onFile = (e: FileSelectEvent): void => uploadSelected(ctx, e);
    if (flow.fileRefused) {
      // The file itself was refused (wrong type, damaged, empty, another template, a missing column…): no
      // table, no filters, no report — just what is wrong and a way to send another file.
      return html`
        ${this.renderHeading(l.t('fileRefusedHeading'), l.t('fileRefusedGuidance'))}
        ${state.failure ? this.renderFailure(state.failure) : nothing}
        <ul class="file-refused" id="file-refused">
          ${state.issues.map((issue) => html`<li>${l.issue(issue)}</li>`)}
        </ul>
        ${state.file ? html`<p class="hint">${state.file.name}</p>` : nothing}
        <div class="review-actions">
          <offline-upload-drop-zone compact .localizer=${l} label=${l.t('uploadDifferent')} @offline-upload-internal-file-select=${onFile}></offline-upload-drop-zone>
        </div>
        ${this.renderActions(nothing)}
      `;
    }
    // While fixes are checked again the problems stay on screen, even through the dry run of a file now clean.
    if (state.status === 'has-issues' || (state.editing?.checking && state.status === 'dry-run')) {
      const issues = state.issues;
      const rows = state.summary?.rowsWithIssues ?? new Set(issues.map((i) => i.row).filter((r) => r !== undefined)).size;
      const running = this.report.running;
      return html`
        ${this.renderHeading(l.t('reviewIssuesHeading'), l.t('reviewIssuesGuidance'))}
        ${state.failure ? this.renderFailure(state.failure) : nothing}
        ${state.failure?.retryable && state.status === 'has-issues'
          ? html`<p class="review-actions"><button type="button" class="button" id="retry-check" @click=${() => void ctx.session.retryCheck()}>${l.t('retry')}</button></p>`
          : nothing}
        ${renderReadingNotes(ctx)}
        <p class="issue-count">
          <strong>${l.t('issuesTotal', { count: issues.length })}</strong>${rows > 0 ? html` ${l.t('issuesInRows', { count: rows })}` : nothing}
          ${state.file ? html`<span class="hint"> · ${state.file.name}</span>` : nothing}
        </p>
        ${state.summary && state.summary.rows > 0
          ? html`<p class="rows-ready" id="rows-ready">${l.t('rowsReady', { count: state.summary.records })}, ${l.t('rowsWithProblems', { count: rows })}</p>`
          : nothing}
        <div class="review-actions">
          <offline-upload-drop-zone compact .localizer=${l} label=${l.t('uploadCorrected')} @offline-upload-internal-file-select=${onFile}></offline-upload-drop-zone>
          <button type="button" class="button" id="download-issues" ?disabled=${running !== undefined} @click=${() => this.report.start('issues')}>
            ${running ? html`<span class="spinner" aria-hidden="true"></span>` : html`<span aria-hidden="true">⤓</span>`} ${l.t('downloadIssues')}
          </button>
          <button type="button" class="button" id="download-marked" ?disabled=${this.marked.running !== undefined} @click=${() => this.marked.start('marked')}>
            ${this.marked.running ? html`<span class="spinner" aria-hidden="true"></span>` : html`<span aria-hidden="true">⤓</span>`} ${l.t('downloadMarked')}
          </button>
        </div>
        ${this.report.failure ? this.renderFailure(this.report.failure) : nothing}
        ${this.marked.failure ? this.renderFailure(this.marked.failure) : nothing}
        ${this.deletedFile.failure ? this.renderFailure(this.deletedFile.failure) : nothing}
        ${renderFixing(ctx, this.fixingView())}
        <offline-upload-issues-table part="issues" .issues=${issues} .localizer=${l} file-name=${state.file?.name ?? ''}></offline-upload-issues-table>
        ${this.renderActions(nothing)}
      `;
    }
    // A clean file: the records preview, and "Create records" straight to the confirmation.
    return html`
      ${this.renderHeading(l.t('reviewReadyHeading'), l.t('previewGuidance'))}
      ${renderReadingNotes(ctx)}
      ${renderRecordsReady(ctx)}
      ${this.deletedFile.failure ? this.renderFailure(this.deletedFile.failure) : nothing}
      ${renderDeleted(ctx, this.fixingView())}
      ${this.renderActions(html`<button type="button" class="button primary" id="create" @click=${() => flow.requestCreate()}>${l.t('createButton')}</button>`)}
    `;
  }
}
