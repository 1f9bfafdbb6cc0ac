// `offline-upload-validated`: a file was read, checked and dry-run by the LMS — clean or with issues.
import type { Issue } from '../core/issues.js';
import type { UploadSummary } from '../core/summary.js';
import { EVENT_PREFIX } from './prefix.js';

export const VALIDATED_EVENT = `${EVENT_PREFIX}validated` as const;

export interface ValidatedDetail {
  readonly summary: UploadSummary;
  /** Every issue found (empty when the file is ready to create). */
  readonly issues: readonly Issue[];
  /** The uploaded file's name, when known. */
  readonly fileName?: string;
}

export class ValidatedEvent extends CustomEvent<ValidatedDetail> {
  constructor(detail: ValidatedDetail) {
    super(VALIDATED_EVENT, { detail, bubbles: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    [VALIDATED_EVENT]: ValidatedEvent;
  }
}
