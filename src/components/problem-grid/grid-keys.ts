// The problem grid's keyboard, as the WAI-ARIA APG data grid pattern has it: where a key moves the active
// cell, or what it starts. Pure, so that every key is tested without a DOM.

export interface GridPosition {
  /** Index into the rows shown (0-based). */
  readonly row: number;
  /** Column index (0-based) over all the grid's columns. */
  readonly col: number;
}

export interface GridShape {
  readonly rows: number;
  readonly cols: number;
  /** Rows that fit in the viewport: PageUp/PageDown move this many. */
  readonly page: number;
}

export type GridKeyAction =
  | { readonly type: 'move'; readonly to: GridPosition }
  | { readonly type: 'edit'; readonly initial?: string }
  | { readonly type: 'toggle' }
  | { readonly type: 'undo' }
  | { readonly type: 'none' };

const clamp = (value: number, max: number) => Math.max(0, Math.min(max, value));

export interface KeyLike {
  readonly key: string;
  readonly ctrlKey?: boolean;
  readonly metaKey?: boolean;
  readonly altKey?: boolean;
  readonly shiftKey?: boolean;
}

/**
 * What `event` does at `at` (not while a cell is being edited: the editor handles its own keys).
 * `rtl` swaps ArrowLeft and ArrowRight, as a right-to-left page reads.
 */
export function gridKeyAction(event: KeyLike, at: GridPosition, shape: GridShape, rtl = false): GridKeyAction {
  const ctrl = Boolean(event.ctrlKey || event.metaKey);
  const lastRow = Math.max(0, shape.rows - 1);
  const lastCol = Math.max(0, shape.cols - 1);
  const move = (row: number, col: number): GridKeyAction => ({ type: 'move', to: { row: clamp(row, lastRow), col: clamp(col, lastCol) } });
  switch (event.key) {
    case 'ArrowDown':
      return move(at.row + 1, at.col);
    case 'ArrowUp':
      return move(at.row - 1, at.col);
    case 'ArrowRight':
      return move(at.row, at.col + (rtl ? -1 : 1));
    case 'ArrowLeft':
      return move(at.row, at.col + (rtl ? 1 : -1));
    case 'Home':
      return ctrl ? move(0, 0) : move(at.row, 0);
    case 'End':
      return ctrl ? move(lastRow, lastCol) : move(at.row, lastCol);
    case 'PageDown':
      return move(at.row + Math.max(1, shape.page), at.col);
    case 'PageUp':
      return move(at.row - Math.max(1, shape.page), at.col);
    case 'Enter':
    case 'F2':
      return { type: 'edit' };
    case ' ':
      return { type: 'toggle' };
    case 'z':
    case 'Z':
      return ctrl && !event.shiftKey ? { type: 'undo' } : printable(event);
    default:
      return printable(event);
  }
}

/** A printable key typed on a cell starts editing with it, as in a spreadsheet. */
function printable(event: KeyLike): GridKeyAction {
  if (event.ctrlKey || event.metaKey || event.altKey) return { type: 'none' };
  return [...event.key].length === 1 ? { type: 'edit', initial: event.key } : { type: 'none' };
}
