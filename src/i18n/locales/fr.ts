// French, loaded on demand (a chunk of its own): the first screens' words and the files' words. The later
// steps' words and the issue messages are another chunk (fr-later.ts), loaded with the later steps.
import { errorReportTextsFr, templateTextsFr } from '../files.fr.js';
import type { FirstWords } from '../localize.js';
import { uiFirstFr } from '../ui-first.fr.js';

export const translation: FirstWords = { ui: uiFirstFr, template: templateTextsFr, report: errorReportTextsFr };
