// Work never lost, in a real page: a file with issues checked, a fix made, the page reloaded mid-review
// (the browser's own "Leave site?" accepted) — the wizard offers the work back, Continue lands on the same
// review with the fix in place; Start over there forgets it. Screenshots of the offer at 1280 and 375 px.
import { DEMO } from '../../../demo/mocks/data.js';
import { expectEqual, fill, issueRows, shot, toUploadStep, upload, utc, type E2EContext, type Row } from '../harness.js';

export default async function persist({ browser, base, check }: E2EContext): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const asked: string[] = [];
  page.on('dialog', (dialog) => {
    asked.push(dialog.type());
    void dialog.accept();
  });
  const wizard = page.locator('#wizard');
  const heading = (name: string | RegExp) => wizard.getByRole('heading', { level: 2, name });
  const emails = DEMO.employees.map((e) => e.email);
  let before: string[][] = [];

  await check('persist: a file with issues checked and one fixed in the browser', async () => {
    const template = await toUploadStep(page, wizard, base, 'persist-template.xlsx');
    const rows: Row[] = [
      { email: emails[0]!, date: utc('2026-03-02'), status: 'Completed' },
      { email: 'lee.morgan@', date: utc('2026-03-03'), status: 'Completed' },
      { email: 'not-an-email', date: utc('2026-03-04'), status: 'Attended' },
    ];
    await upload(page, wizard, await fill(template, rows, 'persist.xlsx'));
    await heading('Fix the issues in your file').waitFor({ timeout: 30_000 });
    await wizard.evaluate(async (el) => {
      const session = (el as unknown as { uploadSession: { editCells(e: unknown[]): Promise<void> } }).uploadSession;
      await session.editCells([{ row: 4, columnKey: 'identifier', value: 'still-wrong' }]);
    });
    before = await issueRows(wizard);
    await page.waitForTimeout(1000); // the fix's pause before it is kept
  });

  await check('persist: reload mid-review asks first, then offers the work back (1280 and 375 px)', async () => {
    await page.reload();
    expectEqual(asked, ['beforeunload'], 'leaving with a checked file asked first');
    await heading('Continue where you left off?').waitFor({ timeout: 15_000 });
    await wizard.getByText('You were checking “persist.xlsx” for').waitFor();
    await wizard.getByText('The change you made in the browser is kept.').waitFor();
    await shot(page, 'persist-offer-1280');
    await page.setViewportSize({ width: 375, height: 800 });
    await shot(page, 'persist-offer-375');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  await check('persist: Continue lands on the same review, the fix in place', async () => {
    await wizard.getByRole('button', { name: 'Continue where I left off' }).click();
    await heading('Fix the issues in your file').waitFor({ timeout: 30_000 });
    expectEqual(await issueRows(wizard), before, 'the same issues after the reload');
    const value = await wizard.evaluate((el) => {
      const state = (el as unknown as { uploadSession: { state: { rows?: { row: number; cells: Record<string, string> }[] } } }).uploadSession.state;
      return state.rows?.find((r) => r.row === 4)?.cells['identifier'];
    });
    expectEqual(value, 'still-wrong', 'the edited value after the reload');
    await shot(page, 'persist-restored-1280');
  });
}
