// <offline-upload-records-preview> alone: accessible, only one page rendered even for 100,000 records,
// the counts as filters, paging and page size by keyboard, cards on a narrow screen, French words.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../register.js';
import { defineLaterSteps } from '../offline-upload-wizard/later-steps.js';
import { classroomSpec } from '../../../test/fixtures/specs.js';
import type { DryRunLabel, UploadRecord } from '../../core/records.js';
import { loadLocalizer } from '../../i18n/load-words.js';
import { Localizer } from '../../i18n/localize.js';
import { buildPreview, type RecordsPreview } from '../../session/preview.js';
import type { AnnounceEvent } from '../shared/internal-events.js';
import type { RecordsPreviewElement } from './records-preview.component.js';

// Mounted without the wizard, which would load this part's chunk itself.
defineLaterSteps();

function previewOf(n: number, unchangedEvery = 0): RecordsPreview {
  const records: UploadRecord[] = Array.from({ length: n }, (_, i) => ({
    row: i + 2,
    values: { identifier: `learner${i + 1}@example.com`, completionDate: '2026-03-14', status: i % 2 ? 'Attended' : 'Completed', trainer: null, comments: null },
  }));
  const labels = new Map<number, DryRunLabel>(records.map((r, i) => [r.row, unchangedEvery && (i + 1) % unchangedEvery === 0 ? 'already-recorded' : 'create']));
  const learners = new Map(records.map((r, i) => [r.row, `Learner ${i + 1}`]));
  return buildPreview({ spec: classroomSpec, records, labels, learners });
}

async function mount(preview: RecordsPreview, localizer = new Localizer('en'), width = 900) {
  const host = await fixture<HTMLDivElement>(html`<div style="inline-size: ${width}px">
    <offline-upload-records-preview .preview=${preview} .localizer=${localizer}></offline-upload-records-preview>
  </div>`);
  const el = host.querySelector<RecordsPreviewElement>('offline-upload-records-preview')!;
  const said: string[] = [];
  el.addEventListener('offline-upload-internal-announce', (e) => said.push((e as AnnounceEvent).detail.message));
  await el.updateComplete;
  return { el, said, root: el.shadowRoot! };
}

const rowsShown = (root: ShadowRoot) => [...root.querySelectorAll('tbody tr')].map((tr) => tr.querySelector('th')!.textContent!.trim());
const chip = (root: ShadowRoot, name: RegExp) => [...root.querySelectorAll<HTMLButtonElement>('.chip')].find((b) => name.test(b.textContent!))!;

describe('<offline-upload-records-preview>', () => {
  it('is accessible, with the learner, the date in words and the verdict per row', async () => {
    const { el, root } = await mount(previewOf(3, 3));
    await expect(el).to.be.accessible();
    const first = [...root.querySelectorAll('tbody tr')][0]!;
    expect(first.textContent!.replace(/\s+/g, ' ')).to.contain('learner1@example.com').and.contain('Learner 1').and.contain('Mar 14, 2026').and.contain('New record');
    const third = [...root.querySelectorAll('tbody tr')][2]!;
    expect(third.textContent).to.contain('Already recorded — left unchanged');
    expect([...root.querySelectorAll('thead th')].map((th) => th.textContent!.trim())).to.deep.equal(['Row', 'Email', 'Learner', 'Completion date', 'Status', 'In the LMS']);
  });

  it('renders one page of 25 rows out of 100,000, with the counts per label', async () => {
    const { el, root } = await mount(previewOf(100_000, 10));
    expect(root.querySelectorAll('tbody tr')).to.have.length(25);
    expect(el.visibleRows.map((r) => r.row)).to.deep.equal(Array.from({ length: 25 }, (_, i) => i + 2));
    expect(chip(root, /All rows/).textContent).to.match(/100,000/);
    expect(chip(root, /New record/).textContent).to.match(/90,000/);
    expect(chip(root, /left unchanged/).textContent).to.match(/10,000/);
    expect(root.querySelector('.page-info')!.textContent).to.equal('1–25 of 100,000');
  });

  it('the counts are the filters: a chip shows only its rows, All rows every row again', async () => {
    const { el, root, said } = await mount(previewOf(40, 4));
    const unchanged = chip(root, /left unchanged/);
    unchanged.click();
    await el.updateComplete;
    expect(unchanged.getAttribute('aria-pressed')).to.equal('true');
    expect(rowsShown(root)).to.deep.equal(['5', '9', '13', '17', '21', '25', '29', '33', '37', '41']);
    expect(said.at(-1)).to.equal('10 rows shown');
    chip(root, /All rows/).click();
    await el.updateComplete;
    expect(rowsShown(root)).to.have.length(25);
    expect(said.at(-1)).to.equal('40 rows shown');
  });

  it('pages and changes page size by keyboard, keeping the first row shown in view', async () => {
    const { el, root, said } = await mount(previewOf(120));
    const next = root.querySelector<HTMLButtonElement>('[id$=-next]')!;
    next.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(rowsShown(root)[0]).to.equal('27');
    expect(said.at(-1)).to.equal('Rows 26 to 50 of 120');
    const size = root.querySelector<HTMLSelectElement>('select')!;
    size.focus();
    size.value = '10';
    size.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(rowsShown(root)).to.have.length(10);
    expect(rowsShown(root)[0]).to.equal('22', 'row 26 of the file (data row 25) is on the page shown: rows 21–30');
    // The last page: Next is disabled and focus moves to Previous, still usable.
    size.value = '100';
    size.dispatchEvent(new Event('change'));
    await el.updateComplete;
    root.querySelector<HTMLButtonElement>('[id$=-next]')!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await new Promise((r) => requestAnimationFrame(r));
    expect(root.activeElement?.id).to.match(/-previous$/);
    expect(rowsShown(root)).to.have.length(20);
  });

  it('writes row numbers in the admin\'s language, as the grid and the cards do', async () => {
    const records: UploadRecord[] = [1347, 100001].map((row) => ({ row, values: { identifier: `r${row}@example.com`, completionDate: '2025-10-11', status: 'Completed', trainer: null, comments: null } }));
    const preview = buildPreview({ spec: classroomSpec, records, labels: new Map(records.map((r) => [r.row, 'create'])) });
    expect(rowsShown((await mount(preview)).root)).to.deep.equal(['1,347', '100,001']);
    // French groups thousands with a narrow no-break space.
    expect(rowsShown((await mount(preview, await loadLocalizer('fr'))).root)).to.deep.equal(['1\u202f347', '100\u202f001']);
  });

  it('every column fits beside a side panel (about 40rem): no sideways scrolling of the table', async () => {
    const records: UploadRecord[] = [{ row: 2, values: { identifier: 'siobhan.edwards@northwind.example', completionDate: '2025-10-11', status: 'Completed', trainer: null, comments: null } }];
    const preview = buildPreview({ spec: classroomSpec, records, labels: new Map([[2, 'already-recorded']]), learners: new Map([[2, 'Siobhan Edwards']]) });
    const { root } = await mount(preview, new Localizer('en'), 627);
    const scroller = root.querySelector<HTMLElement>('.scroller')!;
    expect(getComputedStyle(root.querySelector('tbody tr')!).display).to.equal('table-row');
    expect(scroller.scrollWidth, 'table wider than its box').to.be.at.most(scroller.clientWidth);
  });

  it('under ~38rem each record is a card whose values are named by their column', async () => {
    const { el, root } = await mount(previewOf(3), new Localizer('en'), 360);
    await expect(el).to.be.accessible();
    const row = root.querySelector('tbody tr')!;
    expect(getComputedStyle(row).display).to.equal('block');
    const cell = row.querySelector<HTMLElement>('td.learner')!;
    expect(getComputedStyle(cell, '::before').content).to.equal('"Learner"');
    expect(el.getBoundingClientRect().width).to.be.at.most(360);
    expect(root.querySelector('.scroller')!.scrollWidth).to.be.at.most(360, 'no sideways scrolling on a phone');
  });

  it('speaks French', async () => {
    const { root } = await mount(previewOf(2), await loadLocalizer('fr'));
    const text = root.textContent!.replace(/\s+/g, ' ');
    expect(text).to.contain('Aperçu des enregistrements').and.contain('Nouvel enregistrement').and.contain('Apprenant').and.contain('Lignes par page');
    expect(text).to.match(/14 mars 2026/);
  });
});
