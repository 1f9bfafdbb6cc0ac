// `npm run size`: what a host's first load carries, and why. Builds the library (dist/, with source maps)
// and the consumer suite's vanilla app against it (a production Vite build, with source maps), opens the
// app in Chromium beside the demo LMS (test/consumer/serve.ts) and lists every script the page loads
// before any interaction (the wizard on the template step of a preset activity, as the consumer suite's
// first-load budget measures it): each chunk's gzip size and the modules inside it with their share.
// A module's share: the bytes of the chunk its code fills (the app's source map back to dist/, dist's
// source maps back to src/), applied to the chunk's gzip size — an estimate, exact for the chunk totals.
// Run: npm run size [-- --no-build] [--all] [--choose] [--json out.json]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { originalPositionFor, TraceMap, eachMapping } from '@jridgewell/trace-mapping';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { APPS } from '../test/consumer/apps.js';
import { serveApp } from '../test/consumer/serve.js';
import { browserPath, CHROMIUM_ARGS } from './browser-path.mjs';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const app = join(root, 'node_modules/.cache/offline-upload-size');
const dist = join(root, 'dist');
/** Modules below this share of a chunk are summed as "(smaller modules)" unless --all. */
const SMALL = args.includes('--all') ? 0 : 150;
/** --choose: the page with no preset, whose first screen is the choose step (the consumer suite's second budget). */
const CHOOSE = args.includes('--choose');

const gzip = (bytes: Uint8Array): number => gzipSync(bytes, { level: 9 }).length;

function buildLibrary(): void {
  const run = spawnSync('npx', ['vite', 'build', '--config', 'vite.config.ts', '--logLevel', 'warn'], { cwd: root, encoding: 'utf8', stdio: 'inherit' });
  if (run.status !== 0) throw new Error('the library build failed');
}

/** The consumer suite's vanilla app, importing the package by name, resolved to this checkout's dist/. */
async function buildApp(): Promise<string> {
  rmSync(app, { recursive: true, force: true });
  for (const [file, text] of Object.entries(APPS.vanilla.files)) {
    if (!/^(index\.html|src\/main\.ts)$/.test(file)) continue;
    mkdirSync(dirname(join(app, file)), { recursive: true });
    writeFileSync(join(app, file), text);
  }
  await build({
    configFile: false,
    root: app,
    logLevel: 'warn',
    resolve: { alias: [{ find: /^offline-upload\/register$/, replacement: join(dist, 'register.js') }] },
    build: { outDir: join(app, 'dist'), emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 2000 },
  });
  return join(app, 'dist');
}

/** The scripts the page loads before any interaction (the validation worker, on its own thread, apart). */
async function firstLoad(out: string): Promise<{ scripts: string[]; worker?: string }> {
  const executablePath = browserPath();
  if (!executablePath) throw new Error('no Chromium found (set CHROME_PATH)');
  const server = await serveApp(out);
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    if (CHOOSE) {
      await page.goto(`${server.origin}/?choose`);
      await page.locator('offline-upload-wizard').getByRole('combobox').first().waitFor({ timeout: 30_000 });
    } else {
      await page.goto(`${server.origin}/`);
      await page.locator('offline-upload-wizard').getByRole('heading', { level: 2, name: 'Download the template' }).waitFor({ timeout: 30_000 });
    }
    await page.waitForLoadState('networkidle');
    const loaded = [...new Set(server.requests.filter((r) => r.status === 200 && /\.m?js$/.test(r.path)).map((r) => r.path))];
    return { scripts: loaded.filter((p) => !/validate\.worker/.test(p)), worker: loaded.find((p) => /validate\.worker/.test(p)) };
  } finally {
    await browser.close();
    await server.close();
  }
}

/** What a source of the app's map stands for: a src/ module (through dist's maps), a package, or itself. */
const distMaps = new Map<string, TraceMap | null>();
function distMap(file: string): TraceMap | null {
  if (!distMaps.has(file)) {
    const map = `${file}.map`;
    distMaps.set(file, existsSync(map) ? new TraceMap(readFileSync(map, 'utf8'), map) : null);
  }
  return distMaps.get(file)!;
}

function packageOf(path: string): string {
  const parts = path.split('node_modules/').pop()!.split('/');
  return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
}

function ownerOf(source: string, line: number, column: number): string {
  if (source.startsWith(dist + '/')) {
    const map = distMap(source);
    const original = map ? originalPositionFor(map, { line, column }) : undefined;
    if (original?.source) return ownerOf(resolve(original.source), 0, 0);
    return relative(root, source);
  }
  if (source.startsWith(app + '/')) return `(the app's own ${relative(app, source)})`;
  if (source.includes('/node_modules/')) return packageOf(source);
  return relative(root, source);
}

interface Part {
  readonly module: string;
  readonly bytes: number;
  readonly gzip: number;
}
interface Chunk {
  readonly path: string;
  readonly bytes: number;
  readonly gzip: number;
  readonly parts: Part[];
}

/** The chunk's bytes by owning module (shares of 1): each mapping segment owns the code up to the next one. */
function chunkParts(file: string): Chunk['parts'] {
  const code = readFileSync(file, 'utf8');
  const mapFile = `${file}.map`;
  const size = Buffer.byteLength(code);
  if (!existsSync(mapFile)) return [{ module: '(no source map)', bytes: size, gzip: 1 }];
  const map = new TraceMap(readFileSync(mapFile, 'utf8'), mapFile);
  const lines = code.split('\n');
  const owned = new Map<string, number>();
  let previous: { line: number; column: number; owner: string } | undefined;
  const give = (owner: string, bytes: number) => owned.set(owner, (owned.get(owner) ?? 0) + bytes);
  const span = (from: { line: number; column: number }, to: { line: number; column: number }): number => {
    if (from.line === to.line) return Buffer.byteLength(lines[from.line - 1]!.slice(from.column, to.column));
    let bytes = Buffer.byteLength(lines[from.line - 1]!.slice(from.column)) + 1;
    for (let l = from.line + 1; l < to.line; l += 1) bytes += Buffer.byteLength(lines[l - 1]!) + 1;
    return bytes + Buffer.byteLength(lines[to.line - 1]!.slice(0, to.column));
  };
  let mapped = 0;
  eachMapping(map, (m) => {
    const at = { line: m.generatedLine, column: m.generatedColumn };
    if (previous) give(previous.owner, span(previous, at));
    const owner = m.source ? ownerOf(resolve(m.source), m.originalLine ?? 1, m.originalColumn ?? 0) : '(generated)';
    previous = { ...at, owner };
    mapped += 1;
  });
  if (previous) give(previous.owner, span(previous, { line: lines.length, column: lines[lines.length - 1]!.length }));
  if (mapped === 0) return [{ module: '(no mappings)', bytes: size, gzip: 1 }];
  const total = [...owned.values()].reduce((a, b) => a + b, 0);
  return [...owned].map(([module, bytes]) => ({ module, bytes, gzip: 0 })).map((p) => ({ ...p, gzip: p.bytes / total }));
}

function describe(out: string, path: string): Chunk {
  const file = join(out, path);
  // Without the source map comment: the consumer suite's build has none.
  const bytes = Buffer.from(readFileSync(file, 'utf8').replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, ''));
  const z = gzip(bytes);
  const parts = chunkParts(file).map((p) => ({ ...p, gzip: p.gzip * z }));
  return { path, bytes: bytes.length, gzip: z, parts: parts.sort((a, b) => b.gzip - a.gzip) };
}

const kB = (n: number) => (n / 1000).toFixed(1).padStart(6);

async function main(): Promise<void> {
  if (!args.includes('--no-build') || !existsSync(join(dist, 'register.js'))) buildLibrary();
  const out = await buildApp();
  const { scripts, worker } = await firstLoad(out);
  const chunks = scripts.map((path) => describe(out, path)).sort((a, b) => b.gzip - a.gzip);
  const total = chunks.reduce((sum, c) => sum + c.gzip, 0);
  console.log(`\nFirst load of the vanilla consumer app (register + ${CHOOSE ? 'the choose step, no preset' : 'the template step of a preset activity'}):`);
  console.log(`${kB(total)} kB gzip in ${chunks.length} scripts${worker ? ` (+ the validation worker ${kB(gzip(readFileSync(join(out, worker)))).trim()} kB on its own thread)` : ''}\n`);
  for (const chunk of chunks) {
    console.log(`${kB(chunk.gzip)} kB  ${chunk.path}  (${kB(chunk.bytes).trim()} kB min)`);
    const shown = chunk.parts.filter((p) => p.gzip >= SMALL);
    const rest = chunk.parts.filter((p) => p.gzip < SMALL);
    for (const part of shown) console.log(`  ${kB(part.gzip)}  ${(((part.gzip / chunk.gzip) * 100).toFixed(0) + '%').padStart(4)}  ${part.module}`);
    if (rest.length) console.log(`  ${kB(rest.reduce((s, p) => s + p.gzip, 0))}        (${rest.length} smaller modules)`);
  }
  // By owner over the whole first load: where to cut next.
  const owners = new Map<string, number>();
  for (const chunk of chunks) for (const part of chunk.parts) owners.set(part.module, (owners.get(part.module) ?? 0) + part.gzip);
  const byFolder = new Map<string, number>();
  for (const [module, z] of owners) {
    const folder = module.startsWith('src/') ? module.split('/').slice(0, module.startsWith('src/components/') || module.startsWith('src/core/') ? 3 : 2).join('/') : module;
    byFolder.set(folder, (byFolder.get(folder) ?? 0) + z);
  }
  console.log('\nBy folder / package:');
  for (const [folder, z] of [...byFolder].sort((a, b) => b[1] - a[1]).filter(([, z]) => z >= SMALL)) console.log(`  ${kB(z)} kB  ${folder}`);
  const json = args.indexOf('--json');
  if (json >= 0) writeFileSync(resolve(args[json + 1] ?? 'size.json'), JSON.stringify({ total, worker, chunks }, null, 2));
}

await main();
