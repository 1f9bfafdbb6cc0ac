// The review step's issues: counts per column and per kind, filters, and a paged real <table> so that
// 10,000 issues render only one page of rows. Messages are re-rendered in the UI locale. Internal part.
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Issue, IssueCode } from '../../core/issues.js';
import { laterWordsEn } from '../../i18n/later-words.js';
import { Localizer, useLaterWords } from '../../i18n/localize.js';
import { heading } from '../shared/heading.js';
import { tableStyles } from '../shared/table.styles.js';
import { base, tokens } from '../shared/tokens.styles.js';
import { styles } from './issues-table.styles.js';
import { AnnounceEvent } from '../shared/internal-events.js';

/** Filter values of issues that point at no column: the whole file, or a whole row. */
const WHOLE_FILE = '\u2400file';
const WHOLE_ROW = '\u2400row';

/** The column an issue is counted and filtered under. */
function columnOf(issue: Issue): string {
  return issue.column ?? (issue.row === undefined ? WHOLE_FILE : WHOLE_ROW);
}

interface Counts {
  readonly byColumn: readonly (readonly [string, number])[];
  readonly byKind: readonly (readonly [IssueCode, number])[];
}

let nextId = 0;

/**
 * @internal
 * Paged, filterable table of issues by spreadsheet row and column. Internal part of <offline-upload-wizard>.
 *
 * @summary The issues found in an upload, by row and column.
 *
 * @csspart table - The table.
 *
 * After paging or filtering it sends `offline-upload-internal-announce` with what the table now shows,
 * for the wizard's live region: focus stays on the control, so a screen reader would otherwise hear nothing.
 */
export class IssuesTableElement extends LitElement {
  static override styles = [tokens, base, tableStyles, styles];

  /** The issues, sorted by row (UploadSession.state.issues). */
  @property({ attribute: false }) issues: readonly Issue[] = [];

  /** Strings, numbers and issue messages in the wizard's locale. */
  @property({ attribute: false }) localizer: Localizer = new Localizer('en');

  constructor() {
    super();
    // A public element a host may define on its own: its words are not on the first load (later-words.ts).
    useLaterWords(laterWordsEn);
  }

  /** The uploaded file's name, for the caption. */
  @property({ attribute: 'file-name' }) fileName = '';

  /** Rows per page. */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 50;

  /** Level of the "by column" / "by kind" headings. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 3;

  @state() private column = '';
  @state() private kind: IssueCode | '' = '';
  @state() private page = 0;

  private readonly ids = `issues-${++nextId}`;
  private counts?: Counts;
  private filtered: readonly Issue[] = [];

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('issues')) {
      this.counts = countIssues(this.issues);
      // A new file's issues: the old filters may point at nothing.
      this.column = '';
      this.kind = '';
      this.page = 0;
    }
    if (changed.has('issues') || changed.has('column') || changed.has('kind')) {
      const column = this.column;
      const kind = this.kind;
      this.filtered =
        column === '' && kind === ''
          ? this.issues
          : this.issues.filter((i) => (column === '' || columnOf(i) === column) && (kind === '' || i.code === kind));
    }
    const pages = Math.max(1, Math.ceil(this.filtered.length / this.pageSize));
    if (this.page >= pages) this.page = pages - 1;
  }

  /** The page shown, for tests and hosts that want to know what is rendered. */
  get visibleIssues(): readonly Issue[] {
    return this.filtered.slice(this.page * this.pageSize, (this.page + 1) * this.pageSize);
  }

  private goTo(page: number, from: 'previous' | 'next'): void {
    this.page = page;
    void this.updateComplete.then(() => {
      // Keep focus on a usable button when the one pressed becomes disabled at either end.
      const pressed = this.renderRoot.querySelector<HTMLButtonElement>(`#${this.ids}-${from}`);
      const other = this.renderRoot.querySelector<HTMLButtonElement>(`#${this.ids}-${from === 'next' ? 'previous' : 'next'}`);
      if (pressed?.disabled) other?.focus();
      const total = this.filtered.length;
      this.announce(this.localizer.t('announcePage', { from: this.page * this.pageSize + 1, to: Math.min(total, (this.page + 1) * this.pageSize), total }));
    });
  }

  private filter(change: { readonly column?: string; readonly kind?: IssueCode | '' }): void {
    if (change.column !== undefined) this.column = change.column;
    if (change.kind !== undefined) this.kind = change.kind;
    void this.updateComplete.then(() => this.announce(this.localizer.t('issuesTotal', { count: this.filtered.length })));
  }

  private announce(message: string): void {
    this.dispatchEvent(new AnnounceEvent(message));
  }

  override render(): TemplateResult {
    const l = this.localizer;
    const counts = this.counts ?? { byColumn: [], byKind: [] };
    const total = this.filtered.length;
    const from = total === 0 ? 0 : this.page * this.pageSize + 1;
    const to = Math.min(total, (this.page + 1) * this.pageSize);
    const pages = Math.max(1, Math.ceil(total / this.pageSize));
    // The counts are the filters: each chip shows only its column (or kind); pressed again, all of them.
    const chip = (label: string, n: number, pressed: boolean, onClick: () => void): TemplateResult =>
      html`<li><button type="button" class="chip" aria-pressed=${pressed ? 'true' : 'false'} title=${l.t('filterChip', { label, count: n })} @click=${onClick}>
        <span>${label}</span> <strong>${l.number(n)}</strong>
      </button></li>`;
    return html`
      <div class="counts">
        <section aria-labelledby="${this.ids}-by-column">
          ${heading(this.headingLevel, l.t('countsByColumn'), { id: `${this.ids}-by-column` })}
          <ul>
            ${counts.byColumn.map(([column, n]) =>
              chip(this.columnLabel(column), n, this.column === column, () => this.filter({ column: this.column === column ? '' : column })),
            )}
          </ul>
        </section>
        <section aria-labelledby="${this.ids}-by-kind">
          ${heading(this.headingLevel, l.t('countsByKind'), { id: `${this.ids}-by-kind` })}
          <ul>
            ${counts.byKind.map(([code, n]) => chip(l.kind(code), n, this.kind === code, () => this.filter({ kind: this.kind === code ? '' : code })))}
          </ul>
        </section>
      </div>
      ${this.column || this.kind
        ? html`<p class="filters"><button type="button" class="button quiet" id="${this.ids}-all" @click=${() => this.filter({ column: '', kind: '' })}>
            ${l.t('clearFilters')} (${l.number(this.issues.length)})
          </button></p>`
        : nothing}
      <div class="scroller" role="region" aria-labelledby="${this.ids}-caption" tabindex="0">
        <table part="table">
          <caption id="${this.ids}-caption">
            ${l.t('issuesCaption', { file: this.fileName || '—' })} · ${l.t('issuesTotal', { count: total })}
          </caption>
          <thead>
            <tr>
              <th scope="col">${l.t('columnRow')}</th>
              <th scope="col">${l.t('columnColumn')}</th>
              <th scope="col">${l.t('columnValue')}</th>
              <th scope="col">${l.t('columnMessage')}</th>
            </tr>
          </thead>
          <tbody>
            ${this.visibleIssues.map((issue) => this.renderRow(issue))}
          </tbody>
        </table>
        ${total === 0 ? html`<p class="none">${l.t('noIssuesForFilter')}</p>` : nothing}
      </div>
      ${pages > 1
        ? html`<nav aria-label=${l.t('pagination')}>
            <button id="${this.ids}-previous" type="button" class="button" ?disabled=${this.page === 0} @click=${() => this.goTo(this.page - 1, 'previous')}>
              <span aria-hidden="true" class="arrow">‹</span> ${l.t('previousPage')}
            </button>
            <span class="page-info">${l.t('pageInfo', { from, to, total })}</span>
            <button id="${this.ids}-next" type="button" class="button" ?disabled=${this.page >= pages - 1} @click=${() => this.goTo(this.page + 1, 'next')}>
              ${l.t('nextPage')} <span aria-hidden="true" class="arrow">›</span>
            </button>
          </nav>`
        : nothing}
    `;
  }

  private columnLabel(column: string): string {
    if (column === WHOLE_FILE) return this.localizer.t('wholeFile');
    if (column === WHOLE_ROW) return this.localizer.t('wholeRow');
    return column;
  }

  private renderRow(issue: Issue): TemplateResult {
    const l = this.localizer;
    const value = issue.value ?? '';
    return html`<tr>
      <th scope="row">${issue.row === undefined ? l.t('wholeFile') : l.number(issue.row)}${issue.learner ? html`<span class="learner">${issue.learner}</span>` : nothing}</th>
      <td class="column">${issue.column ?? (issue.row === undefined ? '' : l.t('wholeRow'))}</td>
      <td class="value">${value === '' ? (issue.column && issue.row !== undefined ? html`<span class="empty-value">${l.t('emptyValue')}</span>` : '') : value}</td>
      <td class="message">${l.issue(issue)}</td>
    </tr>`;
  }
}

/** Counts per column and per kind, most first (equal counts keep the file's row order). */
function countIssues(issues: readonly Issue[]): Counts {
  const byColumn = new Map<string, number>();
  const byKind = new Map<IssueCode, number>();
  for (const issue of issues) {
    const column = columnOf(issue);
    byColumn.set(column, (byColumn.get(column) ?? 0) + 1);
    byKind.set(issue.code, (byKind.get(issue.code) ?? 0) + 1);
  }
  return {
    byColumn: [...byColumn].sort((a, b) => b[1] - a[1]),
    byKind: [...byKind].sort((a, b) => b[1] - a[1]),
  };
}
