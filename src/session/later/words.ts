// A locale's words for a downloaded file (session-basics.ts wordsFor), loaded with the first download:
// the files' words (template, issues report) and, when the host gives no Localizer, the locale's table.
// Its own small lazy module: the dynamic import of the i18n module itself, which the first screens import
// statically, made the bundler build a namespace object (and load its runtime helper) in the first load.
import { loadFileWords, loadLocalizer } from '../../i18n/load-words.js';
import type { Localizer } from '../../i18n/localize.js';

export async function localizerFor(options: { readonly locale?: string | undefined; readonly localizer?: Localizer | undefined }): Promise<Localizer> {
  if (!options.localizer) return loadLocalizer(options.locale);
  await loadFileWords(options.localizer.locale);
  return options.localizer;
}
