// The long-task benchmark's uploads and LMS (bench/longtask.chromium.ts). A file may name each learner once,
// and the demo world has ~2,450 users, so the benchmark's LMS is the reference server's demo data plus N
// learners of its own (`learner000001@bench.northwind.example`…, active, in Employees), written into a
// PGlite data directory once (cached in bench/.data/). The uploads: N rows for the demo's classroom
// activity (Fire Safety Induction, Employees, Email), one per bench learner, dates from the activity's
// start to two days ago — as an .xlsx laid out the way Excel writes it (shared strings, dates as serials
// with a date style) and as a CSV. `problemEvery` > 0 writes a malformed e-mail on every so-many-th row
// (client-side issues, so the review's grid has cells to fix). Written with fflate in seconds.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { DEMO } from '../demo/mocks/data.js';
import { openDatabase } from '../server/db/database.js';
import { migrate } from '../server/db/migrate.js';
import { seed } from '../server/db/seed.js';
import { DATA_DIR } from './generate.js';

export const ACTIVITY = DEMO.activities.classroom;
export const HEADER = ['Email', 'Completion date', 'Status', 'Trainer', 'Comments'] as const;

interface Row {
  readonly email: string;
  readonly iso: string;
  readonly status: string;
  readonly trainer: string;
  readonly comment: string;
}

const DAY = 86_400_000;
const learner = (k: number) => `learner${String(k).padStart(6, '0')}@bench.northwind.example`;

/** `n` rows, in a fixed order for a given `today` (the same day gives the same file). */
export function rows(n: number, problemEvery = 0, today = Date.now()): Row[] {
  const first = Date.parse('2024-01-08');
  const days = Math.floor((today - 2 * DAY - first) / DAY);
  const out: Row[] = [];
  for (let k = 1; k <= n; k++) {
    const iso = new Date(first + (k % days) * DAY).toISOString().slice(0, 10);
    const email = problemEvery > 0 && k % problemEvery === 0 ? learner(k).replace('@', '-at-') : learner(k);
    out.push({ email, iso, status: k % 3 ? 'Completed' : 'Attended', trainer: k % 2 ? 'Sam Lee' : 'Priya Nair', comment: k % 7 === 0 ? 'Late arrival; stayed to the end' : '' });
  }
  return out;
}

/** The reference server's database for `n` rows: the demo data plus n bench learners. Its data directory. */
export async function benchDatabase(n: number): Promise<string> {
  const dir = join(DATA_DIR, `longtask-db-${n}`);
  if (existsSync(join(dir, '.ready'))) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const db = await openDatabase({ dataDir: dir });
  await migrate(db);
  await seed(db);
  const ids = Array.from({ length: n }, (_, i) => `bench-${String(i + 1).padStart(6, '0')}`);
  for (let start = 0; start < n; start += 20_000) {
    const part = ids.slice(start, start + 20_000);
    const json = (rows: object[]) => JSON.stringify(rows);
    await db.query(`INSERT INTO users (id, first_name, last_name, active, can_upload) SELECT r.id, r.f, r.l, true, false FROM jsonb_to_recordset($1::jsonb) AS r(id text, f text, l text)`, [
      json(part.map((id, i) => ({ id, f: 'Learner', l: String(start + i + 1) }))),
    ]);
    await db.query(`INSERT INTO user_domains (user_id, domain_id) SELECT r.id, $2 FROM jsonb_to_recordset($1::jsonb) AS r(id text)`, [json(part.map((id) => ({ id }))), DEMO.domains.employees]);
    await db.query(`INSERT INTO user_identifiers (kind, value, user_id) SELECT 'email', r.v, r.id FROM jsonb_to_recordset($1::jsonb) AS r(id text, v text)`, [
      json(part.map((id, i) => ({ id, v: learner(start + i + 1) }))),
    ]);
  }
  await db.close();
  writeFileSync(join(dir, '.ready'), '');
  return dir;
}

const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const serial = (iso: string) => Math.round((Date.parse(iso) - Date.UTC(1899, 11, 30)) / DAY);

export function xlsx(data: readonly Row[]): Uint8Array {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const s = (text: string) => {
    let i = index.get(text);
    if (i === undefined) index.set(text, (i = strings.push(text) - 1));
    return i;
  };
  const parts = [
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:E${data.length + 1}"/><sheetData>`,
    `<row r="1">${HEADER.map((h, c) => `<c r="${'ABCDE'[c]}1" t="s"><v>${s(h)}</v></c>`).join('')}</row>`,
  ];
  data.forEach((row, i) => {
    const r = i + 2;
    let cells = `<c r="A${r}" t="s"><v>${s(row.email)}</v></c><c r="B${r}" s="1"><v>${serial(row.iso)}</v></c><c r="C${r}" t="s"><v>${s(row.status)}</v></c><c r="D${r}" t="s"><v>${s(row.trainer)}</v></c>`;
    if (row.comment) cells += `<c r="E${r}" t="s"><v>${s(row.comment)}</v></c>`;
    parts.push(`<row r="${r}">${cells}</row>`);
  });
  parts.push('</sheetData></worksheet>');
  const head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  const rels = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  return zipSync(
    {
      '[Content_Types].xml': strToU8(
        `${head}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
      ),
      '_rels/.rels': strToU8(`${head}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rels}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
      'xl/workbook.xml': strToU8(`${head}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${rels}"><sheets><sheet name="Records" sheetId="1" r:id="rId1"/></sheets></workbook>`),
      'xl/_rels/workbook.xml.rels': strToU8(
        `${head}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rels}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${rels}/styles" Target="styles.xml"/><Relationship Id="rId3" Type="${rels}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
      ),
      'xl/styles.xml': strToU8(
        `${head}<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`,
      ),
      'xl/sharedStrings.xml': strToU8(`${head}<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((t) => `<si><t>${xml(t)}</t></si>`).join('')}</sst>`),
      'xl/worksheets/sheet1.xml': strToU8(parts.join('')),
    },
    { level: 6 },
  );
}

export function csv(data: readonly Row[]): Uint8Array {
  const lines = [HEADER.join(',')];
  for (const r of data) lines.push([r.email, r.iso, r.status, r.trainer, r.comment].join(','));
  return new TextEncoder().encode(lines.join('\r\n') + '\r\n');
}

/** The cached upload (written on first use today): its path. */
export function uploadFile(n: number, format: 'xlsx' | 'csv', problemEvery = 0): string {
  mkdirSync(DATA_DIR, { recursive: true });
  const today = new Date().toISOString().slice(0, 10);
  const path = join(DATA_DIR, `longtask-${n}${problemEvery ? `-p${problemEvery}` : ''}-${today}.${format}`);
  if (!existsSync(path)) {
    const data = rows(n, problemEvery);
    writeFileSync(path, format === 'xlsx' ? xlsx(data) : csv(data));
  }
  return path;
}
