// Arabic strings of the elements (right to left; complete: a test checks every key of the English table is
// here). Numbers and dates are formatted by Intl for `ar`; plural forms follow Arabic's six categories.
import type { UiMessages } from './ui.en.js';
import { uiFirstAr } from './ui-first.ar.js';
import { uiLaterAr } from './ui-later.ar.js';

/** Every Arabic word of the elements: the first screens' and the later steps'. */
export const uiMessagesAr: UiMessages = { ...uiFirstAr, ...uiLaterAr };
