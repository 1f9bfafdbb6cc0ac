// The readers against files written by real spreadsheet programs (test/fixtures/real-world): every
// record must come back with exactly the values of records.json, accents intact.
import { expect } from '@open-wc/testing';
import type { Cell } from '../cells.js';
import { byRow, fixtureBytes, readAll, refusal } from '../../../test/fixtures/read/support.js';

const DIR = 'test/fixtures/real-world';

interface Records {
  header: string[];
  rows: Array<[string, { date: string }, string, number | null, string | null]>;
}

async function records(): Promise<Records> {
  return JSON.parse(new TextDecoder().decode(await fixtureBytes(`${DIR}/records.json`))) as Records;
}

/** Cells padded to the five columns (the reader trims trailing empty cells). */
function padded(cells: readonly Cell[] | undefined, width = 5): Cell[] {
  const out = [...(cells ?? [])];
  while (out.length < width) out.push(null);
  return out;
}

describe('readSpreadsheet on real-world files', () => {
  for (const variant of ['xlsx_libreoffice', 'xlsx_openpyxl_1904', 'xlsx_gnumeric']) {
    it(`reads ${variant} cell for cell: dates as date cells, numbers as numbers, accents intact`, async () => {
      const expected = await records();
      const { start, rows, result } = await readAll(await fixtureBytes(`${DIR}/completions__${variant}.xlsx`), { fileName: `completions__${variant}.xlsx` });
      expect(start.format).to.equal('xlsx');
      expect(start.sheetName).to.equal('Records');
      expect(start.date1904).to.equal(variant.includes('1904'));
      expect(start.fingerprint).to.equal(undefined);
      expect(result.rows).to.equal(13);
      const sheet = byRow(rows);
      expect([...sheet.keys()]).to.deep.equal([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
      expect(sheet.get(1)).to.deep.equal(expected.header);
      expected.rows.forEach((record, i) => {
        expect(padded(sheet.get(i + 2)), `row ${i + 2}`).to.deep.equal(record);
      });
    });
  }

  it('reads the Windows-1252 CSV as text with its accents', async () => {
    const expected = await records();
    const { start, rows } = await readAll(await fixtureBytes(`${DIR}/completions__csv_windows1252.csv`), { fileName: 'completions__csv_windows1252.csv' });
    expect(start).to.include({ format: 'csv', encoding: 'windows-1252', delimiter: ',', sheetName: 'completions__csv_windows1252', date1904: false });
    const sheet = byRow(rows);
    expect(sheet.get(1)).to.deep.equal(expected.header);
    expected.rows.forEach(([email, date, status, score, comment], i) => {
      expect(padded(sheet.get(i + 2)), `row ${i + 2}`).to.deep.equal([email, date.date, status, score === null ? null : String(score), comment]);
    });
    expect(sheet.get(2)![4]).to.equal('Trainer: Benoît Girard');
    expect(sheet.get(8)![4]).to.equal('Größe der Gruppe: 12');
  });

  it('reads the semicolon CSV (UTF-8 BOM) as typed: day-first dates and decimal commas stay text', async () => {
    const expected = await records();
    const { start, rows } = await readAll(await fixtureBytes(`${DIR}/completions__csv_semicolon.csv`));
    expect(start).to.include({ format: 'csv', encoding: 'utf-8', delimiter: ';', sheetName: 'CSV' });
    const sheet = byRow(rows);
    expect(sheet.get(1), 'the BOM is not part of the first header').to.deep.equal(expected.header);
    expected.rows.forEach(([email, date, status, score, comment], i) => {
      const [y, m, d] = date.date.split('-');
      const typed = [email, `${d}/${m}/${y}`, status, score === null ? null : String(score).replace('.', ','), comment];
      expect(padded(sheet.get(i + 2)), `row ${i + 2}`).to.deep.equal(typed);
    });
    expect(sheet.get(11)![4], 'quoted field with delimiter and quotes').to.equal('Comma, inside; and "quotes"');
  });

  it('refuses the legacy .xls with a save-as message', async () => {
    const issue = await refusal(readAll(await fixtureBytes(`${DIR}/completions__unsupported_xls_libreoffice.xls`)));
    expect(issue.code).to.equal('file-unsupported-format');
    expect(issue.params).to.deep.equal({ kind: 'xls' });
    expect(issue.message).to.contain('an Excel 97-2003 workbook (.xls)');
    expect(issue.message).to.contain('.xlsx').and.contain('.csv');
  });

  it('refuses the OpenDocument .ods even when it is named .xlsx', async () => {
    const issue = await refusal(readAll(await fixtureBytes(`${DIR}/completions__unsupported_ods_libreoffice.ods`), { fileName: 'completions.xlsx' }));
    expect(issue.code).to.equal('file-unsupported-format');
    expect(issue.params?.['kind']).to.equal('ods');
    expect(issue.message).to.contain('OpenDocument spreadsheet (.ods)');
  });
});
