// `offline-upload-failed`: a step failed (access, file, dry run or commit). Nothing was created, except
// perhaps when a commit's answer was lost (`failure.retryable`): a retry with the same key settles it.
import type { SessionFailure } from '../session/failures.js';
import type { WizardStep } from '../session/steps.js';
import { EVENT_PREFIX } from './prefix.js';

export const FAILED_EVENT = `${EVENT_PREFIX}failed` as const;

export interface FailedDetail {
  /**
   * What failed, as a code with params (`failure.code`), its class (`kind`), whether a retry is safe, the
   * technical detail for support (`detail`: the LMS's own text, operation, HTTP status), and `message`:
   * the words the admin read, in the wizard's language.
   */
  readonly failure: SessionFailure & { readonly message: string };
  /** The step the wizard showed when it failed. */
  readonly step: WizardStep;
  /** The upload reference the LMS gave (the staged upload's id), when there was one: quote it to support. */
  readonly uploadId?: string;
  /** When it failed (ISO 8601). */
  readonly time: string;
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
