// Small XML helpers for the xlsx parts: entity and `_xHHHH_` unescaping, attributes of one tag, the
// namespace prefix a part uses, and the text runs of a string item (shared or inline).

const ENTITY = /&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const OOXML_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

function codePoint(n: number): string {
  return n >= 0 && n <= 0x10ffff ? String.fromCodePoint(n) : '\uFFFD';
}

/** XML character and entity references. */
export function decodeEntities(raw: string): string {
  if (raw.indexOf('&') === -1) return raw;
  return raw.replace(ENTITY, (_m, hex: string | undefined, dec: string | undefined, name: string | undefined) =>
    hex !== undefined ? codePoint(parseInt(hex, 16)) : dec !== undefined ? codePoint(parseInt(dec, 10)) : NAMED[name!]!,
  );
}

/**
 * Text of a string cell: entities, then OOXML's `_xHHHH_` escapes for characters XML cannot carry (Excel
 * writes a carriage return as `_x000D_`; a literal `_x000D_` is written `_x005F_x000D_`).
 */
export function decodeXString(raw: string): string {
  const text = decodeEntities(raw);
  if (text.indexOf('_x') === -1) return text;
  return text.replace(OOXML_ESCAPE, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

const ATTRIBUTE = /([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** All attributes of one tag (its text from `<` to `>`), values unescaped; keys as written (`r:id`). */
export function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  ATTRIBUTE.lastIndex = 0;
  for (let m = ATTRIBUTE.exec(tag); m; m = ATTRIBUTE.exec(tag)) {
    out[m[1]!] = decodeEntities(m[2] ?? m[3] ?? '');
  }
  return out;
}

/** The value of an attribute by local name, whatever its prefix (`r:id`, `ns1:id`…). */
export function attributeByLocalName(attrs: Record<string, string>, local: string, prefixed: boolean): string | undefined {
  for (const [key, value] of Object.entries(attrs)) {
    const colon = key.indexOf(':');
    if (prefixed ? colon > 0 && key.slice(colon + 1) === local && !key.startsWith('xmlns') : key === local) return value;
  }
  return undefined;
}

/**
 * The namespace prefix (with its colon, or '') of the part's root element named `root`, found in the
 * first chunk of the part. Most writers use the default namespace; some (.NET SDK) write `x:worksheet`.
 */
export function rootPrefix(text: string, root: string): string | undefined {
  const re = new RegExp(`<([A-Za-z_][\\w.-]*:)?${root}[\\s>/]`);
  const m = re.exec(text);
  if (!m) return undefined;
  return m[1] ?? '';
}

/** Every opening (or empty) tag named `name` (any prefix) in `text`, with its attributes. */
export function* tags(text: string, name: string): Generator<Record<string, string>> {
  const re = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${name}(?=[\\s>/])[^>]*>`, 'g');
  for (let m = re.exec(text); m; m = re.exec(text)) yield attributes(m[0]);
}

function isXmlSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

function trimXmlSpace(raw: string): string {
  let a = 0;
  let b = raw.length;
  while (a < b && isXmlSpace(raw.charCodeAt(a))) a += 1;
  while (b > a && isXmlSpace(raw.charCodeAt(b - 1))) b -= 1;
  return a === 0 && b === raw.length ? raw : raw.slice(a, b);
}

/**
 * The text of a string item (`<si>` or `<is>` content between `from` and `to`): every `<t>` run in order,
 * phonetic runs (`<rPh>`) left out. Without `xml:space="preserve"` Excel drops a run's surrounding
 * whitespace, so we do too.
 */
export function stringItemText(buf: string, from: number, to: number, prefix: string): string {
  let out = '';
  let p = buf.indexOf('<', from);
  const tLen = prefix.length + 1;
  while (p !== -1 && p < to) {
    const nameAt = p + 1;
    if (buf.startsWith(prefix, nameAt)) {
      const after = nameAt + prefix.length;
      const c0 = buf.charCodeAt(after);
      if (c0 === 116 /* t */) {
        const next = buf.charCodeAt(after + 1);
        if (next === 62 /* > */ || isXmlSpace(next) || next === 47 /* / */) {
          const gt = buf.indexOf('>', after);
          if (gt === -1 || gt >= to) break;
          if (buf.charCodeAt(gt - 1) === 47) {
            p = buf.indexOf('<', gt);
            continue;
          }
          const close = buf.indexOf(`</${prefix}t>`, gt);
          if (close === -1 || close > to) break;
          const raw = buf.slice(gt + 1, close);
          const preserve = gt - p > tLen + 1 && buf.slice(p, gt).indexOf('preserve') !== -1;
          out += decodeXString(preserve ? raw : trimXmlSpace(raw));
          p = buf.indexOf('<', close + 2);
          continue;
        }
      } else if (c0 === 114 /* r */ && buf.startsWith('Ph', after + 1)) {
        const close = buf.indexOf(`</${prefix}rPh>`, after);
        if (close === -1 || close > to) {
          // An empty <rPh/> or a damaged one: step over the tag only.
          p = buf.indexOf('<', after);
          continue;
        }
        p = buf.indexOf('<', close + 2);
        continue;
      }
    }
    p = buf.indexOf('<', p + 1);
  }
  return out;
}
