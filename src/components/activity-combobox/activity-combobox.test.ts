// The activity combobox: accessible, defaults, properties, events, keyboard (ARIA 1.2 combobox),
// debounced search with loading, empty, error and "more results" states, and French.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ActivityPage, ActivitySummary } from '../../backend/types.js';
import { Localizer, loadTranslation } from '../../i18n/localize.js';
import { defineChooseStep } from '../offline-upload-wizard/choose-step.js';
import { ACTIVITY_CHANGE_EVENT, ANNOUNCE_EVENT } from '../shared/internal-events.js';
import type { ActivityComboboxElement, ActivitySearch } from './activity-combobox.component.js';

// Mounted without the wizard, which would load this part's chunk itself.
defineChooseStep();

const activities: ActivitySummary[] = Array.from({ length: 45 }, (_, i) => ({
  id: `act-${i}`,
  name: i === 0 ? 'Fire Safety Induction' : `Course ${String(i).padStart(2, '0')}`,
  code: `C-${100 + i}`,
  categoryId: 'cat',
  categoryName: 'Health & Safety',
  startDate: '2025-01-06',
  ...(i % 2 ? { endDate: '2026-12-31' } : {}),
  location: 'Leeds',
}));

/** A search over `activities` that records its calls; while `fail` is set, every call throws it. */
type FakeSearch = ActivitySearch & { calls: { text: string; offset: number }[]; fail?: Error; gate?: Promise<void> };

function fakeSearch(): FakeSearch {
  const search: FakeSearch = Object.assign(async (text: string, { offset = 0, limit = 20, signal }: { offset?: number; limit?: number; signal?: AbortSignal }) => {
    search.calls.push({ text, offset });
    if (search.gate) await search.gate;
    if (signal?.aborted) throw new DOMException('Aborted', 'AbortError');
    if (search.fail) throw search.fail;
    const matching = activities.filter((a) => a.name.toLowerCase().includes(text.trim().toLowerCase()) || a.code!.toLowerCase().includes(text.trim().toLowerCase()));
    return { items: matching.slice(offset, offset + limit), total: matching.length, offset, limit } satisfies ActivityPage;
  }, { calls: [] as { text: string; offset: number }[] });
  return search;
}

async function mount(search = fakeSearch(), debounce = 30) {
  const el = await fixture<ActivityComboboxElement>(html`<offline-upload-activity-combobox .search=${search} debounce=${debounce}></offline-upload-activity-combobox>`);
  const input = el.shadowRoot!.querySelector('input')!;
  return { el, input, search };
}

const options = (el: ActivityComboboxElement) => [...el.shadowRoot!.querySelectorAll('[role=option]')];
const settle = (ms = 80) => new Promise((r) => setTimeout(r, ms));

/** Polls until `test` holds (searches are debounced and asynchronous), then lets the element render. */
async function until(el: ActivityComboboxElement, test: () => unknown, what: string, ms = 5000): Promise<void> {
  const start = performance.now();
  while (!test()) {
    if (performance.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await settle(10);
  }
  await el.updateComplete;
}
const statusText = (el: ActivityComboboxElement) => el.shadowRoot!.querySelector('.status')?.textContent ?? '';
/** The list's code is here (loaded on the field's first focus): its styles are adopted after the field's. */
const listLoaded = (el: ActivityComboboxElement) => el.shadowRoot!.adoptedStyleSheets.length > (el.constructor as typeof ActivityComboboxElement).elementStyles.length;

/** Holds the list's code until `release()`, as a slow network would. */
function holdList(el: ActivityComboboxElement): { release: () => void } {
  const load = el.loadList.bind(el);
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  el.loadList = () => gate.then(load);
  return { release };
}

describe('activity combobox', () => {
  // French is a chunk of its own, loaded on demand; a Localizer made by hand needs it loaded first.
  before(() => loadTranslation('fr'));

  it('is accessible closed and open', async () => {
    const { el, input } = await mount();
    await expect(el).to.be.accessible();
    input.focus();
    await sendKeys({ press: 'ArrowDown' });
    await until(el, () => options(el).length > 0, 'options');
    await expect(el).to.be.accessible();
  });

  it('defaults: a labelled, collapsed combobox with a 250 ms debounce and 20 results a page', async () => {
    const el = await fixture<ActivityComboboxElement>(html`<offline-upload-activity-combobox></offline-upload-activity-combobox>`);
    const input = el.shadowRoot!.querySelector('input')!;
    expect(el.debounce).to.equal(250);
    expect(el.pageSize).to.equal(20);
    expect(input.getAttribute('role')).to.equal('combobox');
    expect(input.getAttribute('aria-expanded')).to.equal('false');
    expect(input.getAttribute('aria-autocomplete')).to.equal('list');
    expect(input.labels![0]!.textContent).to.equal('Offline activity');
    const listbox = el.shadowRoot!.getElementById(input.getAttribute('aria-controls')!)!;
    expect(listbox.getAttribute('role')).to.equal('listbox');
  });

  it('shows the chosen activity and its details; a new scope drops stale results', async () => {
    const { el, input } = await mount();
    el.value = activities[1];
    await el.updateComplete;
    expect(input.value).to.equal('Course 01');
    const described = el.shadowRoot!.getElementById(input.getAttribute('aria-describedby')!)!;
    expect(described.textContent).to.equal('C-101 · Health & Safety · Jan 6, 2025 – Dec 31, 2026 · Leeds');
    input.focus();
    await sendKeys({ press: 'ArrowDown' });
    await until(el, () => options(el).length > 0, 'options');
    el.scope = 'other-category';
    await el.updateComplete;
    expect(options(el).length).to.equal(0);
    expect(input.getAttribute('aria-expanded')).to.equal('false');
  });

  it('searches once after typing stops (debounced), shows loading, then the results', async () => {
    const { el, input, search } = await mount(undefined, 100);
    input.focus();
    await until(el, () => listLoaded(el), 'the list’s code');
    // Four keystrokes in one task, so that no machine however busy lets the debounce run between them.
    for (const text of ['c', 'co', 'cou', 'cour']) {
      input.value = text;
      input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    }
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.status')!.textContent).to.contain('Searching…');
    expect(search.calls.length).to.equal(0);
    await until(el, () => options(el).length > 0, 'results');
    expect(search.calls).to.deep.equal([{ text: 'cour', offset: 0 }]);
    expect(options(el).length).to.equal(21);
    expect(options(el)[0]!.querySelector('mark')!.textContent).to.equal('Cour');
    expect(options(el)[20]!.textContent).to.contain('Show more results (20 of 44)');
  });

  it('keyboard: arrows move the active option (wrapping), Enter chooses, Escape closes then restores', async () => {
    const { el, input, search } = await mount();
    input.focus();
    await sendKeys({ type: 'fire' });
    // On a busy machine each letter may be searched; wait for the search of the whole word to render.
    await until(el, () => search.calls.at(-1)?.text === 'fire' && !statusText(el).includes('Searching') && options(el).length === 1, 'one result');
    expect(input.getAttribute('aria-expanded')).to.equal('true');
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(input.getAttribute('aria-activedescendant')).to.equal(options(el)[0]!.id);
    expect(options(el)[0]!.getAttribute('aria-selected')).to.equal('true');
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(input.getAttribute('aria-activedescendant')).to.equal(options(el)[0]!.id);
    await sendKeys({ press: 'ArrowUp' });
    await el.updateComplete;
    expect(input.getAttribute('aria-activedescendant')).to.equal(options(el)[0]!.id);
    const change = oneEvent(el, ACTIVITY_CHANGE_EVENT);
    await sendKeys({ press: 'Enter' });
    const { detail } = (await change) as CustomEvent<ActivitySummary>;
    expect(detail.id).to.equal('act-0');
    expect(input.value).to.equal('Fire Safety Induction');
    expect(input.getAttribute('aria-expanded')).to.equal('false');
    expect(input.hasAttribute('aria-activedescendant')).to.equal(false);

    await sendKeys({ type: ' xyz' });
    await until(el, () => statusText(el).includes('No offline activity matches'), 'no match');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(input.getAttribute('aria-expanded')).to.equal('false');
    expect(input.value).to.equal('Fire Safety Induction xyz');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(input.value).to.equal('Fire Safety Induction');
  });

  it('says when nothing matches, and announces the number of results', async () => {
    const { el, input, search } = await mount();
    const heard: string[] = [];
    el.addEventListener(ANNOUNCE_EVENT, (e) => heard.push((e as CustomEvent<{ message: string }>).detail.message));
    input.focus();
    await sendKeys({ type: 'zzz' });
    await until(el, () => heard.at(-1) === 'No offline activity matches “zzz”.', 'the no-match announcement');
    expect(statusText(el)).to.contain('No offline activity matches “zzz”.');
    for (let i = 0; i < 3; i++) await sendKeys({ press: 'Backspace' });
    await sendKeys({ type: 'course' });
    // Typing is slower than the 30 ms debounce here, so intermediate texts may be searched too.
    await until(
      el,
      () => search.calls.at(-1)?.text === 'course' && !statusText(el).includes('Searching') && heard.at(-1) === '44 activities found',
      'the count for “course”',
    );
    expect(statusText(el)).to.equal('');
  });

  it('shows an error with Retry, and Enter retries', async () => {
    const { el, input, search } = await mount();
    search.fail = new Error('The LMS did not answer.');
    input.focus();
    await sendKeys({ type: 'fire' });
    // On a busy machine each letter may be searched (and fail): wait for the whole word's failure.
    await until(el, () => search.calls.at(-1)?.text === 'fire' && el.shadowRoot!.querySelector('.status.error'), 'the error');
    const status = el.shadowRoot!.querySelector('.status.error')!;
    expect(status.textContent).to.contain('The activities could not be loaded.');
    // The error's own text is for developers, not the admin.
    expect(status.textContent).not.to.contain('The LMS did not answer');
    expect(status.querySelector('button')!.textContent).to.equal('Try again');
    search.fail = undefined;
    const before = search.calls.length;
    await sendKeys({ press: 'Enter' });
    await until(el, () => options(el).length === 1, 'the retried results');
    expect(search.calls.slice(before)).to.deep.equal([{ text: 'fire', offset: 0 }]);
  });

  it('pages with a "more results" option that keeps the list open', async () => {
    const { el, input, search } = await mount();
    input.focus();
    await sendKeys({ press: 'ArrowDown' });
    await until(el, () => options(el).length === 21, 'the first page');
    expect(options(el).at(-1)!.textContent).to.contain('Show more results (20 of 45)');
    await sendKeys({ press: 'ArrowUp' });
    await el.updateComplete;
    expect(input.getAttribute('aria-activedescendant')).to.equal(options(el).at(-1)!.id);
    await sendKeys({ press: 'Enter' });
    await until(el, () => options(el).length === 41, 'the second page');
    expect(search.calls.at(-1)).to.deep.equal({ text: '', offset: 20 });
    expect(input.getAttribute('aria-expanded')).to.equal('true');
    expect(input.getAttribute('aria-activedescendant')).to.equal(options(el)[20]!.id);
  });

  it('ignores an answer that arrives after a newer search', async function () {
    // On a loaded machine the keystrokes of 'fire' can fall more than one debounce apart: then more than
    // one held search starts, which changes nothing here — every held answer comes after the newer one.
    this.timeout(60_000);
    const search = fakeSearch();
    let release!: () => void;
    search.gate = new Promise((r) => (release = r));
    const { el, input } = await mount(search);
    input.focus();
    await sendKeys({ type: 'fire' });
    await until(el, () => search.calls.length >= 1, 'the first search', 20_000);
    search.gate = undefined;
    await sendKeys({ type: 'x' });
    await until(el, () => statusText(el).includes('“firex”'), 'the second answer', 20_000);
    release();
    await settle();
    await el.updateComplete;
    expect(statusText(el)).to.contain('No offline activity matches “firex”.');
    expect(options(el).length).to.equal(0);
  });

  it('shows the LMS\'s names in their own direction (an English name in an Arabic page, or the reverse)', async () => {
    const { el, input } = await mount();
    input.focus();
    await sendKeys({ press: 'ArrowDown' });
    await until(el, () => options(el).length === 21, 'results');
    const first = options(el)[0]!;
    expect(first.querySelector('.option-name')!.getAttribute('dir')).to.equal('auto');
    expect([...first.querySelectorAll('.option-meta bdi')].map((b) => b.textContent)).to.deep.equal(['C-100', 'Health & Safety', 'Leeds']);
  });

  it('loads its list on the first focus: keys typed before it arrives stay in the field and are searched', async () => {
    const { el, input, search } = await mount();
    const heard: string[] = [];
    el.addEventListener(ANNOUNCE_EVENT, (e) => heard.push((e as CustomEvent<{ message: string }>).detail.message));
    const held = holdList(el);
    input.focus();
    await sendKeys({ type: 'fire' });
    await el.updateComplete;
    expect(listLoaded(el)).to.equal(false);
    expect(input.value).to.equal('fire');
    expect(input.getAttribute('aria-expanded')).to.equal('false');
    expect(search.calls).to.deep.equal([]);
    held.release();
    await until(el, () => options(el).length === 1, 'the result for “fire”');
    expect(search.calls).to.deep.equal([{ text: 'fire', offset: 0 }]);
    expect(heard.at(-1)).to.equal('1 activity found');
    expect(input.getAttribute('aria-expanded')).to.equal('true');
    const change = oneEvent(el, ACTIVITY_CHANGE_EVENT);
    await sendKeys({ press: 'Enter' });
    expect(((await change) as CustomEvent<ActivitySummary>).detail.id).to.equal('act-0');
  });

  it('an arrow pressed before the list arrives opens it once it is here', async () => {
    const { el, input } = await mount();
    const held = holdList(el);
    input.focus();
    await sendKeys({ press: 'ArrowDown' });
    expect(input.getAttribute('aria-expanded')).to.equal('false');
    held.release();
    await until(el, () => options(el).length === 21, 'the first page');
    expect(input.getAttribute('aria-expanded')).to.equal('true');
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(input.getAttribute('aria-activedescendant')).to.equal(options(el)[0]!.id);
  });

  it('if the list’s code does not load: our failure (never the search’s), announced, and Try again', async () => {
    const { el, input } = await mount();
    const heard: { message: string; assertive?: boolean }[] = [];
    el.addEventListener(ANNOUNCE_EVENT, (e) => heard.push((e as CustomEvent<{ message: string; assertive?: boolean }>).detail));
    const load = el.loadList.bind(el);
    el.loadList = () => Promise.reject(new Error('combobox-list chunk 404'));
    input.focus();
    await sendKeys({ type: 'fire' });
    await until(el, () => el.shadowRoot!.querySelector('.alert.error'), 'the failure');
    // Its support details come a moment later, with their chunk (shared/failure-details.ts).
    await until(el, () => el.shadowRoot!.querySelector('.alert.error details'), 'the failure’s details');
    const alert = el.shadowRoot!.querySelector('.alert.error')!;
    const words = 'Something went wrong. Nothing was created. Try again; contact your LMS support if this keeps happening.';
    expect(alert.querySelector('p')!.textContent).to.equal(words);
    expect(alert.querySelector('details')!.textContent).to.contain('combobox-list chunk 404');
    expect(heard.at(-1)).to.deep.equal({ message: words, assertive: true });
    expect(input.value).to.equal('fire');
    await expect(el).to.be.accessible();
    el.loadList = load;
    [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent === 'Try again')!.click();
    await until(el, () => options(el).length === 1, 'the result for “fire”');
    expect(el.shadowRoot!.querySelector('.alert.error')).to.equal(null);
  });

  it('speaks French from the wizard’s localizer', async () => {
    const { el, input } = await mount();
    el.localizer = new Localizer('fr');
    await el.updateComplete;
    expect(input.labels![0]!.textContent).to.equal('Activité hors ligne');
    input.focus();
    await sendKeys({ press: 'ArrowDown' });
    await until(el, () => options(el).length === 21, 'results');
    expect(options(el).at(-1)!.textContent).to.contain('Afficher plus de résultats (20 sur 45)');
    expect(options(el)[1]!.textContent).to.contain('6 janv. 2025');
  });
});
