// Arabic (right to left), loaded on demand (a chunk of its own): the first screens' words and the files'
// words. The later steps' words and the issue messages are another chunk (ar-later.ts), loaded with the later steps.
import { errorReportTextsAr, templateTextsAr } from '../files.ar.js';
import type { FirstWords } from '../localize.js';
import { uiFirstAr } from '../ui-first.ar.js';

export const translation: FirstWords = { ui: uiFirstAr, template: templateTextsAr, report: errorReportTextsAr };
