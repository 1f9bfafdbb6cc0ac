// French words of the later steps (upload, match, review, create, done) and the issue messages: loaded with
// the later steps when the page is in French (localize.ts).
import { issueMessagesFr } from '../issues.fr.js';
import type { LaterWords } from '../localize.js';
import { uiLaterFr } from '../ui-later.fr.js';

export const later: LaterWords = { ui: uiLaterFr, issues: issueMessagesFr };
