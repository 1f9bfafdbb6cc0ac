// The English words beyond the first screens' that a headless Localizer needs (loadLocalizer): the choose
// step's, the no-access panel's, the template step's, a failure's support details, the later steps' and the
// issue messages, in one import(). A module imported only that way: a module imported both statically (the
// choose step imports ui-choose.en.ts, the later steps later-words.ts) and with import() makes the bundlers build a namespace object for it, and load their runtime helper with
// the chunk that holds it (the choose step's, on the first load of a wizard with no preset).
export { laterWordsEn } from './later-words.js';
export { uiChooseEn } from './ui-choose.en.js';
export { uiNoAccessEn } from './ui-no-access.en.js';
export { uiTemplateEn } from './ui-template.en.js';
export { uiFailureEn } from './ui-failure.en.js';
