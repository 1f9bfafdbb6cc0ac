// Calendar dates without time zones: spreadsheet serials (1900 and 1904 systems) and typed text to
// `YYYY-MM-DD`. All arithmetic is on UTC days, so no local midnight ever shifts a date.
import type { DateOrder } from './read/types.js';

const MS_PER_DAY = 86_400_000;
/** Serial 0 of the 1900 system is 1899-12-30 (Excel's phantom 1900-02-29 makes 1899-12-31 wrong after Feb 1900). */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
/** Serial 0 of the 1904 system (Mac Excel) is 1904-01-01. */
const EPOCH_1904 = Date.UTC(1904, 0, 1);

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

export function isoFromUtcMs(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** The date part and, when present, the time of a serial; `null` for serials no calendar has. */
export function serialToDate(serial: number, date1904 = false): { date: string; time?: string } | null {
  if (!Number.isFinite(serial) || serial < 0 || serial > 2_958_465) return null; // 9999-12-31
  // Serials 1–59 of the 1900 system are one day off because of the phantom 1900-02-29; records that old
  // do not exist, so we read them as Excel shows them.
  const whole = Math.floor(serial);
  const epoch = date1904 ? EPOCH_1904 : whole < 61 ? EPOCH_1900 + MS_PER_DAY : EPOCH_1900;
  const date = isoFromUtcMs(epoch + whole * MS_PER_DAY);
  const seconds = Math.round((serial - whole) * 86_400);
  if (seconds <= 0 || seconds >= 86_400) return { date };
  return { date, time: `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}` };
}

/** `YYYY-MM-DD` → the serial Excel stores for that day (the inverse of serialToDate); null for no such day. */
export function isoToSerial(iso: string, date1904 = false): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!isValidYmd(y, mo, d)) return null;
  const days = (Date.UTC(y, mo - 1, d) - (date1904 ? EPOCH_1904 : EPOCH_1900)) / MS_PER_DAY;
  if (date1904) return days >= 0 ? days : null;
  // Before the phantom 1900-02-29 the 1900 system counts one day less (see serialToDate).
  return days < 2 ? null : days < 61 ? days - 1 : days;
}

export function isValidYmd(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const PARTS = /^(\d{1,4})[./\-\s](\d{1,2})[./\-\s](\d{1,4})(?:[T ,]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * Reads a date typed as text: ISO (`2026-02-03`, with or without a time) always; otherwise day, month and
 * year in `order`, separated by `/`, `.`, `-` or a space, with 4-digit years (2-digit years are refused:
 * they are ambiguous). Returns `YYYY-MM-DD`, or null for anything else, impossible dates included.
 */
export function parseDateText(text: string, order: DateOrder = 'DMY'): string | null {
  const t = text.trim();
  const iso = ISO.exec(t);
  if (iso) {
    const [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    return isValidYmd(y, m, d) ? `${pad(y, 4)}-${pad(m)}-${pad(d)}` : null;
  }
  const parts = PARTS.exec(t);
  if (!parts) return null;
  const [a, b, c] = [parts[1]!, parts[2]!, parts[3]!];
  let y: number;
  let m: number;
  let d: number;
  if (a.length === 4) {
    // Year first is unambiguous whatever the order setting: YYYY/MM/DD.
    [y, m, d] = [Number(a), Number(b), Number(c)];
  } else {
    if (c.length !== 4) return null;
    y = Number(c);
    if (order === 'MDY') [m, d] = [Number(a), Number(b)];
    else [d, m] = [Number(a), Number(b)];
  }
  return isValidYmd(y, m, d) ? `${pad(y, 4)}-${pad(m)}-${pad(d)}` : null;
}

/**
 * Both readings of a date typed day and month first in either order (`3/10/2026`): day-first and
 * month-first, each null when that reading is no date. Undefined for text whose reading does not depend
 * on the order (ISO, year first) or that is no such date at all.
 */
export function dateReadings(text: string): { readonly dmy: string | null; readonly mdy: string | null } | undefined {
  const t = text.trim();
  if (t.length < 8 || ISO.test(t)) return undefined;
  const parts = PARTS.exec(t);
  if (!parts || parts[1]!.length === 4 || parts[3]!.length !== 4) return undefined;
  const dmy = parseDateText(t, 'DMY');
  const mdy = parseDateText(t, 'MDY');
  return dmy === null && mdy === null ? undefined : { dmy, mdy };
}

/** The order tried when the configured one does not fit a column's text dates: day and month swapped. */
export function otherDateOrder(order: DateOrder): DateOrder {
  return order === 'MDY' ? 'DMY' : 'MDY';
}

/** How a date order is written for the admin, e.g. `DD/MM/YYYY`. */
export function dateOrderPattern(order: DateOrder): string {
  return order === 'MDY' ? 'MM/DD/YYYY' : order === 'YMD' ? 'YYYY-MM-DD' : 'DD/MM/YYYY';
}

/** Today as `YYYY-MM-DD` in the admin's own time zone (a completion "today" is today where they are). */
export function todayIso(now: Date = new Date()): string {
  return `${pad(now.getFullYear(), 4)}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
