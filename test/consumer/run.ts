// Consumer smoke suite: the package as a host developer gets it. `npm pack` (which builds dist/), install
// the tarball into generated Vite apps — vanilla TypeScript, React 19, Vue 3 — build each for production,
// type-check each with its framework's checker (tsc, tsc -b, vue-tsc) against the shipped types, serve
// the build beside the demo LMS (test/consumer/serve.ts), and drive it in the system Chromium: download
// the template (exceljs's lazy chunk), upload a .csv and an .xlsx, create the records, and check the LMS
// holds them — with the validation worker really used (not the main-thread fallback).
// Plus a type check that must FAIL (a wrong attribute type), so the shipped types are proven to bite.
//
// The apps share one install in $TMPDIR/offline-upload-consumer (kept between local runs; npm runs with
// --prefer-offline so a warm cache needs no network). Results: test-results/consumer.json.
// Plus the CDN build (dist/cdn/) from demo/cdn.html with no bundler: template download, upload, create.
// Run: npx tsx test/consumer/run.ts [--only vanilla,react,vue,cdn] [--keep]
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { DEMO } from '../../demo/mocks/data.js';
import { browserPath, CHROMIUM_ARGS } from '../../scripts/browser-path.mjs';
import { APPS, WORKSPACE_PACKAGE, type AppName } from './apps.js';
import { serveApp, serveCdnDemo } from './serve.js';

const root = resolve(import.meta.dirname, '../..');
// One folder per checkout: several worktrees may run the suite at once.
const work = join(tmpdir(), `offline-upload-consumer-${createHash('sha256').update(root).digest('hex').slice(0, 8)}`);
const ACTIVITY = DEMO.activities.classroom;
const args = process.argv.slice(2);
const only = (args[args.indexOf('--only') + 1] ?? '').split(',').filter((n): n is AppName => n in APPS);
const names: AppName[] = args.includes('--only') ? only : (Object.keys(APPS) as AppName[]);
/** The CDN build's page (`--only cdn`, or every run without --only). */
const withCdn = !args.includes('--only') || (args[args.indexOf('--only') + 1] ?? '').split(',').includes('cdn');

/**
 * Scripts (gzip, level 9) a production host build loads for register + the wizard's first screen (the
 * template step of a preset activity: its spec comes through the REST client).
 * Issue 10 aims at 35 kB. Measured on 2026-12-02: 93.0 kB at 00:30 UTC, 113.2 kB at 02:25 as features
 * landed (index 78.5 with every step and lit, zod 25.9, REST client 8.7); 86.6 kB at 03:20 with zod off
 * the first screens (its answers checked by backend/answers.ts; zod loads with the first write); 67.7 kB
 * at 04:05 with the choose step and the steps after the template in chunks of their own (lazy-steps.ts):
 * index 53.4 (shell, session, English words, lit), REST client 7.9, core/match 4.2, small shared chunks.
 * 50.8 kB at 07:15 (`npm run size` lists what is in it): the session's file work, matching, persistence and
 * the plan loaded on first use; the English, French and Arabic words in two parts (the first screens' on
 * the first load, the later steps' with them); the REST client's write half with the first write.
 * 39.7 kB at 10:45 (sixth session): the html``/css`` literals minified; <upload-summary>'s view, the
 * persistence controller, the no-access panel, the progress block, downloads (@lit/task) and the choose
 * form's styles loaded when needed; four leaf chunks in one (fl-shell); the words, the session and the
 * REST client split further (fl-core): budget 52 -> 40.5 kB.
 * 34.5 kB (34,483 B) on 2026-12-02 at 14:20 (seventh session): the REST client's reads by a lean path (the
 * full transport on the first write or anything unusual), the shell without lit's decorators, ref and
 * static html, the create confirmation, the template step (with its words) and SavedWorkStore in chunks of
 * their own, the words a first screen does not show with the chunks that show them, dist's chunks named
 * without a hash: budget 40.5 -> 35 kB, issue 10's aim. 34.0 kB (33,951 B) at 15:30 (eighth session): the
 * events of a file with the session's file part, a failure's support details and the restore offer's look
 * with the code that shows them.
 * A guard against growth, lowered as the first load shrinks; each change is said in the note.
 */
const FIRST_LOAD_BUDGET = 35_000;
/**
 * The same with no preset (`?choose`), where the first screen is the choose step: its chunk (the activity
 * search, @lit/task) and its words come on top. Measured 47.4 kB on 2026-12-02 at 11:28; issue 10's 35 kB
 * aims at this page too. 35.5 kB (35,521 B) at 14:20: the activity list (its search, @lit/task) loads on the
 * field's first focus, what the step shows only after a choice with that choice, the template step not at
 * all: budget 48.5 -> 36 kB; still 0.5 kB over issue 10's aim. 34.9 kB (34,885 B) at 15:30 (eighth session):
 * the events of a file, a failure's support details and the restore offer's look off the first load (as on
 * the preset page), the activity field's keys with its list: budget 36 -> 35 kB, issue 10's aim.
 */
const CHOOSE_FIRST_LOAD_BUDGET = 35_000;
/**
 * The CDN bundle's page (demo/cdn.html, a preset activity: the template step first), no host bundler: 49.5 kB
 * in 24 files on 2026-12-02 at 15:50, when its entry exported the internal parts too (their classes and the
 * later steps' words loaded on every page); 33.5 kB in 14 at 16:05 with those in offline-upload-all.js
 * (src/cdn.ts): budget 35 kB, as for the bundled pages.
 */
const CDN_FIRST_LOAD_BUDGET = 35_000;

let passed = 0;
let failed = 0;
const timings: string[] = [];

async function check(name: string, body: () => Promise<void> | void): Promise<boolean> {
  const started = Date.now();
  try {
    await body();
    passed += 1;
    console.log(`  ✓ ${name} (${Date.now() - started} ms)`);
    return true;
  } catch (error) {
    failed += 1;
    console.log(`  ✗ ${name}\n    ${error instanceof Error ? (error.stack ?? error.message).split('\n').slice(0, 5).join('\n    ') : String(error)}`);
    return false;
  }
}

function sh(cmd: string, cmdArgs: string[], cwd: string, what: string): string {
  const run = spawnSync(cmd, cmdArgs, { cwd, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' === what ? 'production' : process.env.NODE_ENV } });
  const out = `${run.stdout ?? ''}${run.stderr ?? ''}`;
  if (run.status !== 0) throw new Error(`${what} failed (${run.status}):\n${out.split('\n').slice(-25).join('\n')}`);
  return out;
}

function timed<T>(label: string, body: () => T): T {
  const started = Date.now();
  const out = body();
  timings.push(`${label} ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return out;
}

// ── Files an admin uploads ───────────────────────────────────────────────────────────────────────────

const people = DEMO.employees.map((e) => e.email);

function csvFile(dir: string): string {
  const lines = ['Email,Completion date,Status,Trainer'];
  people.slice(0, 3).forEach((email, i) => lines.push(`${email},0${i + 2}/03/2026,${i % 2 ? 'Attended' : 'Completed'},Sam Lee`));
  const path = join(dir, 'march.csv');
  writeFileSync(path, lines.join('\r\n') + '\r\n');
  return path;
}

/** The downloaded template, filled with three more learners (dates as Excel dates), sample row removed. */
async function xlsxFile(template: string, dir: string): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(template);
  const sheet = workbook.getWorksheet('Records');
  if (!sheet) throw new Error('the downloaded template has no Records sheet');
  const columns = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, col) => columns.set(String(cell.value).replace(/\s*\*\s*$/, '').trim().toLowerCase(), col));
  sheet.spliceRows(2, 1);
  people.slice(3, 6).forEach((email, i) => {
    const row = sheet.getRow(2 + i);
    row.getCell(columns.get('email')!).value = email;
    row.getCell(columns.get('completion date')!).value = new Date(Date.UTC(2026, 2, 10 + i));
    row.getCell(columns.get('status')!).value = 'Completed';
    row.commit();
  });
  const path = join(dir, 'april.xlsx');
  await workbook.xlsx.writeFile(path);
  return path;
}

// ── One app in the browser ───────────────────────────────────────────────────────────────────────────

async function uploadAndCreate(page: Page, file: string, count: number): Promise<void> {
  const wizard = page.locator('offline-upload-wizard');
  const heading = (name: string | RegExp) => wizard.getByRole('heading', { level: 2, name });
  const chooser = page.waitForEvent('filechooser');
  await wizard.getByRole('button', { name: /^(Choose a file|Upload a corrected file)$/ }).first().click();
  await (await chooser).setFiles(file);
  await heading('Check the records').waitFor({ timeout: 30_000 });
  const headline = await wizard.locator('upload-summary').locator('[part=headline] strong').textContent();
  if (headline !== String(count)) throw new Error(`expected ${count} records ready, the summary says ${headline}`);
  // The records preview's Create records leads straight to the confirmation.
  await wizard.getByRole('button', { name: 'Create records' }).click();
  await wizard.getByRole('dialog').getByRole('button', { name: `Create ${count} records` }).click();
  await heading('Records created').waitFor({ timeout: 30_000 });
}

async function drive(browser: Browser, app: AppName, dist: string, dir: string): Promise<void> {
  const server = await serveApp(dist);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  const workers: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // Our own warnings (a word asked for before its part of the English table loaded) count as errors.
  page.on('console', (m) => m.type() === 'warning' && m.text().startsWith('offline-upload:') && errors.push(m.text()));
  page.on('worker', (w) => workers.push(w.url()));
  const wizard = page.locator('offline-upload-wizard');
  const heading = (name: string | RegExp) => wizard.getByRole('heading', { level: 2, name });
  let template = '';
  try {
    const opened = await check(`${app}: the production build opens the wizard on the preset activity`, async () => {
      await page.goto(`${server.origin}/`);
      await heading('Download the template').waitFor({ timeout: 20_000 });
    });
    if (!opened) return;
    if (app === 'vanilla') {
      const measure = (from: number, label: string, budget: number) => {
        // The page's scripts; the validation worker (started once the template spec is known, on its own
        // thread) is reported beside them.
        const loaded = [...new Set(server.requests.slice(from).filter((r) => r.status === 200 && /\.m?js$/.test(r.path)).map((r) => r.path))];
        const scripts = loaded.filter((path) => !/validate\.worker/.test(path));
        const worker = loaded.find((path) => /validate\.worker/.test(path));
        if (worker) timings.push(`worker ${(gzipSync(readFileSync(join(dist, worker)), { level: 9 }).length / 1000).toFixed(1)} kB gzip`);
        const sizes = scripts.map((path) => ({ path, gzip: gzipSync(readFileSync(join(dist, path)), { level: 9 }).length }));
        const total = sizes.reduce((sum, s) => sum + s.gzip, 0);
        const table = sizes.map((s) => `${s.path} ${(s.gzip / 1000).toFixed(1)} kB`).join(', ');
        timings.push(`${label} ${(total / 1000).toFixed(1)} kB gzip (${table})`);
        console.log(`    ${label}: ${(total / 1000).toFixed(1)} kB gzip — ${table}`);
        if (total > budget) throw new Error(`${label}: ${(total / 1000).toFixed(1)} kB gzip of scripts, over the ${budget / 1000} kB budget: ${table}`);
      };
      await check(`${app}: first load ≤ ${FIRST_LOAD_BUDGET / 1000} kB gzip (the page's scripts loaded before any interaction, lit included)`, async () => {
        await page.waitForLoadState('networkidle');
        measure(0, 'first load', FIRST_LOAD_BUDGET);
      });
      await check(`${app}: first load with no preset (the choose step) ≤ ${CHOOSE_FIRST_LOAD_BUDGET / 1000} kB gzip`, async () => {
        // A page of its own in a fresh context (nothing cached), counting only its requests.
        const from = server.requests.length;
        const fresh = await browser.newContext({ viewport: { width: 1280, height: 900 } });
        try {
          const choosePage = await fresh.newPage();
          await choosePage.goto(`${server.origin}/?choose`);
          await choosePage.locator('offline-upload-wizard').getByRole('combobox').first().waitFor({ timeout: 20_000 });
          await choosePage.waitForLoadState('networkidle');
          measure(from, 'first load, choose step', CHOOSE_FIRST_LOAD_BUDGET);
        } finally {
          await fresh.close();
        }
      });
    }
    await check(`${app}: the template downloads (exceljs's lazy chunk loads from the host's build)`, async () => {
      const download = page.waitForEvent('download');
      await wizard.getByRole('button', { name: 'Download template (.xlsx)' }).click();
      template = join(dir, `${app}-template.xlsx`);
      await (await download).saveAs(template);
      await wizard.getByRole('button', { name: /upload the file/ }).click();
      await heading('Upload your spreadsheet').waitFor();
    });
    await check(`${app}: a .csv is read in the worker and its 3 records are created on the LMS`, async () => {
      await uploadAndCreate(page, csvFile(dir), 3);
      const held = server.lms.uploadedRecords(ACTIVITY).length;
      if (held !== 3) throw new Error(`the LMS holds ${held} records, expected 3`);
    });
    await check(`${app}: the validation worker came from the host's build (one self-contained file, no 404)`, () => {
      const worker = workers.find((url) => /validate\.worker[^/]*\.js/.test(url));
      if (!worker) throw new Error(`no validation worker started (workers: ${JSON.stringify(workers)})`);
      const missing = server.requests.filter((r) => r.status !== 200 && r.path !== '/favicon.ico');
      if (missing.length) throw new Error(`requests that failed: ${JSON.stringify(missing)}`);
    });
    await check(`${app}: the filled template (.xlsx) is read and its 3 records are created`, async () => {
      if (!template) throw new Error('no template was downloaded');
      await page.reload();
      await heading('Download the template').waitFor({ timeout: 20_000 });
      await wizard.getByRole('button', { name: /upload the file/ }).click();
      await uploadAndCreate(page, await xlsxFile(template, dir), 3);
      const held = server.lms.uploadedRecords(ACTIVITY).length;
      if (held !== 6) throw new Error(`the LMS holds ${held} records, expected 6`);
      if (workers.filter((url) => /validate\.worker/.test(url)).length < 2) throw new Error('the .xlsx was not read in a worker');
    });
    await check(`${app}: no script errors`, () => {
      if (errors.length) throw new Error(errors.join('\n'));
    });
  } finally {
    await context.close();
    await server.close();
  }
}

// ── Under a strict CSP with Trusted Types enforced ───────────────────────────────────────────────────

/** What a careful host sends: nothing inline, nothing foreign, Trusted Types for every script URL. */
export const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types offline-upload lit-html',
].join('; ');

async function driveStrict(browser: Browser, dist: string, dir: string): Promise<void> {
  const server = await serveApp(dist, { 'Content-Security-Policy': STRICT_CSP });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  const workers: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('worker', (w) => workers.push(w.url()));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const w = window as unknown as { __violations?: string[] };
      (w.__violations ??= []).push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`);
    });
  });
  const wizard = page.locator('offline-upload-wizard');
  try {
    await check('strict CSP + Trusted Types (vanilla build): a .csv is read in the worker and its records created', async () => {
      await page.goto(`${server.origin}/`);
      await wizard.getByRole('heading', { level: 2, name: 'Download the template' }).waitFor({ timeout: 20_000 });
      const enforced = await page.evaluate(() => {
        try {
          new Worker('data:text/javascript,0');
          return false;
        } catch {
          return true;
        }
      });
      if (!enforced) throw new Error('Trusted Types are not enforced on the test page (a plain string started a worker)');
      await wizard.getByRole('button', { name: /upload the file/ }).click();
      await uploadAndCreate(page, csvFile(dir), 3);
      if (!workers.some((url) => /validate\.worker[^/]*\.js/.test(url))) throw new Error(`the worker did not start (workers: ${JSON.stringify(workers)}): the main-thread fallback ran`);
      const held = server.lms.uploadedRecords(ACTIVITY).length;
      if (held !== 3) throw new Error(`the LMS holds ${held} records, expected 3`);
    });
    await check('strict CSP + Trusted Types: no Trusted Types violation (but our probe) and no script error', async () => {
      const all = await page.evaluate(() => (window as unknown as { __violations?: string[] }).__violations ?? []);
      // The probe above (a plain string given to Worker) is meant to be refused.
      const violations = all.filter((v) => !v.includes('data:text/javascript,0'));
      const styleAttr = violations.filter((v) => v.startsWith('style-src-attr'));
      // Lit's styleMap writes style attributes: issue 12 moves it to constructable sheets / setProperty
      // (not this suite's area). Reported, not hidden, until it is gone.
      if (styleAttr.length) console.log(`    note: ${styleAttr.length} style-src-attr violation(s) from style attributes (styleMap)`);
      // zod 4 probes once whether eval works (`new Function('')` in a try/catch) and, refused, validates
      // without it: a reported violation, no failure. Hosts can skip the probe with z.config({ jitless: true }).
      const zodProbe = violations.filter((v) => /trusted-types-sink Function\|\(\s*\)\s*\{\s*\}/.test(v));
      if (zodProbe.length) console.log(`    note: ${zodProbe.length} Trusted Types report(s) from zod's eval probe (caught by zod)`);
      const rest = violations.filter((v) => !v.startsWith('style-src-attr') && !zodProbe.includes(v));
      if (rest.length || errors.length) throw new Error([...rest, ...errors].join('\n'));
    });
  } finally {
    await context.close();
    await server.close();
  }
}

// ── The CDN build from a plain page ──────────────────────────────────────────────────────────────────

/** demo/cdn.html with the installed package's dist/cdn/ served from another origin (as a CDN would). */
async function driveCdn(browser: Browser, cdnDir: string, dir: string): Promise<void> {
  const demo = await serveCdnDemo(cdnDir, dir);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  const workers: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('worker', (w) => workers.push(w.url()));
  const wizard = page.locator('offline-upload-wizard');
  const heading = (name: string | RegExp) => wizard.getByRole('heading', { level: 2, name });
  try {
    const opened = await check('cdn: demo/cdn.html opens the wizard from one <script type="module"> of another origin (no bundler, no import map)', async () => {
      await page.goto(`${demo.page.origin}/`);
      await heading('Download the template').waitFor({ timeout: 20_000 });
      const html = await page.content();
      if (/importmap/.test(html)) throw new Error('the page has an import map');
      await page.waitForLoadState('networkidle');
      const scripts = [...new Set(demo.cdn.requests.filter((r) => /\.js$/.test(r.path) && !/validate\.worker/.test(r.path)).map((r) => r.path))];
      const total = scripts.reduce((sum, path) => sum + gzipSync(readFileSync(join(cdnDir, path)), { level: 9 }).length, 0);
      timings.push(`cdn first load ${(total / 1000).toFixed(1)} kB gzip (${scripts.join(', ')})`);
      console.log(`    cdn first load: ${(total / 1000).toFixed(1)} kB gzip in ${scripts.length} files`);
      if (total > CDN_FIRST_LOAD_BUDGET) throw new Error(`the CDN page's first load is ${(total / 1000).toFixed(1)} kB gzip, over the ${CDN_FIRST_LOAD_BUDGET / 1000} kB budget: ${scripts.join(', ')}`);
    });
    await check('cdn: offline-upload-all.js adds the internal parts to the same elements (one definition of each tag)', async () => {
      const found = await page.evaluate(async (url) => {
        const all = (await import(url)) as Record<string, unknown>;
        return {
          parts: ['ActivityComboboxElement', 'DropZoneElement', 'IssuesTableElement'].filter((name) => typeof all[name] !== 'function'),
          same: all['OfflineUploadWizardElement'] === customElements.get('offline-upload-wizard') && all['UploadSummaryElement'] === customElements.get('upload-summary'),
        };
      }, `${demo.cdn.origin}/offline-upload-all.js`);
      if (found.parts.length) throw new Error(`offline-upload-all.js lacks ${found.parts.join(', ')}`);
      if (!found.same) throw new Error('offline-upload-all.js exports other classes than the tags the page defined: the two entries do not share their chunks');
    });
    if (!opened) return;
    await check('cdn: the template downloads (exceljs as a lazy ES module chunk of dist/cdn/)', async () => {
      const download = page.waitForEvent('download');
      await wizard.getByRole('button', { name: 'Download template (.xlsx)' }).click();
      const file = join(dir, 'cdn-template.xlsx');
      await (await download).saveAs(file);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(file);
      if (!workbook.getWorksheet('Records')) throw new Error('the downloaded template has no Records sheet');
      if (!demo.cdn.requests.some((r) => r.status === 200 && /exceljs/.test(r.path))) throw new Error(`exceljs did not load as its own chunk (requests: ${JSON.stringify(demo.cdn.requests)})`);
      await wizard.getByRole('button', { name: /upload the file/ }).click();
      await heading('Upload your spreadsheet').waitFor();
    });
    await check('cdn: a .csv is read in the worker (cross-origin, through a same-origin shim) and its 3 records are created', async () => {
      await uploadAndCreate(page, csvFile(dir), 3);
      const held = demo.page.lms.uploadedRecords(ACTIVITY).length;
      if (held !== 3) throw new Error(`the LMS holds ${held} records, expected 3`);
      if (!workers.some((url) => url.startsWith('blob:'))) throw new Error(`no worker started (workers: ${JSON.stringify(workers)}): the main-thread fallback ran`);
      if (!demo.cdn.requests.some((r) => r.status === 200 && /validate\.worker\.js$/.test(r.path))) throw new Error('the worker file was not loaded from the CDN origin');
    });
    await check('cdn: every file came from dist/cdn/ (no 404) and no script error', () => {
      const missing = [...demo.cdn.requests, ...demo.page.requests].filter((r) => r.status !== 200 && r.path !== '/favicon.ico');
      if (missing.length) throw new Error(`requests that failed: ${JSON.stringify(missing)}`);
      if (errors.length) throw new Error(errors.join('\n'));
    });
  } finally {
    await context.close();
    await demo.close();
  }
}

// ── The run ──────────────────────────────────────────────────────────────────────────────────────────

async function run(): Promise<void> {
  const started = Date.now();
  mkdirSync(work, { recursive: true });
  for (const f of readdirSync(work)) if (f.endsWith('.tgz')) rmSync(join(work, f));
  // `npm pack` builds dist/ (prepack) and packs exactly what a host installs.
  timed('npm pack (build included)', () => sh('npm', ['pack', '--pack-destination', work], root, 'npm pack'));
  const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'));
  if (!tarball) throw new Error('npm pack made no tarball');
  writeFileSync(join(work, 'package.json'), JSON.stringify(WORKSPACE_PACKAGE(`file:./${tarball}`), null, 2));
  for (const name of names) {
    for (const [file, text] of Object.entries(APPS[name].files)) {
      mkdirSync(join(work, name, file, '..'), { recursive: true });
      writeFileSync(join(work, name, file), text);
    }
  }
  // The tarball's name does not change with its content, and npm would take the lock's cached copy:
  // drop the installed package and the lock so the new tarball is installed (the rest comes from cache).
  rmSync(join(work, 'node_modules/offline-upload'), { recursive: true, force: true });
  rmSync(join(work, 'package-lock.json'), { force: true });
  timed('npm install', () => sh('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], work, 'npm install'));

  await check('the installed package ships its manifest and editor data (web-types, VS Code custom data)', () => {
    const installed = join(work, 'node_modules/offline-upload');
    const pkg = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as { customElements: string; 'web-types': string };
    const manifest = JSON.parse(readFileSync(join(installed, pkg.customElements), 'utf8')) as { modules: { path: string }[] };
    for (const mod of manifest.modules) if (!existsSync(join(installed, mod.path))) throw new Error(`the manifest names ${mod.path}, not in the package`);
    const webTypes = readFileSync(join(installed, pkg['web-types']), 'utf8');
    const vscode = JSON.parse(readFileSync(join(installed, 'dist/vscode.html-custom-data.json'), 'utf8')) as { tags: { name: string; attributes: { name: string; values?: { name: string }[] }[] }[] };
    for (const tag of ['offline-upload-wizard', 'upload-summary']) {
      if (!webTypes.includes(`"${tag}"`)) throw new Error(`web-types.json lacks <${tag}>`);
      if (!vscode.tags.some((t) => t.name === tag)) throw new Error(`the VS Code custom data lacks <${tag}>`);
    }
    const dateOrder = vscode.tags.find((t) => t.name === 'offline-upload-wizard')?.attributes.find((a) => a.name === 'date-order');
    if (dateOrder?.values?.map((v) => v.name).join() !== 'DMY,MDY,YMD') throw new Error(`date-order offers ${JSON.stringify(dateOrder?.values)} in VS Code, expected DMY, MDY, YMD`);
  });

  const executablePath = browserPath();
  if (!executablePath) throw new Error('no Chromium found (set CHROME_PATH)');
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  try {
    for (const name of names) {
      const app = APPS[name];
      const dir = join(work, name);
      console.log(`\n${name}`);
      await check(`${name}: ${app.typecheck.join(' ')} passes with the shipped types`, () => {
        timed(`${name} type-check`, () => sh('npx', [...app.typecheck], dir, 'type-check'));
      });
      await check(`${name}: ${app.typecheck.join(' ')} refuses a wrong attribute type (${app.badNote})`, () => {
        writeFileSync(join(dir, app.bad.file), app.bad.text);
        try {
          const run = spawnSync('npx', [...(app.badTypecheck ?? app.typecheck)], { cwd: dir, encoding: 'utf8' });
          const out = `${run.stdout}${run.stderr}`;
          if (run.status === 0) throw new Error('the type-check passed a wrong attribute type');
          if (!app.bad.expect.test(out)) throw new Error(`the type-check failed for another reason:\n${out.slice(0, 1500)}`);
        } finally {
          rmSync(join(dir, app.bad.file));
        }
      });
      const built = await check(`${name}: vite build (production)`, () => {
        timed(`${name} vite build`, () => sh('npx', ['vite', 'build', '--logLevel', 'warn'], dir, 'vite build'));
      });
      if (!built) continue;
      const t = Date.now();
      await drive(browser, name, join(dir, 'dist'), work);
      if (name === 'vanilla') await driveStrict(browser, join(dir, 'dist'), work);
      timings.push(`${name} in Chromium ${((Date.now() - t) / 1000).toFixed(1)} s`);
    }
    if (withCdn) {
      console.log('\ncdn');
      const t = Date.now();
      await driveCdn(browser, join(work, 'node_modules/offline-upload/dist/cdn'), work);
      timings.push(`cdn in Chromium ${((Date.now() - t) / 1000).toFixed(1)} s`);
    }
  } finally {
    await browser.close();
  }
  timings.push(`total ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

try {
  await run();
} catch (error) {
  failed += 1;
  console.error(error);
}
mkdirSync(join(root, 'test-results'), { recursive: true });
writeFileSync(join(root, 'test-results/consumer.json'), JSON.stringify({ passed, failed, timings }));
console.log(`\ntimes: ${timings.join(' · ')}`);
console.log(`consumer: ${passed} passed, ${failed} failed`);
if (!args.includes('--keep') && existsSync(join(work, 'dist'))) rmSync(join(work, 'dist'), { recursive: true });
process.exit(failed > 0 ? 1 : 0);
