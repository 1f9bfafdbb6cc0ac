// The checks of the matching screen's choices before the file is read again: every required column has a
// file column, and no file column is chosen twice.
import type { ColumnMatch } from '../../core/match/match.js';

export interface MappingProblem {
  readonly kind: 'missing' | 'twice';
  /** The template columns concerned (the first is the one to focus). */
  readonly keys: readonly string[];
  /** For `twice`: the file column chosen twice. */
  readonly index?: number;
}

export function mappingProblems(match: ColumnMatch, choices: Readonly<Record<string, number | null>>): MappingProblem[] {
  const problems: MappingProblem[] = [];
  const byIndex = new Map<number, string>();
  for (const column of match.columns) {
    const chosen = choices[column.key] ?? null;
    if (chosen === null) {
      if (column.required) problems.push({ kind: 'missing', keys: [column.key] });
      continue;
    }
    const first = byIndex.get(chosen);
    if (first !== undefined) problems.push({ kind: 'twice', keys: [column.key, first].reverse(), index: chosen });
    else byIndex.set(chosen, column.key);
  }
  return problems;
}

/** A = 0, B = 1 … Z, AA … as the spreadsheet names its columns. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
