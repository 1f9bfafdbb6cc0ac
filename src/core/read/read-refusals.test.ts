// What the reader refuses, and how: wrong formats recognised by content, damaged and empty files, size
// and inflation limits (zip bombs), and stopping: an AbortSignal, or a sink that throws.
import { expect } from '@open-wc/testing';
import ExcelJS from 'exceljs';
import { Zip, ZipDeflate, strToU8, unzipSync, zipSync } from 'fflate';
import { readSpreadsheet } from './index.js';
import type { ReadProgress } from './types.js';
import { useNativeInflate } from './zip.js';
import { fixtureBytes, readAll, refusal, xlsxFromParts } from '../../../test/fixtures/read/support.js';

async function smallXlsx(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Records');
  ws.addRow(['Email', 'Completion date']);
  for (let i = 0; i < 200; i += 1) ws.addRow([`user${i}@example.org`, new Date(Date.UTC(2026, 0, 1 + (i % 28)))]);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** An OLE2 compound file whose directory names the given streams (type 2) under a root entry. */
function ole2(streams: string[]): Uint8Array {
  const bytes = new Uint8Array(512 + 512);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  ['Root Entry', ...streams].forEach((name, i) => {
    const at = 512 + i * 128;
    for (let k = 0; k < name.length; k += 1) bytes[at + k * 2] = name.charCodeAt(k);
    bytes[at + 64] = (name.length + 1) * 2;
    bytes[at + 66] = i === 0 ? 5 : 2;
  });
  return bytes;
}

/** A CSV of `rows` records, built fast. */
function bigCsv(rows: number): Uint8Array {
  const lines = ['Email,Completion date,Status,Score,Comments'];
  for (let i = 0; i < rows; i += 1) lines.push(`user${i}@example.org,2026-01-${String((i % 28) + 1).padStart(2, '0')},Passed,${i % 101},"Comment, with comma ${i}"`);
  return strToU8(lines.join('\r\n'));
}

/**
 * An .xlsx whose sheet is `mebibytes` MiB of zeros, deflated chunk by chunk (the input is never held
 * whole). About 1 MB per GiB.
 */
function zeroBomb(mebibytes: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    const zip = new Zip((error, chunk, final) => {
      if (error) return reject(error);
      chunks.push(chunk);
      if (final) {
        const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
        let at = 0;
        for (const c of chunks) {
          out.set(c, at);
          at += c.length;
        }
        resolve(out);
      }
    });
    const small = xlsxFromParts({ sheets: [{ name: 'Records', xml: '<row r="1"><c r="A1"><v>1</v></c></row>' }] });
    for (const [name, content] of Object.entries(unzipSync(small))) {
      if (name === 'xl/worksheets/sheet1.xml') continue;
      const entry = new ZipDeflate(name);
      zip.add(entry);
      entry.push(content, true);
    }
    const sheet = new ZipDeflate('xl/worksheets/sheet1.xml', { level: 1 });
    zip.add(sheet);
    const zeros = new Uint8Array(1 << 20);
    for (let i = 0; i < mebibytes; i += 1) sheet.push(zeros, false);
    sheet.push(new Uint8Array(0), true);
    zip.end();
  });
}

/**
 * One bomb of 100 MiB of zeros (about 100 KB) shared by the tests: real data, far past the 16 and 32 MB
 * bounds the lying-size tests stop at. (Deflating a real 1.1 GiB took over a minute on a loaded machine.)
 */
let sharedBomb: Promise<Uint8Array> | undefined;
function bomb(): Promise<Uint8Array> {
  sharedBomb ??= zeroBomb(100);
  return sharedBomb;
}

/** The bomb declaring 1.1 GiB for its worksheet in the central directory, as a real 1.1 GiB bomb does. */
async function declaredBomb(): Promise<Uint8Array> {
  return declareSize(await bomb(), 'xl/worksheets/sheet1.xml', 1100 * 1024 * 1024);
}

/** Rewrites one field of the central directory record of `name` (offset 20: compressed size, 24: size). */
function patchDirectory(zip: Uint8Array, name: string, field: 20 | 24, value: (old: number) => number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const nameBytes = strToU8(name);
  for (let at = out.length - 22; at >= 0; at -= 1) {
    if (view.getUint32(at, true) !== 0x02014b50) continue;
    const length = view.getUint16(at + 28, true);
    if (length === nameBytes.length && nameBytes.every((b, i) => out[at + 46 + i] === b)) {
      view.setUint32(at + field, value(view.getUint32(at + field, true)), true);
      return out;
    }
  }
  throw new Error(`${name} not in the central directory`);
}

/**
 * Overwrites the compressed data of entry `name` with 0xFF bytes: any attempt to inflate it fails at once.
 * Sizes and offsets come from the central directory (a streamed zip leaves them 0 in the local header).
 */
function garble(zip: Uint8Array, name: string): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const nameBytes = strToU8(name);
  for (let at = out.length - 46; at >= 0; at -= 1) {
    if (view.getUint32(at, true) !== 0x02014b50 || view.getUint16(at + 28, true) !== nameBytes.length) continue;
    if (!nameBytes.every((b, i) => out[at + 46 + i] === b)) continue;
    const local = view.getUint32(at + 42, true);
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    out.fill(0xff, start, start + view.getUint32(at + 20, true));
    return out;
  }
  throw new Error(`${name} not in the central directory`);
}

/** Makes the central directory declare `size` for the entry `name` (a lying zip). */
function declareSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  return patchDirectory(zip, name, 24, () => size);
}

/** Both inflaters: the platform's DecompressionStream and fflate (used where the former is missing). */
const BACKENDS = [
  ['native', undefined],
  ['fflate', false],
] as const;

describe('readSpreadsheet refusals: what the file is', () => {
  it('refuses an empty file with a clear message', async () => {
    const issue = await refusal(readAll(new Uint8Array(0)));
    expect(issue.code).to.equal('file-empty');
  });

  it('refuses random bytes as not a spreadsheet', async () => {
    const bytes = new Uint8Array(4096);
    for (let i = 0; i < bytes.length; i += 1) bytes[i] = (i * 7919 + 13) % 256;
    const issue = await refusal(readAll(bytes, { fileName: 'records.xlsx' }));
    expect(issue.code).to.equal('file-unsupported-format');
    expect(issue.params?.['kind']).to.equal('binary');
    expect(issue.message).to.contain('Save it as Excel Workbook (.xlsx) or CSV (.csv)');
  });

  it('recognises a PDF, an image, a web page and an archive by content, whatever their name', async () => {
    const cases: Array<[Uint8Array, string]> = [
      [strToU8('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n'), 'pdf'],
      [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]), 'image'],
      [new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]), 'image'],
      [strToU8('\n<!DOCTYPE html><html><body><table><tr><td>Email</td></tr></table></body></html>'), 'html'],
      [new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]), 'archive'],
    ];
    for (const [bytes, kind] of cases) {
      const issue = await refusal(readAll(bytes, { fileName: 'records.csv' }));
      expect(issue.code, kind).to.equal('file-unsupported-format');
      expect(issue.params?.['kind'], kind).to.equal(kind);
    }
  });

  it('recognises zip packages that are not workbooks: Numbers, .xlsb, Word, plain zip', async () => {
    const cases: Array<[Record<string, Uint8Array>, string, string]> = [
      [{ 'Index/Document.iwa': new Uint8Array(8), 'Metadata/Properties.plist': new Uint8Array(4) }, 'numbers', 'Apple Numbers'],
      [{ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.bin': new Uint8Array(8) }, 'xlsb', '.xlsb'],
      [{ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document/>') }, 'officeText', 'Word'],
      [{ 'photos/1.jpg': new Uint8Array(8) }, 'zip', 'zip archive'],
    ];
    for (const [files, kind, words] of cases) {
      const issue = await refusal(readAll(zipSync(files)));
      expect(issue.code, kind).to.equal('file-unsupported-format');
      expect(issue.params?.['kind'], kind).to.equal(kind);
      expect(issue.message, kind).to.contain(words);
    }
  });

  it('refuses a password-protected workbook (OLE2 with EncryptionInfo) with the remove-the-password message', async () => {
    const issue = await refusal(readAll(ole2(['\u0006DataSpaces', 'EncryptionInfo', 'EncryptedPackage']), { fileName: 'records.xlsx' }));
    expect(issue.code).to.equal('file-encrypted');
    expect(issue.message).to.contain('password');
  });

  it('tells an .xls from other Office 97-2003 files', async () => {
    expect((await refusal(readAll(ole2(['Workbook', '\u0005SummaryInformation'])))).params?.['kind']).to.equal('xls');
    expect((await refusal(readAll(ole2(['WordDocument', '1Table'])))).params?.['kind']).to.equal('ole2');
    const real = await refusal(readAll(await fixtureBytes('test/fixtures/real-world/completions__unsupported_xls_libreoffice.xls')));
    expect(real.params?.['kind']).to.equal('xls');
  });
});

describe('readSpreadsheet refusals: damage', () => {
  it('refuses a truncated .xlsx as damaged', async () => {
    const whole = await smallXlsx();
    for (const keep of [0.5, 0.9, 0.99]) {
      const issue = await refusal(readAll(whole.slice(0, Math.floor(whole.length * keep))));
      expect(issue.code, `kept ${keep}`).to.equal('file-corrupt');
      expect(issue.message).to.contain('damaged');
    }
  });

  for (const [backend, native] of BACKENDS) {
    describe(`inflating with ${backend}`, () => {
      beforeEach(() => useNativeInflate(native));
      afterEach(() => useNativeInflate(undefined));

      it('refuses a zip whose compressed sheet data is garbage as damaged', async () => {
        const good = xlsxFromParts({ sheets: [{ name: 'Records', xml: '<row r="1"><c r="A1"><v>1</v></c></row>'.repeat(50) }] });
        expect((await refusal(readAll(garble(good, 'xl/worksheets/sheet1.xml')))).code).to.equal('file-corrupt');
      });

      it('refuses a sheet whose compressed data ends too soon as damaged', async () => {
        const rows = Array.from({ length: 3000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i * 7919}</v></c></row>`).join('');
        const cut = patchDirectory(xlsxFromParts({ sheets: [{ name: 'Records', xml: rows }] }), 'xl/worksheets/sheet1.xml', 20, (size) => Math.floor(size / 2));
        expect((await refusal(readAll(cut))).code).to.equal('file-corrupt');
      });
    });
  }
});

describe('readSpreadsheet refusals: limits', () => {
  it('refuses a file over maxBytes, naming both sizes in human units', async () => {
    const bytes = bigCsv(2000);
    const issue = await refusal(readAll(bytes, { maxBytes: 20 * 1024 }));
    expect(issue.code).to.equal('file-too-large');
    // Sizes travel as bytes (no words in the core); the message words them.
    expect(issue.params).to.include({ sizeBytes: bytes.length, limitBytes: 20 * 1024 });
    expect(issue.message).to.match(/This file is \d+ KB; the limit is 20 KB/);
    expect((await readAll(bytes, { maxBytes: bytes.length })).result.rows).to.equal(2001);
  });

  it('refuses a zip bomb (1.1 GiB of zeros declared in ~100 KB) before inflating a byte when it declares its size', async function () {
    this.timeout(60_000);
    const data = await declaredBomb();
    expect(data.length).to.be.below(2 * 1024 * 1024);
    const issue = await refusal(readAll(data));
    expect(issue.code).to.equal('file-inflates-too-large');
    expect(issue.params?.['limitBytes']).to.equal(1000 * 1024 * 1024); // 20 × the 50 MiB default
    // With its data made undecodable, any inflating would end in file-corrupt: the declared size alone refused it.
    expect((await refusal(readAll(garble(data, 'xl/worksheets/sheet1.xml')))).code, 'refused without inflating').to.equal('file-inflates-too-large');
  });

  for (const [backend, native] of BACKENDS) {
    it(`refuses a zip bomb that lies about its size once the output passes the limit (${backend})`, async function () {
      this.timeout(60_000);
      useNativeInflate(native);
      try {
        const lying = declareSize(await bomb(), 'xl/worksheets/sheet1.xml', 4096);
        const progress: ReadProgress[] = [];
        let rows = 0;
        const issue = await refusal(
          readSpreadsheet(lying, { start() {}, row: () => void (rows += 1) }, { maxInflatedBytes: 16 * 1024 * 1024, onProgress: (p) => progress.push(p) }),
        );
        // 16 MB: below the worksheet's own bound on text outside rows (32 MB), so the budget is what stops it.
        expect(issue.code).to.equal('file-inflates-too-large');
        expect(issue.params?.['limitBytes']).to.equal(16 * 1024 * 1024);
        expect(issue.message).to.contain('16 MB');
        expect(rows).to.equal(0);
        const last = progress[progress.length - 1]!;
        expect(last.done / last.total, 'stopped long before the end of the data').to.be.below(0.25);
      } finally {
        useNativeInflate(undefined);
      }
    });
  }

  it('refuses with the defaults too, at the worksheet\'s 32 MB bound on text outside rows (long before the 1000 MiB budget)', async function () {
    this.timeout(60_000);
    const lying = declareSize(await bomb(), 'xl/worksheets/sheet1.xml', 4096);
    const issue = await refusal(readAll(lying));
    expect(issue.code).to.equal('file-inflates-too-large');
    expect(issue.params).to.include({ limitBytes: 32 * 1024 * 1024, part: 'worksheet' });
    expect(issue.message).to.contain('32 MB');
  });
});

describe('readSpreadsheet stops when asked', () => {
  it('does not start when the signal is already aborted, and throws its reason', async () => {
    let started = false;
    const reason = new Error('the admin left the page');
    try {
      await readSpreadsheet(bigCsv(10), { start: () => void (started = true), row() {} }, { signal: AbortSignal.abort(reason) });
      expect.fail('should have thrown');
    } catch (error) {
      expect(error).to.equal(reason);
    }
    expect(started).to.equal(false);
  });

  for (const format of ['csv', 'xlsx'] as const) {
    it(`stops a ${format} read mid-file on abort, with an AbortError, promptly`, async function () {
      this.timeout(60_000);
      const total = 150_000;
      const bytes =
        format === 'csv'
          ? bigCsv(total)
          : xlsxFromParts({
              sheets: [
                {
                  name: 'Records',
                  xml: Array.from({ length: total }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>user${i}@example.org</t></is></c><c r="B${i + 1}"><v>${i}</v></c></row>`).join(''),
                },
              ],
            });
      const controller = new AbortController();
      let rows = 0;
      let rowsAtAbort = 0;
      const sink = {
        start() {},
        row() {
          rows += 1;
          if (rows === 20_000) {
            // Abort from a timer, as a Cancel button or a worker message would: the reader must yield.
            setTimeout(() => {
              rowsAtAbort = rows;
              controller.abort();
            }, 0);
          }
        },
      };
      try {
        await readSpreadsheet(bytes, sink, { signal: controller.signal });
        expect.fail(`the read finished (${rows} rows) without seeing the abort`);
      } catch (error) {
        expect(error).to.be.instanceOf(DOMException);
        expect((error as DOMException).name).to.equal('AbortError');
      }
      expect(rowsAtAbort, 'the timer ran during the read').to.be.at.least(20_000);
      // Promptly in rows, not in milliseconds (which a busy machine stretches): the reader checks the signal
      // whenever it yields and at least every 4096 rows.
      expect(rows - rowsAtAbort, 'rows read after the abort').to.be.at.most(4096);
      expect(rows).to.be.below(total);
    });
  }

  it('stops on abort from onProgress', async () => {
    const controller = new AbortController();
    let rows = 0;
    let reports = 0;
    // A sink that takes its time (as validation does), so that the read lasts long enough to report.
    const sink = {
      start() {},
      row() {
        rows += 1;
        if (rows % 1000 === 0) for (const t = performance.now(); performance.now() - t < 3; );
      },
    };
    try {
      await readSpreadsheet(bigCsv(100_000), sink, {
        signal: controller.signal,
        onProgress: (p) => {
          reports += 1;
          if (p.done > 0) controller.abort();
        },
      });
      expect.fail('should have been aborted');
    } catch (error) {
      expect((error as DOMException).name).to.equal('AbortError');
    }
    expect(reports).to.equal(2);
    expect(rows).to.be.below(100_001);
  });

  it('reports progress at a sane rate, from 0 to the total, never backwards', async () => {
    const bytes = bigCsv(60_000);
    const progress: ReadProgress[] = [];
    await readAll(bytes, { onProgress: (p) => progress.push(p) });
    expect(progress[0]).to.deep.equal({ done: 0, total: bytes.length });
    expect(progress[progress.length - 1]).to.deep.equal({ done: bytes.length, total: bytes.length });
    expect(progress.length, 'not one report per row').to.be.below(200);
    for (let i = 1; i < progress.length; i += 1) expect(progress[i]!.done).to.be.at.least(progress[i - 1]!.done);
  });

  it('stops at once and rethrows what the sink throws (e.g. too many rows)', async () => {
    const stop = new Error('file-too-many-rows');
    let calls = 0;
    for (const bytes of [bigCsv(50), await smallXlsx()]) {
      calls = 0;
      try {
        await readSpreadsheet(bytes, {
          start() {},
          row() {
            calls += 1;
            if (calls === 3) throw stop;
          },
        });
        expect.fail('should have thrown');
      } catch (error) {
        expect(error).to.equal(stop);
      }
      expect(calls).to.equal(3);
    }
  });
});
