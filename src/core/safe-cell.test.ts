import { expect } from '@open-wc/testing';
import { csvBytes, csvField, csvLine, isFormulaLike, neutraliseFormula, xlsxText, xlsxValue, XLSX_CELL_MAX } from './safe-cell.js';

describe('safe-cell: formula neutralising', () => {
  it('recognises every character that starts a formula', () => {
    for (const text of ['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\tx', '\rx']) expect(isFormulaLike(text), text).to.equal(true);
    for (const text of ['Jane', '1+1', ' =1', 'a=b', '']) expect(isFormulaLike(text), text).to.equal(false);
  });

  it('prefixes formula-like CSV text with an apostrophe and leaves other text alone', () => {
    expect(neutraliseFormula('=HYPERLINK("http://x","y")')).to.equal('\'=HYPERLINK("http://x","y")');
    expect(neutraliseFormula('Sam Lee')).to.equal('Sam Lee');
  });

  it('quotes CSV fields holding the delimiter, quotes or line breaks, after neutralising', () => {
    expect(csvField('=1,2')).to.equal('"\'=1,2"');
    expect(csvField('say "hi"')).to.equal('"say ""hi"""');
    expect(csvField('two\nlines')).to.equal('"two\nlines"');
    expect(csvField('a;b', ';')).to.equal('"a;b"');
    expect(csvField('a;b', ',')).to.equal('a;b');
  });

  it('writes numbers as numbers (a negative number is not neutralised) with the chosen decimal separator', () => {
    expect(csvField(-5)).to.equal('-5');
    expect(csvField('-5')).to.equal("'-5");
    expect(csvField(82.5, ';', ',')).to.equal('82,5');
    expect(csvField(82.5, ',', ',')).to.equal('"82,5"');
    expect(csvField(Number.NaN)).to.equal('');
    expect(csvLine(['a', null, 3, undefined])).to.equal('a,,3,');
  });

  it('makes a CSV file with a UTF-8 byte-order mark and CRLF line ends', () => {
    const bytes = csvBytes(['a,b', 'é,ß']);
    expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).to.equal('a,b\r\né,ß\r\n');
  });
});

describe('safe-cell: xlsx text', () => {
  it('removes characters XML cannot carry and keeps tab, line feed and emoji', () => {
    expect(xlsxText('a\u0001b\u0008c\td\ne\uFFFF😀')).to.equal('abc\td\ne😀');
    expect(xlsxText('lone \uD800 surrogate')).to.equal('lone  surrogate');
  });

  it('cuts text to what one Excel cell holds', () => {
    expect(xlsxText('x'.repeat(40_000)).length).to.equal(XLSX_CELL_MAX);
  });

  it('keeps formula-like text a plain string for exceljs and drops non-finite numbers', () => {
    expect(xlsxValue('=1+1')).to.equal('=1+1');
    expect(xlsxValue(12)).to.equal(12);
    expect(xlsxValue(Number.POSITIVE_INFINITY)).to.equal(null);
    expect(xlsxValue(undefined)).to.equal(null);
    expect(xlsxValue('')).to.equal(null);
  });
});
