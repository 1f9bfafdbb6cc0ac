// The complete flow by keyboard alone: Tab, typing, arrows, Enter — from choosing the activity to the
// records created, with focus following each step's heading.
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ActivityComboboxElement } from '../../src/components/index.js';
import { $, atStep, cleanFile, FakeBackend, mount, waitFor } from './helpers.js';

/** The element that has focus, through every shadow root. */
function deepActive(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

function describeActive(): string {
  const a = deepActive();
  return a ? `<${a.localName}${a.id ? `#${a.id}` : ''}> ${(a.textContent ?? '').trim().slice(0, 40)}` : 'nothing';
}

async function tabTo(test: (el: Element) => boolean, what: string, max = 25): Promise<Element> {
  for (let i = 0; i < max; i++) {
    await sendKeys({ press: 'Tab' });
    const active = deepActive();
    if (active && test(active)) return active;
  }
  throw new Error(`Tab never reached ${what}; focus is on ${describeActive()}`);
}

const isButton = (name: RegExp) => (el: Element) => el.localName === 'button' && name.test(el.textContent ?? '');

describe('<offline-upload-wizard> by keyboard alone', () => {
  it('chooses, downloads the template, uploads, reviews and creates the records', async () => {
    const backend = new FakeBackend();
    const { el } = await mount(backend);
    await atStep(el, 'choose');
    const session = el.uploadSession!;

    // Activity: type, arrow down to the result, Enter.
    await tabTo((e) => e.getAttribute('role') === 'combobox', 'the activity combobox');
    await sendKeys({ type: 'fire' });
    const combobox = $<ActivityComboboxElement>(el, 'offline-upload-activity-combobox');
    await waitFor(() => combobox.shadowRoot!.querySelectorAll('[role=option]').length === 1, 'one search result');
    const input = deepActive() as HTMLInputElement;
    expect(input.getAttribute('aria-expanded')).to.equal('true');
    await sendKeys({ press: 'ArrowDown' });
    await combobox.updateComplete;
    expect(input.getAttribute('aria-activedescendant')).to.match(/-opt-0$/);
    await sendKeys({ press: 'Enter' });
    await waitFor(() => session.state.selection.activity?.id === 'act-fire-101', 'the activity chosen');

    // Domain: a closed select changes with the arrow keys.
    await tabTo((e) => e.id === 'domain', 'the domain select');
    await sendKeys({ press: 'ArrowDown' });
    await waitFor(() => session.state.selection.domainId === 'dom-employees', 'the domain chosen');
    await waitFor(() => session.state.spec.status === 'ready', 'the template spec');
    await el.updateComplete;
    expect(session.state.selection.identifierKind).to.equal('email');

    // Next → the template step, focus on its heading.
    await tabTo(isButton(/Next/), 'Next');
    await sendKeys({ press: 'Enter' });
    await atStep(el, 'template');
    await waitFor(() => deepActive()?.hasAttribute('data-step-heading'), 'focus on the template heading');
    expect(deepActive()!.textContent).to.equal('Download the template');

    let downloaded = '';
    const download = session.downloadTemplate.bind(session);
    session.downloadTemplate = async (format) => {
      const out = await download(format);
      downloaded = out.fileName;
      return out;
    };
    await tabTo(isButton(/Download template/), 'Download template');
    await sendKeys({ press: 'Enter' });
    await waitFor(() => downloaded !== '', 'the template download');
    expect(downloaded).to.match(/\.xlsx$/);

    await tabTo(isButton(/upload the file/), 'Next: upload the file');
    await sendKeys({ press: 'Enter' });
    await atStep(el, 'upload');
    await waitFor(() => deepActive()?.hasAttribute('data-step-heading'), 'focus on the upload heading');

    // "Choose a file" opens the picker (the input's click); the test plays the admin picking a file.
    const zone = $(el, 'offline-upload-drop-zone');
    const picker = $<HTMLInputElement>(zone, 'input[type=file]');
    const file = await cleanFile(4);
    let opened = false;
    picker.addEventListener('click', (event) => {
      event.preventDefault();
      opened = true;
      const transfer = new DataTransfer();
      transfer.items.add(file);
      picker.files = transfer.files;
      picker.dispatchEvent(new Event('change'));
    }, { once: true });
    await tabTo(isButton(/Choose a file/), 'Choose a file');
    await sendKeys({ press: 'Enter' });
    expect(opened).to.equal(true);
    await atStep(el, 'review', 15_000);
    await waitFor(() => session.state.status === 'ready', 'the file ready');
    await waitFor(() => deepActive()?.hasAttribute('data-step-heading'), 'focus on the review heading');
    expect(deepActive()!.textContent).to.equal('Check the records');

    // The records preview's "Create records" leads straight to the confirmation (no step in between).
    await tabTo(isButton(/Create records/), 'Create records');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const dialog = $<HTMLDialogElement>(el, 'dialog');
    expect(dialog.open).to.equal(true);
    // Focus starts on Cancel, so that a second Enter cannot confirm unread; Tab reaches the confirmation.
    await waitFor(() => deepActive()?.id === 'confirm-cancel', 'focus on Cancel in the confirmation');
    await sendKeys({ press: 'Tab' });
    expect(deepActive()!.textContent!.trim()).to.equal('Create 4 records');
    await sendKeys({ press: 'Enter' });
    await atStep(el, 'done');
    expect(backend.recordsCreated).to.equal(4);
    await waitFor(() => deepActive()?.hasAttribute('data-step-heading'), 'focus on the done heading');

    // What next, still by keyboard.
    await tabTo(isButton(/Upload another file/), 'Upload another file');
    await sendKeys({ press: 'Enter' });
    await atStep(el, 'upload');
    expect(session.state.selection.activity?.id).to.equal('act-fire-101');
  });

  it('Enter pressed twice on "Create records" does not confirm the creation', async () => {
    const { toReady } = await import('./helpers.js');
    const { el, backend } = await toReady(undefined, 2);
    el.goToStep('create');
    await atStep(el, 'create');
    await tabTo(isButton(/Create records/), 'Create records');
    await sendKeys({ press: 'Enter' });
    await waitFor(() => deepActive()?.id === 'confirm-cancel', 'focus in the confirmation');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect($<HTMLDialogElement>(el, 'dialog').open).to.equal(false);
    expect(backend.commits.length).to.equal(0);
    expect(el.uploadSession!.state.status).to.equal('ready');
  });

  it('Escape closes the confirmation and gives focus back to "Create records"', async () => {
    const { toReady } = await import('./helpers.js');
    const { el, backend } = await toReady(undefined, 2);
    el.goToStep('create');
    await atStep(el, 'create');
    await tabTo(isButton(/Create records/), 'Create records');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect($<HTMLDialogElement>(el, 'dialog').open).to.equal(false);
    await waitFor(() => deepActive()?.id === 'create', 'focus back on Create records');
    expect(backend.commits.length).to.equal(0);
  });
});
