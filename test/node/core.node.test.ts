// The headless core in Node 20, as a host without a browser uses it: the same functions that run in the
// page and the worker read the real-world files, write a template and read it back, and refuse bad files.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { zipSync } from 'fflate';
import ExcelJS from 'exceljs';
import { buildTemplate, validateSpreadsheet } from '../../src/core/index.js';
import { classroomSpec, realWorldSpec } from '../fixtures/specs.js';

const root = resolve(import.meta.dirname, '../..');
const fixture = (name: string) => new Uint8Array(readFileSync(resolve(root, 'test/fixtures/real-world', name)));
const expected = JSON.parse(readFileSync(resolve(root, 'test/fixtures/real-world/records.json'), 'utf8')) as {
  rows: [string, { date: string }, string, number | null, string | null][];
};
const TODAY = '2026-11-28';

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
      const result = await validateSpreadsheet(fixture(file), realWorldSpec, { today: TODAY });
      assert.equal(result.records.length, 0);
      assert.equal(result.issues[0]?.code, 'file-unsupported-format');
      assert.match(result.issues[0]!.message, /\.xlsx.*\.csv/);
    });
  }

  it('writes a template that, filled in, reads back as records', async () => {
    const template = await buildTemplate(classroomSpec, { format: 'xlsx', maxRows: 50 });
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

  it('refuses a zip bomb without inflating it', async () => {
    const bomb = zipSync({ '[Content_Types].xml': new Uint8Array(10), 'xl/workbook.xml': new Uint8Array(10), 'xl/worksheets/sheet1.xml': new Uint8Array(100 * 1024 * 1024) }, { level: 9 });
    const before = process.memoryUsage().rss;
    const result = await validateSpreadsheet(bomb, realWorldSpec, { maxBytes: 1024 * 1024, today: TODAY });
    assert.ok(['file-inflates-too-large', 'file-corrupt', 'file-unsupported-format'].includes(result.issues[0]!.code), result.issues[0]!.code);
    assert.ok(process.memoryUsage().rss - before < 200 * 1024 * 1024, 'memory stayed bounded');
  });
});
