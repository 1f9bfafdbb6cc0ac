// The review's "fix it here" part: the rows with problems in the editable grid (or every row, on demand),
// column-wide fixes, undo, rows deleted on purpose (listed, downloadable, put back with one click).
// Everything it does goes through the session (editCells, deleteRows, restoreRows, undoEdit), which
// checks the edited file again.
import { html, nothing, type TemplateResult } from 'lit';
import { bulkEdits, type BulkFix } from '../../core/edit/bulk.js';
import type { UploadRecord } from '../../core/records.js';
import type { RowTexts } from '../../core/validate/validator.js';
import type { Issue } from '../../core/issues.js';
import type { Localizer } from '../../i18n/localize.js';
import type { GridColumn, GridIssue, GridRow } from '../problem-grid/problem-grid.component.js';
import type { WizardContext } from '../shared/wizard-context.js';
import { AllRows } from './all-rows.js';

/** The grid's columns: the template's columns the file has, with choices and the date format. */
export function gridColumns(ctx: WizardContext): GridColumn[] {
  const { state, localizer: l, options, session } = ctx;
  const spec = state.spec.value;
  if (!spec) return [];
  // The columns the file has: the cells of a row with problems name them all; with none left (only
  // deleted rows), a record's values do.
  const first = state.rows?.[0]?.cells ?? session.records[0]?.values ?? {};
  const present = new Set(Object.keys(first));
  return spec.columns
    .filter((c) => present.has(c.key))
    .map((c) => ({
      key: c.key,
      header: c.header,
      ...(c.type === 'choice' && c.choices ? { choices: c.choices } : {}),
      ...(c.type === 'date' ? { placeholder: l.datePattern(options.dateOrder ?? 'DMY') } : {}),
    }));
}

// ── the rows, made once per check (not at every render) ───────────────────────────────────────────

let issuesMemo: { issues: readonly Issue[]; localizer: Localizer; byRow: Map<number, GridIssue[]> } | undefined;

/**
 * A problem put into the admin's words when first read: only the rows on screen are ever worded. Wording
 * all 5,000 problems of a large file after every check took the main thread for one long task.
 */
function gridIssue(issue: Issue, l: Localizer): GridIssue {
  let message: string | undefined;
  return {
    ...(issue.columnKey ? { columnKey: issue.columnKey } : {}),
    get message(): string {
      return (message ??= l.issue(issue));
    },
  };
}

/** Row → its problems (worded as they are shown), for the current issues. */
function issuesByRow(issues: readonly Issue[], l: Localizer): Map<number, GridIssue[]> {
  if (issuesMemo?.issues === issues && issuesMemo.localizer === l) return issuesMemo.byRow;
  const byRow = new Map<number, GridIssue[]>();
  for (const issue of issues) {
    if (issue.row === undefined) continue;
    let list = byRow.get(issue.row);
    if (!list) byRow.set(issue.row, (list = []));
    list.push(gridIssue(issue, l));
  }
  issuesMemo = { issues, localizer: l, byRow };
  return byRow;
}

let problemMemo: { rows: readonly RowTexts[] | undefined; byRow: Map<number, GridIssue[]>; out: GridRow[] } | undefined;

/** The rows with problems, each with its problems in the admin's words. */
export function gridRows(ctx: WizardContext): GridRow[] {
  const { state, localizer: l } = ctx;
  const byRow = issuesByRow(state.issues, l);
  if (problemMemo && problemMemo.rows === state.rows && problemMemo.byRow === byRow) return problemMemo.out;
  const out = (state.rows ?? []).filter((r) => byRow.has(r.row)).map((r) => ({ row: r.row, cells: r.cells, issues: byRow.get(r.row)! }));
  problemMemo = { rows: state.rows, byRow, out };
  return out;
}

let allMemo: { records: readonly UploadRecord[]; rows: readonly RowTexts[] | undefined; byRow: Map<number, GridIssue[]>; deleted: string; out: AllRows } | undefined;

/** Every row still in the upload, for the all-rows view (the same object until the rows change). */
export function allGridRows(ctx: WizardContext): AllRows {
  const { state, localizer: l, session } = ctx;
  const byRow = issuesByRow(state.issues, l);
  const records = session.records;
  // The session makes a new list at every change of its state: compared by content.
  const deleted = (state.editing?.deleted ?? []).join();
  if (allMemo && allMemo.records === records && allMemo.rows === state.rows && allMemo.byRow === byRow && allMemo.deleted === deleted) return allMemo.out;
  const out = new AllRows(records, state.rows ?? [], byRow, state.editing?.deleted ?? []);
  allMemo = { records, rows: state.rows, byRow, deleted, out };
  return out;
}

/** How many rows the upload now has (the all-rows view's count), without listing them. */
function allRowsCount(ctx: WizardContext, all: AllRows): number {
  const rows = ctx.state.summary?.rows;
  return rows !== undefined && rows > 0 ? rows : all.length;
}

export type RowsView = 'problems' | 'all';

export interface FixingView {
  readonly selected: ReadonlySet<number>;
  select(rows: ReadonlySet<number>): void;
  /** Rows with problems only (the default), or every row. */
  readonly view: RowsView;
  setView(view: RowsView): void;
  /** Starts the download of the deleted rows (the step's download task). */
  downloadDeleted(): void;
  /** A download of the deleted rows is running. */
  readonly downloadingDeleted: boolean;
}

/** Column-wide fix over the rows with problems (`set`: over the selected rows); returns the cells changed. */
export function applyBulk(ctx: WizardContext, view: FixingView, columnKey: string, fix: BulkFix): number {
  const rows = new Map<number, string>();
  for (const r of ctx.state.rows ?? []) {
    if (fix.kind === 'set' && !view.selected.has(r.row)) continue;
    rows.set(r.row, r.cells[columnKey] ?? '');
  }
  // In the all-rows view the admin may have chosen rows without problems for "set": their values too.
  if (fix.kind === 'set' && view.view === 'all') {
    const all = allGridRows(ctx);
    for (const selected of [...view.selected].sort((a, b) => a - b)) {
      const row = rows.has(selected) ? undefined : all.byRow(selected);
      if (row) rows.set(row.row, row.cells[columnKey] ?? '');
    }
  }
  const edits = bulkEdits(columnKey, rows, fix, ctx.localizer.locale);
  if (edits.length > 0) void ctx.session.editCells(edits);
  return edits.length;
}

/** Most deleted row numbers written out; the rest are counted ("and 12 more"). */
const DELETED_LISTED = 50;

/** The rows deleted from this upload: count, which rows, download them, put them back. */
export function renderDeleted(ctx: WizardContext, view: Pick<FixingView, 'downloadDeleted' | 'downloadingDeleted'>): TemplateResult | typeof nothing {
  const { state, localizer: l, session } = ctx;
  const deleted = state.editing?.deleted ?? [];
  if (deleted.length === 0) return nothing;
  const listed = deleted.slice(0, DELETED_LISTED).map((r) => l.number(r)).join(l.locale.startsWith('ar') ? '، ' : ', ');
  const more = deleted.length - DELETED_LISTED;
  return html`
    <section class="deleted" id="deleted-rows" aria-labelledby="deleted-heading">
      <h3 id="deleted-heading">${l.t('fixDeleted', { count: deleted.length })}</h3>
      <p class="deleted-list">${l.t('deletedRowsList', { rows: listed })}${more > 0 ? html` ${l.t('deletedMore', { count: more })}` : nothing}</p>
      <p class="hint">${l.t('deletedGuidance')}</p>
      <div class="deleted-actions">
        <button type="button" class="button" id="download-deleted" ?disabled=${view.downloadingDeleted} @click=${() => view.downloadDeleted()}>
          ${view.downloadingDeleted ? html`<span class="spinner" aria-hidden="true"></span>` : html`<span aria-hidden="true">⤓</span>`} ${l.t('downloadDeleted')}
        </button>
        <button type="button" class="button" id="restore-deleted" ?disabled=${state.editing?.checking === true} @click=${() => void session.restoreRows(deleted)}>${l.t('fixRestoreDeleted')}</button>
      </div>
    </section>
  `;
}

export function renderFixing(ctx: WizardContext, view: FixingView): TemplateResult | typeof nothing {
  const { state, localizer: l, session } = ctx;
  const problemRows = gridRows(ctx);
  const editing = state.editing;
  const deleted = editing?.deleted ?? [];
  if (problemRows.length === 0 && deleted.length === 0) return nothing;
  const all = allGridRows(ctx);
  const showAll = view.view === 'all';
  const columns = gridColumns(ctx);
  const deleteSelected = (): void => {
    const chosen = [...view.selected];
    view.select(new Set());
    void session.deleteRows(chosen);
  };
  const file = state.file?.name ?? '';
  return html`
    <section class="fixing" aria-labelledby="fixing-guidance">
      <p class="hint" id="fixing-guidance">${l.t('fixGuidance')}</p>
      <div class="fix-toolbar">
        <fieldset class="rows-view">
          <legend>${l.t('viewLegend')}</legend>
          <label><input type="radio" name="rows-view" value="problems" .checked=${!showAll} @change=${() => view.setView('problems')} />
            ${l.t('viewProblemRows', { count: l.number(problemRows.length) })}</label>
          <label><input type="radio" name="rows-view" value="all" .checked=${showAll} @change=${() => view.setView('all')} />
            ${l.t('viewAllRows', { count: l.number(showAll ? all.length : allRowsCount(ctx, all)) })}</label>
        </fieldset>
        <button type="button" class="button" id="undo-edit" ?disabled=${!editing?.canUndo || editing.checking} @click=${() => void session.undoEdit()}>
          <span aria-hidden="true">↶</span> ${l.t('fixUndo')}
        </button>
        ${view.selected.size > 0
          ? html`<button type="button" class="button" id="delete-rows" ?disabled=${editing?.checking === true} @click=${deleteSelected}>
              ${l.t('fixDeleteSelected', { count: view.selected.size })}
            </button>`
          : nothing}
        ${editing?.checking ? html`<span class="checking" role="status"><span class="spinner" aria-hidden="true"></span> ${l.t('fixChecking')}</span>` : nothing}
      </div>
      ${renderDeleted(ctx, view)}
      <offline-upload-bulk-fix .columns=${columns} .localizer=${l} selected=${view.selected.size}
        .onApply=${(columnKey: string, fix: BulkFix) => applyBulk(ctx, view, columnKey, fix)}></offline-upload-bulk-fix>
      <offline-upload-problem-grid
        .columns=${columns}
        .rows=${showAll ? all : problemRows}
        ?show-all=${showAll}
        .localizer=${l}
        .selected=${view.selected}
        label=${showAll ? l.t('fixGridLabelAll', { file }) : l.t('fixGridLabel', { file })}
        .onEdit=${(edits: Parameters<typeof session.editCells>[0]) => void session.editCells(edits)}
        .onSelect=${(selected: ReadonlySet<number>) => view.select(selected)}
        .onUndo=${() => void session.undoEdit()}
      ></offline-upload-problem-grid>
    </section>
  `;
}
