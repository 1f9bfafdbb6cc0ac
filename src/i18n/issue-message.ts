// The one function that turns an issue code into words. Kept apart from src/i18n/index.ts so that the
// core (reader, validator) and the worker load only the English issue table, not the UI's tables.
import type { IssueCode, IssueParams } from '../core/issues.js';
import { issueMessagesEn, type IssueMessages } from './issues.en.js';

export type { IssueMessages };

/** First strong isolate … pop directional isolate: text of unknown direction inside a sentence. */
const FSI = '\u2068';
const PDI = '\u2069';
/**
 * Params that echo what the file (or the LMS) holds: headers as written, the fingerprint found, a cell's
 * error value, the LMS's own words. Shortened like values, and isolated. The others (limits, the
 * template's own headers and choices, `kind` that messages test) are left as they are.
 */
const ECHOED = ['header', 'found', 'nearest', 'value', 'error', 'detail', 'sheet', 'sheetName', 'domain'] as const;
const ECHO_MAX = 120;

/**
 * The echoed params shortened and wrapped in bidi isolates, so that a right-to-left override (or Arabic,
 * or a header of 4 MB) in a file's text can neither reorder nor flood the sentence around it.
 */
export function isolateParams(params: IssueParams): IssueParams {
  let out: Record<string, string | number> | undefined;
  for (const key of ECHOED) {
    const value = params[key];
    if (typeof value !== 'string' || value === '') continue;
    out ??= { ...params };
    out[key] = FSI + (value.length > ECHO_MAX ? `${value.slice(0, ECHO_MAX - 1)}…` : value) + PDI;
  }
  return out ?? params;
}

/** Sizes as the admin's file manager shows them, in English (1024-based, one decimal below 10). */
export function formatBytesEn(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  if (unit === 0) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  const shown = value < 10 ? Math.round(value * 10) / 10 : Math.round(value);
  return `${shown} ${units[unit]}`;
}

/**
 * Sizes travel from the core as bytes (`limitBytes`, `sizeBytes`): each gets its worded twin (`limit`,
 * `size`) here, unless the caller (the Localizer, in the admin's language) already set it.
 */
export function withSizes(params: IssueParams, format: (bytes: number) => string = formatBytesEn): IssueParams {
  let out: Record<string, string | number> | undefined;
  for (const [key, value] of Object.entries(params)) {
    if (!key.endsWith('Bytes') || typeof value !== 'number') continue;
    const worded = key.slice(0, -'Bytes'.length);
    if (params[worded] !== undefined) continue;
    out ??= { ...params };
    out[worded] = format(value);
  }
  return out ?? params;
}

/** Renders the message of `code` from `table` (English when the table lacks it). */
export function issueMessage(code: IssueCode, params: IssueParams = {}, table: Partial<IssueMessages> = issueMessagesEn): string {
  const render = table[code] ?? issueMessagesEn[code];
  return render(isolateParams(withSizes(params)));
}
