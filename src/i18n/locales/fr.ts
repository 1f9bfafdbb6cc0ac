// French, loaded on demand (a chunk of its own): the elements' words, the issue messages and the files' words.
import { errorReportTextsFr, templateTextsFr } from '../files.fr.js';
import { issueMessagesFr } from '../issues.fr.js';
import type { Translation } from '../localize.js';
import { uiMessagesFr } from '../ui.fr.js';

export const translation: Translation = { ui: uiMessagesFr, issues: issueMessagesFr, template: templateTextsFr, report: errorReportTextsFr };
