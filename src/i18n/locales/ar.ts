// Arabic (right to left), loaded on demand (a chunk of its own): the first screens' words. The later steps'
// words and the issue messages are another chunk (ar-later.ts), loaded with the later steps; the files'
// words (files.ar.ts) load with the first download (localize.ts loadFileWords).
import type { FirstWords } from '../localize.js';
import { uiFirstAr } from '../ui-first.ar.js';

export const translation: FirstWords = { ui: uiFirstAr };
