// `offline-upload-restored`: work kept from an earlier visit (a reload, a closed tab) was brought back at
// the admin's request: the same file, choices and fixes, on the same review.
import { EVENT_PREFIX } from './prefix.js';

export const RESTORED_EVENT = `${EVENT_PREFIX}restored` as const;

export interface RestoredDetail {
  /** The file's name. */
  readonly fileName: string;
  /** When the work was last saved (ISO 8601). */
  readonly savedAt: string;
  /** The step the admin is back on (`review`, or `create` when they had reached it). */
  readonly step: string;
}

export class RestoredEvent extends CustomEvent<RestoredDetail> {
  constructor(detail: RestoredDetail) {
    super(RESTORED_EVENT, { detail, bubbles: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    [RESTORED_EVENT]: RestoredEvent;
  }
}
