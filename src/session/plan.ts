// What "Create records" will do, in the records preview's own counts: the wizard's confirmation (in its
// first load) words it, so it is apart from the preview (preview.ts, which re-exports it).
import type { RecordsPreview } from './preview.js';

/** What the admin confirms: the counts the preview shows, and the rows deleted in the browser. */
export interface CreatePlan {
  /** Records the commit creates. */
  readonly create: number;
  /** Rows the LMS already has and leaves unchanged (existing-record policy `skip`). */
  readonly unchanged: number;
  /** Rows deleted in the browser on purpose: not created. */
  readonly deleted: number;
}

/** What "Create records" will do, in the preview's own counts (plus the rows deleted in the browser). */
export function createPlan(preview: Pick<RecordsPreview, 'counts'>, deleted = 0): CreatePlan {
  return { create: preview.counts.create, unchanged: preview.counts['already-recorded'], deleted };
}
