// The zip container of .xlsx files: the central directory is read directly, and each part is inflated in
// chunks under one shared budget, so a small file that inflates to gigabytes is refused as soon as the
// output passes the limit, without ever holding that output in memory. Inflating uses the platform's
// DecompressionStream('deflate-raw') where it exists (native: about 4x faster than JavaScript in
// Chromium) and fflate's streaming Inflate elsewhere.
import { Inflate } from 'fflate';
import { corrupt, fileIssue } from './issue.js';
import { TextChunks } from './text.js';

/** What inflating calls between input steps: the read's abort check, progress and turn-taking (ReadControl). */
export interface Pacer {
  pace(done?: number): Promise<void>;
}

export interface ZipEntry {
  /** The name as stored, with `\` turned into `/`. */
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly compressedSize: number;
  /** The size the directory declares; the real output is counted, never trusted. */
  readonly size: number;
  readonly localOffset: number;
}

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** Compressed bytes handed to the inflater per step: at most ~1032 × this comes out of one step. */
const CHUNK = 32 * 1024;
/** The output one step should give at most: steps shrink (to 1 KB) when the data inflates that much more. */
const STEP_OUTPUT = 1024 * 1024;

/**
 * The next step of compressed input: CHUNK for ordinary parts (~10× inflation), smaller for data that
 * inflates a thousandfold (whitespace floods), so that one step never hands on 32 MB at once.
 */
function nextStep(consumed: number, produced: number): number {
  // The first step is small: nothing is known yet of how much this part inflates.
  if (consumed === 0) return 1024;
  if (produced <= consumed * (STEP_OUTPUT / CHUNK)) return CHUNK;
  return Math.max(1024, Math.min(CHUNK, Math.floor((STEP_OUTPUT * consumed) / produced)));
}
/** Native output arrives in small pieces (16–64 KB); the scanners get them in batches of about this size. */
const BATCH = 256 * 1024;

let nativeInflate: boolean | undefined;

/**
 * Whether to inflate with DecompressionStream: in browsers that can inflate raw deflate (older ones know
 * 'deflate' and 'gzip' only). Not in Node: its web streams add enough per-chunk work that fflate reads a
 * 100k-row sheet faster there (measured 166 ms against 195 ms).
 */
function hasNativeInflate(): boolean {
  if (nativeInflate === undefined) {
    const node = typeof process !== 'undefined' && typeof process.versions?.node === 'string';
    try {
      nativeInflate = !node && typeof DecompressionStream === 'function' && typeof new DecompressionStream('deflate-raw').readable === 'object';
    } catch {
      nativeInflate = false;
    }
  }
  return nativeInflate;
}

/** For tests and the benchmarks: force fflate (false), force native (true), or detect again (undefined). */
export function useNativeInflate(enabled: boolean | undefined): void {
  nativeInflate = enabled;
}

export class ZipArchive {
  /** Entries by lower-cased name: part names in an OPC package are case-insensitive. */
  private readonly byName = new Map<string, ZipEntry>();
  readonly entries: readonly ZipEntry[];

  constructor(private readonly bytes: Uint8Array) {
    this.entries = readCentralDirectory(bytes);
    for (const entry of this.entries) {
      const key = entry.name.toLowerCase();
      if (!this.byName.has(key)) this.byName.set(key, entry);
    }
  }

  get(name: string): ZipEntry | undefined {
    return this.byName.get(name.replace(/^\/+/, '').toLowerCase());
  }

  /** Where the entry's data starts, from its local header (its name/extra lengths may differ from the directory's). */
  private dataRange(entry: ZipEntry): { start: number; end: number } {
    const b = this.bytes;
    const at = entry.localOffset;
    if (at + 30 > b.length || u32(b, at) !== LOCAL) throw corrupt(`no local header for ${entry.name}`);
    const start = at + 30 + u16(b, at + 26) + u16(b, at + 28);
    const end = start + entry.compressedSize;
    if (end > b.length) throw corrupt(`${entry.name} runs past the end of the file`);
    return { start, end };
  }

  /** The stored bytes of an uncompressed entry (e.g. ODF's `mimetype`), or undefined when compressed. */
  storedBytes(entry: ZipEntry): Uint8Array | undefined {
    if (entry.method !== 0) return undefined;
    const { start, end } = this.dataRange(entry);
    return this.bytes.subarray(start, end);
  }

  /**
   * Inflates one entry, handing each piece of output to `onData` as it comes. Between input steps it lets
   * `control` check for abort, report progress (`progressBase` + compressed bytes consumed) and yield.
   * Errors thrown by `onData` (the sink, a limit) pass through unchanged; damage becomes `file-corrupt`.
   */
  async inflate(
    entry: ZipEntry,
    budget: InflateBudget,
    onData: (data: Uint8Array) => void,
    control?: Pacer,
    progressBase = 0,
  ): Promise<void> {
    if (entry.flags & 1) throw fileIssue('file-encrypted');
    budget.expect(entry.size);
    const { start, end } = this.dataRange(entry);
    let consumerError: unknown;
    let sawError = false;
    const deliver = (data: Uint8Array) => {
      if (data.length === 0) return;
      try {
        budget.spend(data.length);
        onData(data);
      } catch (error) {
        sawError = true;
        consumerError = error;
        throw error;
      }
    };
    if (entry.method === 0) {
      for (let at = start; at < end; at += CHUNK) {
        deliver(this.bytes.subarray(at, Math.min(at + CHUNK, end)));
        if (control) await control.pace(progressBase + (Math.min(at + CHUNK, end) - start));
      }
      return;
    }
    if (entry.method !== 8) throw corrupt(`${entry.name} uses compression method ${entry.method}`);
    if (hasNativeInflate()) return this.inflateNative(entry, start, end, deliver, control, progressBase);
    let produced = 0;
    const inflater = new Inflate((data) => {
      produced += data.length;
      deliver(data);
    });
    const push = (chunk: Uint8Array, final: boolean) => {
      try {
        inflater.push(chunk, final);
      } catch (error) {
        // What the sink or a limit threw passes through; anything else is the inflater finding damage.
        if (sawError) throw consumerError;
        throw corrupt(`${entry.name}: ${error instanceof Error ? error.message : String(error)}`);
      }
    };
    if (start === end) push(new Uint8Array(0), true);
    for (let at = start; at < end; ) {
      const stop = Math.min(at + nextStep(at - start, produced), end);
      push(this.bytes.subarray(at, stop), stop === end);
      at = stop;
      if (control) await control.pace(progressBase + (stop - start));
    }
  }

  private async inflateNative(
    entry: ZipEntry,
    start: number,
    end: number,
    deliver: (data: Uint8Array) => void,
    control: Pacer | undefined,
    progressBase: number,
  ): Promise<void> {
    let at = start;
    let produced = 0;
    const source = new ReadableStream<Uint8Array>(
      {
        pull: (controller) => {
          if (at >= end) {
            controller.close();
            return;
          }
          const stop = Math.min(at + nextStep(at - start, produced), end);
          controller.enqueue(this.bytes.subarray(at, stop));
          at = stop;
        },
      },
      { highWaterMark: 0 },
    );
    const reader = source.pipeThrough(new DecompressionStream('deflate-raw') as unknown as ReadableWritablePair<Uint8Array, Uint8Array>).getReader();
    let pending: Uint8Array[] = [];
    let pendingBytes = 0;
    // One batch buffer for the whole part, reused: the consumers (the scanners) decode each batch before
    // they return and keep no reference to it. A new 256 KB buffer per batch cost an allocation, its
    // zeroing and the garbage collections they bring, ~70 times per 100k-row sheet.
    let batch = new Uint8Array(0);
    const flush = () => {
      if (pendingBytes === 0) return;
      let data: Uint8Array;
      if (pending.length === 1) data = pending[0]!;
      else {
        if (batch.length < pendingBytes) batch = new Uint8Array(Math.max(pendingBytes, 2 * BATCH));
        let at = 0;
        for (const part of pending) {
          batch.set(part, at);
          at += part.length;
        }
        data = batch.subarray(0, pendingBytes);
      }
      pending = [];
      pendingBytes = 0;
      deliver(data);
    };
    try {
      for (;;) {
        let result: ReadableStreamReadResult<Uint8Array>;
        try {
          result = await reader.read();
        } catch (error) {
          throw corrupt(`${entry.name}: ${error instanceof Error ? error.message : String(error)}`);
        }
        if (result.done) break;
        pending.push(result.value);
        pendingBytes += result.value.length;
        produced += result.value.length;
        if (pendingBytes >= BATCH) {
          flush();
          if (control) await control.pace(progressBase + (at - start));
        }
      }
      flush();
    } catch (error) {
      reader.cancel().catch(() => undefined);
      throw error;
    }
  }
}

/** Total output allowed across every part we inflate for one file. */
export class InflateBudget {
  private used = 0;
  constructor(readonly limit: number) {}

  private refuse(): never {
    throw fileIssue('file-inflates-too-large', { limitBytes: this.limit });
  }

  /** Refuses at once when a part honestly declares more than what is left. */
  expect(size: number): void {
    if (this.used + size > this.limit) this.refuse();
  }

  spend(bytes: number): void {
    this.used += bytes;
    if (this.used > this.limit) this.refuse();
  }
}

/**
 * Text of a part, chunk by chunk, each chunk prefixed with the unread tail of the previous one. UTF-8 by
 * default; a part that starts with a UTF-16 byte order mark is read as UTF-16 (allowed by XML).
 *
 * For UTF-8 the tail goes back to bytes and is decoded together with the new chunk, so that every chunk
 * is one flat string: `tail + text` would be a cons string, and V8 reads a cons string character by
 * character about twice as slowly (measured: the sheet scanner took 69 ms instead of 35 on 100k rows).
 */
export class XmlTextDecoder {
  private chunks: TextChunks | undefined;
  private utf8 = true;
  private readonly encoder = new TextEncoder();

  /** `tail` (unread text of the previous chunk) followed by the text of `input`. */
  decode(input: Uint8Array, tail = ''): string {
    if (!this.chunks) {
      const le = input[0] === 0xff && input[1] === 0xfe;
      const be = input[0] === 0xfe && input[1] === 0xff;
      this.utf8 = !le && !be;
      this.chunks = new TextChunks(le ? 'utf-16le' : be ? 'utf-16be' : 'utf-8');
      if (!this.utf8) input = input.subarray(2);
    }
    if (!this.utf8) return tail + this.chunks.decode(input);
    return this.chunks.decode(input, tail === '' ? undefined : this.encoder.encode(tail));
  }

  /** The unread tail and whatever bytes were still held back, at the end of the part. */
  flush(tail = ''): string {
    return tail + (this.chunks ? this.chunks.flush() : '');
  }
}

function u16(b: Uint8Array, at: number): number {
  return b[at]! | (b[at + 1]! << 8);
}

function u32(b: Uint8Array, at: number): number {
  return (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
}

function u64(b: Uint8Array, at: number): number {
  return u32(b, at) + u32(b, at + 4) * 0x1_0000_0000;
}

const nameDecoder = new TextDecoder('utf-8');
/** Most entries a zip directory may list (a workbook with a thousand sheets and their drawings has ~5,000). */
const MAX_ENTRIES = 20_000;

function readCentralDirectory(b: Uint8Array): ZipEntry[] {
  // The end-of-central-directory record sits in the last 22 bytes + up to 64 KiB of comment.
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i -= 1) {
    if (b[i] === 0x50 && u32(b, i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt('no end of central directory (truncated zip)');
  let count = u16(b, eocd + 10);
  let size = u32(b, eocd + 12);
  let offset = u32(b, eocd + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator >= 0 && u32(b, locator) === EOCD64_LOCATOR) {
      const at = u64(b, locator + 8);
      if (at + 56 > b.length || u32(b, at) !== EOCD64) throw corrupt('bad zip64 end record');
      count = u64(b, at + 32);
      size = u64(b, at + 40);
      offset = u64(b, at + 48);
    }
  }
  if (offset + size > b.length) throw corrupt('central directory runs past the end of the file');
  // A workbook has tens of parts; a directory of millions is an attack on memory, not a spreadsheet.
  if (count > MAX_ENTRIES) throw corrupt(`${count} entries in the zip directory`);
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let n = 0; n < count; n += 1) {
    if (at + 46 > b.length || u32(b, at) !== CENTRAL) throw corrupt('damaged central directory');
    const flags = u16(b, at + 8);
    const method = u16(b, at + 10);
    let compressedSize = u32(b, at + 20);
    let entrySize = u32(b, at + 24);
    const nameLength = u16(b, at + 28);
    const extraLength = u16(b, at + 30);
    const commentLength = u16(b, at + 32);
    let localOffset = u32(b, at + 42);
    const nameStart = at + 46;
    if (nameStart + nameLength + extraLength > b.length) throw corrupt('damaged central directory');
    const name = nameDecoder.decode(b.subarray(nameStart, nameStart + nameLength)).replace(/\\/g, '/');
    // Zip64: the real values follow, in this order, for each field saturated above.
    let extra = nameStart + nameLength;
    const extraEnd = extra + extraLength;
    while (extra + 4 <= extraEnd) {
      const id = u16(b, extra);
      const length = u16(b, extra + 2);
      if (id === 0x0001) {
        let p = extra + 4;
        if (entrySize === 0xffffffff) {
          entrySize = u64(b, p);
          p += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = u64(b, p);
          p += 8;
        }
        if (localOffset === 0xffffffff) localOffset = u64(b, p);
      }
      extra += 4 + length;
    }
    entries.push({ name, method, flags, compressedSize, size: entrySize, localOffset });
    at = extraEnd + commentLength;
  }
  return entries;
}
