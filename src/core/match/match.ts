// Column matching: which of the file's columns holds each of the template's columns. Headers are compared
// by normalised name, then by a synonym table per column kind (en, fr, ar), then by similarity; each file
// column serves at most one template column. A file made from the template matches exactly and needs no
// confirmation; anything matched less surely is shown to the admin to confirm or change.
import { shortValue } from '../issues.js';
import type { TemplateColumn, TemplateSpec } from '../spec.js';
import { isRequired } from '../template/columns.js';
import { compactKey, similarity } from './normalise.js';
import { HEADER_SYNONYMS } from './synonyms.js';

/**
 * How a template column was matched: `template` its own header; `remembered` the header the admin confirmed
 * for this activity before; `chosen` the admin's choice for this file; `synonym` another name for it;
 * `similar` a header close to one of those (a typo, extra words); `missing` not found.
 */
export type MatchHow = 'template' | 'remembered' | 'chosen' | 'synonym' | 'similar' | 'missing';

export interface MatchedColumn {
  /** TemplateColumn.key */
  readonly key: string;
  /** The template's header. */
  readonly header: string;
  readonly required: boolean;
  /** The file column that holds it (A = 0), or null when none does. */
  readonly index: number | null;
  /** That column's header as the admin wrote it. */
  readonly found?: string;
  readonly how: MatchHow;
  /** How sure the match is, 0 to 1 (1 for template, remembered and chosen). */
  readonly score: number;
}

export interface FileColumn {
  readonly index: number;
  /** The header as written. */
  readonly header: string;
}

export interface ColumnMatch {
  /** The spreadsheet row number of the header row. */
  readonly headerRow: number;
  /** The header row's cells as text, by column index ('' where empty): the choices of the matching screen. */
  readonly headers: readonly string[];
  /** Every template column, in the template's order. */
  readonly columns: readonly MatchedColumn[];
  /** File columns with a header that holds none of the template's columns: their values are not read. */
  readonly ignored: readonly FileColumn[];
  /** File columns whose header repeats a matched column's own header exactly (which one holds the data?). */
  readonly duplicates: readonly (FileColumn & { readonly key: string })[];
  /**
   * True when the admin should confirm the match before the records are trusted: a column was matched by a
   * synonym or by similarity, or a template column is missing while the file has ignored columns.
   */
  readonly needsConfirmation: boolean;
}

export interface MatchOptions {
  /** Headers the admin confirmed for this activity before, by column key; matched like the template's own. */
  readonly remembered?: Readonly<Record<string, string>>;
  /** The admin's choice for this file: column key → file column index, or null for "not in this file". */
  readonly chosen?: Readonly<Record<string, number | null>>;
  /** More synonyms by column kind (see columnKind), e.g. a host's own words. */
  readonly synonyms?: Readonly<Record<string, readonly string[]>>;
}

/** A file header's closest template column, for messages ("`email **` looks like Email"). */
export interface NearestHeader {
  readonly index: number;
  readonly found: string;
  readonly key: string;
  readonly expected: string;
  readonly score: number;
}

/** Below this a pair is not a match. */
const MATCH_THRESHOLD = 0.7;
/** Below this a header is not even worth naming as "looks like". */
const NEAR_THRESHOLD = 0.55;
/** Cells longer than this are titles or notes, not headers. */
const MAX_HEADER_LENGTH = 80;

/** `identifier:<kind>` for the identifier column, the column's key otherwise: the synonym table's keys. */
export function columnKind(column: TemplateColumn, spec: TemplateSpec): string {
  return column.type === 'identifier' ? `identifier:${spec.identifierKind.key}` : column.key;
}

interface Candidates {
  readonly own: string;
  readonly remembered?: string;
  readonly synonyms: readonly string[];
}

/** The compact names a template column is known by. */
function candidatesOf(column: TemplateColumn, spec: TemplateSpec, options: MatchOptions): Candidates {
  const kind = columnKind(column, spec);
  const words = [
    ...(HEADER_SYNONYMS[kind] ?? []),
    ...(options.synonyms?.[kind] ?? []),
    // The key itself, in words: completionDate → "completion date".
    column.key.replace(/([a-z])([A-Z])/g, '$1 $2'),
    ...(column.type === 'identifier' ? [spec.identifierKind.label] : []),
  ];
  const remembered = options.remembered?.[column.key];
  return {
    own: compactKey(column.header),
    ...(remembered ? { remembered: compactKey(remembered) } : {}),
    synonyms: [...new Set(words.map(compactKey).filter((w) => w !== ''))],
  };
}

/** How well the compact header `cell` names a column: a score and how, or undefined. */
function score(cell: string, c: Candidates): { score: number; how: MatchHow } | undefined {
  if (cell === '') return undefined;
  if (cell === c.own) return { score: 1, how: 'template' };
  if (c.remembered !== undefined && cell === c.remembered) return { score: 0.99, how: 'remembered' };
  if (c.synonyms.includes(cell)) return { score: 0.95, how: 'synonym' };
  let best = 0;
  for (const name of [c.own, ...c.synonyms]) {
    const s = 0.9 * similarity(cell, name);
    if (s > best) best = s;
    // Extra words around a known name: "Learner e-mail", "Completion date (DD/MM/YYYY)".
    const [short, long] = cell.length < name.length ? [cell, name] : [name, cell];
    if (short.length >= 4 && long.includes(short)) {
      const contained = 0.6 + 0.25 * (short.length / long.length);
      if (contained > best) best = contained;
    }
  }
  return best > 0 ? { score: best, how: 'similar' } : undefined;
}

function headerText(cell: unknown): string {
  if (typeof cell === 'string') return cell.trim();
  if (typeof cell === 'number') return String(cell);
  return '';
}

/**
 * Matches the template's columns to the header row `cells` (row number `row`). Each file column serves one
 * template column at most: the surest pairs are taken first.
 */
export function matchColumns(spec: TemplateSpec, row: number, cells: readonly unknown[], options: MatchOptions = {}): ColumnMatch {
  const written = cells.map(headerText);
  const keys = written.map((h) => (h.length > MAX_HEADER_LENGTH ? '' : compactKey(h)));
  // Matched in full, echoed shortened: headers are shown on the matching screen and in messages.
  const headers = written.map(shortValue);
  const candidates = spec.columns.map((column) => candidatesOf(column, spec, options));
  const assigned = new Map<number, { index: number | null; how: MatchHow; score: number }>();
  const taken = new Set<number>();

  // The admin's own choices come first and are final.
  spec.columns.forEach((column, ci) => {
    const chosen = options.chosen?.[column.key];
    if (chosen === undefined) return;
    if (chosen === null || chosen < 0 || chosen >= headers.length || taken.has(chosen)) {
      assigned.set(ci, { index: null, how: 'missing', score: 0 });
      return;
    }
    assigned.set(ci, { index: chosen, how: 'chosen', score: 1 });
    taken.add(chosen);
  });

  const pairs: { ci: number; index: number; score: number; how: MatchHow }[] = [];
  spec.columns.forEach((_, ci) => {
    if (assigned.has(ci)) return;
    keys.forEach((key, index) => {
      if (taken.has(index)) return;
      const s = score(key, candidates[ci]!);
      if (s && s.score >= MATCH_THRESHOLD) pairs.push({ ci, index, ...s });
    });
  });
  pairs.sort((p, q) => q.score - p.score || p.ci - q.ci || p.index - q.index);
  for (const pair of pairs) {
    if (assigned.has(pair.ci) || taken.has(pair.index)) continue;
    assigned.set(pair.ci, { index: pair.index, how: pair.how, score: pair.score });
    taken.add(pair.index);
  }

  const columns: MatchedColumn[] = spec.columns.map((column, ci) => {
    const a = assigned.get(ci);
    const base = { key: column.key, header: column.header, required: isRequired(column, spec) };
    if (!a || a.index === null) return { ...base, index: null, how: 'missing' as const, score: 0 };
    return { ...base, index: a.index, found: headers[a.index]!, how: a.how, score: a.score };
  });

  const ignored: FileColumn[] = [];
  const duplicates: (FileColumn & { key: string })[] = [];
  headers.forEach((header, index) => {
    if (header === '' || taken.has(index)) return;
    const same = columns.find((c) => c.index !== null && (c.how === 'template' || c.how === 'remembered') && compactKey(c.found!) === keys[index]);
    if (same) duplicates.push({ index, header, key: same.key });
    else ignored.push({ index, header });
  });

  const unsure = columns.some((c) => c.how === 'synonym' || c.how === 'similar');
  const missingWithCandidates = columns.some((c) => c.how === 'missing') && ignored.length > 0;
  return { headerRow: row, headers, columns, ignored, duplicates, needsConfirmation: unsure || missingWithCandidates };
}

/** Enough of the template's columns are there to take the row for the header: at least half of them. */
export function looksLikeHeader(match: ColumnMatch): boolean {
  const found = match.columns.filter((c) => c.index !== null).length;
  return found > 0 && found * 2 >= match.columns.length;
}

/**
 * The file header closest to one of the template's columns (or to `onlyKey`'s), among `cells`, skipping the
 * columns in `skip`: for "`email **` in row 1 looks like Email". Undefined when nothing is close.
 */
export function nearestHeader(
  spec: TemplateSpec,
  cells: readonly unknown[],
  options: MatchOptions & { onlyKey?: string; skip?: ReadonlySet<number> } = {},
): NearestHeader | undefined {
  let best: NearestHeader | undefined;
  spec.columns.forEach((column) => {
    if (options.onlyKey !== undefined && column.key !== options.onlyKey) return;
    const c = candidatesOf(column, spec, options);
    cells.forEach((cell, index) => {
      if (options.skip?.has(index)) return;
      const found = headerText(cell);
      if (found === '' || found.length > MAX_HEADER_LENGTH) return;
      const s = score(compactKey(found), c);
      if (s && s.score >= NEAR_THRESHOLD && (!best || s.score > best.score)) {
        best = { index, found, key: column.key, expected: column.header, score: s.score };
      }
    });
  });
  return best;
}
