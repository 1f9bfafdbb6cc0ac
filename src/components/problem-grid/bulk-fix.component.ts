// Column-wide fixes above the problem grid: a column, a kind of change (spaces, letter case, find and
// replace, one value for the selected rows) and Apply. The element only collects the admin's choice; the
// review step turns it into edits (core/edit/bulk.ts) over the rows with problems.
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { BulkFix } from '../../core/edit/bulk.js';
import { Localizer } from '../../i18n/localize.js';
import { base, tokens } from '../shared/tokens.styles.js';
import type { GridColumn } from './problem-grid.component.js';
import { bulkStyles } from './problem-grid.styles.js';

type Action = 'trim' | 'lower' | 'upper' | 'title' | 'replace' | 'set';
const ACTIONS: readonly Action[] = ['trim', 'lower', 'upper', 'title', 'replace', 'set'];
const LABELS = { trim: 'bulkTrim', lower: 'bulkLower', upper: 'bulkUpper', title: 'bulkTitle', replace: 'bulkReplace', set: 'bulkSet' } as const;

let nextId = 0;

/**
 * @internal Column-wide fixes for the review's problem grid.
 * @summary Fix a whole column of an upload in one step.
 */
export class BulkFixElement extends LitElement {
  static override styles = [tokens, base, bulkStyles];

  @property({ attribute: false }) columns: readonly GridColumn[] = [];
  @property({ attribute: false }) localizer: Localizer = new Localizer('en');
  /** How many rows are selected (for "one value for the selected rows"). */
  @property({ type: Number }) selected = 0;
  /** Called with the column and the fix; returns how many cells it changed (0: nothing to change). */
  @property({ attribute: false }) onApply?: (columnKey: string, fix: BulkFix) => number;

  @state() private action: Action = 'trim';
  @state() private outcome = '';

  private readonly ids = `bulk-${++nextId}`;

  override render(): TemplateResult {
    const l = this.localizer;
    const id = (name: string) => `${this.ids}-${name}`;
    const choice = this.columns.find((c) => c.key === this.columnKey)?.choices;
    return html`
      <form @submit=${this.apply}>
        <fieldset>
          <legend>${l.t('bulkLegend')}</legend>
          <span class="field">
            <label for=${id('column')}>${l.t('bulkColumn')}</label>
            <select id=${id('column')} name="column" @change=${() => this.requestUpdate()}>
              ${this.columns.map((c) => html`<option value=${c.key}>${c.header.replace(/\s*\*\s*$/, '')}</option>`)}
            </select>
          </span>
          <span class="field">
            <label for=${id('action')}>${l.t('bulkAction')}</label>
            <select id=${id('action')} name="action" @change=${(e: Event) => (this.action = (e.target as HTMLSelectElement).value as Action)}>
              ${ACTIONS.map((a) => html`<option value=${a} ?selected=${a === this.action}>${l.t(LABELS[a])}</option>`)}
            </select>
          </span>
          ${this.action === 'replace'
            ? html`<span class="field"><label for=${id('find')}>${l.t('bulkFind')}</label><input id=${id('find')} name="find" required /></span>
                <span class="field"><label for=${id('replace')}>${l.t('bulkReplaceWith')}</label><input id=${id('replace')} name="replace" /></span>`
            : nothing}
          ${this.action === 'set'
            ? html`<span class="field"><label for=${id('value')}>${l.t('bulkValue')}</label>${choice
                ? html`<select id=${id('value')} name="value">${choice.map((c) => html`<option>${c}</option>`)}</select>`
                : html`<input id=${id('value')} name="value" />`}</span>`
            : nothing}
          <button type="submit" class="button">${l.t('bulkApply')}</button>
        </fieldset>
        <p class="outcome" role="status">${this.outcome}</p>
      </form>
    `;
  }

  private get columnKey(): string {
    return this.renderRoot?.querySelector<HTMLSelectElement>('select[name="column"]')?.value ?? this.columns[0]?.key ?? '';
  }

  private apply = (event: SubmitEvent): void => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const columnKey = String(form.get('column') ?? '');
    const l = this.localizer;
    if (this.action === 'set' && this.selected === 0) {
      this.outcome = l.t('bulkNoSelection');
      return;
    }
    const fix: BulkFix =
      this.action === 'trim'
        ? { kind: 'trim' }
        : this.action === 'replace'
          ? { kind: 'replace', find: String(form.get('find') ?? ''), replace: String(form.get('replace') ?? '') }
          : this.action === 'set'
            ? { kind: 'set', value: String(form.get('value') ?? '') }
            : { kind: 'case', to: this.action };
    const changed = this.onApply?.(columnKey, fix) ?? 0;
    this.outcome = changed === 0 ? l.t('bulkNothing') : l.t('bulkChanged', { count: changed });
  };
}
