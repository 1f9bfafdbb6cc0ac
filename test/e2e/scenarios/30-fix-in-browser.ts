// Fix it where you see it: a 1,500-row attendance list with 78 problems is fixed entirely in the browser —
// column-wide fixes (find and replace, one value for the selected rows), single edits typed in the grid
// and on the phone's problem cards, an edit cancelled with Escape and one taken back with Ctrl+Z, three
// rows deleted on purpose — then created; the demo LMS then holds exactly the 1,497 expected records with
// the edited values, and the created event names the rows edited and deleted.
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { DEMO, SEED_RECORDS, seededRandom, USERS, type LmsUser } from '../../../demo/mocks/data.js';
import { ACTIVITY, expectEqual, shot, toUploadStep, upload, utc, work, type E2EContext } from '../harness.js';

const ROWS = 1500;
const TRAINERS = ['Sam Lee', 'Priya Shah', 'Tom Reid'];

/** What went into one spreadsheet row, and what the LMS must hold for it once the admin has fixed it. */
interface Line {
  /** Spreadsheet row number (the header is row 1). */
  readonly row: number;
  readonly email: string;
  readonly date: Date | string;
  readonly status: string;
  readonly trainer: string;
  /** The learner the record must be for; absent for rows deleted on purpose. */
  readonly user?: LmsUser;
  /** The completion date the record must have (`YYYY-MM-DD`). */
  readonly expectedDate: string;
  readonly expectedStatus: string;
  readonly problem?: Problem;
  /** What the admin types to fix it (single edits). */
  readonly typed?: string;
}

type Problem = 'status-typo' | 'status-blank' | 'domain-typo' | 'email-space' | 'bad-date' | 'future-date' | 'unknown-user' | 'not-in-lms';

const iso = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The file: 1,500 distinct active employees without a record for the activity, dated 2026, with 78 rows
 * that have one problem each, scattered through the file (a seeded shuffle, so every run is the same).
 */
function makeLines(): Line[] {
  const recorded = new Set(SEED_RECORDS.filter((r) => r.activityId === ACTIVITY.id).map((r) => r.userId));
  const learners = USERS.filter((u) => u.active && u.domainIds.includes(DEMO.domains.employees) && !recorded.has(u.id)).slice(0, ROWS);
  if (learners.length < ROWS) throw new Error(`the demo LMS has only ${learners.length} learners to use`);
  const emails = new Set(USERS.map((u) => u.email));
  const random = seededRandom(78);
  const plan: Problem[] = [
    ...Array<Problem>(24).fill('status-typo'),
    ...Array<Problem>(6).fill('status-blank'),
    ...Array<Problem>(20).fill('domain-typo'),
    ...Array<Problem>(8).fill('email-space'),
    ...Array<Problem>(8).fill('bad-date'),
    ...Array<Problem>(3).fill('future-date'),
    ...Array<Problem>(6).fill('unknown-user'),
    ...Array<Problem>(3).fill('not-in-lms'),
  ];
  // Which rows get a problem: a seeded shuffle of the row indexes.
  const order = Array.from({ length: ROWS }, (_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const problemAt = new Map(plan.map((p, i) => [order[i]!, p]));
  const badDates = ['31/02/2026', '2026-02-30', '13/13/2026', '29/02/2026', 'tbc', '32/05/2026', utc('2016-05-14'), utc('2014-09-22')];
  const futureDates = [utc('2027-03-14'), utc('2027-10-02'), utc('2062-04-20')];
  const outsiders = ['dana.whitfield@brightwater-events.example', 'k.osei@visiting-fire-service.example', 'reception.cover@temp-staff.example'];
  let bad = 0;
  let future = 0;
  let outsider = 0;
  // Dates that a single edit puts right, as the admin types them (DD/MM/YYYY); one with a day ≤ 12.
  const typedDates = ['28/02/2026', '27/02/2026', '13/12/2025', '28/02/2026', '05/06/2026', '31/05/2026', '14/05/2026', '22/09/2026'];
  const typedFuture = ['14/03/2026', '02/10/2026', '20/04/2026'];
  return learners.map((user, i): Line => {
    const row = i + 2;
    const date = utc(`2026-${String(1 + (i % 10)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`);
    const status = i % 3 === 0 ? 'Attended' : 'Completed';
    const trainer = TRAINERS[i % TRAINERS.length]!;
    const base = { row, email: user.email, date, status, trainer, user, expectedDate: iso(date), expectedStatus: status };
    const problem = problemAt.get(i);
    switch (problem) {
      case undefined:
        return base;
      case 'status-typo':
        // "Compelted": fixed by find and replace over the column.
        return { ...base, problem, status: 'Compelted', expectedStatus: 'Completed' };
      case 'status-blank':
        // Left empty: the admin selects the rows and sets "Attended" for them.
        return { ...base, problem, status: '', expectedStatus: 'Attended' };
      case 'domain-typo':
        // A valid address with the domain mistyped: the LMS knows no such user until it is replaced.
        return { ...base, problem, email: user.email.replace('northwind.example', 'northwind.exmaple') };
      case 'email-space':
        // A space pasted inside the address: not an e-mail address until the spaces are replaced by nothing.
        return { ...base, problem, email: user.email.replace('@', ' @') };
      case 'bad-date': {
        const typed = typedDates[bad]!;
        const wrong = badDates[bad++]!;
        return { ...base, problem, date: wrong, typed, expectedDate: typed.split('/').reverse().join('-') };
      }
      case 'future-date': {
        const typed = typedFuture[future]!;
        return { ...base, problem, date: futureDates[future++]!, typed, expectedDate: typed.split('/').reverse().join('-') };
      }
      case 'unknown-user': {
        // A letter dropped from the name: no such user in the LMS; the admin types the right address.
        const [local, host] = user.email.split('@') as [string, string];
        const typo = `${local.slice(0, 3)}${local.slice(4)}@${host}`;
        if (emails.has(typo)) throw new Error(`the typo ${typo} is a real user's address`);
        return { ...base, problem, email: typo, typed: user.email };
      }
      case 'not-in-lms': {
        // Visitors with no account in the LMS: deleted from this upload on purpose.
        const { user: _, ...rest } = base;
        return { ...rest, problem, email: outsiders[outsider++]! };
      }
    }
  });
}

/** The downloaded template with the lines typed under its header (dates as Excel dates or typed text). */
async function writeFile(template: string, lines: readonly Line[], path: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(template);
  const sheet = workbook.getWorksheet('Records');
  if (!sheet) throw new Error('the template has no Records sheet');
  const columns = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, col) => columns.set(String(cell.value).replace(/\s*\*\s*$/, '').trim().toLowerCase(), col));
  const col = (name: string) => {
    const found = columns.get(name);
    if (!found) throw new Error(`the template has no "${name}" column (has ${[...columns.keys()].join(', ')})`);
    return found;
  };
  const [email, date, status, trainer] = [col('email'), col('completion date'), col('status'), col('trainer')];
  sheet.spliceRows(2, 1);
  for (const line of lines) {
    const r = sheet.getRow(line.row);
    r.getCell(email).value = line.email;
    r.getCell(date).value = line.date;
    if (line.status) r.getCell(status).value = line.status;
    r.getCell(trainer).value = line.trainer;
    r.commit();
  }
  await workbook.xlsx.writeFile(path);
}

// ── Driving the review as an admin: the count, the grid by keyboard, the column-wide fixes ──────────

/** Waits until the review has checked the last change and shows `count` issues (0: the records are ready). */
async function issuesLeft(wizard: Locator, count: number, timeout = 30_000): Promise<void> {
  const heading = count === 0 ? 'Check the records' : 'Fix the issues in your file';
  await wizard.getByRole('heading', { level: 2, name: heading }).waitFor({ timeout });
  if (count === 0) return;
  const text = `${count.toLocaleString('en')} ${count === 1 ? 'issue' : 'issues'}`;
  const until = Date.now() + timeout;
  for (;;) {
    const shown = (await wizard.locator('.issue-count strong').textContent())?.trim();
    const checking = await wizard.locator('.fixing .checking').count();
    if (shown === text && checking === 0) return;
    if (Date.now() > until) throw new Error(`expected ${text} once checked, the review shows ${shown}${checking ? ' (still checking)' : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

interface ActiveCell {
  /** Whether the keyboard focus is on the active cell (or its editor). */
  readonly focused: boolean;
  readonly row: number;
  readonly col: number;
  readonly first: number;
  readonly last: number;
}

/** Where the grid's focusable cell is (spreadsheet row, grid column) and which rows are rendered. */
function activeCell(grid: Locator): Promise<ActiveCell> {
  // No named functions inside: the test's TypeScript transform would wrap them in a helper the page lacks.
  return grid.evaluate((el) => {
    const root = el.shadowRoot!;
    const cell = root.querySelector<HTMLElement>('.window [tabindex="0"]');
    const numbers = [cell?.closest('[role="row"]'), ...root.querySelectorAll('.window [role="row"]')].map((row) =>
      // Row numbers are written as numbers in the admin's language (1,347), followed by the learner's name.
      Number(/^[\d,]+/.exec(row?.querySelector('[role="rowheader"]')?.textContent?.trim() ?? '')?.[0]?.replaceAll(',', '') ?? NaN),
    );
    const focused = root.activeElement !== null && (root.activeElement === cell || cell?.contains(root.activeElement) === true);
    return { focused, row: numbers[0]!, col: Number(cell?.dataset['col'] ?? NaN), first: numbers[1]!, last: numbers.at(-1)! };
  });
}

/**
 * Clicks the number of the first row in sight, as an admin starts in the grid; the keyboard does the rest.
 * (Rows above and below the scrolled view are rendered too, out of sight: those are not clicked.)
 */
async function enterGrid(grid: Locator): Promise<void> {
  const index = await grid.evaluate((el) => {
    const view = el.shadowRoot!.querySelector('.viewport')!.getBoundingClientRect();
    const head = el.shadowRoot!.querySelector('.row.head')!.getBoundingClientRect();
    return [...el.shadowRoot!.querySelectorAll('.window [role="rowheader"]')].findIndex((h) => {
      const box = h.getBoundingClientRect();
      return box.top >= head.bottom - 1 && box.bottom <= view.bottom + 1;
    });
  });
  if (index < 0) throw new Error('no row of the grid is in sight');
  await grid.locator('.window [role="rowheader"]').nth(index).click();
  const until = Date.now() + 5_000;
  for (let waited = 0; ; waited += 50) {
    const at = await activeCell(grid);
    if (at.focused) {
      if (waited > 0) console.log(`    (the grid's active cell followed the click after ${waited} ms)`);
      return;
    }
    if (Date.now() > until) throw new Error(`clicked the first row's number in sight, the grid's active cell is row ${at.row}, column ${at.col}, without the focus`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Moves the grid's focus to a spreadsheet row and column with the keyboard (PageDown/PageUp while the row
 * is not rendered, then the arrows), as an admin scrolls to a problem. The grid must have focus.
 */
async function keyTo(page: Page, grid: Locator, row: number, col: number): Promise<void> {
  let at: ActiveCell | undefined;
  for (let presses = 0; presses < 400; presses++) {
    at = await activeCell(grid);
    if (Number.isNaN(at.row)) throw new Error('the grid has no active cell');
    if (!at.focused) {
      const where = await page.evaluate(() => {
        let a: Element | null = document.activeElement;
        const path: string[] = [];
        while (a) { path.push(`${a.localName}${a.id ? '#' + a.id : ''}${a.getAttribute('data-row') !== null ? `[row ${a.getAttribute('data-row')} col ${a.getAttribute('data-col')} tabindex ${a.getAttribute('tabindex')}]` : ''}`); a = a.shadowRoot?.activeElement ?? null; }
        return path.join(' > ');
      });
      throw new Error(`the keyboard focus is not on the grid's active cell (row ${at.row}, column ${at.col}) but on ${where}`);
    }
    if (at.row === row && at.col === col) return;
    const key =
      at.row !== row
        ? row > at.last ? 'PageDown' : row < at.first ? 'PageUp' : row > at.row ? 'ArrowDown' : 'ArrowUp'
        : col > at.col ? 'ArrowRight' : 'ArrowLeft';
    await page.keyboard.press(key);
  }
  throw new Error(`could not reach row ${row}, column ${col} of the grid by keyboard (at ${JSON.stringify(at)})`);
}

/** The text a grid cell shows (the value, not its problem message). */
function cellText(grid: Locator, row: number, col: number): Promise<string> {
  return grid.evaluate(
    (el, [r, c]) => {
      const rows = [...el.shadowRoot!.querySelectorAll('.window [role="row"]')];
      const found = rows.find((x) => /^[\d,]+/.exec(x.querySelector('[role="rowheader"]')?.textContent?.trim() ?? '')?.[0]?.replaceAll(',', '') === String(r));
      return found?.querySelector(`[data-col="${c}"] .value`)?.textContent ?? '';
    },
    [row, col] as const,
  );
}

async function bulkFix(bulk: Locator, column: string, action: string, fields: Record<string, string>): Promise<string> {
  await bulk.getByLabel('Column').selectOption({ label: column });
  await bulk.getByLabel('Change').selectOption({ label: action });
  for (const [label, value] of Object.entries(fields)) {
    const field = bulk.getByLabel(label, { exact: true });
    if ((await field.evaluate((e) => e.tagName)) === 'SELECT') await field.selectOption({ label: value });
    else await field.fill(value);
  }
  await bulk.getByRole('button', { name: 'Apply' }).click();
  const dbg = (await bulk.getByRole('status').textContent())?.trim() ?? '';
  if (!dbg) {
    await bulk.page().screenshot({ path: '/tmp/fixe2e/shots/debug.png', fullPage: true });
    console.log('DEBUG', await bulk.evaluate((el) => ({ find: (el.shadowRoot!.querySelector('input[name=find]') as HTMLInputElement)?.value, valid: el.shadowRoot!.querySelector('form')!.checkValidity(), html: el.shadowRoot!.innerHTML.slice(0, 3000) })));
  }
  return (await bulk.getByRole('status').textContent())?.trim() ?? '';
}

// ── The scenario ────────────────────────────────────────────────────────────────────────────────────

export default async function fixInBrowser({ browser, base, check }: E2EContext): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const wizard = page.locator('#wizard');
  const grid = wizard.locator('offline-upload-problem-grid');
  const bulk = wizard.locator('offline-upload-bulk-fix');
  const lines = makeLines();
  const file = join(work, 'attendance-1500.xlsx');
  const problems = (p: Problem) => lines.filter((l) => l.problem === p);
  // Grid columns: 0 row, 1 select, 2 Email, 3 Completion date, 4 Status, 5 Trainer, then Problems.
  const COL = { select: 1, email: 2, date: 3, status: 4 };
  let issues = 78;

  await check('fix in the browser: a 1,500-row file with 78 problems, checked', async () => {
    const template = await toUploadStep(page, wizard, base, 'fix-template.xlsx');
    await writeFile(template, lines, file);
    await upload(page, wizard, file);
    await issuesLeft(wizard, 78, 60_000);
    expectEqual((await wizard.locator('#rows-ready').textContent())?.trim(), '1,422 rows ready, 78 rows with problems', 'rows ready');
    expectEqual((await activeCell(grid)).first, lines.find((l) => l.problem)!.row, 'first row of the grid');
    await shot(page, 'e2e-fix-01-review-1280');
  });

  await check('fix in the browser: column-wide find and replace (status, e-mail domain, pasted spaces)', async () => {
    const statusTypos = problems('status-typo').length;
    expectEqual(await bulkFix(bulk, 'Status', 'Find and replace', { Find: 'Compelted', 'Replace with': 'Completed' }), `${statusTypos} cells changed`, 'status fix');
    await issuesLeft(wizard, (issues -= statusTypos));
    // The LMS did not know these addresses: after the fix its dry run finds every learner.
    const domainTypos = problems('domain-typo').length;
    expectEqual(await bulkFix(bulk, 'Email', 'Find and replace', { Find: 'exmaple', 'Replace with': 'example' }), `${domainTypos} cells changed`, 'domain fix');
    await issuesLeft(wizard, (issues -= domainTypos));
    const spaced = problems('email-space').length;
    expectEqual(await bulkFix(bulk, 'Email', 'Find and replace', { Find: ' ', 'Replace with': '' }), `${spaced} cells changed`, 'spaces fix');
    await issuesLeft(wizard, (issues -= spaced));
  });

  await check('fix in the browser: rows selected with the keyboard, one status set for them', async () => {
    const blank = problems('status-blank');
    // Into the grid at its first row's number, then by keyboard only.
    await enterGrid(grid);
    for (const line of blank) {
      await keyTo(page, grid, line.row, COL.select);
      await page.keyboard.press('Space');
    }
    await wizard.getByRole('button', { name: `Delete ${blank.length} selected rows` }).waitFor();
    await shot(page, 'e2e-fix-02-selected-1280');
    expectEqual(await bulkFix(bulk, 'Status', 'Set one value for the selected rows', { Value: 'Attended' }), `${blank.length} cells changed`, 'set for selected');
    await issuesLeft(wizard, (issues -= blank.length));
  });

  await check('fix in the browser: dates typed in the grid (Enter, F2, typing over), Escape and Ctrl+Z', async () => {
    const dates = [...problems('bad-date'), ...problems('future-date')].sort((a, b) => a.row - b.row);
    await enterGrid(grid);
    // Escape leaves the cell as it was: nothing is checked again.
    const first = dates[0]!;
    await keyTo(page, grid, first.row, COL.date);
    const before = await cellText(grid, first.row, COL.date);
    await page.keyboard.press('Enter');
    await page.keyboard.type('01/01/2026');
    await page.keyboard.press('Escape');
    expectEqual(await cellText(grid, first.row, COL.date), before, 'the cell after Escape');
    // A wrong date typed, then taken back with Ctrl+Z: the cell shows the file's value again.
    await page.keyboard.press('F2');
    await page.keyboard.type('01/01/2099');
    await page.keyboard.press('Enter');
    await issuesLeft(wizard, issues);
    await keyTo(page, grid, first.row, COL.date);
    expectEqual(await cellText(grid, first.row, COL.date), '01/01/2099', 'the cell after a wrong date');
    await page.keyboard.press('Control+z');
    await issuesLeft(wizard, issues);
    await keyTo(page, grid, first.row, COL.date);
    expectEqual(await cellText(grid, first.row, COL.date), before, 'the cell after Ctrl+Z');
    for (const [i, line] of dates.entries()) {
      await keyTo(page, grid, line.row, COL.date);
      // Three ways to start: Enter, F2, or typing over the cell as in a spreadsheet.
      if (i % 3 === 0) await page.keyboard.press('Enter');
      else if (i % 3 === 1) await page.keyboard.press('F2');
      await page.keyboard.type(line.typed!);
      await page.keyboard.press('Enter');
      await issuesLeft(wizard, (issues -= 1));
    }
  });

  await check('fix in the browser: on a phone (375 px) the problems are cards; addresses typed there', async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    const cards = wizard.locator('offline-upload-problem-cards');
    await cards.locator('li.card').first().waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > 375) throw new Error(`the review is ${width} px wide at a 375 px viewport`);
    await shot(page, 'e2e-fix-03-cards-375', wizard.locator('.fixing'));
    for (const line of problems('unknown-user')) {
      // Row numbers are written as numbers in the admin's language (1,347).
      const row = line.row.toLocaleString('en');
      const card = cards.locator('li.card', { hasText: `Row ${row}` });
      await card.getByRole('button', { name: 'Edit Email' }).click();
      await card.getByLabel(`New value for Email in row ${row}`).fill(line.typed!);
      await card.getByRole('button', { name: 'Save' }).click();
      await issuesLeft(wizard, (issues -= 1));
    }
    await shot(page, 'e2e-fix-04-cards-left-375', wizard.locator('.fixing'));
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  await check('fix in the browser: three learners not in the LMS deleted on purpose; the file is ready', async () => {
    const outsiders = problems('not-in-lms');
    expectEqual(issues, outsiders.length, 'issues left before deleting');
    await grid.locator('[role="row"]').nth(1).waitFor();
    for (const line of outsiders) {
      await grid.getByRole('checkbox', { name: `Select row ${line.row.toLocaleString('en')}` }).check();
    }
    await shot(page, 'e2e-fix-05-delete-1280');
    await wizard.getByRole('button', { name: `Delete ${outsiders.length} selected rows` }).click();
    await issuesLeft(wizard, 0);
    const headline = await wizard.locator('upload-summary').locator('[part=headline] strong').textContent();
    expectEqual(headline, '1,497', 'records ready');
    // The deleted rows stay listed once the rest is ready: how many, which, and a way to put them back.
    const deleted = wizard.locator('#deleted-rows');
    await deleted.getByText('3 rows deleted from this upload').waitFor();
    await deleted.getByText(outsiders.map((l) => l.row.toLocaleString('en')).join(', '), { exact: false }).waitFor();
    await shot(page, 'e2e-fix-06-ready-1280');
  });

  await check('fix in the browser: created; the LMS holds exactly the 1,497 edited records', async () => {
    await page.evaluate(() => {
      document.querySelector('#wizard')!.addEventListener('offline-upload-created', (e) => {
        (window as unknown as { created: unknown }).created = (e as CustomEvent).detail;
      });
    });
    // The records preview's Create records leads straight to the confirmation, which says what was deleted.
    await wizard.getByRole('button', { name: 'Create records' }).click();
    const dialog = wizard.getByRole('dialog', { name: 'Create 1,497 records?' });
    await dialog.waitFor();
    await dialog.getByText(`1,497 records will be created for “${ACTIVITY.name}”.`, { exact: false }).waitFor();
    await dialog.getByText('3 rows deleted in the browser will not be created.').waitFor();
    await shot(page, 'e2e-fix-07-confirm-1280');
    await dialog.getByRole('button', { name: 'Create 1,497 records' }).click();
    await wizard.getByRole('heading', { level: 2, name: 'Records created' }).waitFor({ timeout: 30_000 });
    const held = await page.evaluate((activityId) => {
      const lms = window.__demoLms!.lms;
      return {
        records: lms.uploadedRecords(activityId).map((r) => [r.userId, r.date, r.values['status'], r.values['trainer']].join('|')),
        all: lms.uploadedRecords().length,
        pending: lms.pendingUploads().length,
        created: (window as unknown as { created?: { editedRows: number[]; deletedRows: number[] } }).created,
      };
    }, ACTIVITY.id);
    const expected = lines.filter((l) => l.user).map((l) => [l.user!.id, l.expectedDate, l.expectedStatus, l.trainer].join('|'));
    expectEqual(held.records.length, 1497, 'records created');
    expectEqual([...held.records].sort(), [...expected].sort(), 'records of the activity (learner, date, status, trainer)');
    expectEqual(held.all, 1497, 'records created by uploads, all activities');
    expectEqual(held.pending, 0, 'staged uploads left on the LMS');
    expectEqual(held.created?.deletedRows, problems('not-in-lms').map((l) => l.row), 'rows deleted (created event)');
    const edited = lines.filter((l) => l.problem && l.problem !== 'not-in-lms').map((l) => l.row);
    expectEqual(held.created?.editedRows, edited, 'rows edited (created event)');
    await shot(page, 'e2e-fix-08-done-1280');
  });

  await check('fix in the browser: no script errors', async () => {
    if (errors.length > 0) throw new Error(errors.join('\n'));
  }, { flow: false });
  await context.close();
}
