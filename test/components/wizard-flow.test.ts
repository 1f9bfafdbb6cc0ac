// Moving through the wizard: Back and the stepper keep the admin's choices, cancel, a corrected file,
// a commit refused at the last check, what next after creation, and focus that follows the flow.
import { expect } from '@open-wc/testing';
import { resetMouse, sendMouse } from '@web/test-runner-commands';
import { RejectedError } from '../../src/backend/errors.js';
import { $, $$, atStep, button, choose, cleanFile, drop, FakeBackend, mount, state, text, toIssues, toReady, toUpload, untilStatus, waitFor, focused } from './helpers.js';
import { FileSelectEvent } from '../../src/components/shared/internal-events.js';

describe('<offline-upload-wizard> flow', () => {
  afterEach(() => resetMouse());

  it('Back and the stepper never lose the choices', async () => {
    const { el } = await mount();
    await choose(el);
    button(el, /Next/).click();
    await atStep(el, 'template');
    button(el, /upload the file/).click();
    await atStep(el, 'upload');
    button(el, /Back/).click();
    await atStep(el, 'template');
    button(el, /Back/).click();
    await atStep(el, 'choose');
    expect($<HTMLSelectElement>(el, '#domain').value).to.equal('dom-employees');
    expect($<HTMLInputElement>(el, 'input[name=identifierKind]:checked').value).to.equal('email');
    const combobox = $(el, 'offline-upload-activity-combobox');
    expect($<HTMLInputElement>(combobox, 'input').value).to.equal('Fire Safety Induction (Classroom)');
    // The stepper: later steps that the flow allows are buttons, others are not.
    const steps = $$(el, '.stepper li');
    expect(steps.map((li) => li.querySelector('button') !== null)).to.deep.equal([false, false, true, true, false, false, false]);
    expect($(el, '[aria-current=step]').textContent).to.contain('Choose');
    steps[3]!.querySelector('button')!.click();
    await atStep(el, 'upload');
  });

  it('refuses steps the flow does not allow yet', async () => {
    const { el } = await mount();
    await atStep(el, 'choose');
    expect(el.goToStep('template')).to.equal(false);
    expect(el.goToStep('create')).to.equal(false);
    button(el, /Next/).click();
    await el.updateComplete;
    expect(el.step).to.equal('choose');
    expect(text(el)).to.contain('Choose an activity, a domain and an identifier to continue.');
    await waitFor(() => focused(el)?.id === 'activity', 'focus on the first missing field');
  });

  it('cancel during the dry run: back to the drop zone, the staged upload discarded', async () => {
    const backend = new FakeBackend();
    const { el } = await mount(backend);
    await toUpload(el);
    const hold = backend.hold('dryRunChunk');
    await drop(el, await cleanFile(3));
    await hold.reached;
    await untilStatus(el, 'dry-run');
    expect(text(el)).to.contain('records.xlsx');
    const bar = $(el, '[role=progressbar]');
    expect(Number(bar.getAttribute('aria-valuenow'))).to.be.within(30, 100);
    expect(bar.getAttribute('aria-valuetext')).to.match(/^Checking the records with the LMS… \d+%$/);
    button(el, 'Cancel').click();
    await untilStatus(el, 'selecting');
    expect(el.step).to.equal('upload');
    expect($(el, 'offline-upload-drop-zone')).to.exist;
    await waitFor(() => backend.discarded.length === 1, 'the staged upload discarded');
    expect(backend.leftOver).to.deep.equal([]);
    hold.release();
  });

  it('with issues: a table by row, nothing creatable; a corrected file leads to the summary', async () => {
    const { el, backend } = await toIssues();
    const table = $(el, 'offline-upload-issues-table');
    const rows = $$(table, 'tbody tr').map((tr) => tr.querySelector('th')!.textContent!.trim());
    expect(rows).to.include('5').and.to.include('6');
    expect(text(el)).to.contain('in 2 rows');
    expect($(el, '#rows-ready')?.textContent?.trim(), 'one pass: the rows that passed were checked by the LMS too').to.match(/^\d+ rows? ready, 2 rows with problems$/);
    expect(el.goToStep('create')).to.equal(false);
    expect(backend.count('commitUpload')).to.equal(0);

    let report = '';
    const session = el.uploadSession!;
    const original = session.errorReport.bind(session);
    session.errorReport = async (format) => {
      const out = await original(format);
      report = out.fileName;
      return out;
    };
    button(el, /Download issues/).click();
    await waitFor(() => report !== '', 'the issues report');
    expect(report).to.match(/\.xlsx$/);

    const corrected = $$(el, 'offline-upload-drop-zone').find((z) => z.hasAttribute('compact'))!;
    expect(button(corrected, 'Upload a corrected file')).to.exist;
    corrected.dispatchEvent(new FileSelectEvent(await cleanFile(4)));
    await untilStatus(el, 'ready');
    await atStep(el, 'review');
    expect($(el, 'upload-summary')).to.exist;
    expect(text(el)).to.contain('records ready to create');
  });

  it('a commit refused at the final check shows the refused rows; nothing created', async () => {
    const backend = new FakeBackend();
    const { el } = await toReady(backend);
    el.goToStep('create');
    await el.updateComplete;
    backend.failNext.set('commitUpload', new RejectedError('Refused.', 'commitUpload', 409, [{ row: 3, columnKey: 'identifier', code: 'user-inactive' }]));
    button(el, 'Create records').click();
    await el.updateComplete;
    button(el, 'Create 5 records').click();
    await untilStatus(el, 'has-issues');
    await atStep(el, 'review');
    expect(text(el)).to.contain('This user is inactive in the LMS.');
    expect(text(el)).to.contain('refused 1 row');
    expect(backend.recordsCreated).to.equal(0);
  });

  it('done: "Upload another file" keeps the activity; "Start over" clears the choice', async () => {
    const { el } = await toReady();
    el.goToStep('create');
    await el.updateComplete;
    button(el, 'Create records').click();
    await el.updateComplete;
    button(el, 'Create 5 records').click();
    await atStep(el, 'done');
    expect($(el, '.alert.success').textContent).to.contain('5 records were created for “Fire Safety Induction (Classroom)”.');
    button(el, 'Upload another file for this activity').click();
    await atStep(el, 'upload');
    expect(state(el).selection.activity?.id).to.equal('act-fire-101');
    expect(state(el).file).to.equal(undefined);

    await drop(el, await cleanFile(2));
    await untilStatus(el, 'ready');
    el.goToStep('create');
    await el.updateComplete;
    button(el, 'Create records').click();
    await el.updateComplete;
    button(el, 'Create 2 records').click();
    await atStep(el, 'done');
    button(el, 'Start over').click();
    await atStep(el, 'choose');
    expect(state(el).selection).to.deep.equal({});
  });

  it('moves focus to the new heading only once the admin uses the wizard', async () => {
    const outside = document.createElement('button');
    outside.textContent = 'outside';
    document.body.append(outside);
    outside.focus();
    const { el } = await mount();
    await atStep(el, 'choose');
    expect(document.activeElement).to.equal(outside);
    outside.remove();
    await choose(el);
    const next = button(el, /Next/).getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(next.x + next.width / 2), Math.round(next.y + next.height / 2)] });
    await atStep(el, 'template');
    await waitFor(() => focused(el)?.hasAttribute('data-step-heading'), 'focus on the heading');
    expect(focused(el)!.textContent).to.equal('Download the template');
  });

  it('a file dropped beside the drop zone is not opened by the browser, and the zone still takes drops', async () => {
    const { el } = await mount();
    await toUpload(el);
    const drag = (type: string, target: Element) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File(['x'], 'records.csv'));
      const event = new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true, composed: true });
      target.dispatchEvent(event);
      return event;
    };
    // Without preventDefault the browser would open the file in place of the page.
    expect(drag('dragover', $(el, '[data-step-heading]')).defaultPrevented).to.equal(true);
    expect(drag('drop', $(el, '[data-step-heading]')).defaultPrevented).to.equal(true);
    expect(state(el).status).to.equal('selecting');
    const zoneElement = $(el, 'offline-upload-drop-zone');
    const zone = zoneElement.shadowRoot!.querySelector('.zone')!;
    drag('dragover', zone);
    await (zoneElement as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect(zone.classList.contains('dragging')).to.equal(true);
    drag('drop', zone);
    await untilStatus(el, 'has-issues', 'ready');
  });

  it('a file that cannot be read: says why, with no issues table, and takes another file', async () => {
    const { el } = await mount();
    await toUpload(el);
    await drop(el, new File([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37])], 'scan.pdf', { type: 'application/pdf' }));
    await waitFor(() => ['has-issues', 'selecting'].includes(state(el).status) && !state(el).progress, 'the file judged');
    await el.updateComplete;
    expect($(el, '[data-step-heading]').textContent).to.equal('This file can’t be used');
    expect($(el, '#file-refused').textContent).to.match(/PDF/);
    expect($$(el, 'offline-upload-issues-table')).to.deep.equal([]);
    expect($$(el, '#download-issues')).to.deep.equal([]);
    expect($(el, 'offline-upload-drop-zone').getAttribute('label')).to.equal('Upload another file');
    await drop(el, await cleanFile(3));
    await untilStatus(el, 'ready');
    await atStep(el, 'review');
    expect($(el, '[data-step-heading]').textContent).to.equal('Check the records');
  });
});

describe('<offline-upload-wizard> in a narrow column', () => {
  it('replaces the step list by a "Step n of 7" line that is still read out', async () => {
    const { fixture, html } = await import('@open-wc/testing');
    const wrapper = await fixture<HTMLDivElement>(html`<div style="inline-size: 320px"></div>`);
    const { el } = await mount(new FakeBackend(), (b) => html`<offline-upload-wizard .backend=${b}></offline-upload-wizard>`);
    wrapper.append(el);
    await atStep(el, 'choose');
    const list = $(el, '.stepper ol');
    const line = $(el, '.step-count');
    expect(getComputedStyle(list).display).to.equal('none');
    expect(getComputedStyle(line).display).to.equal('block');
    expect(line.hasAttribute('aria-hidden')).to.equal(false);
    expect(line.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Step 2 of 7 · Choose');
    // The bar below it: 2/7 of the track, set from script (no style attribute: a strict CSP forbids them).
    const track = $(el, '.step-track');
    const filled = track.querySelector('span')!;
    expect(filled.getBoundingClientRect().width / track.getBoundingClientRect().width).to.be.closeTo(2 / 7, 0.01);
    await expect(el).to.be.accessible();
  });
});
