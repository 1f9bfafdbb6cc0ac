// The whole flow as an admin walks it on the console page: search and choose the activity, download the
// template, upload files with client and LMS issues, then a corrected one, create the records — and the demo
// LMS holds exactly those records.
import { join } from 'node:path';
import { DEMO } from '../../../demo/mocks/data.js';
import { ACTIVITY, expectEqual, fill, issueRows, shot, upload, utc, work, type E2EContext, type Row } from '../harness.js';

export default async function flow({ browser, base, check }: E2EContext): Promise<void> {
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
    // The records preview's Create records leads straight to the confirmation (no step in between).
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
