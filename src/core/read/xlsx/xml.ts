// Small XML helpers for the xlsx parts: entity and `_xHHHH_` unescaping, attributes of one tag, the
// namespace prefix a part uses, and the text runs of a string item (shared or inline).

const ENTITY = /&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const OOXML_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

function codePoint(n: number): string {
  return n >= 0 && n <= 0x10ffff ? String.fromCodePoint(n) : '\uFFFD';
}

/** XML character and entity references. */
export function decodeEntities(raw: string): string {
  if (raw.indexOf('&') === -1) return raw;
  return raw.replace(ENTITY, (_m, hex: string | undefined, dec: string | undefined, name: string | undefined) =>
    hex !== undefined ? codePoint(parseInt(hex, 16)) : dec !== undefined ? codePoint(parseInt(dec, 10)) : NAMED[name!]!,
  );
}

/**
 * Text of a string cell: entities, then OOXML's `_xHHHH_` escapes for characters XML cannot carry (Excel
 * writes a carriage return as `_x000D_`; a literal `_x000D_` is written `_x005F_x000D_`).
 */
export function decodeXString(raw: string): string {
  const text = decodeEntities(raw);
  if (text.indexOf('_x') === -1) return text;
  return text.replace(OOXML_ESCAPE, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * All attributes of one tag (its text from `<` to `>`), values unescaped; keys as written (`r:id`). A
 * character loop, not a regular expression: linear in the tag's length whatever it holds.
 */
export function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  const n = tag.length;
  // Past the tag's name.
  let i = 1;
  while (i < n && !isXmlSpace(tag.charCodeAt(i)) && tag.charCodeAt(i) !== 62 && tag.charCodeAt(i) !== 47) i += 1;
  while (i < n) {
    while (i < n && isXmlSpace(tag.charCodeAt(i))) i += 1;
    const nameStart = i;
    while (i < n) {
      const c = tag.charCodeAt(i);
      if (c === 61 /* = */ || c === 62 || c === 47 || isXmlSpace(c)) break;
      i += 1;
    }
    const name = tag.slice(nameStart, i);
    while (i < n && isXmlSpace(tag.charCodeAt(i))) i += 1;
    if (tag.charCodeAt(i) !== 61) {
      if (i === nameStart) i += 1; // a stray `/` or `>`
      continue;
    }
    i += 1;
    while (i < n && isXmlSpace(tag.charCodeAt(i))) i += 1;
    const quote = tag.charCodeAt(i);
    if (quote !== 34 && quote !== 39) continue;
    const close = tag.indexOf(quote === 34 ? '"' : "'", i + 1);
    if (close === -1) break;
    if (name !== '' && !Object.prototype.hasOwnProperty.call(out, name)) out[name] = decodeEntities(tag.slice(i + 1, close));
    i = close + 1;
  }
  return out;
}

/** The value of an attribute by local name, whatever its prefix (`r:id`, `ns1:id`…). */
export function attributeByLocalName(attrs: Record<string, string>, local: string, prefixed: boolean): string | undefined {
  for (const [key, value] of Object.entries(attrs)) {
    const colon = key.indexOf(':');
    if (prefixed ? colon > 0 && key.slice(colon + 1) === local && !key.startsWith('xmlns') : key === local) return value;
  }
  return undefined;
}

/** Longest single piece of markup (a tag, a comment, a declaration) the scanners carry between chunks. */
export const MAX_MARKUP_CHARS = 1 << 16;

/** Thrown by the markup scanners when one tag or comment is longer than MAX_MARKUP_CHARS. */
export class MarkupTooLong extends Error {
  constructor() {
    super(`a tag or comment longer than ${MAX_MARKUP_CHARS} characters`);
    this.name = 'MarkupTooLong';
  }
}

/** The end of the markup that starts at `lt` (the index after it), or -1 when `buf` ends first. */
function markupEnd(buf: string, lt: number): number {
  const c1 = buf.charCodeAt(lt + 1);
  if (c1 === 63 /* <? */) {
    const end = buf.indexOf('?>', lt + 2);
    return end === -1 ? -1 : end + 2;
  }
  if (c1 === 33 /* <! */) {
    if (lt + 9 > buf.length) return -1;
    if (buf.startsWith('<!--', lt)) {
      const end = buf.indexOf('-->', lt + 4);
      return end === -1 ? -1 : end + 3;
    }
    if (buf.startsWith('<![CDATA[', lt)) {
      const end = buf.indexOf(']]>', lt + 9);
      return end === -1 ? -1 : end + 3;
    }
  }
  // A tag (or a declaration): its `>`, outside quoted attribute values (which may hold a raw `>`).
  let quote = 0;
  for (let i = lt + 1; i < buf.length; i += 1) {
    const c = buf.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
    else if (c === 62) return i + 1;
  }
  return -1;
}

/** `lt`, the start of an unfinished piece of markup kept for the next chunk, unless it is already too long. */
function carryFrom(buf: string, lt: number): number {
  if (buf.length - lt > MAX_MARKUP_CHARS) throw new MarkupTooLong();
  return lt;
}

export type RootSearch =
  /** The root's prefix (with its colon, or '') and local name; `at` is its `<`. */
  | { readonly prefix: string; readonly local: string; readonly at: number }
  /** Not there yet: the first `skip` characters were prolog and can be dropped. */
  | { readonly skip: number };

/** What TagScanner hands on: local names (prefix dropped), and for start tags their whole text. */
export interface TagHandler {
  open(local: string, tag: string): void;
  close(local: string): void;
}

/**
 * The tags of a small part (workbook, relationships, styles), chunk by chunk: text between tags is
 * skipped, never collected, and nothing but one unfinished tag is carried to the next chunk. An empty
 * tag `<x/>` is an open followed by a close.
 */
export class TagScanner {
  constructor(private readonly handler: TagHandler) {}

  /** Hands on every complete tag in `buf`; returns where the unread tail starts. */
  take(buf: string): number {
    let pos = 0;
    for (;;) {
      const lt = buf.indexOf('<', pos);
      if (lt === -1) return buf.length;
      const end = markupEnd(buf, lt);
      if (end === -1) return carryFrom(buf, lt);
      // The same bound whether a long tag arrives in one chunk or across several.
      if (end - lt > MAX_MARKUP_CHARS) throw new MarkupTooLong();
      pos = end;
      const c1 = buf.charCodeAt(lt + 1);
      if (c1 === 63 || c1 === 33) continue;
      const closing = c1 === 47;
      let i = closing ? lt + 2 : lt + 1;
      const nameStart = i;
      while (i < end && !isXmlSpace(buf.charCodeAt(i)) && buf.charCodeAt(i) !== 62 && buf.charCodeAt(i) !== 47) i += 1;
      const name = buf.slice(nameStart, i);
      const colon = name.indexOf(':');
      const local = colon === -1 ? name : name.slice(colon + 1);
      if (closing) this.handler.close(local);
      else {
        this.handler.open(local, buf.slice(lt, end));
        if (buf.charCodeAt(end - 2) === 47 /* <x/> */) this.handler.close(local);
      }
    }
  }
}

export function isXmlSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

function trimXmlSpace(raw: string): string {
  let a = 0;
  let b = raw.length;
  while (a < b && isXmlSpace(raw.charCodeAt(a))) a += 1;
  while (b > a && isXmlSpace(raw.charCodeAt(b - 1))) b -= 1;
  return a === 0 && b === raw.length ? raw : raw.slice(a, b);
}

/**
 * The text of a string item (`<si>` or `<is>` content between `from` and `to`): every `<t>` run in order,
 * phonetic runs (`<rPh>`) left out. Without `xml:space="preserve"` Excel drops a run's surrounding
 * whitespace, so we do too.
 */
export function stringItemText(whole: string, from: number, to: number, prefix: string): string {
  // Searched within the item only (a slice shares the text, copies nothing): a run that never closes
  // must not send every search to the end of the chunk.
  const buf = whole.slice(from, to);
  to = buf.length;
  from = 0;
  let out = '';
  let p = buf.indexOf('<', from);
  const tLen = prefix.length + 1;
  while (p !== -1 && p < to) {
    const nameAt = p + 1;
    if (buf.startsWith(prefix, nameAt)) {
      const after = nameAt + prefix.length;
      const c0 = buf.charCodeAt(after);
      if (c0 === 116 /* t */) {
        const next = buf.charCodeAt(after + 1);
        if (next === 62 /* > */ || isXmlSpace(next) || next === 47 /* / */) {
          const gt = buf.indexOf('>', after);
          if (gt === -1 || gt >= to) break;
          if (buf.charCodeAt(gt - 1) === 47) {
            p = buf.indexOf('<', gt);
            continue;
          }
          const close = buf.indexOf(`</${prefix}t>`, gt);
          if (close === -1 || close > to) break;
          const raw = buf.slice(gt + 1, close);
          const preserve = gt - p > tLen + 1 && buf.slice(p, gt).indexOf('preserve') !== -1;
          out += decodeXString(preserve ? raw : trimXmlSpace(raw));
          p = buf.indexOf('<', close + 2);
          continue;
        }
      } else if (c0 === 114 /* r */ && buf.startsWith('Ph', after + 1)) {
        const close = buf.indexOf(`</${prefix}rPh>`, after);
        if (close === -1 || close > to) {
          // An empty <rPh/> or a damaged one: step over the tag only.
          p = buf.indexOf('<', after);
          continue;
        }
        p = buf.indexOf('<', close + 2);
        continue;
      }
    }
    p = buf.indexOf('<', p + 1);
  }
  return out;
}
