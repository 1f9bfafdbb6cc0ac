// Column-wide fixes for the common cases an admin meets in a whole column: stray spaces, letter case,
// one spelling replaced by another, one value for every selected row. Pure: given the cells' current
// texts, the edits to apply (as one undoable step); cells a fix would leave as they are give no edit.
import type { CellEdit } from './table.js';

export type BulkFix =
  | { readonly kind: 'trim' }
  | { readonly kind: 'case'; readonly to: 'upper' | 'lower' | 'title' }
  | { readonly kind: 'replace'; readonly find: string; readonly replace: string; readonly wholeCell?: boolean; readonly matchCase?: boolean }
  | { readonly kind: 'set'; readonly value: string };

/** Spaces of every kind Excel users paste (no-break, thin, ideographic), collapsed inside and cut at the ends. */
const SPACES = /[\s\u00A0\u2000-\u200B\u202F\u205F\u3000\uFEFF]+/g;

function titleCase(text: string, locale: string | undefined): string {
  return text.toLocaleLowerCase(locale).replace(/(^|[\s\-'’])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toLocaleUpperCase(locale));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The new text of one cell under `fix`. */
export function applyFix(text: string, fix: BulkFix, locale?: string): string {
  switch (fix.kind) {
    case 'trim':
      return text.replace(SPACES, ' ').trim();
    case 'case':
      return fix.to === 'upper' ? text.toLocaleUpperCase(locale) : fix.to === 'lower' ? text.toLocaleLowerCase(locale) : titleCase(text, locale);
    case 'replace': {
      if (fix.find === '') return text;
      if (fix.wholeCell) {
        const same = fix.matchCase ? text === fix.find : text.toLocaleLowerCase(locale) === fix.find.toLocaleLowerCase(locale);
        return same ? fix.replace : text;
      }
      // A function replacement: `$&` or `$1` typed by the admin stay literal text.
      return text.replace(new RegExp(escapeRegExp(fix.find), fix.matchCase ? 'g' : 'gi'), () => fix.replace);
    }
    case 'set':
      return fix.value;
  }
}

/**
 * The edits that `fix` makes to one column over `rows` (row number → the cell's current text): every row
 * for trim, case and replace; for `set`, the rows given (the admin's selection).
 */
export function bulkEdits(columnKey: string, rows: ReadonlyMap<number, string>, fix: BulkFix, locale?: string): CellEdit[] {
  const edits: CellEdit[] = [];
  for (const [row, text] of rows) {
    const value = applyFix(text, fix, locale);
    if (value !== text) edits.push({ row, columnKey, value });
  }
  return edits;
}
