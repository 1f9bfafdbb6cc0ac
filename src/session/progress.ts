// Honest progress for one bar over the whole check of a file: reading (by bytes or rows read), checking
// the rows, then asking the LMS part by part (the dry-run chunks). The bar moves with every part the LMS
// answers, and says which part is in flight and how far the bar goes once it is answered, so a slow LMS
// shows as work under way on a known stretch — not as a bar parked at one number.
import type { UploadProgress } from './types.js';

/**
 * Share of the bar given to reading and checking the file in the browser; the LMS's dry run has the rest.
 * Reading is fast next to a round trip to the LMS, so the LMS's parts get most of the bar.
 */
export const READ_SHARE = 0.3;

/** Reading (then checking the rows, once every byte or row is read): `done` of `total`. */
export function readProgress(done: number, total: number): UploadProgress {
  const share = total > 0 ? Math.min(1, Math.max(0, done / total)) : 0;
  return { phase: share >= 1 ? 'validating' : 'reading', fraction: READ_SHARE * share, done, total };
}

/**
 * The dry run after `done` of `total` records were answered, sent in parts of `chunkSize`: which part is in
 * flight now (`chunk` of `chunks`, 1-based; the last one once all are answered) and where the bar gets when
 * it is answered (`pendingFraction`).
 */
export function dryRunProgress(done: number, total: number, chunkSize: number): UploadProgress {
  const size = Math.max(1, Math.floor(chunkSize));
  const chunks = Math.max(1, Math.ceil(total / size));
  const answered = total > 0 ? Math.min(chunks, Math.ceil(done / size)) : 0;
  const chunk = Math.min(chunks, answered + 1);
  const at = (records: number): number => READ_SHARE + (1 - READ_SHARE) * (total > 0 ? Math.min(1, records / total) : 1);
  const fraction = at(done);
  const pendingFraction = done >= total ? fraction : at(Math.min(total, chunk * size));
  return { phase: 'dry-run', fraction, done, total, chunk, chunks, ...(pendingFraction > fraction ? { pendingFraction } : {}) };
}

/** Creating: one atomic request, so the whole bar is work in flight until the LMS answers. */
export function commitProgress(records: number): UploadProgress {
  return { phase: 'committing', fraction: 0, done: 0, total: records, pendingFraction: 1 };
}
