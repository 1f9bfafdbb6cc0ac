// The xlsx reader on packages written by hand, XML part by XML part: the forms other programs write
// and exceljs never does (t="d", inline strings, prefixes, phonetic runs, escapes, missing references,
// absolute targets, UTF-16 parts), long sheets streamed across many chunks, and damaged parts.
import { expect } from '@open-wc/testing';
import { strToU8 } from 'fflate';
import { byRow, readAll, refusal, worksheet, xlsxFromParts } from '../../../test/fixtures/read/support.js';
import { useNativeInflate } from './zip.js';

const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

describe('readSpreadsheet on hand-written xlsx parts: cells', () => {
  it('reads t="d" ISO dates and date-times, t="str", t="b", t="e" and inline strings', async () => {
    const data = xlsxFromParts({
      sheets: [
        {
          name: 'Records',
          xml:
            '<row r="1"><c r="A1" t="d"><v>2026-02-03</v></c><c r="B1" t="d"><v>2026-02-03T09:15:00Z</v></c><c r="C1" t="d"><v>2024-02-29T00:00:00</v></c>' +
            '<c r="D1" t="str"><f>A1&amp;"x"</f><v>R&amp;D</v></c><c r="E1" t="b"><v>0</v></c><c r="F1" t="e"><v>#REF!</v></c>' +
            `${inline('G1', 'Beno&#238;t &#x1F600;')}<c r="H1" t="b"><v>TRUE</v></c></row>`,
        },
      ],
    });
    const { rows } = await readAll(data);
    expect(byRow(rows).get(1)).to.deep.equal([
      { date: '2026-02-03' },
      { date: '2026-02-03', time: '09:15:00' },
      { date: '2024-02-29' },
      'R&D',
      false,
      { error: 'formula-error', text: '#REF!' },
      'Benoît 😀',
      true,
    ]);
  });

  it('treats an empty formula string result as empty and a shared formula with no result as an error', async () => {
    const data = xlsxFromParts({
      sheets: [
        {
          name: 'Records',
          xml: '<row r="1"><c r="A1"><v>1</v></c><c r="B1" t="str"><f>""</f><v></v></c><c r="C1"><f t="shared" ref="C1:C2" si="0">A1*2</f></c></row><row r="2"><c r="A2"><v>2</v></c><c r="C2"><f t="shared" si="0"/></c></row>',
        },
      ],
    });
    const { rows } = await readAll(data);
    const sheet = byRow(rows);
    expect(sheet.get(1)).to.deep.equal([1, null, { error: 'formula-no-result', text: '=A1*2' }]);
    expect(sheet.get(2)).to.deep.equal([2, null, { error: 'formula-no-result' }]);
  });

  it('reads a formula saved with an empty cached value (<v></v> or <v/>, as openpyxl writes it) as a formula with no result', async () => {
    const data = xlsxFromParts({
      sheets: [
        {
          name: 'Records',
          xml:
            '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><f>TODAY()-3</f><v></v></c><c r="C1"><f>AVERAGE(D1:F1)</f><v/></c>' +
            '<c r="D1" t="n"><f>1+1</f><v></v></c><c r="E1" t="str"><f>""</f><v></v></c><c r="F1"><v>74</v></c></row>',
        },
      ],
      sharedStrings:
        '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>ana@example.org</t></si></sst>',
    });
    const { rows } = await readAll(data);
    expect(byRow(rows).get(1)).to.deep.equal([
      'ana@example.org',
      { error: 'formula-no-result', text: '=TODAY()-3' },
      { error: 'formula-no-result', text: '=AVERAGE(D1:F1)' },
      { error: 'formula-no-result', text: '=1+1' },
      null,
      74,
    ]);
  });

  it('reads shared strings: rich runs joined, phonetic runs left out, xml:space honoured, escapes decoded', async () => {
    const sst =
      '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      '<si><r><rPr><b/></rPr><t>Jane</t></r><r><t xml:space="preserve"> Doe</t></r></si>' +
      '<si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/></si>' +
      '<si><t>  no preserve: trimmed like Excel  </t></si>' +
      '<si><t xml:space="preserve">  kept  </t></si>' +
      '<si><t>line 1_x000D_\nline 2 and _x005F_x000D_ literally</t></si>' +
      '<si/>' +
      '<si><t/></si>' +
      '<si><t>&lt;b&gt; &amp;amp; &quot;q&quot; &apos;a&apos;</t></si>' +
      '</sst>';
    const cells = [0, 1, 2, 3, 4, 5, 6, 7].map((i) => `<c r="${String.fromCharCode(65 + i)}1" t="s"><v>${i}</v></c>`).join('');
    const { rows } = await readAll(xlsxFromParts({ sheets: [{ name: 'Records', xml: `<row r="1">${cells}</row>` }], sharedStrings: sst }));
    expect(byRow(rows).get(1)).to.deep.equal([
      'Jane Doe',
      '東京',
      'no preserve: trimmed like Excel',
      '  kept  ',
      'line 1\r\nline 2 and _x000D_ literally',
      null,
      null,
      '<b> &amp; "q" \'a\'',
    ]);
  });

  it('places cells and rows without references one after the other', async () => {
    const xml = '<row><c><v>1</v></c><c><v>2</v></c><c r="E1"><v>5</v></c><c><v>6</v></c></row><row><c t="inlineStr"><is><t>second</t></is></c></row><row r="7"><c><v>7</v></c></row><row><c><v>8</v></c></row>';
    const { rows } = await readAll(xlsxFromParts({ sheets: [{ name: 'Records', xml }] }));
    expect(rows).to.deep.equal([
      { row: 1, cells: [1, 2, null, null, 5, 6] },
      { row: 2, cells: ['second'] },
      { row: 7, cells: [7] },
      { row: 8, cells: [8] },
    ]);
  });

  it('decides date cells by style: built-in and custom date formats, not numbers, text or durations', async () => {
    // Styles: 0 General, 1 id 14, 2 id 22 (date time), 3 custom dd.mm.yyyy, 4 custom [h]:mm, 5 '@' text,
    // 6 id 100 redefined as a date (Gnumeric does this), 7 id 3 (#,##0), 8 custom "d" inside quotes only.
    const styles = { xfs: [0, 14, 22, 164, 165, 49, 100, 3, 166], numFmts: { 164: 'dd.mm.yyyy', 165: '[h]:mm', 100: 'yyyy-mm-dd', 166: '0.0" days"' } };
    const serial = 46056; // 2026-02-03
    const cells = [0, 1, 2, 3, 4, 5, 6, 7, 8].map((s, i) => `<c r="${String.fromCharCode(65 + i)}1" s="${s}"><v>${i === 2 ? serial + 0.75 : serial}</v></c>`).join('');
    const { rows } = await readAll(xlsxFromParts({ sheets: [{ name: 'Records', xml: `<row r="1">${cells}</row>` }], styles }));
    expect(byRow(rows).get(1)).to.deep.equal([
      serial,
      { date: '2026-02-03' },
      { date: '2026-02-03', time: '18:00:00' },
      { date: '2026-02-03' },
      serial,
      serial,
      { date: '2026-02-03' },
      serial,
      serial,
    ]);
  });

  it('reads date serials in the 1904 system when workbookPr says date1904="true"', async () => {
    const data = xlsxFromParts({
      sheets: [{ name: 'Records', xml: '<row r="1"><c r="A1" s="1"><v>44594</v></c></row>' }],
      styles: { xfs: [0, 14] },
      date1904: true,
    });
    const { start, rows } = await readAll(data);
    expect(start.date1904).to.equal(true);
    expect(byRow(rows).get(1)).to.deep.equal([{ date: '2026-02-03' }]);
  });
});

describe('readSpreadsheet on hand-written xlsx parts: packages', () => {
  it('reads parts with a namespace prefix (x:worksheet, x:sst), as the .NET SDK writes them', async () => {
    const ns = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
    const sheet = `<?xml version="1.0" encoding="utf-8"?><x:worksheet ${ns}><x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="inlineStr"><x:is><x:t>inline</x:t></x:is></x:c><x:c r="C1"><x:v>3</x:v></x:c></x:row><x:row r="2"><x:c r="A2" t="s"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    const sst = `<?xml version="1.0" encoding="utf-8"?><x:sst ${ns}><x:si><x:t>Email</x:t></x:si><x:si><x:r><x:t>a@</x:t></x:r><x:r><x:t>example.org</x:t></x:r></x:si></x:sst>`;
    const { rows } = await readAll(xlsxFromParts({ sheets: [{ name: 'Records', xml: sheet }], sharedStrings: sst }));
    expect(rows).to.deep.equal([
      { row: 1, cells: ['Email', 'inline', 3] },
      { row: 2, cells: ['a@example.org'] },
    ]);
  });

  it('follows absolute relationship targets and parts stored without compression', async () => {
    const data = xlsxFromParts({
      sheets: [{ name: 'Records', xml: `<row r="1">${inline('A1', 'absolute')}</row>`, path: 'xl/data/first.xml', absolute: true }],
      level: 0,
    });
    const { rows } = await readAll(data);
    expect(byRow(rows).get(1)).to.deep.equal(['absolute']);
  });

  it('reads a worksheet part written in UTF-16 with a byte order mark', async () => {
    const xml = worksheet(`<row r="1">${inline('A1', 'Größe')}<c r="B1"><v>2</v></c></row>`).replace('UTF-8', 'UTF-16');
    const utf16 = new Uint8Array(2 + xml.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < xml.length; i += 1) {
      utf16[2 + i * 2] = xml.charCodeAt(i) & 0xff;
      utf16[3 + i * 2] = xml.charCodeAt(i) >> 8;
    }
    const data = xlsxFromParts({ sheets: [{ name: 'Records', xml: '' }], extra: { 'xl/worksheets/sheet1.xml': utf16 } });
    const { rows } = await readAll(data);
    expect(byRow(rows).get(1)).to.deep.equal(['Größe', 2]);
  });

  it('skips a chart sheet and takes the worksheet after it', async () => {
    const chart = '<?xml version="1.0"?><chartsheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><drawing r:id="x"/></chartsheet>';
    const data = xlsxFromParts({
      sheets: [
        { name: 'Chart', xml: chart, path: 'xl/chartsheets/sheet1.xml', type: 'chartsheet' },
        { name: 'Data', xml: `<row r="1">${inline('A1', 'data')}</row>` },
      ],
    });
    const { start, rows } = await readAll(data);
    expect(start.sheetName).to.equal('Data');
    expect(rows).to.deep.equal([{ row: 1, cells: ['data'] }]);
  });

  it('reads a chart sheet mislabelled as a worksheet as a sheet without rows, not as damage', async () => {
    const chart = '<?xml version="1.0"?><chartsheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><drawing r:id="x"/></chartsheet>';
    const data = xlsxFromParts({ sheets: [{ name: 'Chart', xml: chart }, { name: 'Data', xml: `<row r="1">${inline('A1', 'data')}</row>` }] });
    const { start, rows } = await readAll(data);
    expect(start.sheetName).to.equal('Chart');
    expect(rows).to.deep.equal([]);
  });

  for (const [backend, native] of [
    ['native DecompressionStream', undefined],
    ['fflate', false],
  ] as const) {
    it(`streams a long sheet across many chunks (${backend}): every row, accents intact at chunk boundaries`, async () => {
      useNativeInflate(native);
      try {
        await longSheet();
      } finally {
        useNativeInflate(undefined);
      }
    });
  }
});

describe('readSpreadsheet on hand-written xlsx parts: shared strings as Excel writes them', () => {
  for (const [backend, native] of [
    ['native DecompressionStream', undefined],
    ['fflate', false],
  ] as const) {
    it(`reads every <si><t>…</t></si> item across many chunks (${backend}): accents, CJK, emoji, escapes, surrounding spaces, rich text, a damaged byte`, async () => {
      useNativeInflate(native);
      try {
        await excelStrings();
      } finally {
        useNativeInflate(undefined);
      }
    });
  }
});

/**
 * Items the way Excel writes them (`<si><t>text</t></si>`, which the reader cuts out of each chunk's
 * decoded text by offsets), mixed with every other form, 40,000 of them so that they span many chunks,
 * and one byte that is not UTF-8 (U+FFFD, as a decoder gives it) in the middle.
 */
async function excelStrings(): Promise<void> {
  const forms: ((i: number) => [xml: string, text: string])[] = [
    (i) => [`<t>plain ascii ${i}</t>`, `plain ascii ${i}`],
    (i) => [`<t>Größe naïve ${i}</t>`, `Größe naïve ${i}`],
    (i) => [`<t>東京都 ${i}</t>`, `東京都 ${i}`],
    (i) => [`<t>😀 smile 𝄞 ${i}</t>`, `😀 smile 𝄞 ${i}`],
    (i) => [`<t>R&amp;D &lt;x&gt; ${i}</t>`, `R&D <x> ${i}`],
    (i) => [`<t>line_x000D_break ${i}</t>`, `line\rbreak ${i}`],
    (i) => [`<t>  padded ${i}  </t>`, `padded ${i}`],
    (i) => [`<t xml:space="preserve">  kept ${i}  </t>`, `  kept ${i}  `],
    (i) => [`<r><t>rich ${i} </t></r><r><rPr><b/></rPr><t>téxt</t></r>`, `rich ${i}téxt`],
    () => ['<t></t>', ''],
    (i) => [`<t>Åsa_ ${i}</t>`, `Åsa_ ${i}`],
  ];
  const count = 40_000;
  const texts: string[] = [];
  const items: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const [xml, text] = forms[i % forms.length]!(i);
    items.push(`<si>${xml}</si>`);
    texts.push(text);
  }
  const head = strToU8(`<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${count}">`);
  const half = strToU8(items.slice(0, count / 2).join(''));
  const damaged = strToU8('<si><t>bad \uFFFF byte</t></si>');
  // A lone continuation byte where the U+FFFF was (a decoder writes U+FFFD for it).
  const bad = damaged.indexOf(0xef);
  const damagedBytes = new Uint8Array([...damaged.subarray(0, bad), 0x80, ...damaged.subarray(bad + 3)]);
  const rest = strToU8(items.slice(count / 2).join('') + '</sst>');
  const sst = new Uint8Array(head.length + half.length + damagedBytes.length + rest.length);
  sst.set(head);
  sst.set(half, head.length);
  sst.set(damagedBytes, head.length + half.length);
  sst.set(rest, head.length + half.length + damagedBytes.length);
  texts.splice(count / 2, 0, 'bad \uFFFD byte');
  let xml = '';
  for (let i = 0; i <= count; i += 1) xml += `<row r="${i + 1}"><c r="A${i + 1}" t="s"><v>${i}</v></c><c r="B${i + 1}"><v>${i}</v></c></row>`;
  const data = xlsxFromParts({ sheets: [{ name: 'Records', xml }], extra: { 'xl/sharedStrings.xml': sst } });
  const { rows } = await readAll(data);
  expect(rows).to.have.length(count + 1);
  rows.forEach((r, i) => {
    const expected = texts[i] === '' ? [null, i] : [texts[i], i];
    if (r.cells[0] !== expected[0] || r.cells[1] !== i) expect(r.cells, `row ${i + 1}`).to.deep.equal(expected);
  });
}

async function longSheet(): Promise<void> {
  const count = 30_000;
  const words = ['Größe', 'Benoît', '東京', 'Åsa', 'naïve 😀'];
  const strings = Array.from({ length: count }, (_, i) => `${words[i % words.length]} #${i}`);
  let xml = '';
  for (let i = 0; i < count; i += 1) {
    const r = i + 1;
    xml += `<row r="${r}"><c r="A${r}" t="s"><v>${i}</v></c><c r="B${r}" t="inlineStr"><is><t>${words[(i + 2) % words.length]}</t></is></c><c r="C${r}"><v>${i}.5</v></c></row>`;
  }
  const data = xlsxFromParts({ sheets: [{ name: 'Records', xml }], sharedStrings: strings });
  const progress: number[] = [];
  const { rows, result } = await readAll(data, { onProgress: (p) => progress.push(p.done / p.total) });
  expect(result.rows).to.equal(count);
  expect(rows).to.have.length(count);
  rows.forEach((r, i) => {
    if (r.row !== i + 1 || r.cells[0] !== strings[i] || r.cells[1] !== words[(i + 2) % words.length] || r.cells[2] !== i + 0.5) {
      expect(r, `row ${i + 1}`).to.deep.equal({ row: i + 1, cells: [strings[i], words[(i + 2) % words.length], i + 0.5] });
    }
  });
  expect(progress[0]).to.equal(0);
  expect(progress[progress.length - 1]).to.equal(1);
  expect(progress).to.deep.equal([...progress].sort((a, b) => a - b), 'progress never goes back');
}

describe('readSpreadsheet on hand-written xlsx parts: damage', () => {
  it('refuses a sheet cut off in the middle of a row as damaged', async () => {
    const xml = worksheet(`<row r="1">${inline('A1', 'ok')}</row><row r="2">${inline('A2', 'ok')}</row>`);
    const cut = xml.slice(0, xml.indexOf('<row r="2">') + 20);
    const data = xlsxFromParts({ sheets: [{ name: 'Records', xml: '' }], extra: { 'xl/worksheets/sheet1.xml': strToU8(cut) } });
    const issue = await refusal(readAll(data));
    expect(issue.code).to.equal('file-corrupt');
  });

  it('refuses a cell pointing at a shared string that does not exist', async () => {
    const data = xlsxFromParts({ sheets: [{ name: 'Records', xml: '<row r="1"><c r="A1" t="s"><v>5</v></c></row>' }], sharedStrings: ['only one'] });
    expect((await refusal(readAll(data))).code).to.equal('file-corrupt');
  });

  it('refuses an Office package whose workbook part is missing as damaged', async () => {
    const data = xlsxFromParts({ sheets: [{ name: 'Records', xml: '' }], omit: ['xl/workbook.xml'] });
    const issue = await refusal(readAll(data));
    expect(issue.code).to.equal('file-corrupt');
  });

  it('refuses a workbook that lists no worksheet', async () => {
    const data = xlsxFromParts({ sheets: [] });
    expect((await refusal(readAll(data))).code).to.equal('file-corrupt');
  });
});
