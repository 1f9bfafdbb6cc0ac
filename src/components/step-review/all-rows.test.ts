// The all-rows view's rows: the same rows, in the same order, with the same cells as listing them all would
// give, whatever mix of records, rows with problems (with or without a record) and deleted rows.
import { expect } from '@open-wc/testing';
import type { UploadRecord } from '../../core/records.js';
import type { RowTexts } from '../../core/validate/validator.js';
import { AllRows } from './all-rows.js';

/** The rows listed the plain way: every record and row with problems by row number, deleted ones left out. */
function listed(records: readonly UploadRecord[], texts: readonly RowTexts[], deleted: readonly number[]): { row: number; cells: Record<string, string> }[] {
  const byRow = new Map<number, Record<string, string>>();
  for (const r of records) byRow.set(r.row, Object.fromEntries(Object.entries(r.values).map(([k, v]) => [k, v === null || v === undefined ? '' : String(v)])));
  for (const t of texts) byRow.set(t.row, { ...t.cells });
  return [...byRow.keys()].filter((row) => !deleted.includes(row)).sort((a, b) => a - b).map((row) => ({ row, cells: byRow.get(row)! }));
}

function upload(rows: number, seed: number) {
  let s = seed;
  const random = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const records: UploadRecord[] = [];
  const texts: RowTexts[] = [];
  const deleted: number[] = [];
  for (let row = 2; row < rows + 2; row++) {
    const r = random();
    // Most rows are records; some have problems (no record), a few have both (a record edited into a problem).
    if (r < 0.8 || r > 0.95) records.push({ row, values: { identifier: `p${row}@example.com`, score: row % 7 === 0 ? null : row } } as UploadRecord);
    if (r >= 0.8) texts.push({ row, cells: { identifier: `bad ${row}`, score: 'x' } } as RowTexts);
    if (random() < 0.05) deleted.push(row);
  }
  return { records, texts, deleted };
}

describe('all rows of an upload', () => {
  it('has the rows of the plain listing, at the same indexes, for any mix of records, problems and deleted rows', () => {
    for (const [rows, seed] of [[0, 1], [1, 2], [7, 3], [50, 4], [400, 5], [3000, 6]] as const) {
      const { records, texts, deleted } = upload(rows, seed);
      const all = new AllRows(records, texts, new Map(), deleted);
      const expected = listed(records, texts, deleted);
      expect(all.length, `${rows} rows`).to.equal(expected.length);
      expect(Array.from({ length: all.length }, (_, i) => ({ row: all.at(i)!.row, cells: all.at(i)!.cells }))).to.deep.equal(expected);
      expect(all.at(-1)).to.equal(undefined);
      expect(all.at(expected.length)).to.equal(undefined);
      for (const { row, cells } of expected.slice(0, 40)) expect(all.byRow(row)!.cells).to.deep.equal(cells);
      for (const row of deleted) expect(all.byRow(row), `deleted row ${row}`).to.equal(undefined);
    }
  });

  it('carries each row\'s problems', () => {
    const records = [{ row: 2, values: { identifier: 'a@example.com' } }, { row: 4, values: { identifier: 'c@example.com' } }] as UploadRecord[];
    const texts = [{ row: 3, cells: { identifier: 'b' } }] as RowTexts[];
    const all = new AllRows(records, texts, new Map([[3, [{ columnKey: 'identifier', message: 'Not an e-mail address.' }]]]), []);
    expect([0, 1, 2].map((i) => all.at(i)!.issues.length)).to.deep.equal([0, 1, 0]);
    expect(all.at(1)!.cells).to.deep.equal({ identifier: 'b' });
  });
});
