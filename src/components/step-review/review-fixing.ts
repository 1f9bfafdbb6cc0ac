// The review's "fix it here" part: the rows with problems in the editable grid, column-wide fixes, undo,
// rows deleted on purpose (listed, and put back with one click). Everything it does goes through the
// session (editCells, deleteRows, restoreRows, undoEdit), which checks the edited file again.
import { html, nothing, type TemplateResult } from 'lit';
import { bulkEdits, type BulkFix } from '../../core/edit/bulk.js';
import type { GridColumn, GridRow } from '../problem-grid/problem-grid.component.js';
import type { WizardContext } from '../shared/wizard-context.js';

/** The grid's columns: the template's columns the file has rows for, with choices and the date format. */
export function gridColumns(ctx: WizardContext): GridColumn[] {
  const { state, localizer: l, options } = ctx;
  const spec = state.spec.value;
  if (!spec) return [];
  const present = new Set((state.rows ?? []).flatMap((r) => Object.keys(r.cells)));
  return spec.columns
    .filter((c) => present.has(c.key))
    .map((c) => ({
      key: c.key,
      header: c.header,
      ...(c.type === 'choice' && c.choices ? { choices: c.choices } : {}),
      ...(c.type === 'date' ? { placeholder: l.datePattern(options.dateOrder ?? 'DMY') } : {}),
    }));
}

/** The rows with problems, each with its problems in the admin's words. */
export function gridRows(ctx: WizardContext): GridRow[] {
  const { state, localizer: l } = ctx;
  const byRow = new Map<number, { columnKey?: string; message: string }[]>();
  for (const issue of state.issues) {
    if (issue.row === undefined) continue;
    let list = byRow.get(issue.row);
    if (!list) byRow.set(issue.row, (list = []));
    list.push({ ...(issue.columnKey ? { columnKey: issue.columnKey } : {}), message: l.issue(issue) });
  }
  return (state.rows ?? []).filter((r) => byRow.has(r.row)).map((r) => ({ row: r.row, cells: r.cells, issues: byRow.get(r.row)! }));
}

export interface FixingView {
  readonly selected: ReadonlySet<number>;
  select(rows: ReadonlySet<number>): void;
}

/** Column-wide fix over the rows with problems (`set`: over the selected rows); returns the cells changed. */
export function applyBulk(ctx: WizardContext, view: FixingView, columnKey: string, fix: BulkFix): number {
  const rows = new Map<number, string>();
  for (const r of ctx.state.rows ?? []) {
    if (fix.kind === 'set' && !view.selected.has(r.row)) continue;
    rows.set(r.row, r.cells[columnKey] ?? '');
  }
  const edits = bulkEdits(columnKey, rows, fix, ctx.localizer.locale);
  if (edits.length > 0) void ctx.session.editCells(edits);
  return edits.length;
}

export function renderFixing(ctx: WizardContext, view: FixingView): TemplateResult | typeof nothing {
  const { state, localizer: l, session } = ctx;
  const rows = gridRows(ctx);
  const editing = state.editing;
  const deleted = editing?.deleted ?? [];
  if (rows.length === 0 && deleted.length === 0) return nothing;
  const columns = gridColumns(ctx);
  const deleteSelected = (): void => {
    const chosen = [...view.selected];
    view.select(new Set());
    void session.deleteRows(chosen);
  };
  return html`
    <section class="fixing" aria-labelledby="fixing-guidance">
      <p class="hint" id="fixing-guidance">${l.t('fixGuidance')}</p>
      <div class="fix-toolbar">
        <button type="button" class="button" id="undo-edit" ?disabled=${!editing?.canUndo || editing.checking} @click=${() => void session.undoEdit()}>
          <span aria-hidden="true">↶</span> ${l.t('fixUndo')}
        </button>
        <button type="button" class="button" id="delete-rows" ?disabled=${view.selected.size === 0 || editing?.checking === true} @click=${deleteSelected}>
          ${l.t('fixDeleteSelected', { count: view.selected.size })}
        </button>
        ${editing?.checking ? html`<span class="checking" role="status"><span class="spinner" aria-hidden="true"></span> ${l.t('fixChecking')}</span>` : nothing}
      </div>
      ${deleted.length > 0
        ? html`<p class="deleted" id="deleted-rows">
            ${l.t('fixDeleted', { count: deleted.length })} (${deleted.join(', ')})
            <button type="button" class="link" @click=${() => void session.restoreRows(deleted)}>${l.t('fixRestoreDeleted')}</button>
          </p>`
        : nothing}
      <offline-upload-bulk-fix .columns=${columns} .localizer=${l} selected=${view.selected.size}
        .onApply=${(columnKey: string, fix: BulkFix) => applyBulk(ctx, view, columnKey, fix)}></offline-upload-bulk-fix>
      <offline-upload-problem-grid
        .columns=${columns}
        .rows=${rows}
        .localizer=${l}
        .selected=${view.selected}
        label=${l.t('fixGridLabel', { file: state.file?.name ?? '' })}
        .onEdit=${(edits: Parameters<typeof session.editCells>[0]) => void session.editCells(edits)}
        .onSelect=${(selected: ReadonlySet<number>) => view.select(selected)}
        .onUndo=${() => void session.undoEdit()}
      ></offline-upload-problem-grid>
    </section>
  `;
}
