// `offline-upload-before-create` (cancelable): the admin pressed "Create records". A host may veto with
// preventDefault(), or confirm in its own dialog and then call detail.proceed() (the wizard's own
// confirmation is then skipped).
import type { ActivitySummary } from '../backend/types.js';
import type { UploadSummary } from '../core/summary.js';
import { EVENT_PREFIX } from './prefix.js';

export const BEFORE_CREATE_EVENT = `${EVENT_PREFIX}before-create` as const;

export interface BeforeCreateDetail {
  /** Records that would be created. */
  readonly count: number;
  readonly activity: ActivitySummary;
  readonly uploadId?: string;
  readonly summary: UploadSummary;
  /**
   * Creates the records now, without the wizard's confirmation. Call it at most once; later calls do
   * nothing, and so does a call made after the admin uploaded another file or started over.
   */
  readonly proceed: () => void;
}

export class BeforeCreateEvent extends CustomEvent<BeforeCreateDetail> {
  constructor(detail: BeforeCreateDetail) {
    super(BEFORE_CREATE_EVENT, { detail, bubbles: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    [BEFORE_CREATE_EVENT]: BeforeCreateEvent;
  }
}
