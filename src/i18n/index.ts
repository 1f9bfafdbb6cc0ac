// Every word the admin reads: the English tables (built in), the Localizer that renders codes + params in
// a locale, and the loader of the other languages (French, Arabic), which arrive as chunks of their own.
export { issueMessagesEn, type IssueMessages } from './issues.en.js';
export { uiMessagesEn, type UiMessages, type Message, type PluralMessage } from './ui.en.js';
export { templateTextsEn, errorReportTextsEn } from './files.en.js';
export {
  Localizer,
  availableLanguages,
  canonicalLocale,
  loadTranslation,
  onTranslation,
  registerTranslation,
  textDirection,
  translationFor,
  translationPending,
  type MessageKey,
  type MessageOverrides,
  type MessageParams,
  type FileWords,
  type Translation,
} from './localize.js';
export { issueMessage } from './issue-message.js';
export { loadFileWords, loadLocalizer } from './load-words.js';
