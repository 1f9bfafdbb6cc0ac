// `offline-upload-failed`: a step failed (access, file, dry run or commit). Nothing was created, except
// perhaps when a commit's answer was lost (`failure.retryable`): a retry with the same key settles it.
import type { SessionFailure } from '../session/types.js';
import { EVENT_PREFIX, type WizardStep } from './prefix.js';

export const FAILED_EVENT = `${EVENT_PREFIX}failed` as const;

export interface FailedDetail {
  readonly failure: SessionFailure;
  /** The step the wizard showed when it failed. */
  readonly step: WizardStep;
}

export class FailedEvent extends CustomEvent<FailedDetail> {
  constructor(detail: FailedDetail) {
    super(FAILED_EVENT, { detail, bubbles: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    [FAILED_EVENT]: FailedEvent;
  }
}
