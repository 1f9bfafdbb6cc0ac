// Writes the README's reference tables of both elements (attributes and properties, methods, events,
// slots, CSS parts, CSS custom properties) from custom-elements.json, between marker comments:
//   <!-- docs-tables:<tag>:start --> … <!-- docs-tables:<tag>:end -->
// `npm run docs` rewrites them; `node scripts/docs-tables.mjs --check` fails when README and manifest drift
// (the node tests run the same check). The JSDoc in the elements is the one source.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** One table cell: one line, pipes escaped, element names (`<upload-summary>`) as code so they show. */
const cell = (text) =>
  String(text ?? '')
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|')
    .replace(/(?<!`)<([a-z][\w-]*)>(?!`)/g, '`<$1>`')
    .trim() || '—';
const code = (text) => (text ? `\`${String(text).replace(/\|/g, '\\|')}\`` : '—');

function table(headers, rows) {
  if (rows.length === 0) return '';
  return [`| ${headers.join(' | ')} |`, `|${headers.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

/** The public custom elements of the manifest, by tag name. */
export function elementsOf(manifest) {
  const out = new Map();
  for (const mod of manifest.modules ?? []) {
    for (const d of mod.declarations ?? []) if (d.customElement && d.tagName) out.set(d.tagName, d);
  }
  return out;
}

/** The Markdown reference of one element, from its manifest declaration. */
export function elementTables(d) {
  const isPublic = (m) => (!m.privacy || m.privacy === 'public') && !m.static && !/@internal/.test(m.description ?? '');
  const fields = (d.members ?? []).filter((m) => m.kind === 'field' && isPublic(m));
  const fieldNames = new Set(fields.map((f) => f.name));
  const attrOnly = (d.attributes ?? []).filter((a) => !a.fieldName || !fieldNames.has(a.fieldName));
  const props = [
    ...attrOnly.map((a) => [code(a.name), a.fieldName ? code(a.fieldName) : '—', code(a.type?.text), code(a.default), cell(a.description)]),
    ...fields.map((f) => [
      f.attribute ? code(f.attribute) : '—',
      code(f.name) + (f.readonly ? ' (read-only)' : ''),
      code(f.type?.text),
      code(f.default),
      cell(f.description),
    ]),
  ];
  const methods = (d.members ?? [])
    .filter((m) => m.kind === 'method' && isPublic(m))
    .map((m) => [code(`${m.name}(${(m.parameters ?? []).map((p) => p.name).join(', ')})`), code(m.return?.type?.text), cell(m.description)]);
  const events = (d.events ?? []).filter((e) => e.name).map((e) => [code(e.name), code(e.type?.text), cell(e.description)]);
  const slots = (d.slots ?? []).map((s) => [s.name ? code(s.name) : '(default)', cell(s.description)]);
  const parts = (d.cssParts ?? []).map((p) => [code(p.name), cell(p.description)]);
  const cssProps = (d.cssProperties ?? []).map((p) => [code(p.name), code(p.default), cell(p.description)]);
  return [
    ['Attributes and properties', table(['Attribute', 'Property', 'Type', 'Default', 'Meaning'], props)],
    ['Methods', table(['Method', 'Returns', 'Meaning'], methods)],
    ['Events', table(['Event', 'Type', 'Meaning'], events)],
    ['Slots', table(['Slot', 'Meaning'], slots)],
    ['CSS parts', table(['Part', 'Meaning'], parts)],
    ['CSS custom properties', table(['Property', 'Default', 'Meaning'], cssProps)],
  ]
    .filter(([, t]) => t)
    .map(([title, t]) => `**${title}**\n\n${t}`)
    .join('\n\n');
}

const marker = (tag, end) => `<!-- docs-tables:${tag}:${end ? 'end' : 'start'} -->`;

/** `readme` with every marked block rewritten from `manifest`; throws on a marker for an unknown element. */
export function renderReadme(readme, manifest) {
  const elements = elementsOf(manifest);
  return readme.replace(/<!-- docs-tables:([a-z0-9-]+):start -->[\s\S]*?<!-- docs-tables:\1:end -->/g, (_whole, tag) => {
    const d = elements.get(tag);
    if (!d) throw new Error(`README marks tables for <${tag}>, which custom-elements.json does not declare`);
    return `${marker(tag)}\n<!-- Generated from custom-elements.json by \`npm run docs\`: edit the element's JSDoc, not this table. -->\n\n${elementTables(d)}\n\n${marker(tag, true)}`;
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = new URL('..', import.meta.url);
  const readmePath = new URL('README.md', root);
  const readme = readFileSync(readmePath, 'utf8');
  const manifest = JSON.parse(readFileSync(new URL('custom-elements.json', root), 'utf8'));
  const next = renderReadme(readme, manifest);
  if (process.argv.includes('--check')) {
    if (next !== readme) {
      console.error('README.md tables differ from custom-elements.json: run `npm run analyze && npm run docs`.');
      process.exit(1);
    }
    console.log('README.md tables match custom-elements.json.');
  } else if (next !== readme) {
    writeFileSync(readmePath, next);
    console.log('README.md tables written from custom-elements.json.');
  } else {
    console.log('README.md tables already match custom-elements.json.');
  }
}
