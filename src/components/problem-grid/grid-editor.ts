// Editing one cell of the problem grid in place: the editor (a text field, or a select for a column with
// choices), its keys (Enter and Tab keep the value and move on, Escape takes it back, leaving keeps it) and
// the edit it reports. The grid decides which cell is edited and where the focus goes after.
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { CellEdit } from '../../core/edit/table.js';
import type { Localizer } from '../../i18n/localize.js';
import type { GridColumn, GridRow } from './grid-types.js';

/** A header without the template's "required" star, for sentences. */
export const bare = (header: string): string => header.replace(/\s*\*\s*$/, '') || header;

export interface GridEditorOptions {
  /** The row and column of the cell being edited (the grid's active cell). */
  cell(): { row: GridRow; column: GridColumn } | undefined;
  /** Reports a changed value. */
  commit(edit: CellEdit): void;
  /** Editing ended: `move` says where the key that ended it goes (Enter: down; Tab: across). */
  ended(refocus: boolean, move?: { readonly down: number; readonly across: number }): void;
}

export class GridEditor implements ReactiveController {
  /** Editing, with the character typed to start it (which replaces the value); null when not editing. */
  #current: { readonly initial?: string } | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & { readonly renderRoot: ParentNode },
    private readonly options: GridEditorOptions,
  ) {
    host.addController(this);
  }

  /** A grid taken off the page stops editing (nothing is reported). */
  hostDisconnected(): void {
    this.#current = null;
  }

  get editing(): boolean {
    return this.#current !== null;
  }

  /** The editor opens with the value selected (F2, Enter), not with a typed character. */
  get selectsValue(): boolean {
    return this.#current?.initial === undefined;
  }

  start(initial?: string): void {
    this.#current = initial === undefined ? {} : { initial };
    this.host.requestUpdate();
  }

  render(row: GridRow, column: GridColumn, l: Localizer): TemplateResult {
    const label = l.t('gridEditLabel', { column: bare(column.header), row: row.row });
    const value = this.#current?.initial ?? row.cells[column.key] ?? '';
    if (column.choices) {
      const known = column.choices.includes(value);
      return html`<select class="editor" aria-label=${label} @keydown=${this.#onKeydown} @blur=${this.#onBlur}>
        ${known ? nothing : html`<option value=${value} selected>${value}</option>`}
        ${column.choices.map((c) => html`<option value=${c} ?selected=${c === value}>${c}</option>`)}
      </select>`;
    }
    return html`<input class="editor" type="text" aria-label=${label} .value=${value} placeholder=${column.placeholder ?? nothing} @keydown=${this.#onKeydown} @blur=${this.#onBlur} />`;
  }

  #onKeydown = (event: KeyboardEvent): void => {
    event.stopPropagation();
    if (event.key === 'Escape') {
      event.preventDefault();
      this.#stop(false, true);
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      event.preventDefault();
      const down = event.key === 'Enter';
      this.#stop(true, true, { down: down ? 1 : 0, across: down ? 0 : event.shiftKey ? -1 : 1 });
    }
  };

  #onBlur = (): void => {
    if (this.#current) this.#stop(true, false);
  };

  #stop(commit: boolean, refocus: boolean, move?: { down: number; across: number }): void {
    const editor = this.host.renderRoot.querySelector<HTMLInputElement | HTMLSelectElement>('.editor');
    const cell = this.options.cell();
    this.#current = null;
    this.host.requestUpdate();
    if (commit && editor && cell && editor.value !== (cell.row.cells[cell.column.key] ?? '')) {
      this.options.commit({ row: cell.row.row, columnKey: cell.column.key, value: editor.value });
    }
    this.options.ended(refocus, move);
  }
}
