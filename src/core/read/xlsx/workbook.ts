// The workbook's map: which sheets exist (names, visibility, their parts through workbook.xml.rels),
// the date system and which styles are dates (styles.xml). The shared strings table: shared-strings.ts.
import { corrupt } from '../issue.js';
import { MAX_SMALL_PART_BYTES, partTooLarge } from '../limits.js';
import { XmlTextDecoder, type InflateBudget, type Pacer, type ZipArchive, type ZipEntry } from '../zip.js';
import { isBuiltInDateFormat, isDateFormatCode } from './number-format.js';
import { attributeByLocalName, attributes, MarkupTooLong, TagScanner, type TagHandler } from './xml.js';

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

/**
 * Streams a small part (workbook, relationships, styles) through the tag scanner: no regular expression
 * over the whole part, a size cap checked as it inflates, and the read's abort check between chunks.
 */
async function scanPart(zip: ZipArchive, entry: ZipEntry, budget: InflateBudget, pacer: Pacer | undefined, handler: TagHandler): Promise<void> {
  if (entry.size > MAX_SMALL_PART_BYTES) throw partTooLarge(entry.name);
  const scanner = new TagScanner(handler);
  const decoder = new XmlTextDecoder();
  let carry = '';
  let inflated = 0;
  try {
    await zip.inflate(
      entry,
      budget,
      (data) => {
        inflated += data.length;
        if (inflated > MAX_SMALL_PART_BYTES) throw partTooLarge(entry.name);
        const text = decoder.decode(data, carry);
        carry = text.slice(scanner.take(text));
      },
      pacer,
    );
    scanner.take(decoder.flush(carry));
  } catch (error) {
    if (error instanceof MarkupTooLong) throw corrupt(`${entry.name}: ${error.message}`);
    throw error;
  }
}

/** Every start tag named `local` (any prefix) in a small part, with its attributes. */
async function collectTags(zip: ZipArchive, entry: ZipEntry, budget: InflateBudget, pacer: Pacer | undefined, locals: ReadonlySet<string>) {
  const found: { local: string; attrs: Record<string, string> }[] = [];
  await scanPart(zip, entry, budget, pacer, {
    open: (local, tag) => {
      if (locals.has(local)) found.push({ local, attrs: attributes(tag) });
    },
    close: () => undefined,
  });
  return found;
}

async function readRelationships(zip: ZipArchive, part: string, budget: InflateBudget, pacer?: Pacer): Promise<Map<string, Relationship>> {
  const rels = new Map<string, Relationship>();
  const entry = zip.get(relsPathOf(part));
  if (!entry) return rels;
  for (const { attrs: a } of await collectTags(zip, entry, budget, pacer, new Set(['Relationship']))) {
    if (a['Id'] && a['Target'] !== undefined && a['TargetMode'] !== 'External' && !rels.has(a['Id'])) {
      rels.set(a['Id'], { type: a['Type'] ?? '', target: resolvePart(part, a['Target']) });
    }
  }
  return rels;
}

/** The workbook part: the package's officeDocument relationship, else the conventional `xl/workbook.xml`. */
export async function findWorkbook(zip: ZipArchive, budget: InflateBudget, pacer?: Pacer): Promise<string | undefined> {
  const root = await readRelationships(zip, '', budget, pacer);
  for (const rel of root.values()) {
    if (REL_OFFICE_DOCUMENT.test(rel.type) && zip.get(rel.target)) return rel.target;
  }
  return zip.get('xl/workbook.xml') ? 'xl/workbook.xml' : undefined;
}

export async function readWorkbook(zip: ZipArchive, path: string, budget: InflateBudget, pacer?: Pacer): Promise<WorkbookInfo> {
  const entry = zip.get(path);
  if (!entry) throw corrupt(`missing ${path}`);
  let root: string | undefined;
  let date1904 = false;
  const sheetTags: Record<string, string>[] = [];
  await scanPart(zip, entry, budget, pacer, {
    open: (local, tag) => {
      root ??= local;
      if (local === 'workbookPr') date1904 = ['1', 'true'].includes((attributes(tag)['date1904'] ?? '').toLowerCase());
      else if (local === 'sheet') sheetTags.push(attributes(tag));
    },
    close: () => undefined,
  });
  if (root !== 'workbook') throw corrupt(`${path} is not a workbook`);
  const rels = await readRelationships(zip, path, budget, pacer);
  const sheets: SheetInfo[] = [];
  for (const a of sheetTags) {
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
export async function readDateStyles(zip: ZipArchive, path: string | undefined, budget: InflateBudget, pacer?: Pacer): Promise<Uint8Array> {
  const entry = path ? zip.get(path) : undefined;
  if (!entry) return new Uint8Array(0);
  const custom = new Map<number, string>();
  // The number format of each `<xf>` in `<cellXfs>` (not `<cellStyleXfs>`), in order; formats are
  // resolved at the end, as `<numFmts>` may in principle follow.
  const formatIds: number[] = [];
  let inCellXfs = 0;
  let seenCellXfs = false;
  await scanPart(zip, entry, budget, pacer, {
    open: (local, tag) => {
      if (local === 'numFmt') {
        const a = attributes(tag);
        const id = Number(a['numFmtId']);
        if (Number.isInteger(id)) custom.set(id, a['formatCode'] ?? '');
      } else if (local === 'cellXfs') {
        if (!seenCellXfs) inCellXfs += 1;
      } else if (local === 'xf' && inCellXfs > 0) {
        formatIds.push(Number(attributes(tag)['numFmtId'] ?? 0));
      }
    },
    close: (local) => {
      if (local === 'cellXfs' && inCellXfs > 0) {
        inCellXfs -= 1;
        seenCellXfs = true;
      }
    },
  });
  const flags = new Uint8Array(formatIds.length);
  const cache = new Map<number, boolean>();
  formatIds.forEach((id, i) => {
    let date = cache.get(id);
    if (date === undefined) {
      const code = custom.get(id);
      date = code !== undefined ? isDateFormatCode(code) : isBuiltInDateFormat(id);
      cache.set(id, date);
    }
    flags[i] = date ? 1 : 0;
  });
  return flags;
}
