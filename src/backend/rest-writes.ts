// The write half of RestBackend — staging an upload, sending its dry-run chunks (split in parts when the
// LMS finds one too large), the commit — and the request bodies they carry (JSON, gzip when the LMS takes
// it): loaded with the first write, so the first screens, which only read, never carry it (nor zod, whose
// readers of these answers, wire-read.ts, come with it). discardUpload is the full transport's own
// (rest-transport.ts): it may run as the page goes away, when there is no time to load anything, and the
// transport is there by then, as staging the upload loaded it (one kept from an earlier visit is
// discarded as the work is restored, with time to load it).
import { TooLargeError } from './errors.js';
import { readCommitResult, readDryRunResult, readStagedUpload } from './wire-read.js';
import type { CallOptions, CommitRequest, CommitResult, DryRunChunk, DryRunResult, StageRequest, StagedUpload } from './types.js';
import type { BackendOperation } from './rest-backend.js';
import type { RestTransport } from './rest-transport.js';

/** A request body as it goes on the wire. */
export interface Body {
  readonly bytes: Uint8Array<ArrayBuffer>;
  readonly gzip: boolean;
}

/** What RestBackend remembers of an upload it staged: to split a dry-run chunk the LMS found too large. */
export interface UploadState {
  /** Records per request since a 413; undefined until then. */
  maxRecords?: number;
  /** Wire chunk indexes of the second and later parts of a split chunk, by `${chunkIndex}:${part}`. */
  readonly partIndex: Map<string, number>;
  /** The next free wire index for a part: above every index the session itself can use. */
  nextIndex: number;
}

/** How many times a dry-run chunk refused with 413 is halved before the failure is reported. */
const MAX_HALVINGS = 6;

/** Bodies smaller than this are not worth compressing. */
const GZIP_MIN_BYTES = 1024;

/** What the admin can do when a write is too large (a 413, or a body over the LMS's maxRequestBytes). */
export const TOO_LARGE_WRITE: Readonly<Partial<Record<BackendOperation, string>>> = {
  stageUpload: 'The file has more records than the LMS accepts in one upload. Split it into smaller files; nothing was created.',
  dryRunChunk: 'It was sent again in smaller parts, and the LMS refused even those. Nothing was created; contact your LMS support.',
  commitUpload: 'Nothing was created. Contact your LMS support.',
};

export async function stageUpload(rest: RestTransport, request: StageRequest, options?: CallOptions): Promise<StagedUpload> {
  const { activityId, domainId, identifierKind, templateVersion, totalRecords } = request;
  const staged = await rest.call('stageUpload', readStagedUpload, {
    body: { activityId, domainId, identifierKind, templateVersion, totalRecords },
    signal: options?.signal,
  });
  // The session numbers its chunks from 0 and never has more chunks than records: parts of a split
  // chunk get indexes from totalRecords up, so they never replace another chunk.
  rest.uploads.set(staged.uploadId, { partIndex: new Map(), nextIndex: Math.max(1, totalRecords) });
  return staged;
}

/**
 * Sends one chunk and returns the LMS's verdict on it. When the LMS answers 413 (too large), the chunk is
 * sent again in halves (then quarters…, at most MAX_HALVINGS times) and the answers are joined; later
 * chunks of the same upload are sent in parts of that size straight away.
 */
export async function dryRunChunk(rest: RestTransport, uploadId: string, chunk: DryRunChunk, options?: CallOptions): Promise<DryRunResult> {
  const state = uploadState(rest, uploadId);
  let result: DryRunResult | undefined;
  for (let halvings = 0; result === undefined; ) {
    const size = Math.max(1, Math.min(chunk.records.length, state.maxRecords ?? chunk.records.length));
    try {
      const rows: DryRunResult['rows'][number][] = [];
      const issues: DryRunResult['issues'][number][] = [];
      // At least one request, even for an empty chunk: the LMS is the one to refuse it.
      for (let part = 0, start = 0; part === 0 || start < chunk.records.length; part++, start += size) {
        const records = chunk.records.slice(start, start + size);
        const answer = await rest.call('dryRunChunk', readDryRunResult, {
          pathParams: { uploadId },
          body: { chunkIndex: wireIndex(state, chunk.chunkIndex, part), records },
          signal: options?.signal,
          records: records.length,
          attempts: options?.attempts,
        });
        rows.push(...answer.rows);
        issues.push(...answer.issues);
      }
      result = { rows, issues };
    } catch (error) {
      if (!(error instanceof TooLargeError)) throw error;
      if (size <= 1 || halvings >= MAX_HALVINGS) {
        throw new TooLargeError(error.message, error.operation, error.status, size, { cause: error });
      }
      halvings += 1;
      state.maxRecords = Math.ceil(size / 2);
    }
  }
  // Every verdict must point at a row we sent, or issues could not be shown against the file.
  const sent = new Set(chunk.records.map((r) => r.row));
  const labelled = new Set(result.rows.map((r) => r.row));
  if (result.rows.length !== chunk.records.length || [...sent].some((row) => !labelled.has(row))) {
    rest.mismatch('dryRunChunk', 'rows', `expected one label for each of the ${chunk.records.length} records sent, got ${result.rows.length}`);
  }
  const stray = result.issues.findIndex((issue) => !sent.has(issue.row));
  if (stray !== -1) rest.mismatch('dryRunChunk', `issues.${stray}.row`, `row ${result.issues[stray]?.row} was not part of this chunk`);
  return result;
}

export async function commitUpload(rest: RestTransport, uploadId: string, request: CommitRequest, options?: CallOptions): Promise<CommitResult> {
  const { idempotencyKey, recordCount, checksum } = request;
  const result = await rest.call('commitUpload', readCommitResult, {
    pathParams: { uploadId },
    body: { idempotencyKey, recordCount, checksum },
    headers: { 'Idempotency-Key': idempotencyKey },
    signal: options?.signal,
    records: recordCount,
    attempts: options?.attempts,
  });
  if (result.uploadId !== uploadId) rest.mismatch('commitUpload', 'uploadId', `expected upload ${uploadId}, got ${result.uploadId}`);
  rest.uploads.delete(uploadId);
  return result;
}

/**
 * The request body as sent: JSON, gzip-compressed when the LMS accepts it. Over the LMS's
 * `maxRequestBytes` → TooLargeError before anything is sent (a dry-run chunk is then split).
 */
export async function encode(rest: RestTransport, operation: BackendOperation, value: unknown): Promise<Body> {
  const json = JSON.stringify(value);
  const plain = new TextEncoder().encode(json);
  let body: Body = { bytes: plain, gzip: false };
  if (rest.gzipWanted() && plain.byteLength >= GZIP_MIN_BYTES) {
    body = { bytes: await gzip(plain), gzip: true };
  }
  const max = rest.maxRequestBytes();
  if (max !== undefined && body.bytes.byteLength > max) {
    throw new TooLargeError(
      `${rest.endpoint(operation)} would carry ${rest.bytes(body.bytes.byteLength)}, more than the ${rest.bytes(max)} the LMS accepts in one request. ${TOO_LARGE_WRITE[operation] ?? ''}`.trimEnd(),
      operation,
      undefined,
    );
  }
  return body;
}

function uploadState(rest: RestTransport, uploadId: string): UploadState {
  let state = rest.uploads.get(uploadId);
  if (!state) {
    // Staged by someone else (another RestBackend, the host): no total known, so parts start high.
    state = { partIndex: new Map(), nextIndex: 1_000_000 };
    rest.uploads.set(uploadId, state);
  }
  return state;
}

/** The first part keeps the chunk's own index; the others get fixed indexes of their own, reused on resend. */
function wireIndex(state: UploadState, chunkIndex: number, part: number): number {
  if (part === 0) return chunkIndex;
  const key = `${chunkIndex}:${part}`;
  let index = state.partIndex.get(key);
  if (index === undefined) {
    index = state.nextIndex++;
    state.partIndex.set(key, index);
  }
  return index;
}

async function gzip(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
