// The English words of the choose step (category, activity search, domain, identifier, the "put the file
// away?" dialog), in two parts that travel with the code that shows them: ui-choose-first.en.ts with the
// choose step's chunk, ui-choose-later.en.ts with the combobox's list and the step's parts after a choice
// (localize.ts useChooseWords), so a wizard preset on an activity, which passes the choose step by, never
// loads them. This join is the whole table (ui.en.ts, loadLocalizer). A key the choose step names must be
// in one of them or in ui-first.en.ts (test/node/first-words.node.test.ts checks it). Other languages keep
// them in their first part (ui-first.fr.ts, ui-first.ar.ts).
import { uiChooseFirstEn } from './ui-choose-first.en.js';
import { uiChooseLaterEn } from './ui-choose-later.en.js';

export const uiChooseEn = { ...uiChooseFirstEn, ...uiChooseLaterEn };

/** The choose step's keys (English: with its chunks). */
export type ChooseScreenKey = keyof typeof uiChooseEn;
