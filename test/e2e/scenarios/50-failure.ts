// A failure as the admin meets it on the console page: the demo LMS cannot check the file (503 on every
// dry-run chunk), then cannot create the records (500 on every commit). Each time the wizard tries again on
// its own, stops after 3 tries, says what happened in the admin's words (no method, path, status or id but
// the upload reference to quote), and Try again succeeds once the LMS is back — without picking the file
// again, with the same idempotency key, and the records created exactly once. Cancel and leaving the page
// (the page's pagehide; the DELETE's keepalive is checked in test/backend/discard-keepalive.test.ts) leave
// nothing staged; a page back from the back-forward cache checks its file again.
import { DEMO } from '../../../demo/mocks/data.js';
import { ACTIVITY, expectEqual, fill, shot, toUploadStep, upload, utc, type E2EContext, type Row } from '../harness.js';

/** What must never be on screen: HTTP methods, API paths, status codes, internal ids other than the reference. */
const TECHNICAL = /\bHTTP\b|\b(GET|POST|DELETE)\b|\/uploads|\/api\/|\b(500|503|504)\b|act-hse|dom-employees/;

export default async function failure({ browser, base, check }: E2EContext): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const wizard = page.locator('#wizard');
  const heading = (name: string | RegExp) => wizard.getByRole('heading', { level: 2, name });
  // The failure block on screen (the live region says the same words to a screen reader).
  const alert = wizard.locator('.alert.error');
  const rows: Row[] = DEMO.employees.slice(0, 4).map((e, i) => ({ email: e.email, date: utc(`2026-03-1${i}`), status: 'Completed', trainer: 'Sam Lee' }));
  let file = '';
  let template = '';
  let reference = '';
  const calls = (operation: string) => page.evaluate((op) => window.__demoLms!.requests.filter((r) => r.operation === op).length, operation);
  const pending = () => page.evaluate(() => window.__demoLms!.lms.pendingUploads());
  // The admin's view: the shadow trees' text, without the collapsed "Details for support" (no named inner
  // functions: tsx would wrap them in a helper the page does not have).
  const visibleText = () =>
    wizard.evaluate((el) => {
      const parts: string[] = [];
      const stack: Node[] = [el];
      while (stack.length > 0) {
        const node = stack.pop()!;
        if (node instanceof HTMLDetailsElement && !node.open) continue;
        if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
        if (node instanceof Element && node.shadowRoot) stack.push(node.shadowRoot);
        stack.push(...Array.from(node.childNodes));
      }
      return parts.join(' ').replace(/\s+/g, ' ');
    });

  await check('failure: the LMS cannot check the file — 3 tries, then the reason in the admin\'s words, the file kept', async () => {
    template = await toUploadStep(page, wizard, base, 'failure-template.xlsx');
    file = await fill(template, rows, 'failure-march.xlsx');
    await page.evaluate(() => window.__demoLms!.inject('dryRunChunk', { kind: 'status', status: 503 }));
    await upload(page, wizard, file);
    await wizard.locator('.retrying').getByText(/The LMS did not answer\. Trying again \(2 of 3\)/).waitFor({ timeout: 15_000 });
    await alert.getByText('The LMS could not check the records just now. Nothing was created. Try again in a moment.').waitFor({ timeout: 20_000 });
    await alert.getByText('Tried 3 times, then stopped.').waitFor();
    await wizard.getByText('Your file failure-march.xlsx is kept', { exact: false }).waitFor();
    expectEqual(await calls('dryRunChunk'), 3, 'dry-run chunks sent');
    expectEqual((await pending()).length, 0, 'staged uploads left after the failed check');
    const text = await visibleText();
    if (TECHNICAL.test(text)) throw new Error(`technical words on screen: ${TECHNICAL.exec(text)?.[0]} in "${text}"`);
    await shot(page, 'e2e-50-check-failed-1280');
  });

  await check('failure: Try again once the LMS is back checks the same file without picking it again', async () => {
    await page.evaluate(() => window.__demoLms!.clearFaults());
    await wizard.getByRole('button', { name: 'Try again' }).click();
    await heading('Check the records').waitFor({ timeout: 20_000 });
    const headline = await wizard.locator('upload-summary').locator('[part=headline] strong').first().textContent();
    expectEqual(headline, '4', 'records ready');
  });

  await check('failure: every commit fails — 3 tries, then stops with the upload reference to quote; nothing created', async () => {
    await page.evaluate(() => window.__demoLms!.inject('commitUpload', { kind: 'status', status: 500 }));
    // The records preview's Create records leads straight to the confirmation.
    await wizard.getByRole('button', { name: 'Create records' }).click();
    await wizard.getByRole('dialog', { name: 'Create 4 records?' }).getByRole('button', { name: 'Create 4 records' }).click();
    await wizard.locator('.retrying').getByText(/Trying again \(2 of 3\)/).waitFor({ timeout: 15_000 });
    await shot(page, 'e2e-50-commit-retrying-1280');
    await heading('The LMS did not confirm the records').waitFor({ timeout: 20_000 });
    await alert.getByText('The LMS did not confirm that the records were created.', { exact: false }).waitFor();
    await alert.getByText('Tried 3 times, then stopped.').waitFor();
    const quote = await alert.getByText('If you contact your LMS support, give them this upload reference:', { exact: false }).textContent();
    reference = /(\S+)\s*$/.exec(quote ?? '')?.[1] ?? '';
    expectEqual([reference], await pending(), 'the reference shown is the staged upload');
    const text = await visibleText();
    const withoutReference = text.replaceAll(reference, '');
    if (TECHNICAL.test(withoutReference)) throw new Error(`technical words on screen: ${TECHNICAL.exec(withoutReference)?.[0]}`);
    expectEqual(await calls('commitUpload'), 3, 'commits sent');
    expectEqual(await page.evaluate((id) => window.__demoLms!.lms.uploadedRecords(id).length, ACTIVITY.id), 0, 'records created');
    // The support details hold the reference, the time and the codes, collapsed until asked for.
    const details = wizard.locator('details.support');
    await details.locator('summary').click();
    await details.getByText(`Upload reference: ${reference}`).waitFor();
    await shot(page, 'e2e-50-commit-failed-1280');
    await page.setViewportSize({ width: 375, height: 800 });
    await shot(page, 'e2e-50-commit-failed-375');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > 375) throw new Error(`the page is ${width} px wide at 375 px`);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  await check('failure: Try again once the LMS recovers creates the records once, with the same key', async () => {
    // The LMS is back, but loses its first answer: the commit lands, the automatic retry is answered again.
    await page.evaluate(() => {
      window.__demoLms!.clearFaults();
      window.__demoLms!.inject('commitUpload', { kind: 'drop' }, 1);
    });
    await wizard.getByRole('button', { name: 'Try again' }).click();
    await heading('Records created').waitFor({ timeout: 20_000 });
    await wizard.getByText(`4 records were created for “${ACTIVITY.name}”.`).waitFor();
    await shot(page, 'e2e-50-created-after-retry-1280');
    const held = await page.evaluate((id) => {
      const demo = window.__demoLms!;
      return {
        records: demo.lms.uploadedRecords(id).length,
        pending: demo.lms.pendingUploads().length,
        keys: [...new Set(demo.requests.filter((r) => r.operation === 'commitUpload').map((r) => r.headers['idempotency-key']))],
      };
    }, ACTIVITY.id);
    expectEqual(held.records, 4, 'records created (once)');
    expectEqual(held.pending, 0, 'staged uploads left');
    expectEqual(held.keys.length, 1, 'idempotency keys used by every commit try');
  });

  await check('failure: cancel during the check leaves nothing staged on the LMS', async () => {
    await wizard.getByRole('button', { name: 'Upload another file' }).click();
    await heading('Upload your spreadsheet').waitFor();
    await page.evaluate(() => (window.__demoLms!.settings.latencyMs = 1500));
    await upload(page, wizard, file);
    await page.waitForFunction(() => (window.__demoLms?.lms.pendingUploads().length ?? 0) > 0, undefined, { timeout: 15_000 });
    await wizard.getByRole('button', { name: 'Cancel' }).click();
    await page.waitForFunction(() => window.__demoLms?.lms.pendingUploads().length === 0, undefined, { timeout: 15_000 });
    await page.evaluate(() => (window.__demoLms!.settings.latencyMs = 0));
  });

  await check('failure: leaving the page (pagehide) discards the staged upload; back from the cache, the file is checked again', async () => {
    // Learners without a record yet (the first file's are now recorded).
    const others: Row[] = DEMO.employees.slice(4, 7).map((e, i) => ({ email: e.email, date: utc(`2026-03-2${i}`), status: 'Attended', trainer: 'Sam Lee' }));
    await upload(page, wizard, await fill(template, others, 'failure-april.xlsx'));
    await heading('Check the records').waitFor({ timeout: 20_000 });
    const [staged] = await pending();
    if (!staged) throw new Error('nothing staged for a clean file');
    // The browser's own events, as it fires them when the admin navigates away and comes back (bfcache).
    await page.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true })));
    await page.waitForFunction(() => window.__demoLms?.lms.pendingUploads().length === 0, undefined, { timeout: 10_000 });
    const discarded = await page.evaluate(() => window.__demoLms!.requests.filter((r) => r.operation === 'discardUpload').map((r) => r.url));
    if (!discarded.some((url) => url.endsWith(`/uploads/${staged}`))) throw new Error(`no discard of ${staged}: ${discarded.join(', ')}`);
    await page.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true })));
    await page.waitForFunction((old) => {
      const now = window.__demoLms?.lms.pendingUploads() ?? [];
      return now.length === 1 && now[0] !== old;
    }, staged, { timeout: 15_000 });
    await heading('Check the records').waitFor();
    await wizard.getByRole('button', { name: 'Create records' }).click();
    await wizard.getByRole('dialog', { name: 'Create 3 records?' }).getByRole('button', { name: 'Create 3 records' }).click();
    await heading('Records created').waitFor({ timeout: 20_000 });
    expectEqual(await page.evaluate((id) => window.__demoLms!.lms.uploadedRecords(id).length, ACTIVITY.id), 7, 'records of the activity (4 + 3)');
    expectEqual((await pending()).length, 0, 'staged uploads left');
  });

  await check('failure: no script errors', async () => {
    if (errors.length > 0) throw new Error(errors.join('\n'));
  }, { flow: false });
  await context.close();
}
