// Which sheet-XML parser to use: the hand-written SheetScanner against saxes (a conformant streaming SAX
// parser) on the same worksheet of a 100k-row .xlsx, both producing the same cells, in Node.
//   npx tsx bench/scanner-compare.bench.ts [rows]
import { readFileSync } from 'node:fs';
import { Inflate, unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import type { Cell } from '../src/core/cells.js';
import { serialToDate } from '../src/core/dates.js';
import { readSpreadsheet } from '../src/core/read/index.js';
import { SheetBytes } from '../src/core/read/xlsx/bytes.js';
import { SheetScanner } from '../src/core/read/xlsx/sheet.js';
import { readSharedStrings } from '../src/core/read/xlsx/shared-strings.js';
import { readLimits } from '../src/core/read/limits.js';
import { ReadControl } from '../src/core/read/control.js';
import { InflateBudget, XmlTextDecoder, ZipArchive } from '../src/core/read/zip.js';
import { benchFile } from './generate.js';

const rows = Number(process.argv[2] ?? 100_000);
const file = benchFile(rows, 'xlsx');
const bytes = new Uint8Array(readFileSync(file));
const zip = new ZipArchive(bytes);
const sheetEntry = zip.get('xl/worksheets/sheet1.xml')!;
const dateStyles = Uint8Array.from([0, 1]);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function time(fn: () => unknown | Promise<unknown>, runs = 7): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}

/** Column index of a reference such as `C7`. */
function column(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i += 1) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  return col - 1;
}

/** The same cells as SheetScanner gives, from saxes events (only what the bench sheet uses). */
function parseWithSaxes(chunks: readonly Uint8Array[], strings: readonly string[], onRow: (row: number, cells: Cell[]) => void): void {
  const parser = new SaxesParser();
  let cells: Cell[] = [];
  let row = 0;
  let type = '';
  let style = 0;
  let col = 0;
  let inValue = false;
  let value = '';
  parser.on('opentag', (tag) => {
    const a = tag.attributes as Record<string, string>;
    if (tag.name === 'row') {
      row = Number(a['r']);
      cells = [];
    } else if (tag.name === 'c') {
      type = a['t'] ?? 'n';
      style = a['s'] ? Number(a['s']) : 0;
      col = column(a['r'] ?? '');
    } else if (tag.name === 'v') {
      inValue = true;
      value = '';
    }
  });
  parser.on('text', (text) => {
    if (inValue) value += text;
  });
  parser.on('closetag', (tag) => {
    if (tag.name === 'v') {
      inValue = false;
      let cell: Cell;
      if (type === 's') cell = strings[Number(value)] ?? null;
      else {
        const n = Number(value);
        cell = dateStyles[style] === 1 ? (serialToDate(n) ?? n) : n;
      }
      while (cells.length < col) cells.push(null);
      cells[col] = cell;
    } else if (tag.name === 'row') onRow(row, cells);
  });
  const decoder = new XmlTextDecoder();
  for (const chunk of chunks) parser.write(decoder.decode(chunk));
  parser.write(decoder.flush());
  parser.close();
}

/** The sheet's bytes as the reader sees them: inflated chunk by chunk. */
function sheetChunks(): Uint8Array[] {
  const out: Uint8Array[] = [];
  const at = sheetEntry.localOffset + 30 + (bytes[sheetEntry.localOffset + 26]! | (bytes[sheetEntry.localOffset + 27]! << 8)) + (bytes[sheetEntry.localOffset + 28]! | (bytes[sheetEntry.localOffset + 29]! << 8));
  const inflater = new Inflate((data) => out.push(data));
  const end = at + sheetEntry.compressedSize;
  for (let p = at; p < end; p += 32_768) inflater.push(bytes.subarray(p, Math.min(p + 32_768, end)), p + 32_768 >= end);
  return out;
}

async function main(): Promise<void> {
  const strings = await readSharedStrings(zip, zip.get('xl/sharedStrings.xml')!, new InflateBudget(2 ** 33), new ReadControl(undefined, undefined, 1), 0, readLimits(10_000_000));
  const chunks = sheetChunks();
  const xmlBytes = chunks.reduce((n, c) => n + c.length, 0);

  // Both parsers must agree before we time them.
  const a: string[] = [];
  const b: string[] = [];
  const scanAll = (onRow: (row: number, cells: Cell[]) => void) => {
    const scanner = new SheetScanner({ sharedStrings: strings, dateStyles, date1904: false }, onRow);
    const feed = new SheetBytes();
    for (const chunk of chunks) {
      const buf = feed.next(chunk);
      feed.keep(buf, scanner.take(buf));
    }
    scanner.finish(feed.rest());
  };
  scanAll((row, cells) => a.push(`${row}:${JSON.stringify(cells)}`));
  parseWithSaxes(chunks, strings, (row, cells) => b.push(`${row}:${JSON.stringify(cells)}`));
  if (a.length !== b.length || a.some((line, i) => line !== b[i])) throw new Error('the two parsers disagree');

  let count = 0;
  const scanner = await time(() => scanAll(() => void (count += 1)));
  const saxes = await time(() => parseWithSaxes(chunks, strings, () => void (count += 1)), 3);
  const unzip = await time(() => unzipSync(bytes));
  const read = await time(() => readSpreadsheet(bytes, { start() {}, row: () => void (count += 1) }));
  process.stdout.write(
    `${rows.toLocaleString('en')} rows, worksheet XML ${(xmlBytes / 1e6).toFixed(1)} MB (already inflated; decoding is included), Node ${process.version}\n\n` +
      '| parser | sheet XML → rows | per row |\n|---|---:|---:|\n' +
      `| hand-written SheetScanner | ${scanner.toFixed(0)} ms | ${((scanner * 1000) / rows).toFixed(2)} µs |\n` +
      `| saxes 6 (SAX events + same cell logic) | ${saxes.toFixed(0)} ms | ${((saxes * 1000) / rows).toFixed(2)} µs |\n\n` +
      `For scale: fflate unzipSync of the whole file ${unzip.toFixed(0)} ms; readSpreadsheet end to end ${read.toFixed(0)} ms.\n`,
  );
}

void main();
