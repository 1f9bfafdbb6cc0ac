// Hostile uploads, built in memory: one builder per class of attack seen in issue 12 (a few kilobytes that
// took a tab to gigabytes or froze it), each with the outcome the reader must give. Shared by the quick
// regression tests (small `scale`) and `npm run bench:hostile` (scale 1: the sizes the issue measured).
// Large parts are deflated as they are generated, so building a 900 MB part never holds it.
import { Zip, ZipDeflate, ZipPassThrough, zipSync } from 'fflate';

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
/** The classroom template's headers (test/fixtures/specs.ts classroomSpec). */
export const HEADERS = ['Email', 'Completion date', 'Status', 'Trainer', 'Comments'];
const DATA_ROW = ['learner1@example.com', '2025-04-02', 'Completed', 'Ann', 'ok'];

/** A part's content: a string, or pieces produced one by one (never all held at once). */
type Content = string | Uint8Array | (() => Iterable<string | Uint8Array>);

const MB = 1024 * 1024;
const encoder = new TextEncoder();
const bytesOf = (piece: string | Uint8Array) => (typeof piece === 'string' ? encoder.encode(piece) : piece);

/** `text` repeated to `count` characters, in pieces of about 1 MB. */
export function* repeated(text: string, count: number): Generator<string> {
  const per = Math.max(1, Math.floor(MB / text.length));
  const block = text.repeat(per);
  let left = count;
  while (left >= per) {
    yield block;
    left -= per;
  }
  if (left > 0) yield text.repeat(left);
}

/** A zip of `parts`, deflated piece by piece (level 6; 0 stores). */
export function zipOf(parts: Record<string, Content>, level: 0 | 6 = 6): Uint8Array {
  const out: Uint8Array[] = [];
  let failed: Error | null = null;
  const zip = new Zip((error, data) => {
    if (error) failed = error;
    else out.push(data);
  });
  for (const [name, content] of Object.entries(parts)) {
    const file = level === 0 ? new ZipPassThrough(name) : new ZipDeflate(name, { level });
    zip.add(file);
    if (typeof content === 'function') {
      for (const piece of content()) file.push(bytesOf(piece));
      file.push(new Uint8Array(0), true);
    } else file.push(bytesOf(content), true);
  }
  zip.end();
  if (failed) throw failed;
  const length = out.reduce((n, c) => n + c.length, 0);
  const bytes = new Uint8Array(length);
  let at = 0;
  for (const chunk of out) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/** An inline-string cell. */
export function cell(ref: string, text: string): string {
  return `<c r="${ref}" t="inlineStr"><is><t>${escape(text)}</t></is></c>`;
}

export function row(r: number, values: readonly string[]): string {
  return `<row r="${r}">${values.map((v, i) => cell(`${String.fromCharCode(65 + i)}${r}`, v)).join('')}</row>`;
}

/** The head and tail of a worksheet whose first two rows are the header and one good record. */
export const SHEET_HEAD = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>${row(1, HEADERS)}${row(2, DATA_ROW)}`;
export const SHEET_TAIL = '</sheetData></worksheet>';

export interface WorkbookParts {
  readonly sheet?: Content;
  readonly sharedStrings?: Content;
  readonly styles?: Content;
  readonly sheetName?: string;
  readonly extra?: Record<string, Content>;
}

/** A minimal, valid .xlsx; any part may be replaced by a hostile one. */
export function xlsx(parts: WorkbookParts = {}): Uint8Array {
  const rels = (body: string) => `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${body}</Relationships>`;
  let bookRels = `<Relationship Id="s1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>`;
  if (parts.sharedStrings !== undefined) bookRels += `<Relationship Id="ss" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`;
  if (parts.styles !== undefined) bookRels += `<Relationship Id="st" Type="${REL}/styles" Target="styles.xml"/>`;
  const files: Record<string, Content> = {
    '[Content_Types].xml': '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    '_rels/.rels': rels(`<Relationship Id="r1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>`),
    'xl/workbook.xml': `<?xml version="1.0"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="${escape(parts.sheetName ?? 'Records')}" sheetId="1" r:id="s1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': rels(bookRels),
    'xl/worksheets/sheet1.xml': parts.sheet ?? SHEET_HEAD + SHEET_TAIL,
    ...(parts.sharedStrings !== undefined ? { 'xl/sharedStrings.xml': parts.sharedStrings } : {}),
    ...(parts.styles !== undefined ? { 'xl/styles.xml': parts.styles } : {}),
    ...parts.extra,
  };
  return zipOf(files);
}

export function csv(content: Content): Uint8Array {
  if (typeof content !== 'function') return bytesOf(content);
  const pieces = [...content()].map(bytesOf);
  const out = new Uint8Array(pieces.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const piece of pieces) {
    out.set(piece, at);
    at += piece.length;
  }
  return out;
}

const HEADER_LINE = HEADERS.join(',');
const DATA_LINE = DATA_ROW.join(',');

/** What reading must give: refused with one of these file issue codes, or read with this many records. */
export type Outcome = { readonly refused: readonly string[] } | { readonly records: number };

export interface HostileCase {
  readonly name: string;
  /** The attack, in the words of issue 12. */
  readonly what: string;
  readonly expect: Outcome;
  /** The file at `scale` (1: the size the issue measured; tests use ~0.01–0.05). */
  build(scale: number): Uint8Array;
}

const n = (base: number, scale: number, min = 1) => Math.max(min, Math.round(base * scale));

export const CASES: readonly HostileCase[] = [
  {
    name: 'row-whitespace',
    what: '50 MB of whitespace inside one <row> (quadratic re-decoding: 52.7 s in Chromium)',
    expect: { refused: ['file-row-too-large'] },
    build: (scale) =>
      xlsx({ sheet: () => [SHEET_HEAD, '<row r="3">', ...repeated(' ', n(50 * MB, scale, 2 * MB)), cell('A3', 'x'), '</row>', SHEET_TAIL] }),
  },
  {
    name: 'shared-string-100mb',
    what: 'one shared string of 100 MB in a 101 KB file (158 s, 970 MB)',
    expect: { refused: ['file-cell-too-long'] },
    build: (scale) =>
      xlsx({
        sharedStrings: () => [`<?xml version="1.0"?><sst xmlns="${MAIN}"><si><t>`, ...repeated('a', n(100 * MB, scale, 2 * MB)), '</t></si></sst>'],
      }),
  },
  {
    name: 'empty-si-flood',
    what: '180 million empty <si/> items in 1.3 MB (V8 fatal error in Node, "Invalid array length" in Chromium)',
    expect: { refused: ['file-too-much-text'] },
    build: (scale) => xlsx({ sharedStrings: () => [`<?xml version="1.0"?><sst xmlns="${MAIN}">`, ...repeated('<si/>', n(180_000_000, scale, 2_000_000)), '</sst>'] }),
  },
  {
    name: 'shared-strings-900mb',
    what: 'shared strings totalling 900 MB in a 1 MB file (1.37 GB kept)',
    expect: { refused: ['file-too-much-text'] },
    build: (scale) => {
      const item = `<si><t>${'b'.repeat(30_000)}</t></si>`;
      return xlsx({ sharedStrings: () => [`<?xml version="1.0"?><sst xmlns="${MAIN}">`, ...repeated(item, n(30_000, scale, 400)), '</sst>'] });
    },
  },
  {
    name: 'styles-backtracking',
    what: '80,000 <cellXfs> openings in styles.xml (23.4 s; 19.5 KB did not finish in 90 s)',
    expect: { records: 1 },
    build: (scale) => xlsx({ styles: () => [`<?xml version="1.0"?><styleSheet xmlns="${MAIN}">`, ...repeated('<cellXfs count="1"><xf numFmtId="0"/>', n(80_000, scale, 2_000)), '</styleSheet>'] }),
  },
  {
    name: 'columns-csv',
    what: 'a 1.9 MB CSV with 1,000,000 columns (1M issues, 171 s, 10.6 GB tab)',
    expect: { refused: ['file-too-many-columns', 'file-row-too-large'] },
    build: (scale) => csv(() => [HEADER_LINE, '\n', DATA_LINE, '\n', ...repeated('x,', n(1_000_000, scale, 20_000)), '\n']),
  },
  {
    name: 'columns-xlsx',
    what: 'a cell past Excel\'s last column (XFD)',
    expect: { refused: ['file-too-many-columns'] },
    build: () => xlsx({ sheet: SHEET_HEAD + `<row r="3">${cell('XFE3', 'far')}</row>` + SHEET_TAIL }),
  },
  {
    name: 'blank-lines-csv',
    what: '49 MB of blank CSV lines (the issue: 50 MB, 27 s, 1.48 GB; not counted toward max-rows)',
    expect: { refused: ['file-too-many-blank-rows'] },
    build: (scale) => csv(() => [HEADER_LINE, '\n', DATA_LINE, '\n', ...repeated('\n', n(49 * MB, scale, 200_000))]),
  },
  {
    name: 'blank-rows-xlsx',
    what: 'a million empty <row/> elements',
    expect: { refused: ['file-too-many-blank-rows'] },
    build: (scale) => xlsx({ sheet: () => [SHEET_HEAD, ...repeated('<row/>', n(1_000_000, scale, 200_000)), SHEET_TAIL] }),
  },
  {
    name: 'huge-headers-csv',
    what: 'a 40 MB CSV with ten 4 MB headers (43 s, 3.8 GB)',
    expect: { refused: ['file-row-too-large'] },
    build: (scale) => {
      const header = 'h'.repeat(n(4 * MB, scale, 2 * MB));
      return csv(() => [Array.from({ length: 10 }, () => header).join(','), '\n', DATA_LINE, '\n']);
    },
  },
  {
    name: 'long-header-line-lf',
    what: 'a CSV (LF line ends) whose header line is over 1 MB: not "no header row"',
    expect: { refused: ['file-row-too-large'] },
    build: () => csv(() => [HEADER_LINE, ',', 'z'.repeat(MB + 10), '\n', DATA_LINE, '\n']),
  },
  {
    name: 'long-cell-csv',
    what: 'a CSV field longer than Excel allows in a cell',
    expect: { refused: ['file-cell-too-long'] },
    build: () => csv(() => [HEADER_LINE, '\n', DATA_LINE, ',', 'y'.repeat(40_000), '\n']),
  },
  {
    name: 'unclosed-quote-csv',
    what: 'a quote that never closes, then 49 MB',
    expect: { refused: ['file-row-too-large'] },
    build: (scale) => csv(() => [HEADER_LINE, '\n', DATA_LINE, '\n"', ...repeated('q', n(49 * MB, scale, 3 * MB))]),
  },
  {
    name: 'whitespace-before-root',
    what: '200 MB of whitespace before the sheet\'s root element (said "No header row was found")',
    expect: { refused: ['file-inflates-too-large'] },
    build: (scale) => xlsx({ sheet: () => ['<?xml version="1.0" encoding="UTF-8"?>', ...repeated(' ', n(200 * MB, scale, 40 * MB)), SHEET_HEAD.slice(SHEET_HEAD.indexOf('?>') + 2), SHEET_TAIL] }),
  },
  {
    name: 'whitespace-before-root-1mb',
    what: 'a megabyte of whitespace and comments before the root element: read as usual',
    expect: { records: 1 },
    build: () => xlsx({ sheet: () => ['<?xml version="1.0" encoding="UTF-8"?>', ...repeated(' ', MB), '<!-- a comment -->', ...repeated('\n', 100_000), SHEET_HEAD.slice(SHEET_HEAD.indexOf('?>') + 2), SHEET_TAIL] }),
  },
  {
    name: 'inline-text-flood',
    what: 'inline strings totalling more text than the shared-strings cap allows',
    expect: { refused: ['file-too-much-text'] },
    build: (scale) => {
      const text = 't'.repeat(20_000);
      const rows = n(4_000, scale, 600);
      return xlsx({
        sheet: () => [SHEET_HEAD, ...(function* () {
          for (let r = 3; r < 3 + rows; r += 1) yield `<row r="${r}">${cell(`E${r}`, text)}</row>`;
        })(), SHEET_TAIL],
      });
    },
  },
  {
    name: 'zip-entries',
    what: 'a zip directory listing 25,000 entries',
    expect: { refused: ['file-corrupt'] },
    build: () => {
      const files: Record<string, Uint8Array> = {};
      for (let i = 0; i < 25_000; i += 1) files[`x/${i}`] = new Uint8Array(0);
      return zipSync(files, { level: 0 });
    },
  },
  {
    name: 'long-sheet-name',
    what: 'a sheet name of 60,000 characters (echoed on screen)',
    expect: { records: 1 },
    build: () => xlsx({ sheetName: 'S'.repeat(60_000) }),
  },
  {
    name: 'long-tag-workbook',
    what: 'a workbook.xml tag of 8 MB (a sheet name no scanner should hold)',
    expect: { refused: ['file-corrupt'] },
    build: (scale) => xlsx({ sheetName: 'N'.repeat(n(8 * MB, scale, 200_000)) }),
  },
];
