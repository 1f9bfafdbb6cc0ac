// Benchmark inputs: N records shaped like the real-world fixtures (Email, Completion date, Status, Score,
// Comments) as an .xlsx laid out the way Excel writes it (shared strings, a date style) and as a CSV.
// Written directly as XML and zipped with fflate (seconds, not minutes), cached in bench/.data/.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync, strToU8 } from 'fflate';

export const DATA_DIR = join(dirname(fileURLToPath(import.meta.url)), '.data');

const STATUSES = ['Passed', 'Failed', 'Completed'];
const COMMENTS = [
  'Trainer: Benoît Girard',
  'Late arrival, completed all modules',
  'Attendance only',
  'Årsta site',
  'Größe der Gruppe: 12',
  'Paper record scanned',
  'Rebooked from an earlier session',
  'Comma, inside; and "quotes"',
];
const FIRST = ['amelie', 'bruno', 'carla', 'david', 'elin', 'farid', 'greta', 'hugo', 'irene', 'jonas', 'kaori', 'liam'];
/** Serial of 2024-01-01 in the 1900 system. */
const SERIAL_2024 = 45292;

export interface BenchRecord {
  email: string;
  serial: number;
  iso: string;
  status: string;
  score: number | null;
  comment: string | null;
}

/** A deterministic pseudo-random record (the same N gives the same file). */
export function record(i: number): BenchRecord {
  const h = Math.imul(i + 1, 2654435761) >>> 0;
  const serial = SERIAL_2024 + (h % 700);
  const status = STATUSES[h % 3]!;
  const date = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10);
  return {
    email: `${FIRST[h % FIRST.length]}.${i}@example.org`,
    serial,
    iso: date,
    status,
    score: status === 'Completed' ? null : (h >>> 8) % 101,
    comment: (h >>> 4) % 2 === 0 ? null : COMMENTS[(h >>> 12) % COMMENTS.length]!,
  };
}

const HEADER = ['Email', 'Completion date', 'Status', 'Score', 'Comments'];

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function column(i: number): string {
  return String.fromCharCode(65 + i);
}

export function buildXlsx(rows: number): Uint8Array {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const sst = (text: string) => {
    let i = index.get(text);
    if (i === undefined) {
      i = strings.length;
      strings.push(text);
      index.set(text, i);
    }
    return i;
  };
  const parts: string[] = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><dimension ref="A1:E' +
      (rows + 1) +
      '"/><sheetViews><sheetView tabSelected="1" workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/><sheetData>',
  ];
  parts.push(`<row r="1" spans="1:5">${HEADER.map((h, c) => `<c r="${column(c)}1" t="s"><v>${sst(h)}</v></c>`).join('')}</row>`);
  for (let i = 0; i < rows; i += 1) {
    const r = i + 2;
    const rec = record(i);
    let row = `<row r="${r}" spans="1:5"><c r="A${r}" t="s"><v>${sst(rec.email)}</v></c><c r="B${r}" s="1"><v>${rec.serial}</v></c><c r="C${r}" t="s"><v>${sst(rec.status)}</v></c>`;
    if (rec.score !== null) row += `<c r="D${r}"><v>${rec.score}</v></c>`;
    if (rec.comment !== null) row += `<c r="E${r}" t="s"><v>${sst(rec.comment)}</v></c>`;
    parts.push(row + '</row>');
  }
  parts.push('</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>');
  const sheet = strToU8(parts.join(''));
  parts.length = 0;
  const sharedStrings = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}" uniqueCount="${strings.length}">` +
      strings.map((s) => `<si><t>${escapeXml(s)}</t></si>`).join('') +
      '</sst>',
  );
  const files = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ),
    'xl/workbook.xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr/><sheets><sheet name="Records" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
    ),
    'xl/styles.xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>',
    ),
    'xl/sharedStrings.xml': sharedStrings,
    'xl/worksheets/sheet1.xml': sheet,
  };
  return zipSync(files, { level: 6 });
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function buildCsv(rows: number): Uint8Array {
  const lines: string[] = [HEADER.join(',')];
  for (let i = 0; i < rows; i += 1) {
    const rec = record(i);
    lines.push([rec.email, rec.iso, rec.status, rec.score === null ? '' : String(rec.score), rec.comment === null ? '' : csvField(rec.comment)].join(','));
  }
  return new TextEncoder().encode(lines.join('\r\n') + '\r\n');
}

/** The cached file for `rows` records in `format`, written on first use. */
export function benchFile(rows: number, format: 'xlsx' | 'csv'): string {
  mkdirSync(DATA_DIR, { recursive: true });
  const path = join(DATA_DIR, `records-${rows}.${format}`);
  if (!existsSync(path)) writeFileSync(path, format === 'xlsx' ? buildXlsx(rows) : buildCsv(rows));
  return path;
}
