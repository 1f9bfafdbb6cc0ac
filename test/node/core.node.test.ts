// The headless core in Node 20, as a host without a browser uses it: the same functions that run in the
// page and the worker read the real-world files, write a template and read it back, and refuse bad files.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { strToU8, zipSync } from 'fflate';
import ExcelJS from 'exceljs';
import { buildTemplate, validateSpreadsheet } from '../../src/core/index.js';
import { classroomSpec, realWorldSpec } from '../fixtures/specs.js';
import { templateTextsEn } from '../../src/i18n/files.en.js';
import { issueMessage } from '../../src/i18n/issue-message.js';

const root = resolve(import.meta.dirname, '../..');
const fixture = (name: string) => new Uint8Array(readFileSync(resolve(root, 'test/fixtures/real-world', name)));
const expected = JSON.parse(readFileSync(resolve(root, 'test/fixtures/real-world/records.json'), 'utf8')) as {
  rows: [string, { date: string }, string, number | null, string | null][];
};
const TODAY = '2026-11-28';

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/**
 * A well-formed .xlsx whose one sheet is `size` bytes of zeros (so only the inflate limit can stop it);
 * `lying`: the central directory claims the sheet is 4 KB, so the reader must count what comes out.
 */
function zipBomb(size: number, lying: boolean): Uint8Array {
  const rels = (body: string) => strToU8(`<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${body}</Relationships>`);
  const zip = zipSync(
    {
      '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
      '_rels/.rels': rels(`<Relationship Id="r1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>`),
      'xl/workbook.xml': strToU8(`<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}"><sheets><sheet name="Records" sheetId="1" r:id="s1"/></sheets></workbook>`),
      'xl/_rels/workbook.xml.rels': rels(`<Relationship Id="s1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>`),
      'xl/worksheets/sheet1.xml': new Uint8Array(size),
    },
    { level: 9 },
  );
  if (!lying) return zip;
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const name = strToU8('xl/worksheets/sheet1.xml');
  for (let at = zip.length - 46; at >= 0; at -= 1) {
    if (view.getUint32(at, true) === 0x02014b50 && view.getUint16(at + 28, true) === name.length && name.every((b, i) => zip[at + 46 + i] === b)) {
      view.setUint32(at + 24, 4096, true); // uncompressed size
      return zip;
    }
  }
  throw new Error('sheet not found in the central directory');
}

describe('core in Node', () => {
  for (const [file, dateOrder] of [
    ['completions__xlsx_libreoffice.xlsx', 'DMY'],
    ['completions__xlsx_openpyxl_1904.xlsx', 'DMY'],
    ['completions__xlsx_gnumeric.xlsx', 'DMY'],
    ['completions__csv_windows1252.csv', 'DMY'],
    ['completions__csv_semicolon.csv', 'DMY'],
  ] as const) {
    it(`reads ${file} to exactly the 12 records`, async () => {
      const result = await validateSpreadsheet(fixture(file), realWorldSpec, { dateOrder, today: TODAY });
      assert.deepEqual(result.issues, []);
      assert.deepEqual(
        result.records.map((r) => r.values),
        expected.rows.map(([identifier, { date }, status, score, comments]) => ({ identifier, completionDate: date, status, score, comments })),
      );
    });
  }

  for (const file of ['completions__unsupported_xls_libreoffice.xls', 'completions__unsupported_ods_libreoffice.ods']) {
    it(`refuses ${file} and asks for .xlsx or .csv`, async () => {
      const result = await validateSpreadsheet(fixture(file), realWorldSpec, { today: TODAY, describe: issueMessage });
      assert.equal(result.records.length, 0);
      assert.equal(result.issues[0]?.code, 'file-unsupported-format');
      assert.match(result.issues[0]!.message, /\.xlsx.*\.csv/);
    });
  }

  it('writes a template that, filled in, reads back as records', async () => {
    const template = await buildTemplate(classroomSpec, { texts: templateTextsEn, format: 'xlsx', maxRows: 50 });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(template.data).buffer);
    const sheet = workbook.getWorksheet('Records')!;
    sheet.spliceRows(2, 1); // the sample row
    sheet.addRow(['ana.silva@example.org', new Date(Date.UTC(2026, 2, 14)), 'completed', 'Sam Lee', '=1+1 stays text']);
    const filled = new Uint8Array(await workbook.xlsx.writeBuffer());
    const result = await validateSpreadsheet(filled, classroomSpec, { today: TODAY });
    assert.deepEqual(result.issues, []);
    assert.deepEqual(result.records[0]?.values, {
      identifier: 'ana.silva@example.org',
      completionDate: '2026-03-14',
      status: 'Completed',
      trainer: 'Sam Lee',
      comments: '=1+1 stays text',
    });
  });

  for (const lying of [false, true]) {
    it(`refuses a zip bomb (100 MiB of zeros in ~100 KB) that ${lying ? 'lies about' : 'declares'} its size, memory bounded`, async () => {
      const bomb = zipBomb(100 * 1024 * 1024, lying);
      assert.ok(bomb.length < 1024 * 1024);
      const before = process.memoryUsage().rss;
      const result = await validateSpreadsheet(bomb, realWorldSpec, { maxBytes: 1024 * 1024, today: TODAY });
      assert.equal(result.records.length, 0);
      assert.deepEqual(
        result.issues.map((i) => [i.code, i.params?.['limitBytes']]),
        [['file-inflates-too-large', 20 * 1024 * 1024]],
      );
      assert.ok(process.memoryUsage().rss - before < 200 * 1024 * 1024, 'memory stayed bounded');
    });
  }
});
