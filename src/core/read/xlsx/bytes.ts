// The worksheet's bytes as they inflate, for the sheet scanner (sheet.ts), which reads UTF-8 bytes
// rather than decoded text: tags, attributes, numbers and shared-string indexes are ASCII, and only the
// few cells that hold text in place (inline strings, formula results) are decoded. Scanning a Uint8Array
// was measured ~2.5× faster per character than charCodeAt on the decoded string, and the decode of the
// whole part (and the garbage of its chunk strings) is gone.
import { MAX_MARKUP_CHARS, MarkupTooLong, type RootSearch } from './xml.js';

const LT = 60;
const GT = 62;

/** Decodes a cell's bytes; a BOM inside the part is kept, as decoding the whole part did. */
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/** The text of `buf[from, to)` (UTF-8; malformed bytes become U+FFFD, as before). */
export function textOf(buf: Uint8Array, from: number, to: number): string {
  return from >= to ? '' : utf8.decode(buf.subarray(from, to));
}

/** The bytes of an ASCII string (tag names, prefixes). */
export function asciiBytes(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i += 1) out[i] = text.charCodeAt(i);
  return out;
}

/** Whether `buf` holds `pattern` at `at` (entirely before `to`). */
export function bytesAt(buf: Uint8Array, at: number, pattern: Uint8Array, to: number): boolean {
  const n = pattern.length;
  if (at + n > to) return false;
  for (let k = 0; k < n; k += 1) if (buf[at + k] !== pattern[k]) return false;
  return true;
}

/** The first index ≥ `from` where `pattern` starts and ends before `to`; -1 when none. */
export function indexOfBytes(buf: Uint8Array, pattern: Uint8Array, from: number, to: number): number {
  const first = pattern[0]!;
  const last = to - pattern.length;
  for (let at = from; at <= last; ) {
    const found = buf.indexOf(first, at);
    if (found === -1 || found > last) return -1;
    if (bytesAt(buf, found, pattern, to)) return found;
    at = found + 1;
  }
  return -1;
}

/** The first index of byte `b` in `buf[from, to)`; -1 when none. */
export function indexOfByte(buf: Uint8Array, b: number, from: number, to: number): number {
  for (let i = from; i < to; i += 1) if (buf[i] === b) return i;
  return -1;
}

function isXmlSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/**
 * The part's root element, the prolog (whitespace, XML declaration, comments, doctype) skipped as it
 * arrives, so that megabytes of whitespace before the root are dropped chunk by chunk, never held.
 */
export function findRootBytes(buf: Uint8Array): RootSearch {
  const n = buf.length;
  let pos = 0;
  for (;;) {
    const lt = buf.indexOf(LT, pos);
    if (lt === -1) return { skip: n };
    if (lt + 1 >= n) return { skip: lt };
    const c1 = buf[lt + 1]!;
    if (c1 === 63 || c1 === 33) {
      const end = markupEnd(buf, lt);
      if (end === -1) return { skip: carryFrom(n, lt) };
      pos = end;
      continue;
    }
    let i = lt + 1;
    while (i < n && !isXmlSpace(buf[i]!) && buf[i] !== GT && buf[i] !== 47) i += 1;
    if (i >= n) return { skip: carryFrom(n, lt) };
    const name = textOf(buf, lt + 1, i);
    const colon = name.indexOf(':');
    return { prefix: colon === -1 ? '' : name.slice(0, colon + 1), local: colon === -1 ? name : name.slice(colon + 1), at: lt };
  }
}

const PI_END = asciiBytes('?>');
const COMMENT = asciiBytes('<!--');
const COMMENT_END = asciiBytes('-->');
const CDATA = asciiBytes('<![CDATA[');
const CDATA_END = asciiBytes(']]>');

function markupEnd(buf: Uint8Array, lt: number): number {
  const n = buf.length;
  const c1 = buf[lt + 1];
  if (c1 === 63 /* <? */) {
    const end = indexOfBytes(buf, PI_END, lt + 2, n);
    return end === -1 ? -1 : end + 2;
  }
  if (c1 === 33 /* <! */) {
    if (lt + 9 > n) return -1;
    if (bytesAt(buf, lt, COMMENT, n)) {
      const end = indexOfBytes(buf, COMMENT_END, lt + 4, n);
      return end === -1 ? -1 : end + 3;
    }
    if (bytesAt(buf, lt, CDATA, n)) {
      const end = indexOfBytes(buf, CDATA_END, lt + 9, n);
      return end === -1 ? -1 : end + 3;
    }
  }
  let quote = 0;
  for (let i = lt + 1; i < n; i += 1) {
    const c = buf[i]!;
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
    else if (c === GT) return i + 1;
  }
  return -1;
}

function carryFrom(n: number, lt: number): number {
  if (n - lt > MAX_MARKUP_CHARS) throw new MarkupTooLong();
  return lt;
}

/**
 * The part's bytes chunk by chunk, each chunk after the unread tail of the previous one, always UTF-8: a
 * part that starts with a UTF-16 byte order mark (allowed by XML) is decoded and encoded again as UTF-8.
 * The joined buffer is reused from chunk to chunk; the tail is copied out (the inflater reuses its output).
 */
export class SheetBytes {
  private started = false;
  private utf16: TextDecoder | undefined;
  private readonly encoder = new TextEncoder();
  private tail = new Uint8Array(0);
  private joined = new Uint8Array(0);

  /** The tail followed by `input`. */
  next(input: Uint8Array): Uint8Array {
    const utf8 = this.utf8(input);
    return this.tail.length === 0 ? utf8 : this.join(utf8, utf8.length);
  }

  /** What the last chunk left unread. */
  get unread(): Uint8Array {
    return this.tail;
  }

  /** A chunk as UTF-8 (the first one tells whether the part is UTF-16). */
  utf8(input: Uint8Array): Uint8Array {
    if (!this.started) {
      this.started = true;
      const le = input[0] === 0xff && input[1] === 0xfe;
      const be = input[0] === 0xfe && input[1] === 0xff;
      if (le || be) {
        this.utf16 = new TextDecoder(le ? 'utf-16le' : 'utf-16be', { ignoreBOM: true });
        input = input.subarray(2);
      }
    }
    return this.utf16 ? this.encoder.encode(this.utf16.decode(input, { stream: true })) : input;
  }

  /** The tail followed by the first `n` bytes of `utf8` (a chunk utf8() gave), in the reused buffer. */
  join(utf8: Uint8Array, n: number): Uint8Array {
    const tail = this.tail;
    const length = tail.length + n;
    if (this.joined.length < length) this.joined = new Uint8Array(Math.max(length, 2 * this.joined.length));
    this.joined.set(tail);
    this.joined.set(n === utf8.length ? utf8 : utf8.subarray(0, n), tail.length);
    return this.joined.subarray(0, length);
  }

  /** Keeps `buf[from…]` for the next chunk. */
  keep(buf: Uint8Array, from: number): void {
    this.tail = from >= buf.length ? new Uint8Array(0) : buf.slice(from);
  }

  /** The unread tail, with what a UTF-16 decoder still held, at the end of the part. */
  rest(): Uint8Array {
    if (!this.utf16) return this.tail;
    const end = this.encoder.encode(this.utf16.decode());
    if (end.length === 0) return this.tail;
    const out = new Uint8Array(this.tail.length + end.length);
    out.set(this.tail);
    out.set(end, this.tail.length);
    return out;
  }
}
