// The workbook's map: which sheets exist (names, visibility, their parts through workbook.xml.rels),
// the date system, which styles are dates (styles.xml) and the shared strings table.
import type { ReadControl } from '../control.js';
import { corrupt, fileIssue } from '../issue.js';
import { XmlTextDecoder, type InflateBudget, type ZipArchive, type ZipEntry } from '../zip.js';
import { isBuiltInDateFormat, isDateFormatCode } from './number-format.js';
import { attributeByLocalName, rootPrefix, stringItemText, tags } from './xml.js';

export type SheetState = 'visible' | 'hidden' | 'veryHidden';

export interface SheetInfo {
  readonly name: string;
  readonly state: SheetState;
  /** The worksheet part, e.g. `xl/worksheets/sheet1.xml`; undefined for chart sheets and dangling ids. */
  readonly path: string | undefined;
}

export interface WorkbookInfo {
  readonly path: string;
  readonly sheets: readonly SheetInfo[];
  readonly date1904: boolean;
  readonly sharedStringsPath: string | undefined;
  readonly stylesPath: string | undefined;
}

const REL_WORKSHEET = /\/worksheet$/;
const REL_SHARED_STRINGS = /\/sharedStrings$/;
const REL_STYLES = /\/styles$/;
const REL_OFFICE_DOCUMENT = /\/officeDocument$/;

/** Most shared strings we accept: beyond this a sharedStrings part is an attack on memory, not a list of records. */
const MAX_SHARED_STRINGS = 16_000_000;

interface Relationship {
  readonly type: string;
  readonly target: string;
}

/** `target` resolved against the folder of `source` (absolute targets start at the package root). */
export function resolvePart(source: string, target: string): string {
  const raw = target.replace(/\\/g, '/');
  const base = raw.startsWith('/') ? [] : source.split('/').slice(0, -1);
  for (const segment of raw.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') base.pop();
    else base.push(segment);
  }
  return base.join('/');
}

function relsPathOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

async function readRelationships(zip: ZipArchive, part: string, budget: InflateBudget): Promise<Map<string, Relationship>> {
  const rels = new Map<string, Relationship>();
  const entry = zip.get(relsPathOf(part));
  if (!entry) return rels;
  const text = await zip.text(entry, budget);
  for (const a of tags(text, 'Relationship')) {
    if (a['Id'] && a['Target'] !== undefined && a['TargetMode'] !== 'External') {
      rels.set(a['Id'], { type: a['Type'] ?? '', target: resolvePart(part, a['Target']) });
    }
  }
  return rels;
}

/** The workbook part: the package's officeDocument relationship, else the conventional `xl/workbook.xml`. */
export async function findWorkbook(zip: ZipArchive, budget: InflateBudget): Promise<string | undefined> {
  const root = await readRelationships(zip, '', budget);
  for (const rel of root.values()) {
    if (REL_OFFICE_DOCUMENT.test(rel.type) && zip.get(rel.target)) return rel.target;
  }
  return zip.get('xl/workbook.xml') ? 'xl/workbook.xml' : undefined;
}

export async function readWorkbook(zip: ZipArchive, path: string, budget: InflateBudget): Promise<WorkbookInfo> {
  const entry = zip.get(path);
  if (!entry) throw corrupt(`missing ${path}`);
  const text = await zip.text(entry, budget);
  if (rootPrefix(text, 'workbook') === undefined) throw corrupt(`${path} is not a workbook`);
  const rels = await readRelationships(zip, path, budget);
  const pr = tags(text, 'workbookPr').next().value;
  const date1904 = pr ? ['1', 'true'].includes((pr['date1904'] ?? '').toLowerCase()) : false;
  const sheets: SheetInfo[] = [];
  for (const a of tags(text, 'sheet')) {
    const name = a['name'];
    if (name === undefined) continue;
    const rid = attributeByLocalName(a, 'id', true);
    const rel = rid === undefined ? undefined : rels.get(rid);
    const state = a['state'] === 'hidden' || a['state'] === 'veryHidden' ? a['state'] : 'visible';
    sheets.push({ name, state, path: rel && REL_WORKSHEET.test(rel.type) && zip.get(rel.target) ? rel.target : undefined });
  }
  let sharedStringsPath: string | undefined;
  let stylesPath: string | undefined;
  for (const rel of rels.values()) {
    if (REL_SHARED_STRINGS.test(rel.type)) sharedStringsPath = rel.target;
    else if (REL_STYLES.test(rel.type)) stylesPath = rel.target;
  }
  const folder = path.slice(0, path.lastIndexOf('/') + 1);
  sharedStringsPath ??= zip.get(`${folder}sharedStrings.xml`) ? `${folder}sharedStrings.xml` : undefined;
  stylesPath ??= zip.get(`${folder}styles.xml`) ? `${folder}styles.xml` : undefined;
  return { path, sheets, date1904, sharedStringsPath, stylesPath };
}

/**
 * For each cell style index (`s` on a cell), whether its number format shows a date. Formats defined in
 * the file win over the built-in ids (LibreOffice and Gnumeric redefine low ids).
 */
export async function readDateStyles(zip: ZipArchive, path: string | undefined, budget: InflateBudget): Promise<Uint8Array> {
  const entry = path ? zip.get(path) : undefined;
  if (!entry) return new Uint8Array(0);
  const text = await zip.text(entry, budget);
  const custom = new Map<number, string>();
  for (const a of tags(text, 'numFmt')) {
    const id = Number(a['numFmtId']);
    if (Number.isInteger(id)) custom.set(id, a['formatCode'] ?? '');
  }
  const section = /<(?:[\w.-]+:)?cellXfs[\s>][\s\S]*?<\/(?:[\w.-]+:)?cellXfs>/.exec(text);
  if (!section) return new Uint8Array(0);
  const flags: number[] = [];
  for (const a of tags(section[0], 'xf')) {
    const id = Number(a['numFmtId'] ?? 0);
    const code = custom.get(id);
    flags.push((code !== undefined ? isDateFormatCode(code) : isBuiltInDateFormat(id)) ? 1 : 0);
  }
  return Uint8Array.from(flags);
}

/**
 * The shared strings table, parsed as it inflates: only complete `<si>` items are taken from each chunk,
 * the unfinished tail waits for the next one.
 */
export async function readSharedStrings(
  zip: ZipArchive,
  entry: ZipEntry,
  budget: InflateBudget,
  control: ReadControl,
  progressBase: number,
): Promise<string[]> {
  const strings: string[] = [];
  const decoder = new XmlTextDecoder();
  let carry = '';
  let prefix: string | undefined;
  const take = (text: string): number => {
    if (prefix === undefined) {
      prefix = rootPrefix(text, 'sst');
      if (prefix === undefined) return text.length > 4096 ? fail() : 0;
    }
    const open = `<${prefix}si`;
    const close = `</${prefix}si>`;
    let pos = 0;
    for (;;) {
      const start = text.indexOf(open, pos);
      if (start === -1) return Math.max(pos, text.length - open.length);
      const gt = text.indexOf('>', start);
      if (gt === -1) return start;
      if (text.charCodeAt(gt - 1) === 47 /* <si/> */) {
        strings.push('');
        pos = gt + 1;
        continue;
      }
      const end = text.indexOf(close, gt);
      if (end === -1) return start;
      strings.push(stringItemText(text, gt + 1, end, prefix));
      if (strings.length > MAX_SHARED_STRINGS) throw fileIssue('file-inflates-too-large', { limit: `${MAX_SHARED_STRINGS} shared strings` });
      pos = end + close.length;
    }
  };
  const fail = (): never => {
    throw corrupt('sharedStrings is not a string table');
  };
  await zip.inflate(
    entry,
    budget,
    (data) => {
      const text = decoder.decode(data, carry);
      carry = text.slice(take(text));
    },
    control,
    progressBase,
  );
  const rest = decoder.flush(carry);
  if (rest) take(rest);
  return strings;
}
