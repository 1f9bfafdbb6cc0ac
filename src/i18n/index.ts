// Message tables and the one function that turns an issue code into words; the elements' own strings
// (ui.*.ts) and the Localizer that renders both in a locale.
export { issueMessagesEn, type IssueMessages } from './issues.en.js';
export { issueMessagesFr } from './issues.fr.js';
export { uiMessagesEn, type UiMessages, type Message, type PluralMessage } from './ui.en.js';
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
export { issueMessage } from './issue-message.js';
