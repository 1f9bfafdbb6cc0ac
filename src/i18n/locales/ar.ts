// Arabic (right to left), loaded on demand (a chunk of its own): the elements' words, the issue messages
// and the files' words.
import { errorReportTextsAr, templateTextsAr } from '../files.ar.js';
import { issueMessagesAr } from '../issues.ar.js';
import type { Translation } from '../localize.js';
import { uiMessagesAr } from '../ui.ar.js';

export const translation: Translation = { ui: uiMessagesAr, issues: issueMessagesAr, template: templateTextsAr, report: errorReportTextsAr };
