// The sheet scanner's fixed-pattern path for the commonest cells (`<c r="B7" s="3" t="s"><v>12</v></c>`)
// against the general loop it falls back to: the same cells whichever path reads them, and wherever the
// inflater cuts the bytes. Each cell here either takes the fixed path or misses it by one detail.
import { expect } from '@open-wc/testing';
import type { Cell } from '../cells.js';
import { asciiBytes } from './xlsx/bytes.js';
import { FileIssueError } from './types.js';
import { SheetScanner, type SheetContext } from './xlsx/sheet.js';

const context: SheetContext = {
  sharedStrings: ['Ada', '', '   ', 'Zoë'],
  dateStyles: Uint8Array.of(0, 1, 0),
  date1904: false,
};

const SHEET =
  '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="x"><sheetData>' +
  // The fixed path: shared strings, a number, a date (style 1), a number with a style that is not a date.
  '<row r="2" spans="1:5"><c r="A2" t="s"><v>0</v></c><c r="B2" s="1"><v>45353</v></c><c r="C2"><v>27</v></c><c r="D2" s="2"><v>12</v></c><c r="AB2" t="s"><v>3</v></c></row>' +
  // Misses: t="n", a lower-case reference, s before r, a decimal, a negative number, a formula, 16 digits;
  // an empty shared string (fixed path); no reference (placed after the previous cell), an inline string.
  '<row r="3"><c r="A3" t="n"><v>5</v></c><c r="b3"><v>3</v></c><c s="1" r="C3"><v>45000</v></c><c r="D3"><v>1.5</v></c>' +
  '<c r="E3"><v>-3</v></c><c r="F3"><f>A1</f><v>4</v></c><c r="G3"><v>1234567890123456</v></c><c r="H3" t="s"><v>1</v></c>' +
  '<c t="s"><v>0</v></c><c r="K3" t="inlineStr"><is><t>in place</t></is></c></row>' +
  // Rows whose only cells are an empty or a whitespace shared string are blank: not handed on.
  '<row r="4"><c r="A4" t="s"><v>1</v></c></row><row r="5"><c r="A5" t="s"><v>2</v></c><c r="B5" t="s"><v>1</v></c></row>' +
  // Trailing empty cells are trimmed; a formatted empty cell keeps its place.
  '<row r="6"><c r="A6" s="1"/><c r="B6"><v>7</v></c><c r="C6" t="s"><v>1</v></c></row>' +
  '</sheetData></worksheet>';

const EXPECTED: [number, Cell[]][] = [
  [2, ['Ada', { date: '2024-03-02' }, 27, 12, ...new Array<Cell>(23).fill(null), 'Zoë']],
  [3, [5, 3, { date: '2023-03-15' }, 1.5, -3, 4, 1234567890123456, null, 'Ada', null, 'in place']],
  [6, [null, 7]],
];

/** Scans `bytes` fed in pieces cut at `cuts`, as streamSheet does: each piece after the unread tail. */
function scan(bytes: Uint8Array, cuts: number[]): [number, Cell[]][] {
  const rows: [number, Cell[]][] = [];
  const scanner = new SheetScanner(context, (row, cells) => rows.push([row, [...cells]]));
  let tail = new Uint8Array(0);
  let at = 0;
  for (const cut of [...cuts, bytes.length]) {
    const piece = bytes.subarray(at, cut);
    at = cut;
    const buf = new Uint8Array(tail.length + piece.length);
    buf.set(tail);
    buf.set(piece, tail.length);
    tail = buf.slice(scanner.take(buf));
  }
  scanner.finish(tail);
  return rows;
}

describe('SheetScanner: the fixed path for plain cells and the general loop', () => {
  const bytes = new TextEncoder().encode(SHEET);

  it('reads shared strings, numbers and dates by the fixed path and every near miss by the general loop', () => {
    expect(scan(bytes, [])).to.deep.equal(EXPECTED);
  });

  it('reads the same cells wherever the bytes are cut in two', () => {
    const first = SHEET.indexOf('<row');
    for (let cut = first; cut < bytes.length; cut += 1) {
      expect(scan(bytes, [cut]), `cut at ${cut}: …${SHEET.slice(cut - 12, cut)}|${SHEET.slice(cut, cut + 12)}…`).to.deep.equal(EXPECTED);
    }
  });

  it('refuses a shared string index past the table as damage, by either path', () => {
    for (const cell of ['<c r="A2" t="s"><v>4</v></c>', '<c t="s" r="A2"><v>4</v></c>']) {
      const xml = asciiBytes(`<worksheet><sheetData><row r="2">${cell}</row></sheetData></worksheet>`);
      expect(() => scan(xml, []), cell).to.throw(FileIssueError).with.property('issue').that.has.property('code', 'file-corrupt');
    }
  });
});
