// Message tables and the one function that turns an issue code into words; the elements' own strings
// (ui.*.ts) and the Localizer that renders both in a locale.
import type { IssueCode, IssueParams } from '../core/issues.js';
import { issueMessagesEn, type IssueMessages } from './issues.en.js';

export { issueMessagesEn, type IssueMessages };
export { issueMessagesFr } from './issues.fr.js';
export { uiMessagesEn, type UiMessages, type Message, type PluralMessage, type FailureKind } from './ui.en.js';
export { uiMessagesFr } from './ui.fr.js';
export {
  Localizer,
  availableLanguages,
  canonicalLocale,
  registerTranslation,
  textDirection,
  translationFor,
  type MessageKey,
  type MessageOverrides,
  type MessageParams,
  type Translation,
} from './localize.js';

/** Renders the message of `code` from `table` (English when the table lacks it). */
export function issueMessage(code: IssueCode, params: IssueParams = {}, table: Partial<IssueMessages> = issueMessagesEn): string {
  const render = table[code] ?? issueMessagesEn[code];
  return render(params);
}
