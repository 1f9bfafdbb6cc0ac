// Cell values as readers hand them to validation: already normalised from whatever the file held
// (shared/inline/rich strings, hyperlinks, cached formula results, CSV text).

/** A cell that held a date (a date-formatted serial or a date/datetime value). Never a `Date` object. */
export interface DateCell {
  readonly date: string; // YYYY-MM-DD
  readonly time?: string; // HH:MM:SS when the cell carried a time of day
}

/** A cell whose value could not be had: a formula with no cached result, or an error value (#N/A…). */
export interface ErrorCell {
  readonly error: 'formula-no-result' | 'formula-error';
  /** The formula text or the error value, for the message. */
  readonly text?: string;
}

export type Cell = null | string | number | boolean | DateCell | ErrorCell;

export function isDateCell(cell: Cell): cell is DateCell {
  return typeof cell === 'object' && cell !== null && 'date' in cell;
}

export function isErrorCell(cell: Cell): cell is ErrorCell {
  return typeof cell === 'object' && cell !== null && 'error' in cell;
}

/** The cell as the admin would see it typed, for messages and error reports. */
export function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number' || typeof cell === 'boolean') return String(cell);
  if (isDateCell(cell)) return cell.time ? `${cell.date} ${cell.time}` : cell.date;
  return cell.text ?? '';
}

/** Empty after trimming: nothing typed, or only spaces. */
export function isBlank(cell: Cell): boolean {
  if (typeof cell === 'string') {
    // Text that starts with a visible ASCII character is not blank, without trimming it (called per cell).
    const c = cell.charCodeAt(0);
    if (c > 32 && c < 127) return false;
    return cell.trim() === '';
  }
  return cell === null;
}
