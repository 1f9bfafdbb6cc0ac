// A locale's words for a downloaded file when the host gives no Localizer (session-basics.ts wordsFor).
// Its own small lazy module: the dynamic import of the i18n module itself, which the first screens import
// statically, made the bundler build a namespace object (and load its runtime helper) in the first load.
import { loadLocalizer, type Localizer } from '../../i18n/localize.js';

export function localizerFor(locale: string | undefined): Promise<Localizer> {
  return loadLocalizer(locale);
}
