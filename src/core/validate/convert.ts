// From a normalised cell to the typed value of a record field: the part of validation that understands how
// people and spreadsheet programs write e-mail addresses, dates and numbers. Constraints come after (schema.ts).
import { cellText, isDateCell, type Cell } from '../cells.js';
import { parseDateText, serialToDate } from '../dates.js';
import type { IssueCode, IssueParams } from '../issues.js';
import type { DateOrder } from '../read/types.js';
import { finishHash, FNV_OFFSET, FNV_PRIME } from './hash.js';

/** A value that could not be read as its column's type. */
export interface Refusal {
  readonly refused: IssueCode;
  readonly params?: IssueParams;
}

export function isRefusal(value: unknown): value is Refusal {
  return typeof value === 'object' && value !== null && 'refused' in value;
}

/** Surrounding whitespace of every kind (NBSP, thin spaces, zero-width space, BOM) removed. */
export function cleanText(text: string): string {
  // Visible ASCII at both ends: nothing to trim (every character trim or the zero-width space removes is a
  // control, a space or above U+007F). Called for nearly every text cell; the trim call cost ~3%.
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  if (first > 32 && first < 127 && last > 32 && last < 127) return text;
  const t = text.trim();
  return t.length > 0 && (t.charCodeAt(0) === 0x200b || t.charCodeAt(t.length - 1) === 0x200b) ? t.replace(/^[\s\u200B]+|[\s\u200B]+$/g, '') : t;
}

/**
 * A practical e-mail check (not the full RFC 5322 grammar, which accepts what no mail system delivers):
 * one `@`; a dot-atom local part of at most 64 characters; a domain of two or more labels whose last is
 * alphabetic (or punycode); no spaces, quotes or brackets. Letters of any script are allowed.
 */
const EMAIL =
  /^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+(?:\.[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+)*@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+(?:\p{L}{2,63}|xn--[a-z0-9-]{1,59})$/u;

/** The same grammar for ASCII-only addresses (nearly all of them): no Unicode property classes, much faster. */
const EMAIL_ASCII =
  /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+(?:[A-Za-z]{2,63}|xn--[a-z0-9-]{1,59})$/;
// eslint-disable-next-line no-control-regex
const NON_ASCII = /[^\u0000-\u007F]/;

/**
 * An address that is valid as typed and plain ASCII: normaliseEmail only lower-cases it (nothing to strip
 * or normalise), and the lower-cased address is valid too. The validator's shortcut for nearly every row.
 */
export function isAsciiEmail(text: string): boolean {
  if (text.length > 254) return false;
  const at = text.indexOf('@');
  return at > 0 && at <= 64 && EMAIL_ASCII.test(text);
}

/** Characters of a dot-atom's atoms: A–Z a–z 0–9 and !#$%&'*+/=?^_`{|}~- (1 = allowed), by char code < 128. */
const ATEXT = new Uint8Array(128);
for (const c of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$%&'*+/=?^_`{|}~-") ATEXT[c.charCodeAt(0)] = 1;

/** plainEmail: not sure (ask isAsciiEmail), valid with no capital letter, valid with capitals. */
export const EMAIL_UNSURE = 0;
export const EMAIL_LOWER = 1;
export const EMAIL_CAPITALS = 2;

/**
 * identifierHash (duplicates.ts) of the address plainEmail last said EMAIL_LOWER or EMAIL_CAPITALS for, as
 * the validator keeps it (lower-cased): computed in the same loop, so that logging the identifier for
 * duplicate detection does not read its characters again. Undefined after EMAIL_UNSURE.
 */
export let plainEmailHash: number | undefined;

/**
 * The commonest addresses (`first.last@example.org`) checked with one character loop instead of the
 * EMAIL_ASCII regular expression and a second one for capitals: the regex and its capital test took about
 * a tenth of validating a 100k-row file in Chromium. Says EMAIL_LOWER or EMAIL_CAPITALS only for text the
 * regex accepts (a subset of its grammar: a last label of letters only); anything else is EMAIL_UNSURE and
 * goes the long way (fast-path.test.ts holds the two together).
 */
export function plainEmail(text: string): number {
  plainEmailHash = undefined;
  const n = text.length;
  if (n > 254) return EMAIL_UNSURE;
  let capitals = false;
  // FNV-1a over the lower-cased characters, as identifierHash does over the lower-cased address.
  let h = FNV_OFFSET;
  let i = 0;
  // Local part: atoms of ATEXT joined by single dots, 1–64 characters.
  for (;;) {
    const atom = i;
    for (; i < n; i++) {
      let c = text.charCodeAt(i);
      if (c >= 128 || ATEXT[c] === 0) break;
      if (c >= 65 && c <= 90) {
        capitals = true;
        c += 32;
      }
      h = Math.imul(h ^ c, FNV_PRIME);
    }
    if (i === atom || i >= n) return EMAIL_UNSURE;
    const c = text.charCodeAt(i);
    h = Math.imul(h ^ c, FNV_PRIME);
    if (c === 64 /* @ */) break;
    if (c !== 46 /* . */) return EMAIL_UNSURE;
    i++;
  }
  if (i > 64) return EMAIL_UNSURE;
  i++;
  // Domain: two or more labels of letters, digits and inner hyphens (1–63 each); the last one letters only (2–63).
  let labels = 0;
  for (;;) {
    const label = i;
    let lettersOnly = true;
    for (; i < n; i++) {
      let c = text.charCodeAt(i);
      if (c >= 97 && c <= 122) {
        h = Math.imul(h ^ c, FNV_PRIME);
        continue;
      }
      if (c >= 65 && c <= 90) {
        capitals = true;
        c += 32;
        h = Math.imul(h ^ c, FNV_PRIME);
        continue;
      }
      if ((c >= 48 && c <= 57) || c === 45) {
        lettersOnly = false;
        h = Math.imul(h ^ c, FNV_PRIME);
        continue;
      }
      break;
    }
    const length = i - label;
    if (length === 0 || length > 63 || text.charCodeAt(label) === 45 || text.charCodeAt(i - 1) === 45) return EMAIL_UNSURE;
    labels++;
    if (i === n) {
      if (labels < 2 || !lettersOnly || length < 2) return EMAIL_UNSURE;
      plainEmailHash = finishHash(h);
      return capitals ? EMAIL_CAPITALS : EMAIL_LOWER;
    }
    if (text.charCodeAt(i) !== 46) return EMAIL_UNSURE;
    h = Math.imul(h ^ 46, FNV_PRIME);
    i++;
  }
}

export function isEmail(text: string): boolean {
  if (text.length > 254) return false;
  const at = text.indexOf('@');
  if (at <= 0 || at > 64) return false;
  return EMAIL_ASCII.test(text) || (NON_ASCII.test(text) && EMAIL.test(text));
}

/** An e-mail identifier as the LMS stores it: without a `mailto:` prefix, lower-case. */
export function normaliseEmail(text: string): string {
  let t = cleanText(text);
  if (t.length > 7 && (t.charCodeAt(0) | 0x20) === 0x6d && /^mailto:/i.test(t)) t = cleanText(t.slice(7));
  return (NON_ASCII.test(t) ? t.normalize('NFC') : t).toLowerCase();
}

/**
 * Identifier text: e-mail addresses normalised; other kinds as typed (trimmed). An id stored as a number
 * (Excel drops leading zeros and stores 12345 as a number) is read as its integer text.
 */
export function convertIdentifier(cell: Cell, kind: string): string | Refusal {
  let text: string;
  if (typeof cell === 'string') text = cleanText(cell);
  else if (typeof cell === 'number' && Number.isSafeInteger(cell)) text = String(cell);
  else return { refused: 'cell-identifier-format' };
  return kind === 'email' ? normaliseEmail(text) : text;
}

/** A date cell, a serial in a date column, or date text in the file's date order → `YYYY-MM-DD`. */
export function convertDate(cell: Cell, order: DateOrder, date1904: boolean): string | Refusal {
  if (isDateCell(cell)) return cell.date;
  const date = typeof cell === 'number' ? serialToDate(cell, date1904)?.date : typeof cell === 'string' ? dateText(cleanText(cell), order) : null;
  return date ?? { refused: 'cell-date-invalid', params: { order } };
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * parseDateText with a shortcut for text that is already `YYYY-MM-DD` (what CSV exports nearly always
 * hold): the same answer, read from the character codes instead of a regular expression and a Date. With
 * parseNumberText's shortcut for plain digits, it halves validation of a 100k-row CSV (85 against 170 ms CPU).
 */
export function dateText(text: string, order: DateOrder): string | null {
  if (text.length !== 10 || text.charCodeAt(4) !== 0x2d || text.charCodeAt(7) !== 0x2d) return parseDateText(text, order);
  const y = digits(text, 0, 4);
  const m = digits(text, 5, 7);
  const d = digits(text, 8, 10);
  if (y < 0 || m < 0 || d < 0) return parseDateText(text, order);
  // Proleptic Gregorian, as Date.UTC counts (and as parseDateText checks it).
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  const valid = y >= 1000 && m >= 1 && m <= 12 && d >= 1 && d <= (m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1]!);
  return valid ? text : null;
}

/** The ASCII digits text[from, to) as a number; -1 when any of them is not a digit. */
function digits(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i) - 0x30;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

const SPACES = /[\s\u00A0\u202F\u2009]/g;
const PLAIN = /^\d*[.,]?\d+$/;
const EXPONENT = /^\d+(?:\.\d+)?[eE][+-]?\d+$/;
const GROUPED_SPACE = /^\d{1,3}(?:[ \u00A0\u202F\u2009]\d{3})+(?:[.,]\d+)?$/;
const GROUPED_APOSTROPHE = /^\d{1,3}(?:['\u2019]\d{3})+(?:[.,]\d+)?$/;
const GROUPED_COMMA = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const GROUPED_DOT = /^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/;
/** One separator followed by exactly three digits after a possible thousands group: 1,250 or 12.500. */
const AMBIGUOUS = /^[1-9]\d{0,2}[.,]\d{3}$/;

/**
 * Reads a number typed as text: `74.5` and `74,5`, thousands grouped by spaces (NBSP too), apostrophes, or
 * the separator that is not the decimal one (`1,234.5`, `1.234,5`), a sign (`-`, `+`, `−`), an exponent.
 * Units, `%`, currency and words are refused. `1,250` is refused as ambiguous (1.25 or 1250?); so is
 * `1.250` when `decimalComma` (the file writes decimals with a comma, e.g. a `;`-separated CSV).
 * Returns null when the text is not a number.
 */
export function parseNumberText(text: string, decimalComma = false): number | null {
  const cleaned = cleanText(text);
  // Plain digits (most numbers typed as text, every CSV score): read from the character codes, the same
  // number as below (at most 15 digits, so exactly).
  if (cleaned.length > 0 && cleaned.length <= 15) {
    const n = digits(cleaned, 0, cleaned.length);
    if (n >= 0) return n;
  }
  let t = cleaned.replace(/^\u2212/, '-');
  let sign = 1;
  if (t.startsWith('-') || t.startsWith('+')) {
    if (t.startsWith('-')) sign = -1;
    t = t.slice(1);
  }
  let plain: string | null = null;
  if (PLAIN.test(t)) {
    if (AMBIGUOUS.test(t) && (t.includes(',') || decimalComma)) return null;
    plain = t.replace(',', '.');
  } else if (EXPONENT.test(t)) plain = t;
  else if (GROUPED_SPACE.test(t) || GROUPED_APOSTROPHE.test(t)) plain = t.replace(SPACES, '').replace(/['\u2019]/g, '').replace(',', '.');
  else if (GROUPED_COMMA.test(t)) plain = t.replace(/,/g, '');
  else if (GROUPED_DOT.test(t)) plain = t.replace(/\./g, '').replace(',', '.');
  if (plain === null) return null;
  const n = sign * Number(plain);
  return Number.isFinite(n) ? n : null;
}

/** Excel shows 15 significant digits; binary noise beyond them (74.50000000000001) is not the admin's value. */
function tidy(n: number): number {
  return Number.isInteger(n) ? n : Number(n.toPrecision(15));
}

export function convertNumber(cell: Cell, integer: boolean, decimalComma: boolean): number | Refusal {
  const refused: IssueCode = integer ? 'cell-integer-invalid' : 'cell-number-invalid';
  let n: number | null = null;
  if (typeof cell === 'number') n = Number.isFinite(cell) ? tidy(cell) : null;
  else if (typeof cell === 'string') n = parseNumberText(cell, decimalComma);
  if (n === null) return { refused };
  if (integer && !Number.isInteger(n)) return { refused };
  return n;
}

/** How choices are compared: Unicode-normalised, trimmed, inner spaces collapsed, case ignored. */
export function choiceKey(text: string): string {
  return cleanText(text).normalize('NFC').replace(/\s+/g, ' ').toLowerCase();
}

export function convertChoice(cell: Cell, choices: ReadonlyMap<string, string>, list: string): string | Refusal {
  const found = choices.get(choiceKey(cellText(cell)));
  return found ?? { refused: 'cell-choice-invalid', params: { choices: list } };
}

/** Free text: whatever the cell shows, trimmed. */
export function convertText(cell: Cell): string {
  return typeof cell === 'string' ? cleanText(cell) : cellText(cell);
}
