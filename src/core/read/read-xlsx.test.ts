// The xlsx reader on workbooks written in the test by exceljs: every kind of cell an admin's file can
// hold, sheet choice (hidden, instructions, fingerprint), trailing and blank rows, hostile content.
import { expect } from '@open-wc/testing';
import ExcelJS from 'exceljs';
import { byRow, readAll } from '../../../test/fixtures/read/support.js';

type Workbook = InstanceType<typeof ExcelJS.Workbook>;
type Worksheet = ReturnType<Workbook['addWorksheet']>;

async function xlsx(build: (wb: Workbook) => void, options: { useSharedStrings?: boolean } = {}): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const buffer = await wb.xlsx.writeBuffer(options);
  return new Uint8Array(buffer as ArrayBuffer);
}

/** A records sheet with a header row and `rows` below it. */
function records(wb: Workbook, rows: unknown[][], name = 'Records'): Worksheet {
  const ws = wb.addWorksheet(name);
  ws.addRow(['Email', 'Completion date', 'Status', 'Score', 'Comments']);
  for (const row of rows) ws.addRow(row);
  return ws;
}

const utc = (y: number, m: number, d: number, h = 0, min = 0) => new Date(Date.UTC(y, m - 1, d, h, min));

describe('readSpreadsheet on exceljs workbooks: cell values', () => {
  it('reads shared strings and inline (str) strings to the same text', async () => {
    const build = (wb: Workbook) => records(wb, [['ana@example.org', null, 'Passed', 80, 'Größe, «ok»']]);
    for (const useSharedStrings of [true, false]) {
      const { rows } = await readAll(await xlsx(build, { useSharedStrings }));
      expect(byRow(rows).get(2), `useSharedStrings ${useSharedStrings}`).to.deep.equal(['ana@example.org', null, 'Passed', 80, 'Größe, «ok»']);
    }
  });

  it('joins rich text runs into one string', async () => {
    const data = await xlsx((wb) => {
      const ws = records(wb, []);
      ws.getCell('A2').value = { richText: [{ text: 'jane.' }, { font: { bold: true }, text: 'doe' }, { font: { italic: true }, text: '@example.org' }] };
      ws.getCell('E2').value = { richText: [{ text: 'Two ' }, { font: { color: { argb: 'FFFF0000' } }, text: ' spaces kept' }] };
    });
    const { rows } = await readAll(data);
    expect(byRow(rows).get(2)).to.deep.equal(['jane.doe@example.org', null, null, null, 'Two  spaces kept']);
  });

  it('reads rich text written inline (no shared strings) the same way', async () => {
    const data = await xlsx(
      (wb) => {
        const ws = records(wb, []);
        ws.getCell('A2').value = { richText: [{ text: 'jane.' }, { font: { bold: true }, text: 'doe@example.org' }] };
      },
      { useSharedStrings: false },
    );
    const { rows } = await readAll(data);
    expect(byRow(rows).get(2)).to.deep.equal(['jane.doe@example.org']);
  });

  it('takes a hyperlink cell by its text (e-mails arriving as mailto: links)', async () => {
    const data = await xlsx((wb) => {
      const ws = records(wb, []);
      ws.getCell('A2').value = { text: 'ana@example.org', hyperlink: 'mailto:ana@example.org' };
      ws.getCell('E2').value = { text: 'see the intranet', hyperlink: 'https://intranet.example.org/x' };
    });
    const { rows } = await readAll(data);
    expect(byRow(rows).get(2)).to.deep.equal(['ana@example.org', null, null, null, 'see the intranet']);
  });

  it('uses the cached result of formulas: numbers, strings, booleans and dates', async () => {
    const data = await xlsx((wb) => {
      const ws = records(wb, []);
      ws.getCell('A2').value = { formula: 'LOWER("ANA@EXAMPLE.ORG")', result: 'ana@example.org' };
      ws.getCell('B2').value = { formula: 'DATE(2026,2,3)', result: utc(2026, 2, 3) };
      ws.getCell('B2').numFmt = 'yyyy-mm-dd';
      ws.getCell('C2').value = { formula: 'D2>=70', result: true };
      ws.getCell('D2').value = { formula: '40*2', result: 80 };
    });
    const { rows } = await readAll(data);
    expect(byRow(rows).get(2)).to.deep.equal(['ana@example.org', { date: '2026-02-03' }, true, 80]);
  });

  it('gives a formula with no saved result as an error cell carrying the formula', async () => {
    const data = await xlsx((wb) => {
      const ws = records(wb, [['ana@example.org']]);
      ws.getCell('D2').value = { formula: 'SUM(X1:X3)' } as ExcelJS.CellFormulaValue;
    });
    const { rows } = await readAll(data);
    expect(byRow(rows).get(2)).to.deep.equal(['ana@example.org', null, null, { error: 'formula-no-result', text: '=SUM(X1:X3)' }]);
  });

  it('gives error values (typed or computed) as formula-error cells with the error text', async () => {
    const data = await xlsx((wb) => {
      const ws = records(wb, [['ana@example.org']]);
      ws.getCell('B2').value = { error: '#N/A' } as ExcelJS.CellErrorValue;
      ws.getCell('D2').value = { formula: '1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellFormulaValue;
    });
    const { rows } = await readAll(data);
    expect(byRow(rows).get(2)).to.deep.equal(['ana@example.org', { error: 'formula-error', text: '#N/A' }, null, { error: 'formula-error', text: '#DIV/0!' }]);
  });

  it('keeps numbers stored as text as text (leading zeros) and ids stored as numbers as numbers', async () => {
    const data = await xlsx((wb) => {
      const ws = wb.addWorksheet('Records');
      ws.addRow(['Employee number', 'Score', 'Hours']);
      ws.addRow(['004217', '85', 4217]);
      ws.getColumn(1).numFmt = '@';
      ws.addRow([4217, 72.5, 1e21]);
    });
    const { rows } = await readAll(data);
    const sheet = byRow(rows);
    expect(sheet.get(2)).to.deep.equal(['004217', '85', 4217]);
    expect(sheet.get(3)).to.deep.equal([4217, 72.5, 1e21]);
  });

  it('reads dates and date-times as date cells (never a Date, never shifted by time zone)', async () => {
    const data = await xlsx((wb) => {
      const ws = records(wb, [
        ['a@example.org', utc(2026, 2, 3)],
        ['b@example.org', utc(2024, 2, 29, 14, 30)],
        ['c@example.org', utc(2025, 12, 31, 23, 59)],
        ['d@example.org', utc(1999, 1, 1)],
      ]);
      ws.getCell('B3').numFmt = 'dd/mm/yyyy hh:mm';
      ws.getCell('B4').numFmt = 'yyyy-mm-dd';
      ws.getCell('B5').numFmt = '[$-409]d-mmm-yy;@';
    });
    const { rows } = await readAll(data);
    const sheet = byRow(rows);
    expect(sheet.get(2)![1], 'default date format (exceljs: id 14)').to.deep.equal({ date: '2026-02-03' });
    expect(sheet.get(3)![1]).to.deep.equal({ date: '2024-02-29', time: '14:30:00' });
    expect(sheet.get(4)![1]).to.deep.equal({ date: '2025-12-31', time: '23:59:00' });
    expect(sheet.get(5)![1], 'locale-tagged custom format').to.deep.equal({ date: '1999-01-01' });
  });

  it('keeps numbers with number, percent, currency and duration formats as numbers', async () => {
    const data = await xlsx((wb) => {
      const ws = records(wb, [['a@example.org', 0.5, 12.5, 0.85, 1.25]]);
      ws.getCell('B2').numFmt = '[h]:mm:ss';
      ws.getCell('C2').numFmt = '#,##0.00 "days"';
      ws.getCell('D2').numFmt = '0%';
      ws.getCell('E2').numFmt = '[$€-407] #,##0.00;[Red]-#,##0.00';
    });
    const { rows } = await readAll(data);
    expect(byRow(rows).get(2)).to.deep.equal(['a@example.org', 0.5, 12.5, 0.85, 1.25]);
  });

  it('honours the 1904 date system: same dates, flag reported', async () => {
    const build = (date1904: boolean) =>
      xlsx((wb) => {
        wb.properties.date1904 = date1904;
        records(wb, [['a@example.org', utc(2026, 2, 3)], ['b@example.org', utc(2024, 2, 29)]]);
      });
    const mac = await readAll(await build(true));
    const win = await readAll(await build(false));
    expect(mac.start.date1904).to.equal(true);
    expect(win.start.date1904).to.equal(false);
    for (const read of [mac, win]) {
      const sheet = byRow(read.rows);
      expect(sheet.get(2)![1]).to.deep.equal({ date: '2026-02-03' });
      expect(sheet.get(3)![1]).to.deep.equal({ date: '2024-02-29' });
    }
  });

  it('reads booleans as booleans', async () => {
    const { rows } = await readAll(await xlsx((wb) => records(wb, [['a@example.org', null, true, false]])));
    expect(byRow(rows).get(2)).to.deep.equal(['a@example.org', null, true, false]);
  });
});

describe('readSpreadsheet on exceljs workbooks: rows', () => {
  it('skips blank and merely formatted rows, keeps the sheet row numbers, trims trailing empty cells', async () => {
    const data = await xlsx((wb) => {
      const ws = records(wb, []);
      ws.getRow(2).values = ['a@example.org', utc(2026, 1, 5), 'Passed'];
      // Row 3 left empty; row 4 formatted only; row 5 holds only spaces and an empty string.
      ws.getRow(4).getCell(2).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
      ws.getRow(4).getCell(3).border = { top: { style: 'thin' } };
      ws.getRow(5).values = ['   ', ''];
      ws.getRow(6).values = ['b@example.org', utc(2026, 1, 6), 'Failed', 40, ''];
      ws.getRow(6).getCell(8).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFF0000' } };
      // Trailing formatted rows far below the data.
      for (let r = 7; r <= 300; r += 1) ws.getRow(r).getCell(1).numFmt = '@';
      ws.getRow(1000).getCell(2).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF00FF00' } };
    });
    const { rows, result } = await readAll(data);
    expect(rows.map((r) => r.row)).to.deep.equal([1, 2, 6]);
    expect(result.rows).to.equal(3);
    expect(byRow(rows).get(6)).to.deep.equal(['b@example.org', { date: '2026-01-06' }, 'Failed', 40]);
  });

  it('reads a file holding only the header', async () => {
    const { rows, result } = await readAll(await xlsx((wb) => records(wb, [])));
    expect(rows).to.deep.equal([{ row: 1, cells: ['Email', 'Completion date', 'Status', 'Score', 'Comments'] }]);
    expect(result.rows).to.equal(1);
  });

  it('places cells by their reference when columns are skipped', async () => {
    const data = await xlsx((wb) => {
      const ws = wb.addWorksheet('Records');
      ws.getCell('A1').value = 'Email';
      ws.getCell('D1').value = 'Score';
      ws.getCell('A2').value = 'a@example.org';
      ws.getCell('D2').value = 90;
      ws.getCell('AB2').value = 'far right';
    });
    const { rows } = await readAll(data);
    const sheet = byRow(rows);
    expect(sheet.get(1)).to.deep.equal(['Email', null, null, 'Score']);
    expect(sheet.get(2)).to.have.length(28);
    expect(sheet.get(2)![0]).to.equal('a@example.org');
    expect(sheet.get(2)![3]).to.equal(90);
    expect(sheet.get(2)![27]).to.equal('far right');
  });

  it('hands hostile content over verbatim, as text: formula-like text, markup, a cell as long as Excel allows', async () => {
    const long = 'x'.repeat(32_756) + 'END-OF-CELL'; // 32,767 characters
    const hostile = ["=cmd|' /C calc'!A0", '<script>alert("x")</script>', '+1+1', '@SUM(A1)', '-2+3', '&amp; &lt;b&gt;', 'line 1\r\nline 2'];
    const data = await xlsx((wb) => records(wb, [[...hostile.slice(0, 4)], [...hostile.slice(4)], [long]]));
    const { rows } = await readAll(data);
    const sheet = byRow(rows);
    expect(sheet.get(2)).to.deep.equal(hostile.slice(0, 4));
    expect(sheet.get(3)).to.deep.equal(hostile.slice(4));
    expect(sheet.get(4)![0]).to.have.length(long.length);
    expect(sheet.get(4)![0]).to.equal(long);
  });
});

describe('readSpreadsheet on exceljs workbooks: which sheet', () => {
  it('takes the first visible sheet named Records, ignoring instructions and hidden sheets', async () => {
    const data = await xlsx((wb) => {
      wb.addWorksheet('Instructions').addRow(['How to fill this file']);
      const hidden = wb.addWorksheet('Lists', { state: 'hidden' });
      hidden.addRow(['Passed', 'Failed']);
      wb.addWorksheet('Notes').addRow(['scratch']);
      records(wb, [['a@example.org']], 'records');
    });
    const { start, rows } = await readAll(data);
    expect(start.sheetName).to.equal('records');
    expect(byRow(rows).get(2)).to.deep.equal(['a@example.org']);
  });

  it('without a Records sheet takes the first visible sheet that is not the instructions', async () => {
    const data = await xlsx((wb) => {
      wb.addWorksheet('Instructions').addRow(['How to fill this file']);
      records(wb, [['hidden@example.org']], 'Old data').state = 'hidden';
      records(wb, [['a@example.org']], 'Sheet1');
    });
    const { start, rows } = await readAll(data);
    expect(start.sheetName).to.equal('Sheet1');
    expect(byRow(rows).get(2)).to.deep.equal(['a@example.org']);
  });

  it('does not take a hidden sheet named Records', async () => {
    const data = await xlsx((wb) => {
      records(wb, [['hidden@example.org']], 'Records').state = 'hidden';
      records(wb, [['a@example.org']], 'Completions');
    });
    const { start } = await readAll(data);
    expect(start.sheetName).to.equal('Completions');
  });

  it('reads the very hidden _template fingerprint and the records sheet it names', async () => {
    const data = await xlsx((wb) => {
      wb.addWorksheet('Instructions').addRow(['Made for Fire Safety Induction']);
      records(wb, [['decoy@example.org']], 'Records');
      records(wb, [['a@example.org', utc(2026, 3, 14), 'Completed']], 'Entries');
      const template = wb.addWorksheet('_template', { state: 'veryHidden' });
      template.addRows([
        ['activityId', 'act-fire-101'],
        ['domainId', 'dom-employees'],
        ['identifierKind', 'email'],
        ['templateVersion', 7],
        ['recordsSheet', 'Entries'],
        ['somethingElse', 'ignored'],
      ]);
    });
    const { start, rows } = await readAll(data);
    expect(start.sheetName).to.equal('Entries');
    expect(start.fingerprint).to.deep.equal({ activityId: 'act-fire-101', domainId: 'dom-employees', identifierKind: 'email', templateVersion: '7' });
    expect(byRow(rows).get(2)).to.deep.equal(['a@example.org', { date: '2026-03-14' }, 'Completed']);
  });

  it('reads the instructions when the admin deleted the records sheet, rather than calling the file damaged', async () => {
    const data = await xlsx((wb) => {
      wb.addWorksheet('Instructions').addRow(['How to fill this file']);
      wb.addWorksheet('_template', { state: 'veryHidden' }).addRows([
        ['activityId', 'act-1'],
        ['recordsSheet', 'Records'],
      ]);
    });
    const { start, rows } = await readAll(data);
    expect(start.sheetName).to.equal('Instructions');
    expect(rows).to.deep.equal([{ row: 1, cells: ['How to fill this file'] }]);
  });

  it('falls back to the Records sheet when the fingerprint names a sheet that is gone', async () => {
    const data = await xlsx((wb) => {
      records(wb, [['a@example.org']], 'Records');
      const template = wb.addWorksheet('_template', { state: 'veryHidden' });
      template.addRows([
        ['activityId', 'act-1'],
        ['recordsSheet', 'Renamed away'],
      ]);
    });
    const { start } = await readAll(data);
    expect(start.sheetName).to.equal('Records');
    expect(start.fingerprint).to.deep.equal({ activityId: 'act-1' });
  });
});
