// Issue params as a sentence shows them: what the file or the LMS wrote, shortened and isolated. Apart
// from issue-message.ts (which brings the English issue table) so the Localizer carries only this.
import type { IssueParams } from '../core/issues.js';

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
