// The drop zone: accessible, a real button opens the picker (keyboard path), picked or dropped files
// are handed on, more than one file is refused, and French.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { Localizer, loadTranslation } from '../../i18n/localize.js';
import { defineLaterSteps } from '../offline-upload-wizard/later-steps.js';
import type { DropZoneElement } from './drop-zone.component.js';
import { ANNOUNCE_EVENT, FILE_SELECT_EVENT } from '../shared/internal-events.js';

// Mounted without the wizard, which would load this part's chunk itself.
defineLaterSteps();

const file = (name = 'records.xlsx') => new File(['x'], name);

function dropEvent(type: string, files: File[]): DragEvent {
  const transfer = new DataTransfer();
  for (const f of files) transfer.items.add(f);
  return new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true });
}

describe('drop zone', () => {
  // French is a chunk of its own, loaded on demand; a Localizer made by hand needs it loaded first.
  before(() => loadTranslation('fr'));

  it('is accessible, full and compact', async () => {
    const el = await fixture<DropZoneElement>(html`<offline-upload-drop-zone limits="Up to 50 MB."></offline-upload-drop-zone>`);
    await expect(el).to.be.accessible();
    el.compact = true;
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('defaults: accepts .xlsx and .csv, says what to do', async () => {
    const el = await fixture<DropZoneElement>(html`<offline-upload-drop-zone limits="Up to 50 MB."></offline-upload-drop-zone>`);
    const input = el.shadowRoot!.querySelector('input')!;
    expect(input.accept).to.contain('.xlsx').and.contain('.csv');
    expect(el.shadowRoot!.querySelector('button')!.textContent!.trim()).to.equal('Choose a file');
    expect(el.shadowRoot!.textContent).to.contain('Drop your file here, or').and.contain('Up to 50 MB.');
  });

  it('label and compact: a button only, with the given text', async () => {
    const el = await fixture<DropZoneElement>(html`<offline-upload-drop-zone compact label="Upload a corrected file"></offline-upload-drop-zone>`);
    expect(el.getAttribute('compact')).to.equal('');
    expect(el.shadowRoot!.querySelector('button')!.textContent!.trim()).to.equal('Upload a corrected file');
    expect(el.shadowRoot!.textContent).not.to.contain('Drop your file here');
  });

  it('hands on a picked file, and lets the same file be picked again', async () => {
    const el = await fixture<DropZoneElement>(html`<offline-upload-drop-zone></offline-upload-drop-zone>`);
    const input = el.shadowRoot!.querySelector('input')!;
    const transfer = new DataTransfer();
    transfer.items.add(file());
    input.files = transfer.files;
    const event = oneEvent(el, FILE_SELECT_EVENT);
    input.dispatchEvent(new Event('change'));
    expect(((await event) as CustomEvent<{ file: File }>).detail.file.name).to.equal('records.xlsx');
    expect(input.value).to.equal('');
  });

  it('hands on a dropped file and shows the drag-over state', async () => {
    const el = await fixture<DropZoneElement>(html`<offline-upload-drop-zone></offline-upload-drop-zone>`);
    const zone = el.shadowRoot!.querySelector('.zone')!;
    const over = dropEvent('dragover', [file()]);
    zone.dispatchEvent(over);
    await el.updateComplete;
    expect(over.defaultPrevented).to.equal(true);
    expect(zone.classList.contains('dragging')).to.equal(true);
    const event = oneEvent(el, FILE_SELECT_EVENT);
    zone.dispatchEvent(dropEvent('drop', [file('march.csv')]));
    expect(((await event) as CustomEvent<{ file: File }>).detail.file.name).to.equal('march.csv');
    await el.updateComplete;
    expect(zone.classList.contains('dragging')).to.equal(false);
  });

  it('refuses two files at once and says so', async () => {
    const el = await fixture<DropZoneElement>(html`<offline-upload-drop-zone></offline-upload-drop-zone>`);
    let selected = false;
    el.addEventListener(FILE_SELECT_EVENT, () => (selected = true));
    const event = oneEvent(el, ANNOUNCE_EVENT);
    el.shadowRoot!.querySelector('.zone')!.dispatchEvent(dropEvent('drop', [file('a.xlsx'), file('b.xlsx')]));
    const { detail } = (await event) as CustomEvent<{ message: string; assertive: boolean }>;
    expect(detail).to.deep.equal({ message: 'Drop one file at a time.', assertive: true });
    expect(selected).to.equal(false);
    // Seen as well as heard; gone once one file is dropped.
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.error-text')!.textContent).to.equal('Drop one file at a time.');
    el.shadowRoot!.querySelector('.zone')!.dispatchEvent(dropEvent('drop', [file('a.xlsx')]));
    await el.updateComplete;
    expect(selected).to.equal(true);
    expect(el.shadowRoot!.querySelector('.error-text')).to.equal(null);
  });

  it('keyboard: Enter and Space on the button open the picker; disabled does nothing', async () => {
    const el = await fixture<DropZoneElement>(html`<offline-upload-drop-zone></offline-upload-drop-zone>`);
    const input = el.shadowRoot!.querySelector('input')!;
    let opened = 0;
    input.addEventListener('click', (e) => {
      e.preventDefault();
      opened += 1;
    });
    el.focus();
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Space' });
    expect(opened).to.equal(2);
    el.disabled = true;
    await el.updateComplete;
    el.open();
    expect(opened).to.equal(2);
    expect(el.shadowRoot!.querySelector('button')!.disabled).to.equal(true);
  });

  it('speaks French', async () => {
    const el = await fixture<DropZoneElement>(html`<offline-upload-drop-zone .localizer=${new Localizer('fr')}></offline-upload-drop-zone>`);
    expect(el.shadowRoot!.querySelector('button')!.textContent!.trim()).to.equal('Choisir un fichier');
    expect(el.shadowRoot!.textContent).to.contain('Déposez votre fichier ici, ou');
  });
});
