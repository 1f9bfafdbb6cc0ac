// The later steps' English words (upload, match, review, create, done, the issue messages): data only, in
// the chunk of the code that shows them. Each module that renders them passes them to localize.ts's
// `useLaterWords(laterWordsEn)` before anything renders; the first load carries the first screens' words
// only. (No import of localize.ts here: load-words.ts's loadLocalizer imports this module on demand.)
import type { LaterWords } from './localize.js';
import { issueMessagesEn } from './issues.en.js';
import { laterFailuresEn, uiLaterEn } from './ui-later.en.js';

/** @internal */
export const laterWordsEn: LaterWords = { ui: uiLaterEn, issues: issueMessagesEn, failures: laterFailuresEn };
