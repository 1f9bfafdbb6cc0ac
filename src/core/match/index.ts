// Column matching: the template's columns found among the file's headers.
export { matchColumns, looksLikeHeader, nearestHeader, columnKind, type ColumnMatch, type MatchedColumn, type FileColumn, type MatchHow, type MatchOptions, type NearestHeader } from './match.js';
export { matchKey, compactKey, similarity } from './normalise.js';
export { HEADER_SYNONYMS } from './synonyms.js';
