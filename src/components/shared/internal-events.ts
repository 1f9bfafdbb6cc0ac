// The events the wizard's internal parts send to the wizard: prefixed apart from the public
// `offline-upload-*` events, typed, and never part of the public API (hosts should not listen to them).
import type { ActivitySummary } from '../../backend/types.js';

export const INTERNAL_EVENT_PREFIX = 'offline-upload-internal-' as const;

export const FILE_SELECT_EVENT = `${INTERNAL_EVENT_PREFIX}file-select` as const;
export const ACTIVITY_CHANGE_EVENT = `${INTERNAL_EVENT_PREFIX}activity-change` as const;
export const ANNOUNCE_EVENT = `${INTERNAL_EVENT_PREFIX}announce` as const;

/** @internal The drop zone got one file (picked or dropped). */
export class FileSelectEvent extends CustomEvent<{ readonly file: File }> {
  constructor(file: File) {
    super(FILE_SELECT_EVENT, { detail: { file }, bubbles: true, composed: true });
  }
}

/** @internal The combobox's activity was chosen. */
export class ActivityChangeEvent extends CustomEvent<ActivitySummary> {
  constructor(activity: ActivitySummary) {
    super(ACTIVITY_CHANGE_EVENT, { detail: activity, bubbles: true, composed: true });
  }
}

/**
 * @internal
 * A sentence for the wizard's live region. Composed: it crosses the step elements' shadow roots up to the
 * shell, which stops it there.
 */
export class AnnounceEvent extends CustomEvent<{ readonly message: string; readonly assertive?: boolean }> {
  constructor(message: string, assertive = false) {
    super(ANNOUNCE_EVENT, { detail: { message, assertive }, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    [FILE_SELECT_EVENT]: FileSelectEvent;
    [ACTIVITY_CHANGE_EVENT]: ActivityChangeEvent;
    [ANNOUNCE_EVENT]: AnnounceEvent;
  }
}
