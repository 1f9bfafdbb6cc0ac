// The template's layout as both sides know it: the writer names its sheets and fingerprint keys from here,
// and the reader finds the records sheet and the fingerprint by the same names.
import type { Fingerprint } from '../spec.js';

export const RECORDS_SHEET = 'Records';
export const INSTRUCTIONS_SHEET = 'Instructions';
/** Very hidden: the fingerprint the reader checks (column A keys, column B values). */
export const FINGERPRINT_SHEET = '_template';
/** Very hidden: long choice lists that do not fit an inline drop-down. */
export const LISTS_SHEET = '_lists';

/** The fingerprint's keys in column A of the fingerprint sheet. */
export const FINGERPRINT_KEYS = ['activityId', 'domainId', 'identifierKind', 'templateVersion'] as const satisfies readonly (keyof Fingerprint)[];
/** The fingerprint sheet's key whose value names the records sheet. */
export const RECORDS_SHEET_KEY = 'recordsSheet';
