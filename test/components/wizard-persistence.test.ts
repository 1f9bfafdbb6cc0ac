// Work never lost, in the wizard: a wizard torn down mid-review (what a reload does to it) and a new one
// mounted over the same IndexedDB offers the work back in the admin's words; Continue lands on the same
// review (issues, edited values, deleted rows); creating forgets it. Leaving asks only while there is
// work; a choice that would put a checked file away asks first, and Cancel keeps everything.
import { expect, html } from '@open-wc/testing';
import type { OfflineUploadWizardElement } from '../../src/components/index.js';
import { SavedWorkStore } from '../../src/session/saved-work-face.js';
import { $, atStep, badFile, button, drop, FakeBackend, mount, state, text, toIssues, toUpload, untilStatus, waitFor } from './helpers.js';

const keyed = (key = 'remount') => (b: FakeBackend) => html`<offline-upload-wizard .backend=${b} work-key=${key}></offline-upload-wizard>`;

async function mountKeyed(backend: FakeBackend, key = 'remount'): Promise<OfflineUploadWizardElement> {
  return (await mount(backend, keyed(key))).el;
}

/** The review as the admin sees it. */
function review(el: OfflineUploadWizardElement) {
  const st = state(el);
  return {
    step: el.step,
    status: st.status,
    issues: st.issues.map((i) => [i.row, i.columnKey, i.code]),
    rows: st.rows?.map((r) => [r.row, r.cells['identifier'], r.cells['completionDate'], r.cells['status']]),
    edits: st.editing?.edits,
    deleted: st.editing?.deleted,
    file: st.file?.name,
  };
}

/** Whether leaving the page now would ask first. */
function leavingAsks(): boolean {
  const event = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
}

const saved = async (key = 'remount') => (await new SavedWorkStore({ slot: key }).load()) !== undefined;

/** Waits until the kept work holds the admin's `changes` (cells edited + rows deleted): the last fix's pause is over. */
async function keptWith(changes: number, key = 'remount'): Promise<void> {
  const end = performance.now() + 10_000;
  for (;;) {
    const work = await new SavedWorkStore({ slot: key }).load();
    if (work && work.edits.length + work.deleted.length === changes) return;
    if (performance.now() > end) throw new Error(`the kept work never held ${changes} changes`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function toReviewWithFixes(backend: FakeBackend): Promise<OfflineUploadWizardElement> {
  const { el } = await toIssues(backend, keyed());
  const session = el.uploadSession!;
  await session.editCells([
    { row: 5, columnKey: 'identifier', value: 'user5@example.com' },
    { row: 5, columnKey: 'completionDate', value: '28/02/2026' },
  ]);
  await session.deleteRows([6]);
  await waitFor(() => state(el).editing?.checking === false, 'the re-check');
  return el;
}

describe('<offline-upload-wizard> work never lost', () => {
  it('a wizard remounted over the same storage offers the work back; Continue lands on the same review; creating forgets it', async function () {
    // Two wizards, two checks and a creation: more than the default 20 s on a loaded machine.
    this.timeout(60_000);
    const backend = new FakeBackend();
    const first = await toReviewWithFixes(backend);
    const before = review(first);
    expect(before.issues).to.deep.equal([[5, 'status', 'cell-choice-invalid']]);
    expect(before.deleted).to.deep.equal([6]);
    expect(leavingAsks()).to.equal(true);
    await keptWith(3);
    first.remove();
    await new Promise((r) => setTimeout(r, 20));
    expect(leavingAsks()).to.equal(false);

    const el = await mountKeyed(backend);
    await atStep(el, 'choose');
    await waitFor(() => el.shadowRoot!.querySelector('#resume-continue'), 'the offer to continue');
    await el.updateComplete;
    const offer = el.shadowRoot!.querySelector('.resume')!;
    expect(offer.querySelector('h2')!.textContent).to.equal('Continue where you left off?');
    expect(offer.textContent).to.contain('You were checking “bad.xlsx” for Fire Safety Induction (Classroom).');
    expect(offer.textContent).to.contain('The 3 changes you made in the browser are kept.');
    // Its look came with it (resume-offer.styles.ts, added as the offer first shows): the accent's left border.
    expect(getComputedStyle(offer).borderInlineStartWidth).to.equal('4px');
    await expect(el).to.be.accessible();
    // Nothing on screen yet is lost by leaving: no question.
    expect(leavingAsks()).to.equal(false);

    const restored = new Promise<CustomEvent>((resolve) => el.addEventListener('offline-upload-restored', resolve as EventListener, { once: true }));
    button(el, 'Continue where I left off').click();
    const event = await restored;
    expect(event.detail).to.deep.include({ fileName: 'bad.xlsx', step: 'review' });
    await atStep(el, 'review');
    expect(review(el)).to.deep.equal(before);
    expect(el.shadowRoot!.querySelector('.resume')).to.equal(null);
    expect(leavingAsks()).to.equal(true);

    await el.uploadSession!.editCells([{ row: 5, columnKey: 'status', value: 'Completed' }]);
    await untilStatus(el, 'ready');
    el.goToStep('create');
    await atStep(el, 'create');
    button(el, /^Create \d+ records?$/).click();
    await el.updateComplete;
    button(el, /^Create \d+ records?$/).click(); // the wizard's confirmation
    await untilStatus(el, 'created');
    expect(backend.count('commitUpload')).to.equal(1);
    expect(await saved()).to.equal(false);
    expect(leavingAsks()).to.equal(false);
  });

  it('Start over on the offer forgets the work; clearSavedWork() forgets it and stops asking on leave', async function () {
    this.timeout(60_000);
    const backend = new FakeBackend();
    const first = await toReviewWithFixes(backend);
    await keptWith(3);
    first.remove();
    await new Promise((r) => setTimeout(r, 20));

    const second = await mountKeyed(backend);
    await waitFor(() => second.shadowRoot!.querySelector('#resume-start-over'), 'the offer');
    button(second, 'Start over').click();
    await second.updateComplete;
    expect(second.shadowRoot!.querySelector('.resume')).to.equal(null);
    expect(await saved()).to.equal(false);
    second.remove();
    await new Promise((r) => setTimeout(r, 20));

    const third = await toReviewWithFixes(backend);
    await keptWith(3);
    expect(leavingAsks()).to.equal(true);
    await third.clearSavedWork();
    expect(await saved()).to.equal(false);
    expect(leavingAsks()).to.equal(false);
  });

  it('changing the domain after a check asks first: Cancel keeps the file and fixes, confirming puts them away', async () => {
    const backend = new FakeBackend();
    const el = await toReviewWithFixes(backend);
    await keptWith(3);
    const before = review(el);
    el.goToStep('choose');
    await atStep(el, 'choose');
    const domain = $<HTMLSelectElement>(el, '#domain');
    domain.value = 'dom-contractors';
    domain.dispatchEvent(new Event('change'));
    await el.updateComplete;
    const dialog = $<HTMLDialogElement>(el, '#discard');
    expect(dialog.open).to.equal(true);
    expect(dialog.textContent).to.contain('Put away the checked file?');
    expect(dialog.textContent).to.contain('Changing this choice puts away “bad.xlsx” and the changes you made to it.');
    await expect(el).to.be.accessible();

    button(el, 'Cancel').click();
    await el.updateComplete;
    expect(dialog.open).to.equal(false);
    expect(domain.value).to.equal('dom-employees');
    expect({ ...review(el), step: 'review' }).to.deep.equal(before);
    expect(await saved()).to.equal(true);

    domain.value = 'dom-contractors';
    domain.dispatchEvent(new Event('change'));
    await el.updateComplete;
    button(el, 'Change and put the file away').click();
    await el.updateComplete;
    expect(state(el).selection.domainId).to.equal('dom-contractors');
    expect(state(el).file).to.equal(undefined);
    expect(await saved()).to.equal(false);
    expect(leavingAsks()).to.equal(false);
    expect(text(el)).not.to.contain('bad.xlsx');
  });

  it('keep-work-hours="0" keeps nothing', async () => {
    const backend = new FakeBackend();
    const { el } = await mount(backend, (b) => html`<offline-upload-wizard .backend=${b} work-key="off" keep-work-hours="0"></offline-upload-wizard>`);
    await toUpload(el);
    await drop(el, await badFile());
    await untilStatus(el, 'has-issues');
    await new Promise((r) => setTimeout(r, 700));
    expect(await saved('off')).to.equal(false);
    // The file on screen would still be lost by leaving: the page asks.
    expect(leavingAsks()).to.equal(true);
  });
});
