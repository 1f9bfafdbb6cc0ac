// `npm run analyze`: custom-elements.json, the manifest of what a host installs — not of our sources.
// 1. The analyzer reads the elements' and events' JSDoc in src/.
// 2. Only the public tags are kept (PUBLIC_TAGS): the wizard's step elements, drop zone, grid… are its
//    implementation. Members, attributes, events, parts… tagged `@internal` or `@ignore` are dropped by
//    the analyzer itself; private, protected, `#private` and `_underscored` members are dropped here.
// 3. Module paths name the files the package ships: the classes are declared in `dist/components.js`
//    (the `offline-upload/components` entry), the tags are defined by `dist/register.js`
//    (`offline-upload/register`, which also re-exports everything). Each named type an element's API
//    mentions (`LmsBackend`, `CreatedEvent`, …) is resolved with the TypeScript checker: it must be exported
//    from `offline-upload/register` (else this script fails and names it), it is listed in the modules'
//    exports, and `type.references` points at the shipped declaration file (`dist/types/…d.ts`).
// 4. Schema 2.1.0. The modules are sorted by path, so an unchanged codebase gives an unchanged manifest.
// `scripts/check-manifest.mjs` (a step of `npm test`) validates it with @wc-toolkit/cem-validator.
import { writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { cli } from '@custom-elements-manifest/analyzer/cli.js';
import ts from 'typescript';

/** The tags a host writes in its pages (registered by `offline-upload/register`). */
export const PUBLIC_TAGS = ['offline-upload-wizard', 'upload-summary'];
export const SCHEMA_VERSION = '2.1.0';
/** Where the classes are declared (the `./components` entry) and where the tags are defined. */
export const CLASSES_MODULE = 'dist/components.js';
export const REGISTER_MODULE = 'dist/register.js';

const root = resolve(import.meta.dirname, '..');
const PUBLIC_ENTRY = resolve(root, 'src/components/index.ts');

/** The analyzer's raw manifest of src/ (elements, events, JSDoc), not written anywhere. */
async function analyzeSources() {
  return cli({
    argv: ['analyze', '--litelement', '--quiet', '--globs', 'src/components/**/*.ts', 'src/events/**/*.ts', '--exclude', 'src/**/*.test.ts'],
    cwd: root,
    noWrite: true,
  });
}

/** src/a/b.ts → dist/types/a/b.d.ts (tsconfig.build.json: rootDir src, outDir dist/types). */
const declarationFile = (file) => `dist/types/${relative(resolve(root, 'src'), file).replace(/\.ts$/, '.d.ts')}`;

/**
 * What `offline-upload/register` exports (it re-exports src/components/index.ts), by name: the shipped
 * declaration file of each, and a resolver that tells a global type (lib.dom's `Event`…) from an unknown.
 */
function publicExports() {
  const program = ts.createProgram([PUBLIC_ENTRY], {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    experimentalDecorators: true,
    useDefineForClassFields: false,
    lib: ['lib.es2023.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
    types: [],
    skipLibCheck: true,
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  const entry = program.getSourceFile(PUBLIC_ENTRY);
  const moduleSymbol = entry && checker.getSymbolAtLocation(entry);
  if (!moduleSymbol) throw new Error(`analyze: cannot read the exports of ${PUBLIC_ENTRY}`);
  const exports = new Map();
  /** Aliases of string-literal unions (`DateOrder`), spelled out for editors: `'DMY' | 'MDY' | 'YMD'`. */
  const literalUnions = new Map();
  for (const symbol of checker.getExportsOfModule(moduleSymbol)) {
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    const declaration = target.declarations?.[0];
    if (!declaration) continue;
    exports.set(symbol.name, declarationFile(declaration.getSourceFile().fileName));
    if (target.flags & ts.SymbolFlags.TypeAlias) {
      const type = checker.getDeclaredTypeOfSymbol(target);
      if (type.isUnion() && type.types.every((t) => t.isStringLiteral())) literalUnions.set(symbol.name, type.types.map((t) => `'${t.value}'`).join(' | '));
    }
  }
  const isGlobal = (name) => {
    const symbol = checker.resolveName(name, undefined, ts.SymbolFlags.Type | ts.SymbolFlags.Value, false);
    return Boolean(symbol?.declarations?.some((d) => program.isSourceFileDefaultLibrary(d.getSourceFile())));
  };
  return { exports, literalUnions, isGlobal };
}

const isPublicMember = (m) => (m.privacy ?? 'public') === 'public' && !m.name.startsWith('#') && !m.name.startsWith('_');
const TS_WORDS = new Set(['string', 'number', 'boolean', 'undefined', 'null', 'void', 'unknown', 'any', 'never', 'object', 'true', 'false', 'readonly', 'typeof', 'keyof']);

async function build() {
  const raw = await analyzeSources();
  const { exports, literalUnions, isGlobal } = publicExports();
  const needed = new Set();
  const unresolved = new Set();

  /**
   * Adds `references` to a `{ text }` type for every named type in it, and `expandedType` when it names a
   * string-literal union (editors offer its values); records what must be exported.
   */
  const resolveType = (type) => {
    if (!type?.text) return { type };
    const references = [];
    let expanded = type.text;
    for (const match of type.text.matchAll(/(?<![\w$.'"-])[A-Za-z_$][\w$]*/g)) {
      const name = match[0];
      if (TS_WORDS.has(name)) continue;
      if (exports.has(name)) {
        needed.add(name);
        references.push({ name, package: 'offline-upload', module: exports.get(name), start: match.index, end: match.index + name.length });
        if (literalUnions.has(name)) expanded = expanded.replace(new RegExp(`\\b${name}\\b`), literalUnions.get(name));
      } else if (!isGlobal(name)) {
        unresolved.add(name);
      }
    }
    return { type: references.length ? { ...type, references } : type, ...(expanded !== type.text ? { expandedType: { text: expanded } } : {}) };
  };
  /** `item` with its `type` resolved (and `expandedType` beside it when there is one). */
  const typed = (item) => (item.type ? { ...item, ...resolveType(item.type) } : item);

  const elements = [];
  const eventDeclarations = [];
  for (const mod of raw.modules) {
    for (const d of mod.declarations ?? []) {
      if (d.customElement && PUBLIC_TAGS.includes(d.tagName)) elements.push(d);
      if (mod.path.startsWith('src/events/') && d.kind === 'class') eventDeclarations.push(d);
    }
  }
  const missingTags = PUBLIC_TAGS.filter((tag) => !elements.some((e) => e.tagName === tag));
  if (missingTags.length) throw new Error(`analyze: no class found for ${missingTags.join(', ')}`);

  for (const el of elements) {
    // Our base class is internal (@internal): hosts see a LitElement.
    if (el.superclass?.module) el.superclass = { name: 'LitElement', package: 'lit' };
    el.members = (el.members ?? []).filter(isPublicMember).map((m) => {
      const { inheritedFrom: _inherited, ...rest } = m;
      return {
        ...typed(rest),
        ...(m.return?.type ? { return: { ...m.return, type: resolveType(m.return.type).type } } : {}),
        ...(m.parameters ? { parameters: m.parameters.map(typed) } : {}),
      };
    });
    el.attributes = (el.attributes ?? []).map((a) => {
      const { inheritedFrom: _inherited, ...rest } = a;
      // `lang` is the global attribute, reflected by HTMLElement's own `lang` property.
      return { ...typed(rest), ...(a.name === 'lang' && !a.fieldName ? { fieldName: 'lang' } : {}) };
    });
    el.events = (el.events ?? []).map((e) => {
      const { inheritedFrom: _inherited, ...rest } = e;
      return typed(rest);
    });
    for (const key of ['members', 'attributes', 'events', 'slots', 'cssParts', 'cssProperties', 'cssStates']) {
      if (Array.isArray(el[key]) && el[key].length === 0) delete el[key];
    }
  }
  if (unresolved.size) {
    throw new Error(
      `analyze: the elements' API names types that offline-upload/register does not export: ${[...unresolved].sort().join(', ')}. ` +
        'Export them (as types) from src/components/index.ts, or tag the member @internal.',
    );
  }
  for (const ev of eventDeclarations) {
    delete ev.members;
    if (ev.superclass?.module) ev.superclass = { name: ev.superclass.name, ...(ev.superclass.package ? { package: ev.superclass.package } : {}) };
    needed.add(ev.name);
  }

  const declared = new Set([...elements, ...eventDeclarations].map((d) => d.name));
  const names = [...new Set([...elements.map((e) => e.name), ...[...needed].sort()])];
  const jsExport = (name, classesModule) => ({
    kind: 'js',
    name,
    declaration: { name, module: declared.has(name) ? classesModule : exports.get(name) },
  });
  const classes = {
    kind: 'javascript-module',
    path: CLASSES_MODULE,
    description: 'The elements\' classes and events, without defining any tag (`offline-upload/components`).',
    declarations: [...elements, ...eventDeclarations],
    exports: names.map((n) => jsExport(n, CLASSES_MODULE)),
  };
  const register = {
    kind: 'javascript-module',
    path: REGISTER_MODULE,
    description: 'Defines the tags (`import \'offline-upload/register\'`) and re-exports everything of `offline-upload/components`.',
    declarations: [],
    exports: [
      ...names.map((n) => jsExport(n, CLASSES_MODULE)),
      ...elements.map((el) => ({ kind: 'custom-element-definition', name: el.tagName, declaration: { name: el.name, module: CLASSES_MODULE } })),
    ],
  };
  return { schemaVersion: SCHEMA_VERSION, readme: 'README.md', modules: [classes, register].sort((a, b) => (a.path < b.path ? -1 : 1)) };
}

export async function generateManifest() {
  return JSON.stringify(await build(), null, 2) + '\n';
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = process.argv.includes('--out') ? process.argv[process.argv.indexOf('--out') + 1] : resolve(root, 'custom-elements.json');
  writeFileSync(out, await generateManifest());
}
