// The validator's fast path: per column, one function compiled from the spec that reads a cell and checks
// its value in one go, for the case that matters at 100k rows (the value is fine). A cell it cannot vouch
// for comes back as SLOW, and is then checked the long way (converters, zod schemas, issues).
import { isErrorCell, type Cell } from '../cells.js';
import type { DateOrder } from '../read/types.js';
import type { TemplateColumn, TemplateSpec } from '../spec.js';
import { cleanText, convertChoice, convertDate, convertIdentifier, convertNumber, convertText, isAsciiEmail, isRefusal, plainEmail, plainEmailHash, EMAIL_CAPITALS, EMAIL_LOWER, type Refusal } from './convert.js';

/** "Not sure this value is fine": check this cell the long way. */
export const SLOW: unique symbol = Symbol('slow');

/** A cell's value for the record (null: left empty, allowed), or SLOW. Same value as the long way gives. */
export type FastRead = (cell: Cell) => string | number | null | typeof SLOW;

export interface FastContext {
  readonly required: boolean;
  readonly order: DateOrder;
  readonly date1904: boolean;
  readonly decimalComma: boolean;
  /** The column's constraints (columnValueCheck), or null when its value needs no check after reading. */
  readonly check: ((value: string | number) => boolean) | null;
  /** A choice column's canonical values by choiceKey, and their list for messages. */
  readonly choices?: { readonly map: ReadonlyMap<string, string>; readonly list: string };
  /**
   * An e-mail identifier column's last value and its identifierHash, when the check computed it (plainEmail):
   * the validator logs the identifier with it. A value left from an earlier row is harmless: equal text has
   * an equal hash.
   */
  readonly hashed?: HashedIdentifier;
}

export interface HashedIdentifier {
  id: string | undefined;
  hash: number;
}

const CAPITALS = /[A-Z]/;

/** Distinct spellings of choices remembered per column: a file has a handful (Passed, passed, PASSED …). */
const CHOICE_SPELLINGS = 16;
/** Date cells whose verdict a date column remembers (distinct days: a decade of them). */
const DATE_CELLS_REMEMBERED = 4096;

export function fastReader(column: TemplateColumn, spec: TemplateSpec, ctx: FastContext): FastRead {
  const { required, check } = ctx;
  const blank = required ? SLOW : null;
  /** Any cell the long way would accept, read with the same converter and checked with the same verdict. */
  const generic = (read: (cell: Cell) => string | number | Refusal): FastRead => {
    return (cell) => {
      if (cell === null) return blank;
      if (typeof cell === 'string' && cleanText(cell) === '') return blank;
      if (isErrorCell(cell)) return SLOW;
      const value = read(cell);
      if (isRefusal(value)) return SLOW;
      if (value === '') return blank;
      return check === null || check(value) ? value : SLOW;
    };
  };

  switch (column.type) {
    case 'identifier': {
      const kind = spec.identifierKind.key;
      const other = generic((cell) => convertIdentifier(cell, kind));
      if (kind === 'email') {
        const { hashed } = ctx;
        return (cell) => {
          if (typeof cell === 'string') {
            const text = cleanText(cell);
            // Valid as typed and ASCII: normaliseEmail would only lower-case it, and it stays valid. Most
            // addresses have no capitals: skipping toLowerCase then saved Chromium about 12 ms per 100k rows
            // and 150 ms per 500k (medians of four interleaved comparisons).
            const plain = plainEmail(text);
            if (plain === EMAIL_LOWER || plain === EMAIL_CAPITALS) {
              const id = plain === EMAIL_LOWER ? text : text.toLowerCase();
              if (hashed) {
                hashed.id = id;
                hashed.hash = plainEmailHash!;
              }
              return id;
            }
            if (isAsciiEmail(text)) return CAPITALS.test(text) ? text.toLowerCase() : text;
          }
          return other(cell);
        };
      }
      return (cell) => {
        if (typeof cell !== 'string') return other(cell);
        const text = cleanText(cell);
        if (text === '') return blank;
        return check === null || check(text) ? text : SLOW;
      };
    }
    case 'date': {
      const { order, date1904 } = ctx;
      const other = generic((cell) => convertDate(cell, order, date1904));
      // The .xlsx reader hands on one DateCell object per distinct day (a file has a few hundred): each
      // object's verdict is remembered by identity, so the range check runs once per day, not per row.
      // Text dates (CSV) are new strings on every row and go straight through.
      const seen = new Map<Cell, ReturnType<FastRead>>();
      return (cell) => {
        if (cell === null || typeof cell !== 'object' || !('date' in cell)) return other(cell);
        let value = seen.get(cell);
        if (value === undefined) {
          value = other(cell);
          if (seen.size < DATE_CELLS_REMEMBERED) seen.set(cell, value);
        }
        return value;
      };
    }
    case 'number':
    case 'integer': {
      const integer = column.type === 'integer';
      const { decimalComma } = ctx;
      return generic((cell) => convertNumber(cell, integer, decimalComma));
    }
    case 'choice': {
      const { map, list } = ctx.choices!;
      const other = generic((cell) => convertChoice(cell, map, list));
      // The same few spellings repeat on every row: remember what each typed string became (its canonical
      // value, or SLOW for a refused one). Compared with ===, not looked up in a Map: a Map hashes each new
      // string (every CSV cell is one), which costs more.
      const typed: string[] = [];
      const outcome: ReturnType<FastRead>[] = [];
      return (cell) => {
        if (typeof cell !== 'string') return other(cell);
        for (let i = 0; i < typed.length; i++) if (typed[i] === cell) return outcome[i]!;
        const value = other(cell);
        if (typed.length < CHOICE_SPELLINGS) {
          typed.push(cell);
          outcome.push(value);
        }
        return value;
      };
    }
    case 'text': {
      const other = generic(convertText);
      return (cell) => {
        if (typeof cell !== 'string') return other(cell);
        const text = cleanText(cell);
        if (text === '') return blank;
        return check === null || check(text) ? text : SLOW;
      };
    }
  }
}
