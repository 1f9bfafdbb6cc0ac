// `offline-upload-created`: every record of the upload was created in the LMS (one atomic commit).
import type { ActivitySummary, CommitResult } from '../backend/types.js';
import { EVENT_PREFIX } from './prefix.js';

export const CREATED_EVENT = `${EVENT_PREFIX}created` as const;

export interface CreatedDetail {
  readonly uploadId: string;
  /** Records created. */
  readonly count: number;
  /** Rows the LMS already had and left unchanged (an activity whose existing-record policy is `skip`); 0 otherwise. */
  readonly unchanged: number;
  readonly activity: ActivitySummary;
  /** The LMS's full answer (commit time, whether it repeats an earlier commit). */
  readonly result: CommitResult;
  /** Spreadsheet rows changed in the browser before creating (their records hold the edited values). */
  readonly editedRows: readonly number[];
  /** Spreadsheet rows deleted from the upload on purpose: no record was created for them. */
  readonly deletedRows: readonly number[];
}

export class CreatedEvent extends CustomEvent<CreatedDetail> {
  constructor(detail: CreatedDetail) {
    super(CREATED_EVENT, { detail, bubbles: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    [CREATED_EVENT]: CreatedEvent;
  }
}
