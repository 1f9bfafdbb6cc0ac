// Recognises what an upload is from its bytes, never from its name: zip packages (xlsx, ods, numbers…),
// OLE2 compound files (.xls, password-protected Office files), well-known non-spreadsheets, and text.
import type { ZipArchive } from './zip.js';

export type Sniffed =
  | { readonly kind: 'zip' }
  | { readonly kind: 'ole2' }
  | { readonly kind: 'text' }
  | { readonly kind: 'other'; readonly code: FormatKind };

/** The formats we recognise but do not read, by kind: the UI words each one ("This file is …"). */
export const FORMATS = [
  'xls', 'ods', 'numbers', 'xlsb', 'officeText', 'officeSlides', 'odf', 'zip', 'ole2', 'pdf', 'image', 'html', 'xml', 'xml2003', 'rtf', 'archive', 'binary',
] as const;
export type FormatKind = (typeof FORMATS)[number];

function startsWith(b: Uint8Array, ...sig: number[]): boolean {
  return sig.every((v, i) => b[i] === v);
}

function ascii(b: Uint8Array, from: number, length: number): string {
  let s = '';
  for (let i = from; i < Math.min(b.length, from + length); i += 1) s += String.fromCharCode(b[i]!);
  return s;
}

export function sniff(b: Uint8Array): Sniffed {
  if (startsWith(b, 0x50, 0x4b) && (b[2] === 3 || b[2] === 5 || b[2] === 7)) return { kind: 'zip' };
  if (startsWith(b, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return { kind: 'ole2' };
  const other = (code: FormatKind): Sniffed => ({ kind: 'other', code });
  if (ascii(b, 0, 5) === '%PDF-') return other('pdf');
  if (
    startsWith(b, 0x89, 0x50, 0x4e, 0x47) || // PNG
    startsWith(b, 0xff, 0xd8, 0xff) || // JPEG
    ascii(b, 0, 4) === 'GIF8' ||
    (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') ||
    startsWith(b, 0x49, 0x49, 0x2a, 0x00) || // TIFF
    startsWith(b, 0x4d, 0x4d, 0x00, 0x2a) ||
    (ascii(b, 4, 4) === 'ftyp' && /^(heic|heix|mif1|avif)$/.test(ascii(b, 8, 4)))
  ) {
    return other('image');
  }
  if (
    startsWith(b, 0x1f, 0x8b) || // gzip
    ascii(b, 0, 4) === 'Rar!' ||
    startsWith(b, 0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c) // 7z
  ) {
    return other('archive');
  }
  if (ascii(b, 0, 5) === '{\\rtf') return other('rtf');
  const head = textHead(b);
  if (head === undefined) return other('binary');
  const start = head.replace(/^\s+/, '').slice(0, 512).toLowerCase();
  if (start.startsWith('<!doctype html') || start.startsWith('<html') || /^<table[\s>]/.test(start)) return other('html');
  if (start.startsWith('<?xml')) return other(/<\?mso-application|urn:schemas-microsoft-com:office:spreadsheet/.test(start) ? 'xml2003' : 'xml');
  return { kind: 'text' };
}

/**
 * The first few KB as text, or undefined when they look binary (NUL or other control bytes outside a
 * UTF-16 file, which shows as NULs between ASCII characters only when it has a BOM we honour).
 */
function textHead(b: Uint8Array): string | undefined {
  const utf16 = (b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff);
  const n = Math.min(b.length, 8192);
  if (utf16) {
    const head = new TextDecoder(b[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(b.subarray(0, n & ~1));
    return hasControl(head) ? undefined : head;
  }
  let control = 0;
  for (let i = 0; i < n; i += 1) {
    const c = b[i]!;
    if (c === 0) return undefined;
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) control += 1;
  }
  if (control > Math.max(2, n / 100)) return undefined;
  return new TextDecoder('utf-8').decode(b.subarray(0, n));
}

function hasControl(text: string): boolean {
  let control = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 0) return true;
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) control += 1;
  }
  return control > Math.max(2, text.length / 100);
}

/** What a zip package holds, by its parts. */
export function zipKind(zip: ZipArchive): 'ooxml' | FormatKind {
  const mimetype = zip.get('mimetype');
  const stored = mimetype ? zip.storedBytes(mimetype) : undefined;
  if (stored) {
    const type = ascii(stored, 0, 200).trim();
    if (type === 'application/vnd.oasis.opendocument.spreadsheet' || type === 'application/vnd.oasis.opendocument.spreadsheet-template') return 'ods';
    if (type.startsWith('application/vnd.oasis.opendocument')) return 'odf';
  }
  const names = zip.entries.map((e) => e.name.toLowerCase());
  if (names.some((n) => n.startsWith('index/') || n.endsWith('.iwa') || n === 'index.zip')) return 'numbers';
  if (zip.get('xl/workbook.bin')) return 'xlsb';
  if (zip.get('[Content_Types].xml') || zip.get('_rels/.rels') || zip.get('xl/workbook.xml')) {
    if (names.some((n) => n.startsWith('word/'))) return 'officeText';
    if (names.some((n) => n.startsWith('ppt/'))) return 'officeSlides';
    return 'ooxml';
  }
  return 'zip';
}

/**
 * OLE2 compound files: an `EncryptionInfo` stream means a password-protected Office file (Excel stores
 * encrypted .xlsx this way); a `Workbook`/`Book` stream is a legacy .xls. Directory entries are 128-byte
 * records at 128-byte aligned offsets (sectors are 512 or 4096 bytes after a 512-byte header), so we look
 * at each one's name rather than follow the sector chains.
 */
export function ole2Kind(b: Uint8Array): 'encrypted' | 'xls' | 'ole2' {
  const names = new Set<string>();
  for (let at = 512; at + 128 <= b.length; at += 128) {
    const length = b[at + 64]! | (b[at + 65]! << 8);
    const type = b[at + 66];
    if (length < 4 || length > 64 || length % 2 !== 0 || (type !== 1 && type !== 2 && type !== 5)) continue;
    if (b[at + length - 2] !== 0 || b[at + length - 1] !== 0) continue;
    let name = '';
    for (let i = 0; i < length - 2; i += 2) name += String.fromCharCode(b[at + i]! | (b[at + i + 1]! << 8));
    names.add(name);
  }
  if (names.has('EncryptionInfo') || names.has('EncryptedPackage')) return 'encrypted';
  if (names.has('Workbook') || names.has('Book')) return 'xls';
  return 'ole2';
}
