// The checksum that binds a commit to exactly the records that were dry-run: SHA-256 (hex) over a
// canonical JSON of the records in row order, keys sorted. Client and LMS compute it the same way.
import type { UploadRecord } from '../core/records.js';

export function canonicalRecords(records: readonly UploadRecord[]): string {
  const sorted = [...records].sort((a, b) => a.row - b.row);
  return JSON.stringify(
    sorted.map((r) => [r.row, Object.keys(r.values).sort().map((k) => [k, r.values[k] ?? null])]),
  );
}

export async function recordsChecksum(records: readonly UploadRecord[]): Promise<string> {
  const bytes = new TextEncoder().encode(canonicalRecords(records));
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
