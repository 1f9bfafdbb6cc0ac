// End to end: builds the demo, serves it with `vite preview`, and drives it in the system Chromium as an
// admin would — download the template, fill it with exceljs, upload files with issues, then a corrected
// one, create the records — and checks that the demo LMS holds exactly those records. Screenshots of
// every step go to screenshots/ (not committed). Results: test-results/e2e.json = {"passed","failed"}.
// Run: npx tsx test/e2e/run.ts
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { DEMO } from '../../demo/mocks/data.js';
import { browserPath, CHROMIUM_ARGS } from '../../scripts/browser-path.mjs';

const root = resolve(import.meta.dirname, '../..');
const shots = join(root, 'screenshots');
const work = mkdtempSync(join(tmpdir(), 'offline-upload-e2e-'));
const ACTIVITY = { id: DEMO.activities.classroom, name: 'Fire Safety Induction' };

let passed = 0;
let failed = 0;
let flowBroken = false;

/** One named check: counted, timed, and its error printed; flow checks stop at the first failure. */
async function check(name: string, body: () => Promise<void>, { flow = true } = {}): Promise<void> {
  if (flow && flowBroken) {
    failed += 1;
    console.log(`  ✗ ${name} (not run: an earlier step failed)`);
    return;
  }
  const started = Date.now();
  try {
    await body();
    passed += 1;
    console.log(`  ✓ ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    failed += 1;
    if (flow) flowBroken = true;
    console.log(`  ✗ ${name}\n    ${error instanceof Error ? (error.stack ?? error.message).split('\n').slice(0, 4).join('\n    ') : String(error)}`);
  }
}

function expectEqual<T>(actual: T, expected: T, what: string): void {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`${what}: expected ${e}, got ${a}`);
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });
}

async function waitForServer(url: string, server: ChildProcess, ms = 30_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (server.exitCode !== null) throw new Error(`vite preview exited with ${server.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer within ${ms / 1000} s`);
}

async function shot(page: Page, name: string, target?: Locator): Promise<void> {
  await page.waitForTimeout(250);
  const path = join(shots, `${name}.png`);
  if (target) await target.screenshot({ path });
  else await page.screenshot({ path, fullPage: true });
}

// ── The spreadsheet an admin fills in ────────────────────────────────────────────────────────────────

type Row = { email: string; date: string | Date; status: string; trainer?: string };

const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** The downloaded template with `rows` typed under the header (dates as Excel dates), the sample deleted. */
async function fill(template: string, rows: readonly Row[], name: string): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(template);
  const sheet = workbook.getWorksheet('Records');
  if (!sheet) throw new Error('the template has no Records sheet');
  const columns = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, col) => columns.set(String(cell.value).replace(/\s*\*\s*$/, '').trim().toLowerCase(), col));
  for (const header of ['email', 'completion date', 'status', 'trainer']) {
    if (!columns.has(header)) throw new Error(`the template has no "${header}" column (has ${[...columns.keys()].join(', ')})`);
  }
  sheet.spliceRows(2, 1);
  rows.forEach((row, i) => {
    const r = sheet.getRow(2 + i);
    r.getCell(columns.get('email')!).value = row.email;
    r.getCell(columns.get('completion date')!).value = row.date;
    r.getCell(columns.get('status')!).value = row.status;
    if (row.trainer) r.getCell(columns.get('trainer')!).value = row.trainer;
    r.commit();
  });
  const path = join(work, name);
  await workbook.xlsx.writeFile(path);
  return path;
}

/** The issues table's rows as [row, column] pairs, as the admin reads them. */
async function issueRows(wizard: Locator): Promise<string[][]> {
  const table = wizard.locator('offline-upload-issues-table table');
  await table.waitFor();
  return table.locator('tbody tr').evaluateAll((trs) =>
    // The row cell may also name the learner (LMS issues): the row number is its leading digits.
    trs.map((tr) => [/^\d*/.exec(tr.querySelector('th')!.textContent!.trim())![0], tr.querySelectorAll('td')[0]!.textContent!.trim()]),
  );
}

async function upload(page: Page, wizard: Locator, path: string): Promise<void> {
  // The picker opens from "Choose a file" (or "Upload a corrected file"): hand it the file.
  const chooser = page.waitForEvent('filechooser');
  const button = wizard.getByRole('button', { name: /^(Choose a file|Upload a corrected file)$/ });
  await button.first().click();
  await (await chooser).setFiles(path);
}

// ── The run ─────────────────────────────────────────────────────────────────────────────────────────

async function run(): Promise<void> {
  mkdirSync(shots, { recursive: true });
  const vite = join(root, 'node_modules/.bin/vite');
  console.log('building the demo (vite build --mode demo)…');
  const build = spawnSync(vite, ['build', '--config', 'vite.config.ts', '--mode', 'demo', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error(`vite build --mode demo failed (${build.status})`);

  const port = await freePort();
  // Started as the vite binary itself, so that the pid we hold is the server's.
  const server = spawn(vite, ['preview', '--config', 'vite.config.ts', '--mode', 'demo', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let browser: Browser | undefined;
  try {
    const base = `http://127.0.0.1:${port}`;
    await waitForServer(`${base}/`, server);
    const executablePath = browserPath();
    if (!executablePath) throw new Error('no Chromium found (set CHROME_PATH)');
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
    await flow(browser, base);
    await configurations(browser, base);
  } finally {
    await browser?.close();
    server.kill('SIGTERM');
    rmSync(work, { recursive: true, force: true });
  }
}

async function flow(browser: Browser, base: string): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const wizard = page.locator('#wizard');
  const heading = (name: string | RegExp) => wizard.getByRole('heading', { level: 2, name });
  let template = '';
  const employees = DEMO.employees.map((e) => e.email);
  const clean: Row[] = employees.slice(0, 6).map((email, i) => ({ email, date: utc(`2026-03-0${i + 2}`), status: i % 2 ? 'Attended' : 'Completed', trainer: 'Sam Lee' }));

  await check('the console page opens the wizard on the demo LMS', async () => {
    await page.goto(`${base}/`);
    await heading('Choose the activity').waitFor({ timeout: 15_000 });
    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByText('Upload Offline Records').waitFor();
    await shot(page, 'e2e-01-choose');
  });

  await check('choose: search the activity, pick it, the domain and the identifier', async () => {
    const combobox = wizard.getByRole('combobox', { name: 'Offline activity' });
    await combobox.fill('fire safety');
    const option = wizard.getByRole('option', { name: /Fire Safety Induction/ }).first();
    await option.waitFor();
    await shot(page, 'e2e-02-search');
    await combobox.press('ArrowDown');
    await combobox.press('Enter');
    await wizard.getByText('HSE-101 · Health & Safety').waitFor();
    await wizard.getByLabel('User domain').selectOption({ label: 'Employees' });
    await wizard.getByRole('radio', { name: /Email/ }).check();
    await shot(page, 'e2e-03-chosen');
    await wizard.getByRole('button', { name: /^Next/ }).click();
    await heading('Download the template').waitFor();
  });

  await check('template: says what it holds and downloads as .xlsx', async () => {
    await wizard.getByRole('table', { name: 'What the template contains' }).waitFor();
    await wizard.getByText('A date, as DD/MM/YYYY or an Excel date').waitFor();
    await shot(page, 'e2e-04-template');
    const download = page.waitForEvent('download');
    await wizard.getByRole('button', { name: 'Download template (.xlsx)' }).click();
    const file = await download;
    expectEqual(file.suggestedFilename(), 'Fire Safety Induction - offline records template.xlsx', 'template file name');
    template = join(work, 'template.xlsx');
    await file.saveAs(template);
    await wizard.getByRole('button', { name: /upload the file/ }).click();
    await heading('Upload your spreadsheet').waitFor();
    await shot(page, 'e2e-05-upload');
  });

  await check('a file with mistakes: the issues, by spreadsheet row and column', async () => {
    const rows: Row[] = [
      clean[0]!,
      { email: 'lee.morgan@', date: utc('2026-03-03'), status: 'Completed' },
      clean[1]!,
      { email: employees[10]!, date: '31/02/2026', status: 'Completed' },
      { email: employees[11]!, date: utc('2026-03-04'), status: 'Maybe' },
    ];
    await upload(page, wizard, await fill(template, rows, 'march-with-mistakes.xlsx'));
    await heading('Fix the issues in your file').waitFor({ timeout: 20_000 });
    // Columns are named as in the admin's file: the template marks required ones with " *".
    expectEqual(await issueRows(wizard), [['3', 'Email *'], ['5', 'Completion date *'], ['6', 'Status *']], 'issues (row, column)');
    await wizard.locator('offline-upload-issues-table').getByText('This is not one of the allowed values. Use one of: Attended, Completed.').waitFor();
    const report = page.waitForEvent('download');
    await wizard.getByRole('button', { name: 'Download issues (.xlsx)' }).click();
    if (!(await report).suggestedFilename().endsWith('.xlsx')) throw new Error('the issues report is not an .xlsx');
    await shot(page, 'e2e-06-issues');
  });

  await check('a file the LMS refuses in part: inactive learner and a record it already has', async () => {
    const rows: Row[] = [
      clean[0]!,
      { email: DEMO.inactiveEmployee.email, date: utc('2026-03-03'), status: 'Completed' },
      { email: DEMO.existingRecord.email, date: utc(DEMO.existingRecord.date), status: 'Completed' },
    ];
    await upload(page, wizard, await fill(template, rows, 'march-second-try.xlsx'));
    // The review of the first file has the same heading: wait for this file's issues table.
    await wizard.getByRole('table', { name: /march-second-try\.xlsx/ }).waitFor({ timeout: 20_000 });
    await heading('Fix the issues in your file').waitFor();
    await wizard.locator('offline-upload-issues-table').getByText('This user is inactive in the LMS.', { exact: false }).waitFor();
    const found = await issueRows(wizard);
    if (!found.some(([row]) => row === '3') || !found.some(([row]) => row === '4')) throw new Error(`expected LMS issues on rows 3 and 4, got ${JSON.stringify(found)}`);
    // The record already held is about the whole row, and is counted as such (not as the whole file).
    expectEqual(found.find(([row]) => row === '4')?.[1], 'Whole row', 'column of the already-recorded row');
    const byColumn = await wizard.locator('offline-upload-issues-table .counts section').first().locator('li span').allTextContents();
    expectEqual(byColumn.sort(), ['Email *', 'Whole row'], 'issues by column');
    await shot(page, 'e2e-07-lms-issues');
  });

  await check('the corrected file: no issues, the summary', async () => {
    await upload(page, wizard, await fill(template, clean, 'march-corrected.xlsx'));
    await heading('Check the records').waitFor({ timeout: 20_000 });
    await wizard.locator('upload-summary').getByText('records ready to create').waitFor();
    const headline = await wizard.locator('upload-summary').locator('[part=headline] strong').textContent();
    expectEqual(headline, '6', 'records ready');
    await shot(page, 'e2e-08-summary');
  });

  await check('create: a confirmation naming the count and the activity, then the records are created', async () => {
    await wizard.getByRole('button', { name: /^Next/ }).click();
    await heading('Create the records').waitFor();
    await shot(page, 'e2e-09-create');
    await wizard.getByRole('button', { name: 'Create records' }).click();
    const dialog = wizard.getByRole('dialog', { name: 'Create 6 records?' });
    await dialog.waitFor();
    await dialog.getByText(`6 records will be created for “${ACTIVITY.name}”.`, { exact: false }).waitFor();
    await shot(page, 'e2e-10-confirm');
    await dialog.getByRole('button', { name: 'Create 6 records' }).click();
    await heading('Records created').waitFor({ timeout: 20_000 });
    await wizard.getByText(`6 records were created for “${ACTIVITY.name}”.`).waitFor();
    await shot(page, 'e2e-11-done');
  });

  await check('the demo LMS holds exactly those records, and nothing else was created', async () => {
    const held = await page.evaluate((activityId) => {
      const lms = window.__demoLms!.lms;
      return { forActivity: lms.uploadedRecords(activityId).map((r) => ({ userId: r.userId, date: r.date, status: r.values['status'] })), all: lms.uploadedRecords().length, pending: lms.pendingUploads().length };
    }, ACTIVITY.id);
    const idOf = new Map(DEMO.employees.map((e) => [e.email, e.id]));
    const expected = clean.map((r) => ({ userId: idOf.get(r.email), date: (r.date as Date).toISOString().slice(0, 10), status: r.status }));
    const sort = (list: { userId?: string; date: string }[]) => [...list].sort((a, b) => `${a.userId}${a.date}`.localeCompare(`${b.userId}${b.date}`));
    expectEqual(sort(held.forActivity), sort(expected), 'records of the activity');
    expectEqual(held.all, clean.length, 'records created by uploads, all activities');
    expectEqual(held.pending, 0, 'staged uploads left on the LMS');
  });

  await check('no script errors on the console page', async () => {
    if (errors.length > 0) throw new Error(errors.join('\n'));
  }, { flow: false });

  await check('at 320 px wide the console page does not scroll sideways', async () => {
    const narrow = await browser.newPage({ viewport: { width: 320, height: 800 } });
    await narrow.goto(`${base}/`);
    await narrow.locator('#wizard').getByRole('heading', { level: 2, name: 'Choose the activity' }).waitFor({ timeout: 15_000 });
    await shot(narrow, 'e2e-12-console-320');
    const width = await narrow.evaluate(() => document.documentElement.scrollWidth);
    await narrow.close();
    if (width > 320) throw new Error(`the page is ${width} px wide at a 320 px viewport`);
  }, { flow: false });
  await context.close();
}

async function configurations(browser: Browser, base: string): Promise<void> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await check('configurations: the preset activity opens on the template', async () => {
    await page.goto(`${base}/configurations.html`);
    const preset = page.locator('#preset offline-upload-wizard');
    await preset.getByRole('heading', { level: 2, name: 'Download the template' }).waitFor({ timeout: 15_000 });
    await page.locator('#french offline-upload-wizard').getByRole('heading', { level: 2, name: 'Choisissez l’activité' }).waitFor();
    await page.locator('#host-backend-wizard').getByRole('heading', { level: 2, name: 'Choose the activity' }).waitFor();
    const log = await page.locator('#backend-log').textContent();
    if (!log?.includes('getPermissions ✓')) throw new Error('the host-supplied backend was not used');
    await shot(page, 'e2e-13-configurations');
  }, { flow: false });

  await check('configurations at 320 px: French and Arabic (right to left)', async () => {
    await page.setViewportSize({ width: 320, height: 900 });
    const french = page.locator('#french');
    await french.scrollIntoViewIfNeeded();
    await shot(page, 'e2e-14-french-320', french);
    const rtl = page.locator('#rtl');
    // lang="ar" on the section: Arabic words (loaded on demand) and dir="rtl" from the locale.
    await rtl.locator('offline-upload-wizard').getByRole('heading', { level: 2, name: 'نزّل القالب' }).waitFor({ timeout: 15_000 });
    await rtl.scrollIntoViewIfNeeded();
    await shot(page, 'e2e-15-rtl-320', rtl);
    const direction = await rtl.locator('offline-upload-wizard').evaluate((el) => getComputedStyle(el).direction);
    expectEqual(direction, 'rtl', 'direction of the Arabic wizard');
    const overflow = await page.evaluate(() =>
      [...document.querySelectorAll('offline-upload-wizard')].map((w) => w.getBoundingClientRect().right - document.documentElement.clientWidth).filter((d) => d > 1),
    );
    expectEqual(overflow, [], 'wizards wider than the 320 px page');
  }, { flow: false });
  await page.close();
}

try {
  await run();
} catch (error) {
  failed += 1;
  console.error(error);
}
mkdirSync(join(root, 'test-results'), { recursive: true });
writeFileSync(join(root, 'test-results/e2e.json'), JSON.stringify({ passed, failed }));
console.log(`e2e: ${passed} passed, ${failed} failed — screenshots in screenshots/`);
process.exit(failed > 0 ? 1 : 0);
