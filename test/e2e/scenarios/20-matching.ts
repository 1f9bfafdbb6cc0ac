// Column matching and dates read without a word of doubt, as an admin meets them on the console page: a
// sheet with their own headers goes through the matching screen; the next upload of the same activity is
// matched from memory; one upload shows a misnamed column, a typo'd e-mail domain and an unknown user
// together; a US-dated file is read month first with the notice, and switched back in one click. At 1280
// and 375 px.
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { DEMO } from '../../../demo/mocks/data.js';
import { expectEqual, fill, issueRows, shot, toUploadStep, upload, utc, work, type E2EContext } from '../harness.js';

/** A spreadsheet with the admin's own headers (their export, not the template): dates as Excel dates. */
async function ownSheet(name: string, headers: readonly string[], rows: readonly (readonly (string | Date)[])[]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('March');
  sheet.addRow([...headers]);
  for (const row of rows) sheet.addRow([...row]);
  const path = join(work, name);
  await workbook.xlsx.writeFile(path);
  return path;
}

const OWN_HEADERS = ['Learner name', 'E-mail address', 'Date completed', 'Status', 'Trainer'];

/** The value each template column's select shows on the matching screen. */
async function chosenColumns(wizard: Locator): Promise<string[]> {
  const selects = wizard.locator('table.match select');
  return selects.evaluateAll((all) => all.map((s) => (s as HTMLSelectElement).selectedOptions[0]!.textContent!.trim()));
}

async function noSideScroll(page: Page): Promise<void> {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  if (width > 375) throw new Error(`the page scrolls sideways at 375 px (${width} px wide)`);
}

export default async function matching({ browser, base, check }: E2EContext): Promise<void> {
  const employees = DEMO.employees;
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const wizard = page.locator('#wizard');
  const heading = (name: string | RegExp) => wizard.getByRole('heading', { level: 2, name });
  let template = '';

  await check('own headers: the matching screen matches them, shows samples and the ignored column', async () => {
    template = await toUploadStep(page, wizard, base, 'matching-template.xlsx');
    const rows = employees.slice(0, 3).map((e, i) => [e.name, e.email, utc(`2026-03-0${i + 2}`), 'Completed', 'Sam Lee']);
    await upload(page, wizard, await ownSheet('own-headers.xlsx', OWN_HEADERS, rows));
    await heading('Check the columns of your file').waitFor({ timeout: 20_000 });
    expectEqual(
      await chosenColumns(wizard),
      ['Column B: E-mail address', 'Column C: Date completed', 'Column D: Status', 'Column E: Trainer', 'Not in my file'],
      'the columns matched',
    );
    await wizard.locator('#match-ignored').getByText('Column A: Learner name').waitFor();
    await wizard.locator('table.match').getByText(employees[0]!.email).waitFor();
    await wizard.getByText('Step 5 of 8').or(wizard.getByRole('navigation').getByText('Columns')).first().waitFor();
    await shot(page, 'e2e-20-matching-1280');
    await wizard.getByRole('button', { name: /Continue with these columns/ }).click();
    await heading('Check the records').waitFor({ timeout: 20_000 });
    await wizard.getByText('Your file’s columns were read as you matched them.').waitFor();
    await shot(page, 'e2e-21-matched-review-1280');
  });

  await check('the next upload of the same activity is matched from memory (no screen)', async () => {
    await toUploadStep(page, wizard, base, 'matching-template-2.xlsx');
    const rows = employees.slice(3, 5).map((e, i) => [e.name, e.email, utc(`2026-04-0${i + 2}`), 'Attended', 'Sam Lee']);
    const steps: string[] = [];
    await page.exposeFunction('e2eMatchingStep', (step: string) => steps.push(step));
    await page.evaluate(() => document.querySelector('#wizard')!.addEventListener('offline-upload-step-change', (e) => (window as unknown as { e2eMatchingStep: (s: string) => void }).e2eMatchingStep((e as CustomEvent<{ step: string }>).detail.step)));
    await upload(page, wizard, await ownSheet('own-headers-april.xlsx', OWN_HEADERS, rows));
    await heading('Check the records').waitFor({ timeout: 20_000 });
    await wizard.getByText(/were matched as you confirmed them for this activity on/).waitFor();
    if (steps.includes('match')) throw new Error(`the matching screen showed again (steps: ${steps.join(', ')})`);
    await shot(page, 'e2e-22-from-memory-1280');
  });

  await check('one pass: a misnamed column, a typo\'d e-mail domain and an unknown user in one upload', async () => {
    await toUploadStep(page, wizard, base, 'matching-template-3.xlsx');
    const typo = employees[6]!.email.replace(/@.*$/, '@northwnd.example');
    const rows = [
      [employees[5]!.email, utc('2026-03-02'), 'Completed', 'Sam Lee'],
      [typo, utc('2026-03-03'), 'Completed', 'Sam Lee'],
      [DEMO.unknownEmail, utc('2026-03-04'), 'Completed', 'Sam Lee'],
      [employees[7]!.email, utc('2026-03-05'), 'Attended', 'Sam Lee'],
    ];
    await upload(page, wizard, await ownSheet('one-pass.xlsx', ['Email', 'Completion date', 'Statsu', 'Trainer'], rows));
    // The misnamed column: matched by its likeness, and the admin is asked to check it.
    await heading('Check the columns of your file').waitFor({ timeout: 20_000 });
    await wizard.getByText('Similar name: check it').waitFor();
    expectEqual((await chosenColumns(wizard))[2], 'Column C: Statsu', 'Status found in "Statsu"');
    await wizard.getByRole('button', { name: /Continue with these columns/ }).click();
    // …and the LMS's problems with both learners in the same round.
    await heading('Fix the issues in your file').waitFor({ timeout: 20_000 });
    expectEqual(await issueRows(wizard), [['3', 'Email'], ['4', 'Email']], 'issues (row, column)');
    await wizard.locator('#rows-ready').getByText('2 rows ready, 2 rows with problems').waitFor();
    await shot(page, 'e2e-23-one-pass-1280');
  });

  await check('US dates: read month first with the notice, typed → read, and switched back in one click', async () => {
    const rows = [
      { email: employees[8]!.email, date: '3/10/2026', status: 'Completed' },
      { email: employees[9]!.email, date: '11/25/2026', status: 'Completed' },
      { email: employees[10]!.email, date: '1/13/2026', status: 'Attended' },
    ];
    await upload(page, wizard, await fill(template, rows, 'us-dates.xlsx'));
    await heading('Check the records').waitFor({ timeout: 20_000 });
    const notes = wizard.locator('#reading-notes');
    await notes.getByText('Dates in “Completion date” were read as month/day (MM/DD/YYYY)', { exact: false }).waitFor();
    await notes.getByText('row 2: 3/10/2026 → Mar 10, 2026').waitFor();
    await shot(page, 'e2e-24-us-dates-1280');
    await wizard.getByRole('button', { name: 'Read them as DD/MM/YYYY instead' }).click();
    await heading('Fix the issues in your file').waitFor({ timeout: 20_000 });
    expectEqual(await issueRows(wizard), [['3', 'Completion date *'], ['4', 'Completion date *']], 'dates impossible day first');
    await notes.getByText(/are read as DD\/MM\/YYYY, as you chose/).waitFor();
    await shot(page, 'e2e-25-dates-switched-back-1280');
  });

  await check('no script errors while matching', async () => {
    if (errors.length > 0) throw new Error(errors.join('\n'));
  }, { flow: false });
  await context.close();

  // A phone: the matching screen's columns become cards; nothing scrolls sideways.
  const phone = await browser.newContext({ viewport: { width: 375, height: 800 }, acceptDownloads: true });
  const small = await phone.newPage();
  const narrow = small.locator('#wizard');
  await check('375 px: the matching screen and the review notes fit the screen', async () => {
    await toUploadStep(small, narrow, base, 'matching-template-375.xlsx');
    const rows = employees.slice(11, 13).map((e, i) => [e.name, e.email, `3/1${i}/2026`, 'Completed', 'Sam Lee']);
    rows.push([employees[13]!.name, employees[13]!.email, '3/25/2026', 'Completed', 'Sam Lee']);
    await upload(small, narrow, await ownSheet('own-headers-375.xlsx', OWN_HEADERS, rows));
    await narrow.getByRole('heading', { level: 2, name: 'Check the columns of your file' }).waitFor({ timeout: 20_000 });
    await noSideScroll(small);
    await shot(small, 'e2e-26-matching-375');
    await narrow.getByRole('button', { name: /Continue with these columns/ }).click();
    await narrow.getByRole('heading', { level: 2, name: 'Check the records' }).waitFor({ timeout: 20_000 });
    await narrow.locator('#reading-notes').getByText(/were read as month\/day/).waitFor();
    await noSideScroll(small);
    await shot(small, 'e2e-27-review-notes-375');
  }, { flow: false });
  await phone.close();
}
