// The end-to-end harness shared by every scenario in test/e2e/scenarios/: counted checks, screenshots, and
// the admin's own moves (fill the downloaded template, pick a file). run.ts builds and serves the demo and
// runs each scenario file in order; a scenario is a default-exported `async (ctx: E2EContext) => void`.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Locator, Page } from 'playwright-core';
import { DEMO } from '../../demo/mocks/data.js';

export const root = resolve(import.meta.dirname, '../..');
export const shots = join(root, 'screenshots');
/** A scratch folder for the files the scenarios write (removed by run.ts at the end). */
export const work = mkdtempSync(join(tmpdir(), 'offline-upload-e2e-'));
export const ACTIVITY = { id: DEMO.activities.classroom, name: 'Fire Safety Induction' };

/** Counts over every scenario: run.ts writes them to test-results/e2e.json. */
export const totals = { passed: 0, failed: 0 };

export type CheckOptions = {
  /** A flow check is skipped (and counted failed) once an earlier flow check of its scenario failed. Default true. */
  flow?: boolean;
};
export type Check = (name: string, body: () => Promise<void>, options?: CheckOptions) => Promise<void>;

export interface E2EContext {
  readonly browser: Browser;
  /** The served demo, e.g. `http://127.0.0.1:41234` (pages: `/`, `/configurations.html`, …). */
  readonly base: string;
  /** One named check of this scenario: counted, timed, and its error printed. */
  readonly check: Check;
}

/** A fresh `check` for one scenario: its flow checks stop at the scenario's first failure. */
export function checker(): Check {
  let broken = false;
  return async (name, body, { flow = true } = {}) => {
    if (flow && broken) {
      totals.failed += 1;
      console.log(`  ✗ ${name} (not run: an earlier step failed)`);
      return;
    }
    const started = Date.now();
    try {
      await body();
      totals.passed += 1;
      console.log(`  ✓ ${name} (${Date.now() - started} ms)`);
    } catch (error) {
      totals.failed += 1;
      if (flow) broken = true;
      console.log(`  ✗ ${name}\n    ${error instanceof Error ? (error.stack ?? error.message).split('\n').slice(0, 4).join('\n    ') : String(error)}`);
    }
  };
}

export function expectEqual<T>(actual: T, expected: T, what: string): void {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`${what}: expected ${e}, got ${a}`);
}

/** A screenshot in screenshots/NAME.png (not committed): the whole page, or one element. */
export async function shot(page: Page, name: string, target?: Locator): Promise<void> {
  await page.waitForTimeout(250);
  const path = join(shots, `${name}.png`);
  if (target) await target.screenshot({ path });
  else await page.screenshot({ path, fullPage: true });
}

// ── The spreadsheet an admin fills in ────────────────────────────────────────────────────────────────

export type Row = { email: string; date: string | Date; status: string; trainer?: string };

export const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** The downloaded template with `rows` typed under the header (dates as Excel dates), the sample deleted. */
export async function fill(template: string, rows: readonly Row[], name: string): Promise<string> {
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
export async function issueRows(wizard: Locator): Promise<string[][]> {
  const table = wizard.locator('offline-upload-issues-table table');
  await table.waitFor();
  return table.locator('tbody tr').evaluateAll((trs) =>
    // The row cell may also name the learner (LMS issues): the row number is its leading digits, written
    // in the page's language (1,347); returned without the grouping commas.
    trs.map((tr) => [/^[\d,]*/.exec(tr.querySelector('th')!.textContent!.trim())![0].replaceAll(',', ''), tr.querySelectorAll('td')[0]!.textContent!.trim()]),
  );
}

/** Picks `path` through the wizard's "Choose a file" (or "Upload a corrected file") button. */
export async function upload(page: Page, wizard: Locator, path: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  const button = wizard.getByRole('button', { name: /^(Choose a file|Upload a corrected file)$/ });
  await button.first().click();
  await (await chooser).setFiles(path);
}

/**
 * From the console page's first screen to the upload step for the demo's classroom activity (Employees,
 * Email), downloading the template on the way: returns the template's path. For scenarios that start at
 * the upload step.
 */
export async function toUploadStep(page: Page, wizard: Locator, base: string, templateName = 'template.xlsx'): Promise<string> {
  const heading = (name: string | RegExp) => wizard.getByRole('heading', { level: 2, name });
  await page.goto(`${base}/`);
  await heading('Choose the activity').waitFor({ timeout: 15_000 });
  const combobox = wizard.getByRole('combobox', { name: 'Offline activity' });
  await combobox.fill('fire safety');
  await wizard.getByRole('option', { name: /Fire Safety Induction/ }).first().waitFor();
  await combobox.press('ArrowDown');
  await combobox.press('Enter');
  await wizard.getByText('HSE-101 · Health & Safety').waitFor();
  await wizard.getByLabel('User domain').selectOption({ label: 'Employees' });
  await wizard.getByRole('radio', { name: /Email/ }).check();
  await wizard.getByRole('button', { name: /^Next/ }).click();
  await heading('Download the template').waitFor();
  const download = page.waitForEvent('download');
  await wizard.getByRole('button', { name: 'Download template (.xlsx)' }).click();
  const template = join(work, templateName);
  await (await download).saveAs(template);
  await wizard.getByRole('button', { name: /upload the file/ }).click();
  await heading('Upload your spreadsheet').waitFor();
  return template;
}
