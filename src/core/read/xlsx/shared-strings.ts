// The shared strings table (xl/sharedStrings.xml), parsed from its UTF-8 bytes as it inflates: only
// complete `<si>` items are taken from each chunk, the unfinished tail waits for the next one. Items are
// found on bytes (bytes.ts: ~2.5× faster per character than charCodeAt on text); each chunk is decoded
// once, and the commonest item, `<si><t>text</t></si>`, is cut out of that text by its offsets.
import type { ReadControl } from '../control.js';
import { corrupt } from '../issue.js';
import { cellTooLong, MAX_CELL_CHARS, MAX_OUTSIDE_ROWS_CHARS, MAX_ROW_CHARS, partTooLarge, tooManyStrings, tooMuchText, type ReadLimits } from '../limits.js';
import { wholeUtf8Length } from '../text.js';
import type { InflateBudget, ZipArchive, ZipEntry } from '../zip.js';
import { asciiBytes, bytesAt, findRootBytes, indexOfByte, indexOfBytes, SheetBytes, textOf } from './bytes.js';
import { decodeXString, isXmlSpace, MarkupTooLong, stringItemText } from './xml.js';

const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * The text of an item that is one plain run, `<t>text</t>`: the same text stringItemText gives, found with
 * two comparisons and one search instead of its general walk. Undefined for anything else (rich text,
 * phonetic runs, `xml:space`, markup inside).
 */
function plainItem(text: string, from: number, to: number, open: string, close: string): string | undefined {
  const start = from + open.length;
  const stop = to - close.length;
  if (stop < start || !text.startsWith(open, from) || !text.startsWith(close, stop)) return undefined;
  const lt = text.indexOf('<', start);
  if (lt !== stop) return undefined;
  let a = start;
  let b = stop;
  // No xml:space="preserve": the run's surrounding XML whitespace is dropped, as stringItemText does.
  while (a < b && isXmlSpace(text.charCodeAt(a))) a += 1;
  while (b > a && isXmlSpace(text.charCodeAt(b - 1))) b -= 1;
  return decodeXString(text.slice(a, b));
}

/**
 * How many more bytes than UTF-16 code units `buf[from, to)` holds, for well-formed UTF-8: each
 * continuation byte is one more byte, and a 4-byte sequence gives two code units.
 */
function extraBytes(buf: Uint8Array, from: number, to: number): number {
  let extra = 0;
  for (let i = from; i < to; i += 1) {
    const b = buf[i]!;
    if (b < 0x80) continue;
    if ((b & 0xc0) === 0x80) extra += 1;
    else if (b >= 0xf0) extra -= 1;
  }
  return extra;
}

export async function readSharedStrings(
  zip: ZipArchive,
  entry: ZipEntry,
  budget: InflateBudget,
  control: ReadControl,
  progressBase: number,
  limits: ReadLimits,
): Promise<string[]> {
  const strings: string[] = [];
  let chars = 0;
  const feed = new SheetBytes();
  let prefix: string | undefined;
  let open = asciiBytes('<si');
  let close = asciiBytes('</si>');
  let quickOpen = asciiBytes('<si><t>');
  let quickClose = asciiBytes('</t></si>');
  let plainOpen = '<t>';
  let plainClose = '</t>';

  const push = (item: string) => {
    if (item.length > MAX_CELL_CHARS) throw cellTooLong();
    chars += item.length;
    if (chars > limits.maxSharedStringChars) throw tooMuchText(limits.maxSharedStringChars);
    strings.push(item);
  };

  const take = (buf: Uint8Array): number => {
    const length = buf.length;
    let pos = 0;
    if (prefix === undefined) {
      const root = findRootBytes(buf);
      if ('skip' in root) return outside(root.skip);
      if (root.local !== 'sst') throw corrupt('sharedStrings is not a string table');
      prefix = root.prefix;
      open = asciiBytes(`<${prefix}si`);
      close = asciiBytes(`</${prefix}si>`);
      quickOpen = asciiBytes(`<${prefix}si><${prefix}t>`);
      quickClose = asciiBytes(`</${prefix}t></${prefix}si>`);
      plainOpen = `<${prefix}t>`;
      plainClose = `</${prefix}t>`;
      pos = outside(root.at);
    }
    // The chunk's text, decoded once when the first plain item needs it. `extra` is how many more bytes
    // than code units came before byte `counted`; without U+FFFD in the text the bytes were well-formed
    // UTF-8, and a byte offset less `extra` is the text's offset. Otherwise each item is decoded alone.
    let text: string | undefined;
    let exact = false;
    let extra = 0;
    let counted = 0;
    for (;;) {
      // Nearly every item is `<si><t>text</t></si>` right after the previous one: one loop, no searches.
      if (bytesAt(buf, pos, quickOpen, length)) {
        const from = pos + quickOpen.length;
        const stop = Math.min(length, from + MAX_ROW_CHARS);
        let escaped = false;
        let wide = false;
        let i = from;
        for (; i < stop; i += 1) {
          const c = buf[i]!;
          if (c === 60) break;
          if (c === 38 || c === 95) escaped = true;
          else if (c >= 0x80) wide = true;
        }
        // Text with surrounding whitespace is trimmed the general way.
        if (i < stop && (i === from || (!isXmlSpace(buf[from]!) && !isXmlSpace(buf[i - 1]!))) && bytesAt(buf, i, quickClose, length)) {
          if (strings.length >= limits.maxSharedStrings) throw tooManyStrings(limits);
          if (text === undefined) {
            text = utf8.decode(buf.subarray(0, wholeUtf8Length(buf)));
            exact = text.indexOf('\uFFFD') === -1;
          }
          let item: string;
          if (exact) {
            if (counted < pos) extra += extraBytes(buf, counted, pos);
            const inside = wide ? extraBytes(buf, from, i) : 0;
            item = text.slice(from - extra, i - extra - inside);
            extra += inside;
            counted = i;
          } else {
            item = textOf(buf, from, i);
          }
          push(escaped ? decodeXString(item) : item);
          pos = i + quickClose.length;
          continue;
        }
      }
      const start = indexOfBytes(buf, open, pos, length);
      if (start === -1) return pos + outside(Math.max(0, length - open.length - pos));
      outside(start - pos);
      // Every item counts, empty ones too: 180 million `<si/>` fit in a 1.3 MB file.
      if (strings.length >= limits.maxSharedStrings) throw tooManyStrings(limits);
      const gt = indexOfByte(buf, 62, start, length);
      if (gt === -1) return unfinished(length, start);
      if (buf[gt - 1] === 47 /* <si/> */) {
        strings.push('');
        pos = gt + 1;
        continue;
      }
      const end = indexOfBytes(buf, close, gt, length);
      if (end === -1) return unfinished(length, start);
      if (end - gt > MAX_ROW_CHARS) throw cellTooLong();
      const raw = textOf(buf, gt + 1, end);
      push(plainItem(raw, 0, raw.length, plainOpen, plainClose) ?? stringItemText(raw, 0, raw.length, prefix));
      pos = end + close.length;
    }
  };
  // Bytes between items (whitespace, extensions) are dropped as they come, up to a bound.
  let between = 0;
  const outside = (n: number): number => {
    between += n;
    if (between > MAX_OUTSIDE_ROWS_CHARS) throw partTooLarge('sharedStrings', MAX_OUTSIDE_ROWS_CHARS);
    return n;
  };
  // An item still arriving is carried to the next chunk, up to the size no real cell reaches.
  const unfinished = (length: number, start: number): number => {
    if (length - start > MAX_ROW_CHARS) throw cellTooLong();
    return start;
  };
  try {
    await zip.inflate(
      entry,
      budget,
      (data) => {
        const buf = feed.next(data);
        feed.keep(buf, take(buf));
      },
      control,
      progressBase,
    );
    const rest = feed.rest();
    if (rest.length > 0) take(rest);
  } catch (error) {
    if (error instanceof MarkupTooLong) throw corrupt(`sharedStrings: ${error.message}`);
    throw error;
  }
  return strings;
}
