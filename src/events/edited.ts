// `offline-upload-edited`: cells of the upload were changed in the browser (an edit, a column-wide fix,
// or an undo), so that a host can keep an audit trail of what the admin changed and where.
import type { CellChange } from '../session/types.js';
import { EVENT_PREFIX } from './prefix.js';

export const EDITED_EVENT = `${EVENT_PREFIX}edited` as const;

export interface EditedDetail {
  /** Each cell changed: spreadsheet row, column key and header, the value before and after. */
  readonly changes: readonly CellChange[];
  /** The uploaded file's name. */
  readonly fileName?: string;
}

export class EditedEvent extends CustomEvent<EditedDetail> {
  constructor(detail: EditedDetail) {
    super(EDITED_EVENT, { detail, bubbles: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    [EDITED_EVENT]: EditedEvent;
  }
}
