// The one function that turns an issue code into words. Kept apart from src/i18n/index.ts so that the
// core (reader, validator) and the worker load only the English issue table, not the UI's tables.
import type { IssueCode, IssueParams } from '../core/issues.js';
import { isolateParams } from './isolate.js';
import { issueMessagesEn, type IssueMessages } from './issues.en.js';

export type { IssueMessages };

export { isolateParams };

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
