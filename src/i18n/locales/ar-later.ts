// Arabic words of the later steps (upload, match, review, create, done) and the issue messages: loaded with
// the later steps when the page is in Arabic (localize.ts).
import { issueMessagesAr } from '../issues.ar.js';
import type { LaterWords } from '../localize.js';
import { uiLaterAr } from '../ui-later.ar.js';

export const later: LaterWords = { ui: uiLaterAr, issues: issueMessagesAr };
