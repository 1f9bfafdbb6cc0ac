// One Vite config: `npm start` serves the demo (demo/, with the mock LMS service worker from public/);
// `npm run build` builds the library (unbundled-ish ESM of src/ for hosts) and, `--mode cdn`, the
// self-contained dist/cdn/; `--mode demo` builds the demo.
import { resolve } from 'node:path';
import { minifyHTMLLiterals } from 'minify-literals';
import { build, defineConfig, type Plugin, type UserConfig } from 'vite';

const root = import.meta.dirname;

/**
 * Our modules' side effects for tree-shaking: package.json's `sideEffects` speaks for the shipped dist/
 * files, so Vite reads our sources as free of side effects and would drop the `customElements.define`
 * calls from the library build. The registration modules (those that define tags) say otherwise here.
 */
export function keepRegistrations(): Plugin {
  return {
    name: 'offline-upload:keep-registrations',
    transform(code, id) {
      if (!id.startsWith(resolve(root, 'src')) || !code.includes('customElements.define(')) return null;
      return { code, map: null, moduleSideEffects: true };
    },
  };
}

/**
 * The components' html`` and css`` literals minified in dist/ (and dist/cdn/), as Lit's docs advise for
 * production: indentation, line breaks and comments go, the CSS is minified. `minify-literals` (the maintained
 * successor of minify-html-literals; 1.x, the last line that supports Node 20) parses each module after the
 * TypeScript transform, while the tags are still named `html`/`css`. Whitespace between words and inline
 * elements is collapsed to one space, never removed (`conservativeCollapse`), and empty attributes stay:
 * what renders is the same, only the bytes differ. Source maps follow the edits.
 */
export function minifyLiterals(): Plugin {
  const components = resolve(root, 'src/components');
  return {
    name: 'offline-upload:minify-literals',
    apply: 'build',
    async transform(code, id) {
      if (!id.startsWith(components) || id.includes('.test.') || !/\b(html|css)`/.test(code)) return null;
      const out = await minifyHTMLLiterals(code, {
        fileName: id,
        minifyOptions: { conservativeCollapse: true, removeEmptyAttributes: false },
      });
      return out ? { code: out.code, map: out.map ? { ...out.map, version: 3 } : null } : null;
    },
  };
}

/**
 * The validation worker as one self-contained ES module (the reader, the validator and papaparse inlined,
 * no imports at all), built by a nested Vite build and emitted as `validate.worker.js` beside the
 * library's chunks. The library's worker factory is swapped for ./create-worker.lib.ts, which names that
 * file with `new URL('./validate.worker.js', import.meta.url)`: a host's bundler copies it as it is, so
 * the worker needs nothing from the host's build (the way Vite's own worker chunks did: their
 * `import('./papaparse…')` pointed at a chunk a consumer's build never emitted).
 */
export function selfContainedWorker(fileName = 'validate.worker.js'): Plugin {
  const libFactory = resolve(root, 'src/worker/create-worker.lib.ts');
  const sourceFactory = resolve(root, 'src/worker/create-worker.ts');
  return {
    name: 'offline-upload:self-contained-worker',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!importer || !/create-worker\.(js|ts)$/.test(source)) return null;
      return resolve(importer, '..', source.replace(/\.js$/, '.ts')) === sourceFactory ? libFactory : null;
    },
    renderChunk(code) {
      if (!code.includes('__OFFLINE_UPLOAD_WORKER_FILE__')) return null;
      return { code: code.replaceAll('__OFFLINE_UPLOAD_WORKER_FILE__', JSON.stringify(`./${fileName}`)), map: null };
    },
    async generateBundle(_options, bundle) {
      // The minifier writes the literal as a template string; a plain string is what every bundler's
      // `new URL(…, import.meta.url)` detection surely reads (same length: source maps stay right).
      for (const chunk of Object.values(bundle)) {
        if (chunk.type === 'chunk') chunk.code = chunk.code.replaceAll(`new URL(\`./${fileName}\`,import.meta.url)`, `new URL("./${fileName}",import.meta.url)`);
      }
      const out = await build({
        configFile: false,
        logLevel: 'warn',
        publicDir: false,
        build: {
          write: false,
          emptyOutDir: false,
          sourcemap: false,
          minify: true,
          target: 'es2022',
          lib: { entry: resolve(root, 'src/worker/validate.worker.ts'), formats: ['es'], fileName: () => fileName },
          rolldownOptions: { output: { codeSplitting: false, minify: true } },
        },
      });
      const outputs = (Array.isArray(out) ? out : [out]) as { output: { type: string; fileName: string; code?: string }[] }[];
      const chunks = outputs.flatMap((o) => o.output).filter((o) => o.type === 'chunk');
      if (chunks.length !== 1 || !chunks[0]!.code) throw new Error(`worker build gave ${chunks.length} chunks, expected one self-contained file`);
      const code = chunks[0]!.code;
      if (/\bimport\s*\(|^\s*import[\s{]|\bfrom\s*["']/m.test(code)) throw new Error('worker build is not self-contained: it still imports');
      this.emitFile({ type: 'asset', fileName, source: code });
    },
  };
}

/**
 * Chunks of dist/ for the wizard: the lazy steps' elements (src/components/offline-upload-wizard/lazy-steps.ts)
 * apart from the shell and the first screens. Left to itself the bundler puts them all in one chunk, as the
 * `components` and `register` entries re-export some of their classes (ActivityComboboxElement,
 * DropZoneElement, IssuesTableElement): a host's bundler then keeps them in its first chunk, their
 * decorators being code that runs. In chunks of their own, re-exported but not used by the first screens,
 * the host's bundler leaves them to the lazy chunks (package.json's sideEffects names dist/register.js
 * only). Only the modules named go into each chunk (not their dependencies), and the shell's chunk never
 * imports a lazy one, so the chunks import one another in one direction only.
 */
export function wizardChunks() {
  const later = /\/src\/components\/(step-upload|step-match|step-review|step-create|step-done|drop-zone|issues-table|problem-grid|records-preview)\//;
  const choose = /\/src\/components\/(step-choose|activity-combobox)\//;
  // Loaded after the choose step, each by an import() of its own: the combobox's list on the field's first
  // focus, the step's parts after a choice when it first needs them. In no group: the bundler gives each its
  // own chunk, and reaches it without a namespace object (a grouped one needs one, and the runtime with it).
  const chooseLater = /\/src\/components\/(activity-combobox\/(combobox-list|search-task)|step-choose\/choose-parts)(\.styles)?\.ts$/;
  const noAccess = /\/src\/components\/step-no-access\//;
  // The template step with what only it uses. The column table's styles, which the match step shares, stay with
  // the shell: alone (+0.3 kB) or in this chunk (its define then a chunk apart in a host's build) they cost the
  // page that opens on the template more than the 0.2 kB they weigh in the shell's.
  const template = /\/src\/components\/(step-template\/|shared\/(lazy-download|bidi)\.ts$)/;
  const shell = /\/src\/components\/(offline-upload-wizard|shared|step-access|upload-summary)\//;
  // The public events of a file, which load with the session's file part (the bridge, file-events.ts, imports them
  // in its own chunk), and the events' barrel that the package's entries re-export: a chunk of their own, off the
  // shell's (the barrel there would make the shell import them, and them the shell for the prefix: a cycle).
  const fileEvents = /\/src\/events\/(validated|created|edited|before-create|index)\.ts$/;

  // What only the elements use (their other public events, the work kept in the browser) goes with the shell too.
  const elementsOnly = /\/src\/(events\/|session\/(saved-work|page-lifecycle)\.ts$)/;
  // The later steps' English words (i18n/later-words.ts, ui-later.en.ts) and the English issue messages: chunks
  // of their own, without lit, that import no other chunk (a lazily loaded chunk that imports the chunk that
  // loads it made a host's bundler split its first chunk in two, +1 kB gzip). The later steps, the public
  // DropZone/IssuesTable and loadLocalizer() load them; issue-message.ts (the session, the worker client) too.
  const laterWords = /\/src\/i18n\/(later-words|ui-later\.en)\.ts$/;
  const issuesEn = /\/src\/i18n\/issues\.en\.ts$/;
  // The no-access panel's English words: a chunk without lit (ui.en.ts joins them in the headless entry).
  const noAccessWords = /\/src\/i18n\/ui-no-access\.en\.ts$/;
  // The template step's English words but its heading: likewise, with the template step's chunk.
  const templateWords = /\/src\/i18n\/ui-template\.en\.ts$/;
  // What the session's file part and its downloads use that the package entry exports too: chunks of their
  // own, so that those lazy chunks do not import the entry (index.js), nor a host's build list its chunks
  // among the ones to preload with them in the first load.
  const fileWork = /\/src\/(session\/file-refused|i18n\/issue-message|backend\/checksum|worker\/(client|shared|create-worker(\.lib)?|trusted-url))\.ts$/;
  const loadWords = /\/src\/i18n\/load-words\.ts$/;
  // The reader's error types: only what reads a file uses them (the session's file part, the worker client,
  // core); the first screens import their types only. Apart from 'basics', which is on every first load.
  const readTypes = /\/src\/core\/read\/types\.ts$/;
  // Modules that define tags stay where they are: the registration modules in register.js (the one file
  // package.json says has side effects), the lazy steps' define functions in their dynamic chunks.
  const leaves = /\/src\/(core\/spec-rules|backend\/errors|backend\/plain-email)\.ts$/;
  const laterShared = /\/src\/components\/(shared\/(progress|step-progress\.styles|table\.styles|download-task|download|file-select)|records-preview\/records-ready|offline-upload-wizard\/confirm-dialog\.view)\.ts$/;
  const persistence = /\/src\/(components\/offline-upload-wizard\/(persistence-controller|resume-offer\.styles)|session\/(persistence|saved-work-face))\.ts$/;
  const summaryView = /\/src\/components\/(upload-summary\/upload-summary\.(view|styles)|shared\/heading)\.ts$/;
  const defines = /\/(offline-upload-wizard\/(offline-upload-wizard|later-steps|choose-step|template-step|no-access-step)|upload-summary\/upload-summary)\.ts$/;
  // The REST client's loader stays a chunk of its own (session-controller.ts imports it on demand).
  const restClient = /\/offline-upload-wizard\/rest-client\.ts$/;
  // The bridge of a file's events, loaded with the session's file part (public-events.ts), and a failure's details,
  // loaded with the first failure shown (step-element.ts): chunks of their own too.
  const shellLater = /\/(offline-upload-wizard\/file-events|shared\/failure-details(\.styles)?)\.ts$/;
  return {
    name(id: string): string | null {
      if (id.includes('.test.') || defines.test(id) || restClient.test(id) || shellLater.test(id) || chooseLater.test(id)) return null;
      // TypeScript's decorator helper, which only the lazy elements use now: a chunk of its own, or the bundler
      // may put it in an entry that those chunks then import (a cycle, seen with the template step made lazy).
      if (id.endsWith('/helpers/esm/decorate.js')) return 'decorate';
      // Leaf modules (no imports) that the headless entries, the session, the REST client and the shell all
      // use: one chunk without lit, not four tiny ones that each compress worse alone.
      if (leaves.test(id)) return 'basics';
      // <upload-summary>'s template and styles load on its first connection (the element stays in the shell),
      // with heading.ts (and lit's static html), which the later steps' issues table also imports from there.
      if (summaryView.test(id)) return 'upload-summary-view';
      // The wizard's keeping of work loads when there is work to keep or offer (persistence-front.ts).
      if (persistence.test(id)) return 'persistence';
      // What only the later steps use, though it sits in shared/ or the shell's folder: with them (the template
      // step's download loads download-task.ts, and its saveBlob, on the first click; the shell's confirmation,
      // confirm-dialog.view.ts with records-ready.ts's words, is handed to the shell as the later steps load).
      if (laterShared.test(id)) return 'steps-later';
      if (template.test(id)) return 'step-template';
      if (fileEvents.test(id)) return 'events';
      if (shell.test(id) || elementsOnly.test(id)) return 'wizard';
      if (laterWords.test(id)) return 'later-words';
      if (issuesEn.test(id)) return 'issues-en';
      if (noAccessWords.test(id)) return 'no-access-words';
      if (templateWords.test(id)) return 'template-words';
      if (fileWork.test(id)) return 'file-work-deps';
      if (loadWords.test(id)) return 'load-words';
      if (readTypes.test(id)) return 'read-types';
      if (later.test(id)) return 'steps-later';
      if (choose.test(id)) return 'step-choose';
      if (noAccess.test(id)) return 'step-no-access';
      return null;
    },
  };
}

/**
 * Fails the library build when its chunks import one another in a cycle (a lazy step's class could then
 * run before the base class it extends), or when the headless entries (index.js, core.js) reach a chunk
 * that imports lit: the signs that wizardChunks() needs a module it does not name yet.
 */
export function checkChunkGraph(): Plugin {
  return {
    name: 'offline-upload:check-chunk-graph',
    generateBundle(_options, bundle) {
      const chunks = new Map(Object.values(bundle).flatMap((c) => (c.type === 'chunk' ? [[c.fileName, c] as const] : [])));
      const reach = (from: string, seen = new Set<string>()): Set<string> => {
        for (const next of chunks.get(from)?.imports ?? []) {
          if (!seen.has(next) && chunks.has(next)) {
            seen.add(next);
            reach(next, seen);
          }
        }
        return seen;
      };
      for (const name of chunks.keys()) {
        if (reach(name).has(name)) this.error(`dist/${name} imports itself through other chunks: name the module that causes it in wizardChunks() (vite.config.ts)`);
      }
      const register = chunks.get('register.js');
      if (register && !['offline-upload-wizard', 'upload-summary'].every((tag) => register.code.includes(`customElements.define(\`${tag}\``))) {
        this.error('dist/register.js must define offline-upload-wizard and upload-summary itself (it is the only file package.json says has side effects)');
      }
      for (const entry of ['index.js', 'core.js']) {
        const withLit = [...reach(entry)].filter((name) => chunks.get(name)!.imports.some((i) => /^lit($|\/)/.test(i)));
        if (withLit.length > 0) this.error(`dist/${entry} (headless) reaches ${withLit.join(', ')}, which import lit: see wizardChunks() in vite.config.ts`);
      }
    },
  };
}

export default defineConfig(({ command, mode }): UserConfig => {
  if (command === 'serve' || mode === 'demo') {
    return {
      root: resolve(root, 'demo'),
      publicDir: resolve(root, 'public'),
      // The demo imports the sources: keep their registrations (package.json's sideEffects names dist/ only).
      // Its build (the e2e suite's) minifies the templates as dist/ does (`npm start` serves them as written).
      plugins: [keepRegistrations(), minifyLiterals()],
      server: {
        port: 5173,
        strictPort: false,
        fs: { allow: [root] },
        // `npm run demo:server`: the reference LMS server answers /api/lms (same origin, so its cookie works).
        ...(process.env['LMS_SERVER_URL'] ? { proxy: { '/api/lms': process.env['LMS_SERVER_URL'] } } : {}),
      },
      preview: { port: 4173 },
      worker: { format: 'es' },
      build: {
        outDir: resolve(root, 'dist-demo'),
        emptyOutDir: true,
        rolldownOptions: {
          input: {
            main: resolve(root, 'demo/index.html'),
            ...(mode === 'demo' ? { configurations: resolve(root, 'demo/configurations.html') } : {}),
          },
        },
      },
    };
  }
  if (mode === 'cdn') {
    // dist/cdn/: the no-bundler build. One ES module to load from a `<script type="module" src>` (a CDN or
    // the host's own server) with no import map, and a second with the internal parts as well (they share
    // their chunks): lit, zod, papaparse… bundled in; lazy chunks beside it
    // (exceljs on the first download, the French and Arabic words when a page asks for them) and the
    // self-contained worker, all named relative to the module itself. Flat on purpose: the worker is
    // named `./validate.worker.js` from the chunk that starts it.
    return {
      base: './',
      publicDir: false,
      plugins: [selfContainedWorker(), keepRegistrations(), minifyLiterals()],
      build: {
        outDir: resolve(root, 'dist/cdn'),
        emptyOutDir: true,
        sourcemap: false, // the package stays light (exceljs's map alone is 2 MB); dist/*.js.map cover our code
        target: 'es2022',
        // offline-upload.js: the tags, the public elements, events and localisation (src/cdn.ts);
        // offline-upload-all.js: all that `offline-upload/register` exports, the internal parts too.
        lib: { entry: { 'offline-upload': resolve(root, 'src/cdn.ts'), 'offline-upload-all': resolve(root, 'src/register.ts') }, formats: ['es'] },
        rolldownOptions: { output: { minify: true } },
      },
    };
  }
  return {
    // Relative asset URLs: the validation worker must load from beside the library, not the host's root.
    base: './',
    publicDir: false,
    plugins: [selfContainedWorker(), keepRegistrations(), minifyLiterals(), checkChunkGraph()],
    build: {
      outDir: resolve(root, 'dist'),
      emptyOutDir: true,
      sourcemap: true,
      lib: {
        entry: {
          index: resolve(root, 'src/index.ts'),
          core: resolve(root, 'src/core/index.ts'),
          components: resolve(root, 'src/components/index.ts'),
          register: resolve(root, 'src/register.ts'),
        },
        formats: ['es'],
      },
      rolldownOptions: {
        // Hosts bring their own copies; exceljs stays a lazy import.
        external: [/^lit/, /^@lit\//, 'zod', 'exceljs', 'fflate', 'papaparse', 'idb-keyval'],
        // The wizard's chunks hold the modules named only (not their dependencies): rolldown allows it for
        // entries that may export more than their own module.
        preserveEntrySignatures: 'allow-extension',
        output: { minify: true, chunkFileNames: '[name].js', codeSplitting: { includeDependenciesRecursively: false, groups: [wizardChunks()] } },
      },
    },
  };
});
