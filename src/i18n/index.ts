// Message tables and the one function that turns an issue code into words.
import type { IssueCode, IssueParams } from '../core/issues.js';
import { issueMessagesEn, type IssueMessages } from './issues.en.js';

export { issueMessagesEn, type IssueMessages };

/** Renders the message of `code` from `table` (English when the table lacks it). */
export function issueMessage(code: IssueCode, params: IssueParams = {}, table: Partial<IssueMessages> = issueMessagesEn): string {
  const render = table[code] ?? issueMessagesEn[code];
  return render(params);
}
