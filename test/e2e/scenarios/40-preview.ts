// The records preview on the console page, with a slow LMS (1.2 s a call): 1,200 rows for the skip-policy
// activity (Anti-Bribery Briefing, CMP-301), some of them records the LMS already has. The bar moves with
// each of the dry run's three parts and names the part; the preview names every learner as the demo LMS
// knows them, its counts filter it; Create records goes straight to the confirmation, which says what the
// preview showed; only the new records are created and the done screen says how many were left unchanged.
// Screenshots at 1280 and 375 px.
import { DEMO, SEED_RECORDS, USERS } from '../../../demo/mocks/data.js';
import { expectEqual, fill, shot, upload, utc, work, type E2EContext, type Row } from '../harness.js';
import { join } from 'node:path';

const ACTIVITY = { id: DEMO.activities.skipsExisting, name: 'Anti-Bribery Briefing' };
const ROWS = 1200;

export default async function preview({ browser, base, check }: E2EContext): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const wizard = page.locator('#wizard');
  const heading = (name: string | RegExp) => wizard.getByRole('heading', { level: 2, name });
  const previewEl = wizard.locator('offline-upload-records-preview');

  // Active employees only in Employees: those who already attended the briefing send their record again
  // (same date: left unchanged), the others attended on 12 March 2026.
  const held = new Map(SEED_RECORDS.filter((r) => r.activityId === ACTIVITY.id).map((r) => [r.userId, r.date]));
  const people = USERS.filter((u) => u.active && u.domainIds.length === 1 && u.domainIds[0] === DEMO.domains.employees).slice(0, ROWS);
  const rows: Row[] = people.map((u, i) => ({ email: u.email, date: utc(held.get(u.id) ?? '2026-03-12'), status: i % 3 ? 'Completed' : 'Attended' }));
  const unchanged = people.filter((u) => held.has(u.id)).length;
  const fresh = ROWS - unchanged;
  const number = (n: number) => n.toLocaleString('en');
  let template = '';

  await check('preview: the skip-policy activity chosen on a slow LMS, its template downloaded', async () => {
    if (people.length !== ROWS || unchanged === 0) throw new Error(`demo data: ${people.length} people, ${unchanged} already recorded`);
    await page.goto(`${base}/?lms=slow`);
    await heading('Choose the activity').waitFor({ timeout: 20_000 });
    const combobox = wizard.getByRole('combobox', { name: 'Offline activity' });
    await combobox.fill('anti-bribery');
    await wizard.getByRole('option', { name: /Anti-Bribery Briefing/ }).first().waitFor({ timeout: 15_000 });
    await combobox.press('ArrowDown');
    await combobox.press('Enter');
    await wizard.getByText('CMP-301 · Compliance & Ethics').waitFor({ timeout: 15_000 });
    await wizard.getByLabel('User domain').selectOption({ label: 'Employees' });
    await wizard.getByRole('radio', { name: /Email/ }).check();
    await wizard.getByRole('button', { name: /^Next/ }).click();
    await heading('Download the template').waitFor({ timeout: 20_000 });
    const download = page.waitForEvent('download');
    await wizard.getByRole('button', { name: 'Download template (.xlsx)' }).click();
    template = join(work, 'anti-bribery-template.xlsx');
    await (await download).saveAs(template);
    await wizard.getByRole('button', { name: /upload the file/ }).click();
    await heading('Upload your spreadsheet').waitFor();
  });

  await check('progress: the bar moves with each of the LMS’s three parts and says which part is asked', async () => {
    await upload(page, wizard, await fill(template, rows, 'anti-bribery-march.xlsx'));
    const seen: { value: number; detail: string }[] = [];
    const bar = wizard.locator('[role=progressbar]');
    let shotTaken = false;
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      const sample = await page.evaluate(() => {
        const step = document.querySelector('#wizard')!.shadowRoot!.querySelector('[data-step]')!.shadowRoot!;
        const bar = step.querySelector('[role=progressbar]');
        return bar
          ? { value: Number(bar.getAttribute('aria-valuenow') ?? -1), detail: step.querySelector('.progress-detail')?.textContent?.trim() ?? '', heading: '' }
          : { value: -1, detail: '', heading: step.querySelector('[data-step-heading]')?.textContent ?? '' };
      });
      if (sample.heading === 'Check the records') break;
      if (sample.value >= 0 && sample.detail.startsWith('Part') && seen.at(-1)?.detail !== sample.detail) {
        seen.push({ value: sample.value, detail: sample.detail });
        if (!shotTaken && sample.detail.startsWith('Part 2')) {
          shotTaken = true;
          await shot(page, 'e2e-40-progress-1280', bar.locator('xpath=..'));
        }
      }
      await page.waitForTimeout(100);
    }
    const parts = seen.map((s) => s.detail.replace(/ ·.*/, ''));
    expectEqual([...new Set(parts)], ['Part 1 of 3', 'Part 2 of 3', 'Part 3 of 3'], 'the parts named under the bar');
    const values = seen.map((s) => s.value);
    for (let i = 1; i < values.length; i++) if (!(values[i]! > values[i - 1]!)) throw new Error(`the bar did not move between parts: ${values.join(' → ')}`);
    if (values[0]! > 40) throw new Error(`the LMS's first part started at ${values[0]} %`);
    expectEqual(seen.at(-1)!.detail, `Part 3 of 3 · ${number(1000)} of ${number(ROWS)} records checked`, 'the last part in flight');
  });

  await check('preview: every row with the learner as the demo LMS names them, counts per label', async () => {
    await heading('Check the records').waitFor({ timeout: 30_000 });
    await previewEl.locator('tbody tr').first().waitFor();
    const firstRows = await previewEl.locator('tbody tr').evaluateAll((trs) =>
      trs.slice(0, 5).map((tr) => ({ row: tr.querySelector('th')!.textContent!.trim(), learner: tr.querySelector('td.learner')!.textContent!.trim(), email: tr.querySelector('td.identifier')!.textContent!.trim() })),
    );
    expectEqual(
      firstRows,
      people.slice(0, 5).map((u, i) => ({ row: number(i + 2), learner: `${u.firstName} ${u.lastName}`, email: u.email })),
      'the first rows: row, learner named by the LMS, e-mail',
    );
    const chips = await previewEl.locator('.chip').allTextContents();
    expectEqual(
      chips.map((c) => c.replace(/\s+/g, ' ').trim()),
      [`All rows ${number(ROWS)}`, `New record ${number(fresh)}`, `Already recorded — left unchanged ${number(unchanged)}`],
      'the counts per label',
    );
    await wizard.locator('#create-plan').getByText(`${number(fresh)} new records will be created.`).waitFor();
    await previewEl.getByText(`1–25 of ${number(ROWS)}`).waitFor();
    await shot(page, 'e2e-41-preview-1280');
  });

  await check('preview: a label’s count filters the rows; the page size changes', async () => {
    await previewEl.locator('.chip', { hasText: 'left unchanged' }).click();
    await previewEl.getByText(`Records preview · ${unchanged === 1 ? '1 row' : `${number(unchanged)} rows`} shown`).waitFor();
    const labels = await previewEl.locator('tbody td .badge').allTextContents();
    if (labels.length === 0 || labels.some((l) => l.trim() !== 'Already recorded — left unchanged')) throw new Error(`filtered labels: ${labels.join(', ')}`);
    const shownRows = await previewEl.locator('tbody th').allTextContents();
    // Row numbers are written in the admin's language (1,347), as in the grid and the cards.
    const expectedRows = people.flatMap((u, i) => (held.has(u.id) ? [number(i + 2)] : [])).slice(0, 25);
    expectEqual(shownRows.map((r) => r.trim()), expectedRows, 'the rows left unchanged, in file order');
    await shot(page, 'e2e-42-preview-filtered-1280');
    await previewEl.locator('.chip', { hasText: 'All rows' }).click();
    await previewEl.getByLabel('Rows per page').selectOption('100');
    await previewEl.getByText(`1–100 of ${number(ROWS)}`).waitFor();
    expectEqual(await previewEl.locator('tbody tr').count(), 100, 'rows rendered at 100 per page');
    await previewEl.getByLabel('Rows per page').selectOption('25');
  });

  await check('preview at 375 px: one card per record, no sideways scrolling', async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.waitForTimeout(300);
    const display = await previewEl.locator('tbody tr').first().evaluate((tr) => getComputedStyle(tr).display);
    expectEqual(display, 'block', 'a row shown as a card');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > 375) throw new Error(`the page is ${width}px wide at 375`);
    await previewEl.getByLabel('Rows per page').selectOption('10');
    await previewEl.getByText(`1–10 of ${number(ROWS)}`).waitFor();
    await shot(page, 'e2e-43-preview-375', previewEl);
    await shot(page, 'e2e-43b-create-375', wizard.locator('[data-step]'));
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  await check('create from the preview: the confirmation states the preview’s counts, then only new records are created', async () => {
    await wizard.getByRole('button', { name: 'Create records' }).click();
    const dialog = wizard.getByRole('dialog', { name: `Create ${number(fresh)} records?` });
    await dialog.waitFor();
    await dialog.getByText(`${number(fresh)} records will be created for “${ACTIVITY.name}”.`, { exact: false }).waitFor();
    await dialog.getByText(`${unchanged === 1 ? '1 row' : `${number(unchanged)} rows`} the LMS already has will be left unchanged.`).waitFor();
    await shot(page, 'e2e-44-confirm-1280');
    await dialog.getByRole('button', { name: `Create ${number(fresh)} records` }).click();
    await heading('Records created').waitFor({ timeout: 30_000 });
    await wizard.getByText(`${number(fresh)} records were created for “${ACTIVITY.name}”.`).waitFor();
    const said = `${unchanged === 1 ? '1 record the LMS already had was' : `${number(unchanged)} records the LMS already had were`} left unchanged.`;
    expectEqual(await wizard.locator('#done-unchanged').textContent(), said, 'the done screen says how many were left unchanged');
    await shot(page, 'e2e-45-done-1280');
    const lms = await page.evaluate((activityId) => {
      const l = window.__demoLms!.lms;
      return { created: l.uploadedRecords(activityId).map((r) => r.userId), pending: l.pendingUploads().length };
    }, ACTIVITY.id);
    const expected = people.filter((u) => !held.has(u.id)).map((u) => u.id);
    expectEqual([...lms.created].sort(), [...expected].sort(), 'the records created: the new ones only');
    expectEqual(lms.pending, 0, 'staged uploads left on the LMS');
  });

  await check('done at 375 px', async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.waitForTimeout(300);
    await shot(page, 'e2e-46-done-375', wizard);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > 375) throw new Error(`the page is ${width}px wide at 375`);
  });

  await check('preview: no script errors', async () => {
    if (errors.length > 0) throw new Error(errors.join('\n'));
  }, { flow: false });
  await context.close();
}
