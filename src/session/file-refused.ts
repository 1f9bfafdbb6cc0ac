// "Was the file refused as a whole?": every issue points at the file itself (ISSUE_CODES scope). Apart
// from wizard-flow.ts so that the table of issue codes loads with the session's file part, not with the
// first screens.
import { ISSUE_CODES, type Issue } from '../core/issues.js';
import type { SessionState } from './types.js';

/** Whether the file was refused as a whole: every issue points at the file itself (ISSUE_CODES scope). */
export function isFileRefused(state: Pick<SessionState, 'status' | 'issues'>): boolean {
  return state.status === 'has-issues' && state.issues.length > 0 && state.issues.every((issue) => scopeOf(issue) === 'file');
}

function scopeOf(issue: Issue): string | undefined {
  return (ISSUE_CODES as Record<string, { scope: string } | undefined>)[issue.code]?.scope;
}

