// The CSV reader: encodings (BOMs, UTF-8, the Windows-1252 fallback), delimiter and line-end detection,
// quoted fields, spreadsheet row numbers, text kept as typed, and long files across parse slices.
import { expect } from '@open-wc/testing';
import { strToU8 } from 'fflate';
import { detectDelimiter, detectNewline } from './csv.js';
import { FileIssueError } from './types.js';
import { byRow, readAll } from '../../../test/fixtures/read/support.js';

function utf16(text: string, littleEndian: boolean): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set(littleEndian ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    bytes[2 + i * 2 + (littleEndian ? 0 : 1)] = c & 0xff;
    bytes[2 + i * 2 + (littleEndian ? 1 : 0)] = c >> 8;
  }
  return bytes;
}

/** Text as Windows-1252 bytes (the characters used here are all in Latin-1 or the 0x80–0x9F block). */
function cp1252(text: string): Uint8Array {
  const extra: Record<string, number> = { '€': 0x80, '’': 0x92, '“': 0x93, '”': 0x94, 'Œ': 0x8c };
  return Uint8Array.from([...text].map((ch) => extra[ch] ?? ch.charCodeAt(0)));
}

describe('readSpreadsheet on CSV: encodings', () => {
  it('reads UTF-16 LE with a BOM (Excel "Unicode Text": tab-separated)', async () => {
    const { start, rows } = await readAll(utf16('Email\tComments\r\nana@example.org\tGröße 東京 😀\r\n', true));
    expect(start).to.include({ format: 'csv', encoding: 'utf-16le', delimiter: '\t' });
    expect(byRow(rows).get(2)).to.deep.equal(['ana@example.org', 'Größe 東京 😀']);
  });

  it('reads UTF-16 BE with a BOM', async () => {
    const { start, rows } = await readAll(utf16('Email,Comments\nana@example.org,Benoît\n', false));
    expect(start).to.include({ encoding: 'utf-16be', delimiter: ',' });
    expect(byRow(rows).get(1)).to.deep.equal(['Email', 'Comments']);
    expect(byRow(rows).get(2)).to.deep.equal(['ana@example.org', 'Benoît']);
  });

  it('reads UTF-8 with a BOM and semicolons, the BOM not part of the first header', async () => {
    const { start, rows } = await readAll(strToU8('\uFEFFEmail;Score;Comments\r\nana@example.org;74,5;"Smith, John; Jr."\r\n'));
    expect(start).to.include({ encoding: 'utf-8', delimiter: ';' });
    expect(byRow(rows).get(1)).to.deep.equal(['Email', 'Score', 'Comments']);
    expect(byRow(rows).get(2)).to.deep.equal(['ana@example.org', '74,5', 'Smith, John; Jr.']);
  });

  it('falls back to Windows-1252 when the bytes are not UTF-8: accents, euro sign and curly quotes intact', async () => {
    const { start, rows } = await readAll(cp1252('Email,Comments\r\nana@example.org,“Café” costs 5 € – Œuvre’s\r\n'.replace('–', '-')));
    expect(start.encoding).to.equal('windows-1252');
    expect(byRow(rows).get(2)).to.deep.equal(['ana@example.org', '“Café” costs 5 € - Œuvre’s']);
  });

  it('reads UTF-8 without a BOM as UTF-8', async () => {
    const { start, rows } = await readAll(strToU8('Email,Comments\nana@example.org,Åsa Größe\n'));
    expect(start.encoding).to.equal('utf-8');
    expect(byRow(rows).get(2)![1]).to.equal('Åsa Größe');
  });
});

describe('readSpreadsheet on CSV: structure', () => {
  it('detects tabs, semicolons and commas, ignoring delimiters inside quotes', async () => {
    const cases: Array<[string, string]> = [
      ['Email\tStatus\tComments\nana@example.org\tPassed\t"a, b; c"\nbo@example.org\tFailed\tx, y\n', '\t'],
      ['Email;Status;Comments\nana@example.org;Passed;"a, b, c, d"\nbo@example.org;Failed;Late, but ok\n', ';'],
      ['Email,Status,Comments\nana@example.org,Passed,"a; b; c; d"\nbo@example.org,Failed,ok\n', ','],
      ['Email\n"ana@example.org"\n', ','],
    ];
    for (const [text, delimiter] of cases) {
      const { start, rows } = await readAll(strToU8(text));
      expect(start.delimiter, JSON.stringify(text)).to.equal(delimiter);
      if (delimiter !== ',' || text.includes('Status')) expect(byRow(rows).get(1), JSON.stringify(text)).to.deep.equal(['Email', 'Status', 'Comments']);
    }
  });

  it('numbers rows as Excel shows them: a quoted line break does not start a new row, blank lines count', async () => {
    const text = 'Email,Comments\r\nana@example.org,"first line\r\nsecond line\r\nthird"\r\n\r\nbo@example.org,"He said ""hi"", then left"\r\n,\r\ncy@example.org,plain\r\n';
    const { rows, result } = await readAll(strToU8(text));
    expect(rows).to.deep.equal([
      { row: 1, cells: ['Email', 'Comments'] },
      { row: 2, cells: ['ana@example.org', 'first line\r\nsecond line\r\nthird'] },
      { row: 4, cells: ['bo@example.org', 'He said "hi", then left'] },
      { row: 6, cells: ['cy@example.org', 'plain'] },
    ]);
    expect(result.rows).to.equal(4);
  });

  it('reads CR-only line ends (old Mac Excel) and LF-only ones', async () => {
    for (const eol of ['\r', '\n']) {
      const { rows } = await readAll(strToU8(['Email,Score', 'ana@example.org,1', 'bo@example.org,2', ''].join(eol)));
      expect(rows.map((r) => r.row), JSON.stringify(eol)).to.deep.equal([1, 2, 3]);
      expect(byRow(rows).get(3)).to.deep.equal(['bo@example.org', '2']);
    }
    expect(detectNewline('a,"x\ny"\rb')).to.equal('\r');
    expect(detectNewline('a\r\nb')).to.equal('\r\n');
  });

  it('keeps every cell as typed text: spaces, leading zeros, formula-like text; empty cells become null', async () => {
    const { rows } = await readAll(strToU8('Id,Score,Note,Extra,Last\n  007 ,=1+1,<b>x</b>,,\n@SUM(A1),-3,"",x,\n'));
    const sheet = byRow(rows);
    expect(sheet.get(2), 'trailing empty cells trimmed').to.deep.equal(['  007 ', '=1+1', '<b>x</b>']);
    expect(sheet.get(3)).to.deep.equal(['@SUM(A1)', '-3', null, 'x']);
  });

  it('honours a first line "sep=;" as Excel does, and hides it', async () => {
    const { start, rows } = await readAll(strToU8('sep=;\r\nEmail;Score\r\nana@example.org;1,5\r\n'));
    expect(start.delimiter).to.equal(';');
    expect(rows).to.deep.equal([
      { row: 1, cells: ['Email', 'Score'] },
      { row: 2, cells: ['ana@example.org', '1,5'] },
    ]);
  });

  it('reads a file holding only the header, with or without a final line break', async () => {
    for (const text of ['Email,Completion date\r\n', 'Email,Completion date']) {
      const { rows } = await readAll(strToU8(text));
      expect(rows).to.deep.equal([{ row: 1, cells: ['Email', 'Completion date'] }]);
    }
  });

  it('reads long files across parse slices: multi-line quoted fields and accents at any boundary', async () => {
    const count = 40_000;
    const lines = ['Email,Comments,Score'];
    for (let i = 0; i < count; i += 1) lines.push(`user${i}@example.org,"Größe ${i}\nsecond line, with comma",${i}`);
    const { rows } = await readAll(strToU8(lines.join('\r\n') + '\r\n'));
    expect(rows).to.have.length(count + 1);
    rows.slice(1).forEach((r, i) => {
      if (r.row !== i + 2 || r.cells[0] !== `user${i}@example.org` || r.cells[1] !== `Größe ${i}\nsecond line, with comma` || r.cells[2] !== String(i)) {
        expect(r).to.deep.equal({ row: i + 2, cells: [`user${i}@example.org`, `Größe ${i}\nsecond line, with comma`, String(i)] });
      }
    });
  });

  it('reads a quoted field with line breaks that straddles two parse slices', async () => {
    const long = 'word, "quoted"\n'.repeat(2_000); // 30,000 characters: close to Excel's cell limit
    // Short rows first, so that the long field starts 15,000 characters before the 1 MB slice boundary.
    const lines = ['Email,Comments'];
    let length = 15;
    while (length < (1 << 20) - 15_000) length += lines.push(`u${lines.length}@example.org,x`) && lines[lines.length - 1]!.length + 1;
    const text = `${lines.join('\n')}\nana@example.org,"${long.replace(/"/g, '""')}"\nbo@example.org,short\n`;
    const { rows } = await readAll(strToU8(text));
    expect(rows).to.have.length(lines.length + 2);
    expect(byRow(rows).get(lines.length + 1)).to.deep.equal(['ana@example.org', long]);
    expect(byRow(rows).get(lines.length + 2)).to.deep.equal(['bo@example.org', 'short']);
  });

  it('refuses a quoted field longer than Excel allows in a cell, naming its row', async () => {
    const long = 'word, "quoted"\n'.repeat(250_000); // ~3.8 M characters
    const text = `Email,Comments\nana@example.org,"${long.replace(/"/g, '""')}"\nbo@example.org,short\n`;
    const error = await readAll(strToU8(text)).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(FileIssueError);
    expect((error as FileIssueError).issue.code).to.equal('file-row-too-large');
    expect((error as FileIssueError).issue.params).to.include({ row: 2 });
  });

  it('names the CSV sheet after the file', async () => {
    expect((await readAll(strToU8('a,b\n'), { fileName: 'C:\\Users\\ana\\Q1 completions.csv' })).start.sheetName).to.equal('Q1 completions');
    expect((await readAll(strToU8('a,b\n'))).start.sheetName).to.equal('CSV');
  });
});

describe('detectDelimiter', () => {
  it('chooses the delimiter that splits most records the same way', () => {
    expect(detectDelimiter('a;b;c\n1;2,5;x\n3;4,5;y')).to.equal(';');
    expect(detectDelimiter('a,b,c\n1,"2;5",x\n3,4,y')).to.equal(',');
    expect(detectDelimiter('a\tb\n"x\ty"\tz\n1\t2')).to.equal('\t');
    expect(detectDelimiter('Title line without delimiters\na;b;c\n1;2;3\n4;5;6')).to.equal(';');
    expect(detectDelimiter('single column\nvalue')).to.equal(',');
  });
});
