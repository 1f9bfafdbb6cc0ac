// What a download or a headless caller loads on demand: the words of the downloaded files (the template's,
// the issues report's) and a Localizer with every word. Its own module, loaded with the first download
// (session/later/words.ts) or from the package entry: a page that only shows the first screens never
// carries it. The tables and the Localizer are localize.ts's.
import { addFileWords, canonicalLocale, fileWordsPending, loadTranslation, Localizer, useChooseWords, useLaterWords, useScreenWords, type FileWords, type MessageOverrides } from './localize.js';

/** The shipped languages' files' words, by tag (English's: files.en.ts). */
const FILE_WORDS: Readonly<Record<string, () => Promise<FileWords>>> = {
  fr: () => import('./files.fr.js').then((m) => ({ template: m.templateTextsFr, report: m.errorReportTextsFr })),
  ar: () => import('./files.ar.js').then((m) => ({ template: m.templateTextsAr, report: m.errorReportTextsAr })),
};

/**
 * Loads the words of the downloaded files (the template's, the issues report's) in English and, for a
 * shipped language, in `locale`'s: what `Localizer.templateTexts` / `reportTexts` give. The wizard's
 * downloads and `loadLocalizer()` call it; a page that downloads nothing never loads them. Rejects when
 * a chunk fails to load (the download then fails, and may be tried again).
 */
export async function loadFileWords(locale?: string): Promise<void> {
  const canonical = canonicalLocale(locale);
  if (fileWordsPending(canonical).english) {
    const { templateTextsEn, errorReportTextsEn } = await import('./files.en.js');
    addFileWords(undefined, { template: templateTextsEn, report: errorReportTextsEn });
  }
  const { tag } = fileWordsPending(canonical);
  const load = tag === undefined ? undefined : FILE_WORDS[tag];
  if (tag === undefined || !load) return;
  // The language's table first (its files' words join it).
  await loadTranslation(tag);
  if (fileWordsPending(canonical).tag === undefined) return;
  addFileWords(tag, await load());
}

/**
 * A Localizer for `locale` once its table is loaded, with every English word too (the choose step's, the
 * no-access panel's, the template step's, the support details' and the later steps' parts) and the files' words: what a headless caller uses for files' words and messages.
 */
export async function loadLocalizer(locale?: string, overrides: MessageOverrides = {}): Promise<Localizer> {
  // English's later words first: then the language's later words are wanted too, and loaded with it.
  const { laterWordsEn, uiChooseEn, uiNoAccessEn, uiTemplateEn, uiFailureEn } = await import('./all-words.js');
  useLaterWords(laterWordsEn);
  useChooseWords(uiChooseEn);
  useScreenWords(uiNoAccessEn);
  useScreenWords(uiTemplateEn);
  useScreenWords(uiFailureEn);
  await loadTranslation(canonicalLocale(locale));
  await loadFileWords(locale);
  return new Localizer(locale, overrides);
}
