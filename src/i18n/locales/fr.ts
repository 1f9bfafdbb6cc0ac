// French, loaded on demand (a chunk of its own): the first screens' words. The later steps' words and the
// issue messages are another chunk (fr-later.ts), loaded with the later steps; the files' words
// (files.fr.ts) load with the first download (localize.ts loadFileWords).
import type { FirstWords } from '../localize.js';
import { uiFirstFr } from '../ui-first.fr.js';

export const translation: FirstWords = { ui: uiFirstFr };
