// The problem grid on a small screen (below about 38rem): a list of problem cards — row, learner, the
// column, the value, the message and an Edit button — so that nothing sits off-screen on a phone.
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { CellEdit } from '../../core/edit/table.js';
import { Localizer } from '../../i18n/localize.js';
import { base, tokens } from '../shared/tokens.styles.js';
import { bare } from './grid-editor.js';
import type { GridColumn, GridRow, GridRowSource } from './grid-types.js';
import { styles } from './problem-grid.styles.js';

const CARDS_PER_PAGE = 25;
let nextId = 0;

/**
 * @internal The rows with problems as cards, each problem editable: the phone layout of the problem grid.
 * @summary Problem cards of an upload.
 */
export class ProblemCardsElement extends LitElement {
  static override styles = [tokens, base, styles];

  @property({ attribute: false }) columns: readonly GridColumn[] = [];
  @property({ attribute: false }) rows: GridRowSource = [];
  /** Every row is a card, each with every column (else: the rows with problems, their problem cells). */
  @property({ type: Boolean, attribute: 'show-all' }) showAll = false;
  @property({ attribute: false }) localizer: Localizer = new Localizer('en');
  @property() label = '';
  @property({ attribute: false }) selected: ReadonlySet<number> = new Set();
  @property({ attribute: false }) onEdit?: (edits: CellEdit[]) => void;
  @property({ attribute: false }) onSelect?: (rows: ReadonlySet<number>) => void;

  @state() private cardsShown = CARDS_PER_PAGE;
  @state() private cardEditing: string | null = null;

  private readonly ids = `cards-${++nextId}`;

  override render(): TemplateResult {
    return this.renderCards();
  }

  private toggle(row: number): void {
    const next = new Set(this.selected);
    if (next.has(row)) next.delete(row);
    else next.add(row);
    this.selected = next;
    this.onSelect?.(next);
  }

  private renderCards(): TemplateResult {
    const l = this.localizer;
    // Read a page at a time: the source may be every row of a 100,000-row upload. Without showAll a card
    // is a problem to fix, so rows without one (none, normally: the host gives the rows with problems) are left out.
    const cards: GridRow[] = [];
    let next = 0;
    for (; next < this.rows.length && cards.length < this.cardsShown; next++) {
      const row = this.rows.at(next);
      if (row && (this.showAll || row.issues.length > 0)) cards.push(row);
    }
    if (cards.length === 0) return html`<p class="empty">${l.t('gridNoRows')}</p>`;
    const left = this.rows.length - next;
    return html`
      <ul class="cards" aria-label=${this.label || nothing}>
        ${cards.map((row) => html`
          <li class="card ${row.issues.length ? '' : 'clean'}">
            <p class="card-head">
              <strong>${l.t('gridCardRow', { row: row.row })}</strong>${row.learner ? html` · ${row.learner}` : nothing}
              <label class="card-select"><input type="checkbox" .checked=${this.selected.has(row.row)} aria-label=${l.t('gridSelectRow', { row: row.row })} @change=${() => this.toggle(row.row)} /><span aria-hidden="true">${l.t('gridSelect')}</span></label>
            </p>
            ${row.issues.filter((i) => i.columnKey === undefined).map((i) => html`<p class="message">${i.message}</p>`)}
            ${this.columns.filter((c) => this.showAll || row.issues.some((i) => i.columnKey === c.key)).map((c) => this.renderCardField(row, c))}
          </li>
        `)}
      </ul>
      ${left > 0
        ? html`<button type="button" class="more" @click=${() => (this.cardsShown += CARDS_PER_PAGE)}>${l.t('gridShowMore', { count: Math.min(CARDS_PER_PAGE, left) })}</button>`
        : nothing}
    `;
  }

  private renderCardField(row: GridRow, column: GridColumn): TemplateResult {
    const key = `${row.row}:${column.key}`;
    const l = this.localizer;
    const name = bare(column.header);
    const messages = row.issues.filter((i) => i.columnKey === column.key).map((i) => i.message).join(' ');
    const id = `${this.ids}-c-${row.row}-${column.key}`;
    if (this.cardEditing !== key) {
      return html`<div class="field">
        <span class="field-name">${name}</span>
        <span class="value">${row.cells[column.key] || '—'}</span>
        <span class="message" id=${id}>${messages}</span>
        <button type="button" aria-describedby=${id} @click=${() => (this.cardEditing = key)}>${l.t('gridEdit', { column: name })}</button>
      </div>`;
    }
    const save = (event: Event) => {
      event.preventDefault();
      const field = (event.currentTarget as HTMLFormElement).elements.namedItem('value') as HTMLInputElement | HTMLSelectElement;
      this.cardEditing = null;
      if (field.value !== (row.cells[column.key] ?? '')) this.onEdit?.([{ row: row.row, columnKey: column.key, value: field.value }]);
    };
    const value = row.cells[column.key] ?? '';
    return html`<form class="field editing" @submit=${save}>
      <label for=${id}>${l.t('gridEditLabel', { column: name, row: row.row })}</label>
      ${column.choices
        ? html`<select id=${id} name="value">${column.choices.includes(value) ? nothing : html`<option value=${value} selected>${value}</option>`}${column.choices.map((c) => html`<option ?selected=${c === value}>${c}</option>`)}</select>`
        : html`<input id=${id} name="value" type="text" .value=${value} placeholder=${column.placeholder ?? nothing} />`}
      <span class="message">${messages}</span>
      <span class="buttons"><button type="submit" class="primary">${l.t('gridSave')}</button><button type="button" @click=${() => (this.cardEditing = null)}>${l.t('cancel')}</button></span>
    </form>`;
  }
}
