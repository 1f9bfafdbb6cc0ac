// Words that come from the LMS (activity, category, domain names, column help) may be written in another
// direction than the admin's language: an English activity name in an Arabic sentence, or the reverse.
// Shown in `<bdi>` (or an element with `dir="auto"`), they keep their own order and do not reorder the
// sentence around them, whatever the page's direction (the Localizer's FSI/PDI isolates cover only
// right-to-left locales and plain-text places: files, announcements).
import { html, type TemplateResult } from 'lit';
import type { Localizer, MessageKey } from '../../i18n/localize.js';

const MARK = '\uE000'; // a private-use character: never in a message

/**
 * @internal The message `key` with `lmsWords` (the LMS's own words) each isolated in a `<bdi>`; its text is
 * the same as `l.t(key, lmsWords)`.
 */
export function withLmsWords(l: Localizer, key: MessageKey, lmsWords: Readonly<Record<string, string>>): TemplateResult {
  const markers = Object.fromEntries(Object.keys(lmsWords).map((name) => [name, `${MARK}${name}${MARK}`]));
  // In a right-to-left locale the Localizer isolates text params itself (FSI…PDI): the <bdi> does it here.
  const pieces = l.t(key, markers).replace(/\u2068(\uE000\w+\uE000)\u2069/g, '$1').split(MARK);
  // Odd pieces are parameter names (between two marks), even pieces the message's own words.
  return html`${pieces.map((piece, i) => (i % 2 === 1 && piece in lmsWords ? html`<bdi>${lmsWords[piece]}</bdi>` : piece))}`;
}
