import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { CellEdit } from '../../core/edit/table.js';
import { laterWordsEn } from '../../i18n/later-words.js';
import { Localizer, loadTranslation, useLaterWords } from '../../i18n/localize.js';
import { gridKeyAction } from './grid-keys.js';
import { indexOfRow, renderedIndexes } from './grid-window.js';
import { ProblemCardsElement } from './problem-cards.component.js';
import { ProblemGridElement, type GridColumn, type GridRow } from './problem-grid.component.js';

if (!customElements.get('offline-upload-problem-grid')) customElements.define('offline-upload-problem-grid', ProblemGridElement);
if (!customElements.get('offline-upload-problem-cards')) customElements.define('offline-upload-problem-cards', ProblemCardsElement);

const columns: GridColumn[] = [
  { key: 'identifier', header: 'Email' },
  { key: 'completionDate', header: 'Completion date', placeholder: 'DD/MM/YYYY' },
  { key: 'status', header: 'Status', choices: ['Attended', 'Completed'] },
];

function rowsOf(count: number): GridRow[] {
  return Array.from({ length: count }, (_, i) => ({
    row: i + 2,
    cells: { identifier: i === 1 ? 'not-an-email' : `p${i}@example.com`, completionDate: '14/03/2026', status: i === 2 ? 'Maybe' : 'Completed' },
    issues: i === 1 ? [{ columnKey: 'identifier', message: 'This is not a valid e-mail address.' }] : i === 2 ? [{ columnKey: 'status', message: 'Use Attended or Completed.' }, { message: 'This learner is listed twice.' }] : [],
    ...(i === 0 ? { learner: 'Ana Silva' } : {}),
  }));
}

async function grid(count = 5, width = 1280) {
  await setViewport({ width, height: 800 });
  const edits: CellEdit[][] = [];
  const selections: number[][] = [];
  let undos = 0;
  const el = await fixture<ProblemGridElement>(html`<offline-upload-problem-grid
    .columns=${columns}
    .rows=${rowsOf(count)}
    .localizer=${new Localizer('en')}
    label="Rows of March.xlsx"
    .onEdit=${(e: CellEdit[]) => edits.push(e)}
    .onSelect=${(s: ReadonlySet<number>) => selections.push([...s])}
    .onUndo=${() => undos++}
  ></offline-upload-problem-grid>`);
  await new Promise((r) => requestAnimationFrame(r));
  await el.updateComplete;
  return { el, edits, selections, undos: () => undos };
}

const root = (el: ProblemGridElement) => el.shadowRoot!;
const active = (el: ProblemGridElement) => root(el).querySelector<HTMLElement>('[tabindex="0"]')!;
const focused = (el: ProblemGridElement) => root(el).activeElement as HTMLElement | null;

describe('<offline-upload-problem-grid>', () => {
  // French is a chunk of its own, loaded on demand; a Localizer made by hand needs it loaded first.
  before(() => loadTranslation('fr'));
  // Defined here on its own, not by the later steps' chunk that brings their English words.
  before(() => useLaterWords(laterWordsEn));

  afterEach(() => setViewport({ width: 1280, height: 800 }));

  it('is accessible, with problem cells marked invalid and described by their message', async () => {
    const { el } = await grid();
    await expect(el).to.be.accessible();
    const cell = root(el).querySelector<HTMLElement>('[aria-invalid="true"]')!;
    expect(cell.textContent).to.contain('not-an-email');
    expect(root(el).getElementById(cell.getAttribute('aria-describedby')!)!.textContent).to.equal('This is not a valid e-mail address.');
    expect(root(el).querySelector('[role="grid"]')!.getAttribute('aria-label')).to.equal('Rows of March.xlsx');
  });

  it('renders only the rows in view of 100,000, and the last ones once scrolled there', async () => {
    const { el } = await grid(100_000);
    expect(root(el).querySelector('[role="grid"]')!.getAttribute('aria-rowcount')).to.equal('100001');
    const rendered = () => root(el).querySelectorAll('.window [role="row"]');
    expect(rendered().length).to.be.lessThan(60);
    const before = new Set(rendered());
    const viewport = root(el).querySelector<HTMLElement>('.viewport')!;
    viewport.scrollTop = viewport.scrollHeight;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    await el.updateComplete;
    const last = [...rendered()].at(-1)!;
    expect(last.getAttribute('aria-rowindex')).to.equal('100001');
    // The rows' elements are used again for the rows scrolled to (their contents change), not built anew.
    expect([...rendered()].filter((row) => !before.has(row)), 'row elements made for the jump').to.deep.equal([]);
    // Row numbers are written as numbers in the admin's language, as the problem cards write them.
    expect(last.querySelector('[role="rowheader"]')!.textContent!.trim()).to.equal('100,001');
  });

  const frames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const headerOf = (el: ProblemGridElement, row: number) => [...root(el).querySelectorAll<HTMLElement>('[role="rowheader"]')].find((h) => h.textContent!.trim() === String(row))!;

  it('keeps the focused cell on its own row when wheel scrolling shifts the rendered window', async () => {
    const { el } = await grid(1000);
    // An admin clicks the number of row 12, then scrolls with the wheel (no key): the window of rendered
    // rows moves, but the focused cell must still be row 12's.
    const header = headerOf(el, 12);
    header.focus();
    await el.updateComplete;
    const viewport = root(el).querySelector<HTMLElement>('.viewport')!;
    const rowHeight = header.getBoundingClientRect().height;
    viewport.scrollTop = rowHeight * 14;
    await frames();
    await el.updateComplete;
    expect(root(el).querySelector('.window [role="rowheader"]')!.textContent!.trim(), 'the window moved').to.not.equal('2');
    expect(focused(el)?.textContent!.trim()).to.equal('12');
    expect(focused(el)?.closest('[role="row"]')!.getAttribute('aria-rowindex')).to.equal('12');
    // Far away: the focused row is kept (out of sight), and the arrow keys go on from it.
    viewport.scrollTop = rowHeight * 600;
    await frames();
    await el.updateComplete;
    expect(focused(el)?.textContent!.trim(), 'still focused after scrolling 600 rows away').to.equal('12');
    await sendKeys({ press: 'ArrowDown' });
    await frames();
    await el.updateComplete;
    expect(focused(el)?.textContent!.trim()).to.equal('13');
    const box = focused(el)!.getBoundingClientRect();
    const view = viewport.getBoundingClientRect();
    expect(box.top >= view.top && box.bottom <= view.bottom + 1, 'row 13 scrolled into sight').to.be.true;
  });

  it('after a re-check keeps the focus on the active cell: on its own row, or the next when its row was fixed', async () => {
    const { el } = await grid(40);
    const rows = rowsOf(40);
    headerOf(el, 12).focus();
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    // Rows 3 and 4 above it are fixed and leave the list: the focus stays on row 12's e-mail cell.
    el.rows = rows.filter((r) => r.row !== 3 && r.row !== 4);
    await el.updateComplete;
    expect(root(el).querySelectorAll('[tabindex="0"]')).to.have.length(1);
    expect(focused(el), 'the focused cell is the active one').to.equal(active(el));
    expect(focused(el)!.closest('[role="row"]')!.querySelector('[role="rowheader"]')!.textContent!.trim()).to.equal('12');
    expect(focused(el)!.dataset['col']).to.equal('2');
    // Row 12 itself is fixed: the focus goes to the row that took its place (13), same column.
    el.rows = rows.filter((r) => r.row !== 3 && r.row !== 4 && r.row !== 12);
    await el.updateComplete;
    expect(focused(el), 'the focused cell is the active one').to.equal(active(el));
    expect(focused(el)!.closest('[role="row"]')!.querySelector('[role="rowheader"]')!.textContent!.trim()).to.equal('13');
    expect(focused(el)!.dataset['col']).to.equal('2');
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(focused(el)!.closest('[role="row"]')!.querySelector('[role="rowheader"]')!.textContent!.trim()).to.equal('14');
  });

  it('moves the one focusable cell with the arrow keys, Home and End', async () => {
    const { el } = await grid();
    active(el).focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(focused(el)!.textContent).to.contain('not-an-email');
    expect(root(el).querySelectorAll('[tabindex="0"]')).to.have.length(1);
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(focused(el)!.getAttribute('aria-colindex')).to.equal('6');
    expect(root(el).querySelector('.status')!.textContent).to.equal('');
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(focused(el)!.getAttribute('role')).to.equal('rowheader');
  });

  it('edits with Enter, commits with Enter (moving down) and reports the edit', async () => {
    const { el, edits } = await grid();
    active(el).focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const editor = focused(el) as HTMLInputElement;
    expect(editor.classList.contains('editor')).to.be.true;
    expect(editor.getAttribute('aria-label')).to.equal('New value for Email in row 3');
    editor.value = '';
    await sendKeys({ type: 'eve@example.com' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(edits).to.deep.equal([[{ row: 3, columnKey: 'identifier', value: 'eve@example.com' }]]);
    expect(focused(el)!.getAttribute('data-row')).to.equal('2');
  });

  it('cancels with Escape (nothing reported) and starts editing with a typed character', async () => {
    const { el, edits } = await grid();
    active(el).focus();
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'F2' });
    await sendKeys({ type: 'zzz' });
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(edits).to.deep.equal([]);
    expect(focused(el)!.getAttribute('role')).to.equal('gridcell');
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ type: '1' });
    await el.updateComplete;
    expect((focused(el) as HTMLInputElement).value).to.equal('1');
    await sendKeys({ type: '5/03/2026' });
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    expect(edits).to.deep.equal([[{ row: 2, columnKey: 'completionDate', value: '15/03/2026' }]]);
  });

  it('offers a choice column\'s values in a select, keeping the value typed in the file', async () => {
    const { el, edits } = await grid();
    active(el).focus();
    for (const key of ['ArrowDown', 'ArrowDown', 'End', 'ArrowLeft', 'Enter']) await sendKeys({ press: key });
    await el.updateComplete;
    const select = focused(el) as HTMLSelectElement;
    expect(select.tagName).to.equal('SELECT');
    expect([...select.options].map((o) => o.value)).to.deep.equal(['Maybe', 'Attended', 'Completed']);
    select.value = 'Attended';
    await sendKeys({ press: 'Enter' });
    expect(edits).to.deep.equal([[{ row: 4, columnKey: 'status', value: 'Attended' }]]);
  });

  it('selects rows with Space and undoes with Ctrl+Z', async () => {
    const { el, selections, undos } = await grid();
    active(el).focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(selections).to.deep.equal([[3]]);
    expect(root(el).querySelector('[aria-rowindex="3"]')!.getAttribute('aria-selected')).to.equal('true');
    await sendKeys({ press: 'Control+z' });
    expect(undos()).to.equal(1);
  });

  it('shows the active cell\'s whole problem under the grid', async () => {
    const { el } = await grid();
    active(el).focus();
    for (const key of ['ArrowDown', 'ArrowDown', 'End']) await sendKeys({ press: key });
    await el.updateComplete;
    expect(root(el).querySelector('.status')!.textContent).to.equal('Row 4, Problems: This learner is listed twice.');
  });

  it('becomes a list of problem cards on a phone, each problem editable there', async () => {
    const { el, edits } = await grid(5, 375);
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    await el.updateComplete;
    expect(root(el).querySelector('[role="grid"]')).to.equal(null);
    const cardsEl = root(el).querySelector('offline-upload-problem-cards')!;
    await cardsEl.updateComplete;
    const cardsRoot = cardsEl.shadowRoot!;
    const cards = cardsRoot.querySelectorAll('.card');
    expect(cards, 'rows with problems only').to.have.length(2);
    await expect(el).to.be.accessible();
    const edit = cards[0]!.querySelector('button')!;
    expect(edit.textContent).to.equal('Edit Email');
    edit.click();
    await cardsEl.updateComplete;
    const input = cardsRoot.querySelector<HTMLInputElement>('.card form input[name="value"]')!;
    input.value = 'eve@example.com';
    cardsRoot.querySelector<HTMLButtonElement>('.card form button[type="submit"]')!.click();
    await cardsEl.updateComplete;
    expect(edits).to.deep.equal([[{ row: 3, columnKey: 'identifier', value: 'eve@example.com' }]]);
  });

  it('shows all 100,000 rows of a source that makes rows on demand, making only those in view; keyboard to the last row', async () => {
    await setViewport({ width: 1280, height: 800 });
    const made = new Set<number>();
    const source = {
      length: 100_000,
      at(index: number): GridRow | undefined {
        if (index < 0 || index >= 100_000) return undefined;
        made.add(index);
        const problem = index % 20 === 7;
        return { row: index + 2, cells: { identifier: problem ? 'bad' : `p${index}@example.com`, completionDate: '2026-03-14', status: 'Completed' }, issues: problem ? [{ columnKey: 'identifier', message: 'Not an e-mail.' }] : [] };
      },
    };
    const edits: CellEdit[][] = [];
    const el = await fixture<ProblemGridElement>(html`<offline-upload-problem-grid .columns=${columns} .rows=${source} show-all
      .localizer=${new Localizer('en')} label="All rows of March.xlsx" .onEdit=${(e: CellEdit[]) => edits.push(e)}></offline-upload-problem-grid>`);
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    await el.updateComplete;
    expect(made.size, 'rows made for the first screen').to.be.lessThan(80);
    expect(root(el).querySelector('[role="grid"]')!.getAttribute('aria-rowcount')).to.equal('100001');
    await expect(el).to.be.accessible();
    // A row without problems is plain; its cells are editable all the same.
    const firstRow = root(el).querySelector('.window [role="row"]')!;
    expect(firstRow.classList.contains('has-problems')).to.be.false;
    active(el).focus();
    for (const key of ['ArrowRight', 'ArrowRight', 'ArrowRight', 'Enter']) await sendKeys({ press: key });
    await el.updateComplete;
    (focused(el) as HTMLInputElement).value = '2026-03-15';
    await sendKeys({ press: 'Enter' });
    expect(edits).to.deep.equal([[{ row: 2, columnKey: 'completionDate', value: '2026-03-15' }]]);
    // Ctrl+End: the last row, rendered and focused, still without making every row.
    await sendKeys({ press: 'Control+End' });
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    await el.updateComplete;
    expect(focused(el)!.closest('[role="row"]')!.getAttribute('aria-rowindex')).to.equal('100001');
    expect(made.size).to.be.lessThan(200);
  });

  it('on a phone with every row shown: a card per row with every column, a page at a time', async () => {
    await setViewport({ width: 375, height: 800 });
    const el = await fixture<ProblemGridElement>(html`<offline-upload-problem-grid .columns=${columns} .rows=${rowsOf(60)} show-all .localizer=${new Localizer('en')} label="All rows"></offline-upload-problem-grid>`);
    for (let i = 0; i < 50 && !root(el).querySelector('offline-upload-problem-cards'); i++) {
      await new Promise((r) => requestAnimationFrame(r));
      await el.updateComplete;
    }
    const cardsEl = root(el).querySelector('offline-upload-problem-cards')!;
    await cardsEl.updateComplete;
    const cards = cardsEl.shadowRoot!.querySelectorAll('.card');
    expect(cards).to.have.length(25);
    expect(cards[0]!.querySelectorAll('.field')).to.have.length(3);
    expect(cards[0]!.textContent).to.contain('p0@example.com');
    expect(cardsEl.shadowRoot!.querySelector('.more')!.textContent).to.contain('Show 25 more rows');
    await expect(el).to.be.accessible();
  });

  it('speaks French', async () => {
    await loadTranslation('fr');
    const el = await fixture<ProblemGridElement>(html`<offline-upload-problem-grid .columns=${columns} .rows=${[]} .localizer=${new Localizer('fr')}></offline-upload-problem-grid>`);
    expect(root(el).textContent).to.contain('Aucune ligne à afficher.');
  });
});

describe('grid window', () => {
  it('renders the window and the active row outside it, in index order', () => {
    expect(renderedIndexes(10, 14, 12, 100)).to.deep.equal([10, 11, 12, 13]);
    expect(renderedIndexes(10, 14, 3, 100)).to.deep.equal([3, 10, 11, 12, 13]);
    expect(renderedIndexes(10, 14, 50, 100)).to.deep.equal([10, 11, 12, 13, 50]);
  });
  it('finds where a spreadsheet row went, or says it is gone', () => {
    const rows = rowsOf(1000).filter((r) => r.row % 3 !== 0);
    expect(rows[indexOfRow(rows, 700, 600)]!.row).to.equal(700);
    expect(indexOfRow(rows, 699, 600)).to.equal(-1);
    // Not in row order: found around its old place.
    const shuffled = [...rows.slice(0, 50).reverse(), ...rows.slice(50)];
    expect(shuffled[indexOfRow(shuffled, 10, 40)]!.row).to.equal(10);
  });
});

describe('grid keys', () => {
  const shape = { rows: 10, cols: 6, page: 4 };
  it('moves within bounds, by page, and mirrors left/right in right-to-left pages', () => {
    expect(gridKeyAction({ key: 'ArrowUp' }, { row: 0, col: 0 }, shape)).to.deep.equal({ type: 'move', to: { row: 0, col: 0 } });
    expect(gridKeyAction({ key: 'PageDown' }, { row: 8, col: 2 }, shape)).to.deep.equal({ type: 'move', to: { row: 9, col: 2 } });
    expect(gridKeyAction({ key: 'End', ctrlKey: true }, { row: 1, col: 1 }, shape)).to.deep.equal({ type: 'move', to: { row: 9, col: 5 } });
    expect(gridKeyAction({ key: 'ArrowLeft' }, { row: 1, col: 1 }, shape, true)).to.deep.equal({ type: 'move', to: { row: 1, col: 2 } });
  });
  it('starts editing on Enter, F2 and a printable key, but not on a shortcut', () => {
    expect(gridKeyAction({ key: 'F2' }, { row: 0, col: 2 }, shape)).to.deep.equal({ type: 'edit' });
    expect(gridKeyAction({ key: 'é' }, { row: 0, col: 2 }, shape)).to.deep.equal({ type: 'edit', initial: 'é' });
    expect(gridKeyAction({ key: 'c', ctrlKey: true }, { row: 0, col: 2 }, shape)).to.deep.equal({ type: 'none' });
    expect(gridKeyAction({ key: 'z', metaKey: true }, { row: 0, col: 2 }, shape)).to.deep.equal({ type: 'undo' });
  });
});
