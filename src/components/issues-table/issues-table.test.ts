// The issues table: accessible real table, counts per column and kind, filters, paging that keeps
// 10,000 issues to one page of rows, focus kept on paging, messages in the UI locale.
import { expect, fixture, html } from '@open-wc/testing';
import type { Issue, IssueCode } from '../../core/issues.js';
import { issueMessage } from '../../i18n/index.js';
import { Localizer, loadTranslation } from '../../i18n/localize.js';
import { defineLaterSteps } from '../offline-upload-wizard/later-steps.js';
import type { IssuesTableElement } from './issues-table.component.js';
import { ANNOUNCE_EVENT } from '../shared/internal-events.js';

// Mounted without the wizard, which would load this part's chunk itself.
defineLaterSteps();

function issue(row: number | undefined, column: string | undefined, code: IssueCode, value = '', params = {}): Issue {
  return { ...(row !== undefined ? { row } : {}), ...(column ? { column } : {}), code, value, params, message: issueMessage(code, params) };
}

/** `n` issues over three columns and kinds, as a large broken file would give. */
function many(n: number): Issue[] {
  const kinds: [string, IssueCode][] = [['Email', 'cell-identifier-format'], ['Completion date', 'cell-date-invalid'], ['Status', 'cell-choice-invalid']];
  return Array.from({ length: n }, (_, i) => {
    const [column, code] = kinds[i % 3]!;
    return issue(2 + Math.floor(i / 3), column, code, `bad ${i}`, code === 'cell-choice-invalid' ? { choices: 'Attended, Completed' } : { format: 'DD/MM/YYYY' });
  });
}

const rows = (el: IssuesTableElement) => [...el.shadowRoot!.querySelectorAll('tbody tr')];

describe('issues table', () => {
  // French is a chunk of its own, loaded on demand; a Localizer made by hand needs it loaded first.
  before(() => loadTranslation('fr'));

  it('is accessible, with a caption, column headers and row headers', async () => {
    const el = await fixture<IssuesTableElement>(html`<offline-upload-issues-table file-name="march.xlsx" .issues=${many(6)}></offline-upload-issues-table>`);
    await expect(el).to.be.accessible();
    const table = el.shadowRoot!.querySelector('table')!;
    expect(table.caption!.textContent!.trim()).to.equal('Issues in march.xlsx · 6 issues');
    expect([...table.querySelectorAll('thead th')].map((th) => [th.getAttribute('scope'), th.textContent])).to.deep.equal([
      ['col', 'Row'], ['col', 'Column'], ['col', 'Value'], ['col', 'Problem and how to fix it'],
    ]);
    expect(rows(el)[0]!.querySelector('th')!.getAttribute('scope')).to.equal('row');
  });

  it('heading-level: the counts’ headings fit the page’s outline (clamped to h2–h6)', async () => {
    const el = await fixture<IssuesTableElement>(html`<offline-upload-issues-table heading-level="4" .issues=${many(3)}></offline-upload-issues-table>`);
    const headings = () => [...el.shadowRoot!.querySelectorAll('.counts section')].map((s) => s.firstElementChild!.localName);
    expect(headings()).to.deep.equal(['h4', 'h4']);
    const section = el.shadowRoot!.querySelector('.counts section')!;
    expect(el.shadowRoot!.getElementById(section.getAttribute('aria-labelledby')!)!.textContent).to.equal('Issues by column');
    el.headingLevel = 9;
    await el.updateComplete;
    expect(headings()).to.deep.equal(['h6', 'h6']);
  });

  it('defaults: 50 rows a page, no filter', async () => {
    const el = await fixture<IssuesTableElement>(html`<offline-upload-issues-table .issues=${many(120)}></offline-upload-issues-table>`);
    expect(el.pageSize).to.equal(50);
    expect(rows(el).length).to.equal(50);
    expect([...el.shadowRoot!.querySelectorAll('.counts button[aria-pressed=true]')]).to.deep.equal([]);
    expect(el.shadowRoot!.querySelector('.filters')).to.equal(null);
    expect(el.shadowRoot!.querySelector('.page-info')!.textContent).to.equal('1–50 of 120');
  });

  it('renders 10,000 issues as one page of rows, and filters them all', async () => {
    // What keeps this fast is that only one page is in the DOM; timing belongs to the benchmarks.
    const issues = many(10_000);
    const el = await fixture<IssuesTableElement>(html`<offline-upload-issues-table .issues=${issues}></offline-upload-issues-table>`);
    expect(rows(el).length).to.be.at.most(el.pageSize);
    expect(el.shadowRoot!.querySelector('.page-info')!.textContent).to.equal('1–50 of 10,000');
    [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.counts button')].find((b) => b.textContent!.includes('Invalid date'))!.click();
    await el.updateComplete;
    expect(rows(el).length).to.equal(50);
    expect(el.shadowRoot!.querySelector('.page-info')!.textContent).to.equal('1–50 of 3,333');
  });

  it('counts issues per column and per kind, and filters by both', async () => {
    const issues = [
      issue(undefined, undefined, 'column-missing', '', { header: 'Status' }),
      issue(4, 'Email', 'user-not-found', 'a@b.c'),
      issue(5, 'Email', 'cell-identifier-format', 'nope'),
      issue(5, 'Completion date', 'cell-date-invalid', '31/02', { format: 'DD/MM/YYYY' }),
      issue(7, undefined, 'row-duplicate-user', '', { otherRow: 4 }),
    ];
    const el = await fixture<IssuesTableElement>(html`<offline-upload-issues-table .issues=${issues}></offline-upload-issues-table>`);
    const counts = [...el.shadowRoot!.querySelectorAll('.counts li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    // A file-level issue and a row-level one are counted apart, each under the name the table gives it.
    expect(counts).to.include.members(['Email 2', 'Whole file 1', 'Whole row 1', 'Completion date 1', 'Unknown learner 1', 'Learner listed twice 1', 'Missing column 1']);
    // The count chips are the filters: pressed, a chip shows only its rows; pressed again, all of them.
    const chip = (name: string) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.counts button')].find((b) => b.textContent!.replace(/\s+/g, ' ').trim() === name)!;
    expect([...el.shadowRoot!.querySelectorAll('.counts button')].every((b) => b.getAttribute('aria-pressed') === 'false')).to.equal(true);
    chip('Whole row 1').click();
    await el.updateComplete;
    expect(rows(el).map((r) => r.querySelector('th')!.textContent)).to.deep.equal(['7']);
    expect(chip('Whole row 1').getAttribute('aria-pressed')).to.equal('true');
    chip('Email 2').click();
    await el.updateComplete;
    expect(rows(el).map((r) => r.querySelector('th')!.textContent)).to.deep.equal(['4', '5']);
    expect(chip('Whole row 1').getAttribute('aria-pressed')).to.equal('false');
    const announced = new Promise<string>((done) => el.addEventListener(ANNOUNCE_EVENT, (e) => done((e as CustomEvent<{ message: string }>).detail.message), { once: true }));
    chip('Unknown learner 1').click();
    await el.updateComplete;
    expect(rows(el).length).to.equal(1);
    expect(await announced).to.equal('1 issue');
    chip('Unknown learner 1').click();
    chip('Invalid date 1').click();
    await el.updateComplete;
    expect(rows(el).length).to.equal(0);
    expect(el.shadowRoot!.querySelector('.none')!.textContent).to.equal('No issue matches these filters.');
    // One button shows every issue again.
    el.shadowRoot!.querySelector<HTMLButtonElement>('.filters button')!.click();
    await el.updateComplete;
    expect(rows(el).length).to.equal(5);
  });

  it('labels file-level and row-level issues, and empty values', async () => {
    const issues = [issue(undefined, undefined, 'file-empty'), issue(3, undefined, 'row-sample-left-in'), issue(4, 'Status', 'cell-required', '', { header: 'Status' })];
    const el = await fixture<IssuesTableElement>(html`<offline-upload-issues-table .issues=${issues}></offline-upload-issues-table>`);
    const cells = rows(el).map((r) => [...r.children].slice(0, 3).map((c) => c.textContent!.trim()));
    expect(cells).to.deep.equal([['Whole file', '', ''], ['3', 'Whole row', ''], ['4', 'Status', '(empty)']]);
  });

  it('pages forward and back, keeping focus on a usable button at either end', async () => {
    const el = await fixture<IssuesTableElement>(html`<offline-upload-issues-table page-size="10" .issues=${many(25)}></offline-upload-issues-table>`);
    const [previous, next] = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('nav button')];
    const heard: string[] = [];
    el.addEventListener(ANNOUNCE_EVENT, (e) => heard.push((e as CustomEvent<{ message: string }>).detail.message));
    expect(previous!.disabled).to.equal(true);
    next!.focus();
    next!.click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.page-info')!.textContent).to.equal('11–20 of 25');
    next!.click();
    await el.updateComplete;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.page-info')!.textContent).to.equal('21–25 of 25');
    expect(rows(el).length).to.equal(5);
    expect(next!.disabled).to.equal(true);
    expect(el.shadowRoot!.activeElement).to.equal(previous);
    // Focus stayed on a button: the new rows are announced instead.
    expect(heard).to.deep.equal(['Issues 11 to 20 of 25', 'Issues 21 to 25 of 25']);
  });

  it('starts again from the first page and no filter when the issues change', async () => {
    const el = await fixture<IssuesTableElement>(html`<offline-upload-issues-table page-size="10" .issues=${many(25)}></offline-upload-issues-table>`);
    el.shadowRoot!.querySelectorAll<HTMLButtonElement>('nav button')[1]!.click();
    await el.updateComplete;
    el.issues = many(12);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.page-info')!.textContent).to.equal('1–10 of 12');
  });

  it('writes row numbers in the admin\'s language, as the grid and the cards do', async () => {
    const issues = [issue(1347, 'Email', 'cell-identifier-format', 'x'), issue(100001, 'Status', 'cell-choice-invalid', 'y', { choices: 'Attended, Completed' })];
    const el = await fixture<IssuesTableElement>(html`<offline-upload-issues-table .issues=${issues}></offline-upload-issues-table>`);
    expect(rows(el).map((r) => r.querySelector('th')!.textContent)).to.deep.equal(['1,347', '100,001']);
    el.localizer = new Localizer('fr');
    await el.updateComplete;
    // French groups thousands with a narrow no-break space.
    expect(rows(el).map((r) => r.querySelector('th')!.textContent)).to.deep.equal(['1\u202f347', '100\u202f001']);
  });

  it('re-renders messages in the UI locale from code and params', async () => {
    const el = await fixture<IssuesTableElement>(html`<offline-upload-issues-table .issues=${many(3)}></offline-upload-issues-table>`);
    el.localizer = new Localizer('fr');
    await el.updateComplete;
    const messages = rows(el).map((r) => r.querySelector('.message')!.textContent);
    expect(messages[1]).to.contain('Ce n’est pas une date lisible. Saisissez une date réelle au format DD/MM/YYYY');
    expect(el.shadowRoot!.querySelector('thead th')!.textContent).to.equal('Ligne');
    const chips = [...el.shadowRoot!.querySelectorAll('.counts button')].map((b) => b.textContent!.replace(/\s+/g, ' ').trim());
    expect(chips).to.include('Identifiant invalide 1');
  });
});
