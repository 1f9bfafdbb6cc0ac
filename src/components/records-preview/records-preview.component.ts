// The records preview of a clean file: one page of rows at a time (row, identifier, learner as the LMS
// resolved it, completion date, status, score, the dry run's verdict), with counts per verdict that are
// also the filters. Renders only the page shown, so 100,000 records page as fast as 10. Internal part.
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Localizer } from '../../i18n/localize.js';
import { PREVIEW_LABELS, type PreviewLabel, type PreviewRow, type RecordsPreview } from '../../session/preview.js';
import { AnnounceEvent } from '../shared/internal-events.js';
import { tableStyles } from '../shared/table.styles.js';
import { base, tokens } from '../shared/tokens.styles.js';
import { styles } from './records-preview.styles.js';

/** The page sizes offered; the first that is not smaller than `pageSize` is selected. */
export const PREVIEW_PAGE_SIZES: readonly number[] = [10, 25, 50, 100];

let nextId = 0;

/** An e-mail address may wrap after its `@` (not in the middle of a name) when the column is narrow. */
function breakable(identifier: string): TemplateResult | string {
  const at = identifier.indexOf('@');
  return at > 0 ? html`${identifier.slice(0, at + 1)}<wbr>${identifier.slice(at + 1)}` : identifier;
}

/**
 * @internal
 * Paged, filterable preview of the records an upload will create. Internal part of <offline-upload-wizard>.
 *
 * @summary The records of a clean upload, with the learner's name and the LMS's verdict per row.
 *
 * @csspart table - The table (cards under about 38rem).
 *
 * After paging or filtering it sends `offline-upload-internal-announce` with what it now shows, for the
 * wizard's live region (focus stays on the control pressed).
 */
export class RecordsPreviewElement extends LitElement {
  static override styles = [tokens, base, tableStyles, styles];

  /** The preview (UploadSession.preview); property only. */
  @property({ attribute: false }) preview?: RecordsPreview;

  /** Words, numbers and dates in the wizard's locale. */
  @property({ attribute: false }) localizer: Localizer = new Localizer('en');

  /** Rows per page (the admin may choose 10, 25, 50 or 100). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 25;

  /** The label shown (every row when empty). */
  @state() private label: PreviewLabel | '' = '';
  @state() private page = 0;

  private readonly ids = `preview-${++nextId}`;

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('preview')) {
      // Another file's preview: its rows are not the ones the filter and page pointed at.
      this.label = '';
      this.page = 0;
    }
    const pages = this.pages;
    if (this.page >= pages) this.page = pages - 1;
  }

  /** Rows under the current filter. */
  get shownCount(): number {
    return this.preview?.count(this.label || undefined) ?? 0;
  }

  /** The rows of the page shown, for tests and hosts that want to know what is rendered. */
  get visibleRows(): readonly PreviewRow[] {
    return this.preview?.rows(this.label || undefined, this.page * this.pageSize, this.pageSize) ?? [];
  }

  private get pages(): number {
    return Math.max(1, Math.ceil(this.shownCount / Math.max(1, this.pageSize)));
  }

  private filter(label: PreviewLabel | ''): void {
    this.label = label;
    this.page = 0;
    void this.updateComplete.then(() => this.announce(this.localizer.t('previewShown', { count: this.shownCount })));
  }

  private goTo(page: number, from: 'previous' | 'next'): void {
    this.page = page;
    void this.updateComplete.then(() => {
      // Keep focus on a usable button when the one pressed becomes disabled at either end.
      const pressed = this.renderRoot.querySelector<HTMLButtonElement>(`#${this.ids}-${from}`);
      const other = this.renderRoot.querySelector<HTMLButtonElement>(`#${this.ids}-${from === 'next' ? 'previous' : 'next'}`);
      if (pressed?.disabled) other?.focus();
      this.announcePage();
    });
  }

  private resize(event: Event): void {
    const size = Number((event.target as HTMLSelectElement).value);
    if (!Number.isFinite(size) || size <= 0) return;
    // Keep the first row shown on screen: the page that holds it at the new size.
    const first = this.page * this.pageSize;
    this.pageSize = size;
    this.page = Math.floor(first / size);
    void this.updateComplete.then(() => this.announcePage());
  }

  private announcePage(): void {
    const total = this.shownCount;
    const from = total === 0 ? 0 : this.page * this.pageSize + 1;
    this.announce(this.localizer.t('announcePreviewPage', { from, to: Math.min(total, (this.page + 1) * this.pageSize), total }));
  }

  private announce(message: string): void {
    this.dispatchEvent(new AnnounceEvent(message));
  }

  private labelName(label: PreviewLabel): string {
    return this.localizer.t(label === 'create' ? 'previewNew' : 'previewUnchanged');
  }

  override render(): TemplateResult | typeof nothing {
    const preview = this.preview;
    if (!preview) return nothing;
    const l = this.localizer;
    const { columns } = preview;
    const total = this.shownCount;
    const from = total === 0 ? 0 : this.page * this.pageSize + 1;
    const to = Math.min(total, (this.page + 1) * this.pageSize);
    const pages = this.pages;
    const sizes = PREVIEW_PAGE_SIZES.includes(this.pageSize) ? PREVIEW_PAGE_SIZES : [...PREVIEW_PAGE_SIZES, this.pageSize].sort((a, b) => a - b);
    // The counts are the filters, as in the issues table: each chip shows only its rows; "All rows" every row.
    const chip = (name: string, n: number, value: PreviewLabel | '', cls: string): TemplateResult =>
      html`<li><button type="button" class="chip ${cls}" aria-pressed=${this.label === value ? 'true' : 'false'}
        title=${l.t('filterChip', { label: name, count: n })} @click=${() => this.filter(value)}>
        <span>${name}</span> <strong>${l.number(n)}</strong>
      </button></li>`;
    const labels = PREVIEW_LABELS.filter((label) => preview.counts[label] > 0);
    return html`
      <div class="preview">
        <ul class="counts" aria-label=${l.t('summaryByLabel')}>
          ${chip(l.t('previewAll'), preview.total, '', 'all')}
          ${labels.map((label) => chip(this.labelName(label), preview.counts[label], label, label))}
        </ul>
        <div class="scroller" role="region" aria-labelledby="${this.ids}-caption" tabindex="0">
          <table part="table">
            <caption id="${this.ids}-caption">${l.t('previewLabel')} · ${l.t('previewShown', { count: total })}</caption>
            <thead>
              <tr>
                <th scope="col">${l.t('columnRow')}</th>
                <th scope="col">${columns.identifier}</th>
                <th scope="col">${l.t('previewColumnLearner')}</th>
                ${columns.date ? html`<th scope="col">${columns.date}</th>` : nothing}
                ${columns.status ? html`<th scope="col">${columns.status}</th>` : nothing}
                ${columns.score ? html`<th scope="col">${columns.score}</th>` : nothing}
                <th scope="col">${l.t('previewColumnLabel')}</th>
              </tr>
            </thead>
            <tbody>
              ${this.visibleRows.map((row) => this.renderRow(row))}
            </tbody>
          </table>
          ${total === 0 ? html`<p class="none">${l.t('previewNone')}</p>` : nothing}
        </div>
        <div class="paging">
          <label class="size">
            <span>${l.t('previewPageSize')}</span>
            <select class="control" id="${this.ids}-size" @change=${(e: Event) => this.resize(e)}>
              ${sizes.map((size) => html`<option value=${size} ?selected=${size === this.pageSize}>${l.number(size)}</option>`)}
            </select>
          </label>
          ${pages > 1
            ? html`<nav aria-label=${l.t('previewPages')}>
                <button id="${this.ids}-previous" type="button" class="button" ?disabled=${this.page === 0} @click=${() => this.goTo(this.page - 1, 'previous')}>
                  <span aria-hidden="true" class="arrow">‹</span> ${l.t('previousPage')}
                </button>
                <span class="page-info">${l.t('pageInfo', { from: l.number(from), to: l.number(to), total: l.number(total) })}</span>
                <button id="${this.ids}-next" type="button" class="button" ?disabled=${this.page >= pages - 1} @click=${() => this.goTo(this.page + 1, 'next')}>
                  ${l.t('nextPage')} <span aria-hidden="true" class="arrow">›</span>
                </button>
              </nav>`
            : html`<span class="page-info">${l.t('pageInfo', { from: l.number(from), to: l.number(to), total: l.number(total) })}</span>`}
        </div>
      </div>
    `;
  }

  private renderRow(row: PreviewRow): TemplateResult {
    const l = this.localizer;
    const { columns } = this.preview!;
    // data-label names each cell in the card layout (narrow screens), where the header row is hidden.
    return html`<tr>
      <th scope="row" data-label=${l.t('columnRow')}>${l.number(row.row)}</th>
      <td class="identifier" data-label=${columns.identifier}><bdi>${breakable(row.identifier)}</bdi></td>
      <td class="learner" data-label=${l.t('previewColumnLearner')}>
        ${row.learner ? html`<bdi dir="auto">${row.learner}</bdi>` : html`<span class="muted">${l.t('previewNoLearner')}</span>`}
      </td>
      ${columns.date ? html`<td class="date" data-label=${columns.date}>${row.date ? l.date(row.date) : ''}</td>` : nothing}
      ${columns.status ? html`<td data-label=${columns.status}>${row.status ?? ''}</td>` : nothing}
      ${columns.score
        ? html`<td class="score" data-label=${columns.score}>${typeof row.score === 'number' ? l.number(row.score) : (row.score ?? '')}</td>`
        : nothing}
      <td class="verdict" data-label=${l.t('previewColumnLabel')}><span class="badge ${row.label}">${this.labelName(row.label)}</span></td>
    </tr>`;
  }
}
