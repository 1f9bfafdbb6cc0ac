// French strings of the elements (complete: a test checks every key of the English table is here).
// French typography: a no-break space (\u00a0) before « : ; ? ! » and inside guillemets.
import type { UiMessages } from './ui.en.js';
import { uiFirstFr } from './ui-first.fr.js';
import { uiLaterFr } from './ui-later.fr.js';

/** Every French word of the elements: the first screens' and the later steps'. */
export const uiMessagesFr: UiMessages = { ...uiFirstFr, ...uiLaterFr };
