// Imports a shipped language's words (French, Arabic), each language in two chunks of its own: the first
// screens' words and the later steps' words (localize.ts loadTranslation() says which, and when). Its own
// chunk, imported by loadTranslation() for a shipped language only: an English page never loads it.
import { addFirst, addLater, type FirstWords, type LaterWords, type ShippedLanguage } from './localize.js';

const loaders: Readonly<Record<ShippedLanguage, { first: () => Promise<{ translation: FirstWords }>; later: () => Promise<{ later: LaterWords }> }>> = {
  fr: { first: () => import('./locales/fr.js'), later: () => import('./locales/fr-later.js') },
  ar: { first: () => import('./locales/ar.js'), later: () => import('./locales/ar-later.js') },
};

/** @internal Imports `part` of `tag`'s words and adds them to its table (rejects when a chunk fails to load). */
export function loadShipped(tag: ShippedLanguage, part: 'first' | 'later'): Promise<void> {
  const loader = loaders[tag];
  return part === 'first' ? loader.first().then((module) => addFirst(tag, module.translation)) : loader.later().then((module) => addLater(tag, module.later));
}
