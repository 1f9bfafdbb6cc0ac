// Small pure pieces of the readers: which number formats are dates, part paths, XML strings.
import { expect } from '@open-wc/testing';
import { isBuiltInDateFormat, isDateFormatCode } from './xlsx/number-format.js';
import { resolvePart } from './xlsx/workbook.js';
import { decodeXString } from './xlsx/xml.js';

describe('number formats that make a serial a date', () => {
  it('knows the built-in date ids and leaves numbers and durations alone', () => {
    for (const id of [14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 30, 36, 45, 47, 50, 57, 58]) expect(isBuiltInDateFormat(id), String(id)).to.equal(true);
    for (const id of [0, 1, 2, 3, 4, 9, 10, 11, 12, 13, 37, 44, 46, 48, 49, 59]) expect(isBuiltInDateFormat(id), String(id)).to.equal(false);
  });

  it('reads custom codes: d/m/y/h outside quotes and brackets, not [h] durations', () => {
    const dates = ['yyyy-mm-dd', 'dd/mm/yyyy', 'yyyy\\-mm\\-dd', 'd-mmm-yy', '[$-409]mmmm d, yyyy;@', '[$-F800]dddd, mmmm dd, yyyy', 'h:mm AM/PM', 'dd.mm.yyyy hh:mm:ss', 'mmm yyyy', '[Blue]dd/mm/yyyy'];
    const numbers = ['General', '0.00', '#,##0 "days"', '0%', '[h]:mm:ss', '[mm]:ss', '[$€-407] #,##0.00;[Red]-#,##0.00', '0.00E+00', '@', '"day" 0', '_(* #,##0_)', '# ?/?', '\\d\\a\\y 0'];
    for (const code of dates) expect(isDateFormatCode(code), code).to.equal(true);
    for (const code of numbers) expect(isDateFormatCode(code), code).to.equal(false);
  });
});

describe('resolvePart', () => {
  it('resolves relationship targets against the source part', () => {
    expect(resolvePart('xl/workbook.xml', 'worksheets/sheet1.xml')).to.equal('xl/worksheets/sheet1.xml');
    expect(resolvePart('xl/workbook.xml', '/xl/worksheets/sheet1.xml')).to.equal('xl/worksheets/sheet1.xml');
    expect(resolvePart('xl/workbook.xml', '../customXml/item1.xml')).to.equal('customXml/item1.xml');
    expect(resolvePart('xl/workbook.xml', './worksheets\\sheet2.xml')).to.equal('xl/worksheets/sheet2.xml');
    expect(resolvePart('', 'xl/workbook.xml')).to.equal('xl/workbook.xml');
  });
});

describe('decodeXString', () => {
  it('decodes entities, then _xHHHH_ escapes (with _x005F_ escaping a literal)', () => {
    expect(decodeXString('a &amp; b &#x41;&#66;')).to.equal('a & b AB');
    expect(decodeXString('x_x000D__x000A_y')).to.equal('x\r\ny');
    expect(decodeXString('_x005F_x000D_')).to.equal('_x000D_');
    expect(decodeXString('_x00zz_ stays')).to.equal('_x00zz_ stays');
  });
});
