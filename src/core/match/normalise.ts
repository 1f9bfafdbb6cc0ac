// How headers are compared when matching columns: what a person would not call a difference (case,
// accents, punctuation, spaces, a required star, Arabic letter variants and diacritics) is removed.

const MARKS = /\p{M}+/gu;
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;

/**
 * `E-mail address *` → `e mail address`; `Date d'achèvement` → `date d achevement`; `البريد الإلكتروني`
 * → `البريد الالكتروني`. Words separated by single spaces; see compactKey for the form without them.
 */
export function matchKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(MARKS, '')
    .replace(/\u0640/g, '') // Arabic tatweel (a stretching stroke)
    .replace(/\u0649/g, '\u064A') // alef maksura → yeh, as typed interchangeably
    .toLocaleLowerCase('en')
    .replace(NOT_LETTER_OR_DIGIT, ' ')
    .trim();
}

/** matchKey without spaces: `e-mail`, `E mail` and `email` are one word. */
export function compactKey(text: string): string {
  return matchKey(text).replace(/ /g, '');
}

/**
 * Similarity of two compact keys, 0 (nothing alike) to 1 (equal): 1 − edit distance / longer length, with
 * a swap of two neighbouring letters counted as one edit (optimal string alignment). Header texts are
 * short (a few dozen characters), so the quadratic table costs nothing; a library would add a dependency
 * for twenty lines.
 */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) return 0;
  if (Math.abs(n - m) / Math.max(n, m) > 0.5) return 0;
  let prev2 = new Array<number>(m + 1).fill(0);
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  let cur = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    for (let j = 1; j <= m; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let best = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        best = Math.min(best, prev2[j - 2]! + 1);
      }
      cur[j] = best;
    }
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return 1 - prev[m]! / Math.max(n, m);
}
