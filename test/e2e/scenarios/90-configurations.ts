// The configurations page: a preset activity, French, a host-supplied backend, and Arabic right to left.
import { expectEqual, shot, type E2EContext } from '../harness.js';

export default async function configurations({ browser, base, check }: E2EContext): Promise<void> {
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
