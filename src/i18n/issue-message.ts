// The one function that turns an issue code into words. Kept apart from src/i18n/index.ts so that the
// core (reader, validator) and the worker load only the English issue table, not the UI's tables.
import type { IssueCode, IssueParams } from '../core/issues.js';
import { issueMessagesEn, type IssueMessages } from './issues.en.js';

export type { IssueMessages };

/** Renders the message of `code` from `table` (English when the table lacks it). */
export function issueMessage(code: IssueCode, params: IssueParams = {}, table: Partial<IssueMessages> = issueMessagesEn): string {
  const render = table[code] ?? issueMessagesEn[code];
  return render(params);
}
