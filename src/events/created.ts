// `offline-upload-created`: every record of the upload was created in the LMS (one atomic commit).
import type { ActivitySummary, CommitResult } from '../backend/types.js';
import { EVENT_PREFIX } from './prefix.js';

export const CREATED_EVENT = `${EVENT_PREFIX}created` as const;

export interface CreatedDetail {
  readonly uploadId: string;
  /** Records created. */
  readonly count: number;
  readonly activity: ActivitySummary;
  /** The LMS's full answer (commit time, whether it repeats an earlier commit). */
  readonly result: CommitResult;
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
