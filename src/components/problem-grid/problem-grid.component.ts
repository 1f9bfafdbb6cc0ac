// The review's editable problem grid: the rows of an upload (rows with problems first, or all of them),
// each problem cell marked with its message, fixed in place. An ARIA data grid (roving tabindex, arrows,
// Enter/F2 to edit, Escape to cancel, Ctrl+Z to undo), virtualised so that 100,000 rows render only
// what shows, in row elements reused as it scrolls (row-pool.ts). The grid keeps no data of its own: the
// host gives the rows and applies what it reports.
import { html, LitElement, nothing, render, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { CellEdit } from '../../core/edit/table.js';
import { Localizer } from '../../i18n/localize.js';
import { base, tokens } from '../shared/tokens.styles.js';
import { bare, GridEditor } from './grid-editor.js';
import type { GridColumn, GridRow, GridRowSource } from './grid-types.js';
import { gridKeyAction, type GridPosition } from './grid-keys.js';
import { indexOfRow, renderedIndexes } from './grid-window.js';
import { styles } from './problem-grid.styles.js';
import { RowPool } from './row-pool.js';

export type { GridColumn, GridIssue, GridRow, GridRowSource } from './grid-types.js';

/** Rows rendered above and below those in view, so that fast scrolling shows no blank band. */
const OVERSCAN = 8;
/** Below this width (≈ 38rem) the grid becomes a list of problem cards. */
const NARROW_PX = 608;

let nextId = 0;

/** What a row element shows now, kept so that only what changed is written to the DOM. */
interface RowLook {
  index: number;
  selected: boolean;
  className: string;
  at: number | undefined;
}

/**
 * The rows of an upload with their problems, editable in place. Internal part of <offline-upload-wizard>.
 *
 * @summary Editable grid of an upload's rows and problems.
 * @internal
 */
export class ProblemGridElement extends LitElement {
  static override styles = [tokens, base, styles];

  @property({ attribute: false }) columns: readonly GridColumn[] = [];
  @property({ attribute: false }) rows: GridRowSource = [];
  @property({ attribute: false }) localizer: Localizer = new Localizer('en');
  /** Every row of the upload is shown, not only those with problems (the phone's cards then show every column). */
  @property({ type: Boolean, attribute: 'show-all' }) showAll = false;
  /** Accessible name of the grid (e.g. "Rows of March.xlsx with problems"). */
  @property() label = '';
  /** Row numbers selected (for delete and "set for selected rows"); the host owns the set. */
  @property({ attribute: false }) selected: ReadonlySet<number> = new Set();

  /** Called with the edits of one step (one cell). */
  @property({ attribute: false }) onEdit?: (edits: CellEdit[]) => void;
  @property({ attribute: false }) onSelect?: (rows: ReadonlySet<number>) => void;
  @property({ attribute: false }) onUndo?: () => void;

  @state() private active: GridPosition = { row: 0, col: 0 };
  @state() private first = 0;
  @state() private narrow = false;

  @query('.viewport') private viewport?: HTMLElement;
  @query('.sizer') private sizer?: HTMLElement;
  @query('.window') private window?: HTMLElement;

  private readonly ids = `grid-${++nextId}`;
  private readonly editor = new GridEditor(this, {
    cell: () => {
      const row = this.rows.at(this.active.row);
      const column = this.columns[this.active.col - 2];
      return row && column ? { row, column } : undefined;
    },
    commit: (edit) => this.onEdit?.([edit]),
    ended: (refocus, move) => {
      this.focusAfterRender = refocus;
      if (move) this.moveTo({ row: this.active.row + move.down, col: this.active.col + move.across });
    },
  });
  private rowHeight = 44;
  private visible = 12;
  private focusAfterRender = false;
  /** The rows changed while a cell had the focus: after rendering, the focus goes back to the active cell. */
  private refocus = false;
  private frame = 0;
  private resizeFrame = 0;
  private resize?: ResizeObserver;
  /** The rendered rows' elements, keyed by spreadsheet row, handed to the rows scrolled in. */
  private readonly pool = new RowPool<number>({
    make: () => {
      const row = document.createElement('div');
      row.setAttribute('role', 'row');
      return row;
    },
  });
  private readonly looks = new WeakMap<HTMLElement, RowLook>();
  /** Styles last written, so that a frame writes none it does not change. */
  private written: { cols: number; height: number; offset: number; window?: HTMLElement } = { cols: -1, height: -1, offset: -1 };

  /** Grid columns: row number, selection, the data columns, the row's problems. */
  private get colCount(): number {
    return this.columns.length + 3;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Acted on in the next frame: re-rendering inside the observer's callback changes the size it is
    // reporting, which browsers flag as a ResizeObserver loop.
    this.resize = new ResizeObserver(([entry]) => {
      const width = entry?.contentRect.width ?? NARROW_PX;
      cancelAnimationFrame(this.resizeFrame);
      this.resizeFrame = requestAnimationFrame(() => {
        const narrow = width < NARROW_PX;
        if (narrow !== this.narrow) this.narrow = narrow;
        this.measure();
      });
    });
    this.resize.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resize?.disconnect();
    cancelAnimationFrame(this.frame);
    cancelAnimationFrame(this.resizeFrame);
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('rows')) {
      // The active cell stays on its spreadsheet row when a re-check removes or adds rows around it; when
      // its own row is gone, on the row that took its place.
      const before = (changed.get('rows') as GridRowSource | undefined)?.at(this.active.row)?.row;
      const found = before === undefined ? -1 : indexOfRow(this.rows, before, this.active.row);
      const row = found >= 0 ? found : Math.min(this.active.row, Math.max(0, this.rows.length - 1));
      if (row !== this.active.row) this.active = { row, col: this.active.col };
      this.refocus ||= this.focusedCell() !== undefined;
    }
  }

  /** The grid cell that has the keyboard focus (or holds the element that has it). */
  private focusedCell(): HTMLElement | undefined {
    const focused = (this.renderRoot as ShadowRoot).activeElement;
    return focused?.closest<HTMLElement>('[data-row]') ?? undefined;
  }

  protected override update(changed: PropertyValues): void {
    super.update(changed);
    // The rows are put in the window after lit has rendered it (lit leaves the window's children alone).
    if (this.window) this.renderRows(this.window);
  }

  protected override updated(): void {
    // Written on the elements that use them (not as inherited custom properties: a change would restyle
    // every cell of every rendered row at each scroll frame).
    const written = this.written;
    if (written.window !== this.window) {
      // A new window (the first render, or back from the phone's cards): nothing written on it yet.
      written.window = this.window;
      written.height = written.offset = -1;
    }
    if (written.cols !== this.columns.length) this.style.setProperty('--grid-cols', String((written.cols = this.columns.length)));
    const height = this.rows.length * this.rowHeight;
    if (this.sizer && written.height !== height) this.sizer.style.blockSize = `${(written.height = height)}px`;
    const offset = this.first * this.rowHeight;
    if (this.window && written.offset !== offset) this.window.style.transform = `translateY(${(written.offset = offset)}px)`;
    if (this.focusAfterRender) {
      this.focusAfterRender = false;
      const editing = this.editor.editing;
      const target = this.renderRoot.querySelector<HTMLElement>(editing ? '.editor' : '[tabindex="0"]');
      target?.focus();
      if (editing && target instanceof HTMLInputElement && this.editor.selectsValue) target.select();
    } else if (this.refocus && !this.editor.editing) {
      // After a re-check the focused element may have gone with its row, or hold another index now.
      const cell = this.focusedCell();
      if (!cell || Number(cell.dataset['row']) !== this.active.row || Number(cell.dataset['col']) !== this.active.col) {
        this.renderRoot.querySelector<HTMLElement>('[tabindex="0"]')?.focus({ preventScroll: true });
      }
    }
    this.refocus = false;
  }

  override render(): TemplateResult {
    if (this.rows.length === 0) return html`<p class="empty">${this.localizer.t('gridNoRows')}</p>`;
    if (!this.narrow) return this.renderGrid();
    return html`<offline-upload-problem-cards .columns=${this.columns} .rows=${this.rows} .localizer=${this.localizer} label=${this.label} ?show-all=${this.showAll}
      .selected=${this.selected} .onEdit=${this.onEdit} .onSelect=${(rows: ReadonlySet<number>) => this.select(rows)}></offline-upload-problem-cards>`;
  }

  // ── the grid ──────────────────────────────────────────────────────────────────────────────────

  private renderGrid(): TemplateResult {
    const l = this.localizer;
    const activeRow = this.rows.at(this.active.row);
    return html`
      <p id="${this.ids}-hint" class="hint">${l.t('gridKeyboardHint')}</p>
      <div class="viewport" @scroll=${this.onScroll}>
        <div
          role="grid"
          aria-label=${this.label || nothing}
          aria-rowcount=${this.rows.length + 1}
          aria-colcount=${this.colCount}
          aria-describedby="${this.ids}-hint"
          class="grid"
          @keydown=${this.onKeydown}
          @focusin=${this.onFocusIn}
        >
          <div role="row" aria-rowindex="1" class="row head">
            <div role="columnheader" aria-colindex="1">${l.t('gridRow')}</div>
            <div role="columnheader" aria-colindex="2"><span class="visually-hidden">${l.t('gridSelect')}</span></div>
            ${this.columns.map((c, i) => html`<div role="columnheader" aria-colindex=${i + 3}>${c.header}</div>`)}
            <div role="columnheader" aria-colindex=${this.colCount}>${l.t('gridProblems')}</div>
          </div>
          <div class="sizer"><div class="window"></div></div>
        </div>
      </div>
      <p class="status" id="${this.ids}-status">${activeRow ? this.statusOf(activeRow) : nothing}</p>
    `;
  }

  /**
   * The window's rows, each in an element of the pool: a row still in the window keeps its element (the
   * focused cell stays where it is), the others take the elements of the rows that left.
   */
  private renderRows(container: HTMLElement): void {
    const end = Math.min(this.rows.length, this.first + this.visible + 2 * OVERSCAN);
    const shown: [GridRow, number][] = [];
    for (const i of renderedIndexes(this.first, end, this.active.row, this.rows.length)) {
      const row = this.rows.at(i);
      if (row) shown.push([row, i]);
    }
    const pinned = this.focusedCell()?.closest('[role="row"]');
    const elements = this.pool.sync(
      container,
      shown.map(([row]) => row.row),
      pinned,
    );
    shown.forEach(([row, index], k) => this.renderRow(elements[k]!, row, index, end));
  }

  private renderRow(el: HTMLElement, row: GridRow, index: number, end: number): void {
    const selected = this.selected.has(row.row);
    // The active row kept rendered outside the window sits where it belongs, out of sight.
    const outside = index < this.first || index >= end;
    const look: RowLook = {
      index,
      selected,
      className: `row${row.issues.length ? ' has-problems' : ''}${outside ? ' outside' : ''}`,
      at: outside ? (index - this.first) * this.rowHeight : undefined,
    };
    const was = this.looks.get(el);
    if (was?.index !== look.index) el.setAttribute('aria-rowindex', String(index + 2));
    if (was?.selected !== look.selected) el.setAttribute('aria-selected', selected ? 'true' : 'false');
    if (was?.className !== look.className) el.className = look.className;
    if (was?.at !== look.at) el.style.insetBlockStart = look.at === undefined ? '' : `${look.at}px`;
    this.looks.set(el, look);
    render(this.renderCells(row, index, selected), el, { host: this });
  }

  private renderCells(row: GridRow, index: number, selected: boolean): TemplateResult {
    const wholeRow = row.issues.filter((i) => i.columnKey === undefined);
    return html`
        <div role="rowheader" aria-colindex="1" tabindex=${this.tabindex(index, 0)} data-row=${index} data-col="0">
          ${this.localizer.number(row.row)}${row.learner ? html`<span class="learner">${row.learner}</span>` : nothing}
        </div>
        <div role="gridcell" aria-colindex="2" tabindex=${this.tabindex(index, 1)} data-row=${index} data-col="1">
          <input type="checkbox" tabindex="-1" .checked=${selected} aria-label=${this.localizer.t('gridSelectRow', { row: row.row })} @change=${() => this.toggle(row.row)} />
        </div>
        ${this.columns.map((column, c) => this.renderCell(row, index, column, c + 2))}
        <div role="gridcell" aria-colindex=${this.colCount} tabindex=${this.tabindex(index, this.colCount - 1)} data-row=${index} data-col=${this.colCount - 1} class="problems">
          ${wholeRow.map((i) => html`<span class="message">${i.message}</span>`)}
        </div>
    `;
  }

  private renderCell(row: GridRow, index: number, column: GridColumn, col: number): TemplateResult {
    const problems = row.issues.filter((i) => i.columnKey === column.key);
    const editing = this.editor.editing && this.active.row === index && this.active.col === col;
    const messageId = `${this.ids}-m-${row.row}-${col}`;
    return html`
      <div
        role="gridcell"
        aria-colindex=${col + 1}
        aria-invalid=${problems.length ? 'true' : nothing}
        aria-describedby=${problems.length ? messageId : nothing}
        tabindex=${editing ? -1 : this.tabindex(index, col)}
        data-row=${index}
        data-col=${col}
        class=${problems.length ? 'problem' : ''}
      >
        ${editing ? this.editor.render(row, column, this.localizer) : html`<span class="value">${row.cells[column.key] ?? ''}</span>`}
        ${problems.length ? html`<span class="message" id=${messageId}>${problems.map((p) => p.message).join(' ')}</span>` : nothing}
      </div>
    `;
  }

  private statusOf(row: GridRow): string {
    const col = this.active.col;
    const column = this.columns[col - 2];
    const messages = row.issues.filter((i) => (column ? i.columnKey === column.key : i.columnKey === undefined)).map((i) => i.message);
    if (messages.length === 0) return '';
    return this.localizer.t('gridCellProblem', { row: row.row, column: column ? bare(column.header) : this.localizer.t('gridProblems'), message: messages.join(' ') });
  }

  private tabindex(row: number, col: number): number {
    return this.active.row === row && this.active.col === col ? 0 : -1;
  }

  // ── keyboard, focus, scrolling ────────────────────────────────────────────────────────────────

  private onKeydown = (event: KeyboardEvent): void => {
    if (this.editor.editing || (event.target as HTMLElement).classList.contains('editor')) return;
    const rtl = getComputedStyle(this).direction === 'rtl';
    const action = gridKeyAction(event, this.active, { rows: this.rows.length, cols: this.colCount, page: this.visible }, rtl);
    if (action.type === 'none') return;
    event.preventDefault();
    if (action.type === 'move') this.moveTo(action.to);
    else if (action.type === 'toggle') {
      const row = this.rows.at(this.active.row);
      if (row) this.toggle(row.row);
    } else if (action.type === 'undo') this.onUndo?.();
    else if (action.type === 'edit' && this.columns[this.active.col - 2]) {
      this.editor.start(action.initial);
      this.focusAfterRender = true;
    } else if (action.type === 'edit' && this.active.col === 1) {
      const row = this.rows.at(this.active.row);
      if (row) this.toggle(row.row);
    }
  };

  private onFocusIn = (event: FocusEvent): void => {
    const cell = (event.target as HTMLElement).closest<HTMLElement>('[data-row]');
    if (!cell || this.editor.editing) return;
    const row = Number(cell.dataset['row']);
    const col = Number(cell.dataset['col']);
    if (row !== this.active.row || col !== this.active.col) this.active = { row, col };
  };

  private moveTo(to: GridPosition): void {
    const row = Math.max(0, Math.min(this.rows.length - 1, to.row));
    const col = Math.max(0, Math.min(this.colCount - 1, to.col));
    this.active = { row, col };
    const viewport = this.viewport;
    if (viewport) {
      const top = row * this.rowHeight;
      const head = this.rowHeight;
      if (top < viewport.scrollTop) viewport.scrollTop = top;
      else if (top + 2 * this.rowHeight > viewport.scrollTop + viewport.clientHeight) viewport.scrollTop = top + 2 * this.rowHeight - viewport.clientHeight + head / 4;
      this.first = this.firstFor(viewport.scrollTop);
    }
    this.focusAfterRender = true;
  }

  private onScroll = (): void => {
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => {
      const first = this.firstFor(this.viewport?.scrollTop ?? 0);
      if (first !== this.first) this.first = first;
    });
  };

  private firstFor(scrollTop: number): number {
    return Math.max(0, Math.min(Math.floor(scrollTop / this.rowHeight) - OVERSCAN, Math.max(0, this.rows.length - this.visible)));
  }

  /** Row height and rows in view, from the rendered grid (the theme's font size decides them). */
  private measure(): void {
    const viewport = this.viewport;
    const row = this.renderRoot.querySelector<HTMLElement>('.window .row');
    if (!viewport || !row) return;
    const height = row.getBoundingClientRect().height;
    if (height > 0 && Math.abs(height - this.rowHeight) > 0.5) {
      this.rowHeight = height;
      this.requestUpdate();
    }
    this.visible = Math.max(1, Math.ceil(viewport.clientHeight / this.rowHeight));
  }

  protected override firstUpdated(): void {
    requestAnimationFrame(() => this.measure());
  }

  private toggle(row: number): void {
    const next = new Set(this.selected);
    if (next.has(row)) next.delete(row);
    else next.add(row);
    this.select(next);
  }

  private select(rows: ReadonlySet<number>): void {
    this.selected = rows;
    this.onSelect?.(rows);
  }
}
