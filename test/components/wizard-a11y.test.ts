// axe reports nothing on any step of <offline-upload-wizard>, in its loading, error and empty states.
import { expect, fixture, html } from '@open-wc/testing';
import { UnavailableError } from '../../src/backend/errors.js';
import { $, atStep, button, choose, cleanFile, drop, FakeBackend, mount, toIssues, toReady, toUpload, untilStatus, waitFor } from './helpers.js';

describe('<offline-upload-wizard> accessibility', () => {
  it('access: checking (quiet loading)', async () => {
    const backend = new FakeBackend();
    const hold = backend.hold('getPermissions');
    const { el } = await mount(backend);
    await hold.reached;
    await el.updateComplete;
    expect(el.step).to.equal('access');
    await expect(el).to.be.accessible();
    hold.release();
  });

  it('access: no permission, with the contact links', async () => {
    const backend = new FakeBackend();
    backend.permissions = { canUpload: false, reason: 'No role.' };
    const { el } = await mount(backend, (b) => html`<offline-upload-wizard .backend=${b} support-url="https://example.com/help" support-email="help@example.com"></offline-upload-wizard>`);
    await untilStatus(el, 'no-access');
    await expect(el).to.be.accessible();
  });

  it('access: the check failed', async () => {
    const backend = new FakeBackend();
    backend.failNext.set('getPermissions', new UnavailableError('The LMS did not answer.', 'getPermissions', 503));
    const { el } = await mount(backend);
    await untilStatus(el, 'access-error');
    await expect(el).to.be.accessible();
  });

  it('choose: empty, and with every choice made', async () => {
    const { el } = await mount();
    await atStep(el, 'choose');
    await expect(el).to.be.accessible();
    await choose(el);
    await expect(el).to.be.accessible();
  });

  it('choose: the activity combobox open with results', async () => {
    const { el } = await mount();
    await atStep(el, 'choose');
    const combobox = $(el, 'offline-upload-activity-combobox');
    const input = $<HTMLInputElement>(combobox, 'input');
    input.focus();
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    await waitFor(() => combobox.shadowRoot!.querySelectorAll('[role=option]').length > 0, 'options');
    await expect(el).to.be.accessible();
  });

  it('template', async () => {
    const { el } = await mount();
    await choose(el);
    el.goToStep('template');
    await atStep(el, 'template');
    await expect(el).to.be.accessible();
  });

  it('upload: drop zone, and the progress bar while the LMS checks', async () => {
    const backend = new FakeBackend();
    const { el } = await mount(backend);
    await toUpload(el);
    await expect(el).to.be.accessible();
    const hold = backend.hold('dryRunChunk');
    await drop(el, await cleanFile(3));
    await hold.reached;
    await untilStatus(el, 'dry-run');
    expect($(el, '[role=progressbar]').getAttribute('aria-valuenow')).to.match(/^\d+$/);
    await expect(el).to.be.accessible();
    hold.release();
  });

  it('review: with issues', async () => {
    const { el } = await toIssues();
    await expect(el).to.be.accessible();
  });

  it('review: clean, with the summary', async () => {
    const { el } = await toReady();
    await expect(el).to.be.accessible();
  });

  it('create: ready, the confirmation dialog, a failed commit', async () => {
    const backend = new FakeBackend();
    const { el } = await toReady(backend);
    el.goToStep('create');
    await atStep(el, 'create');
    await expect(el).to.be.accessible();
    button(el, 'Create records').click();
    await el.updateComplete;
    expect($<HTMLDialogElement>(el, 'dialog').open).to.equal(true);
    // Its look came with the later steps (confirm-dialog.view.ts), adopted by the shell: the box, the row of buttons.
    expect(getComputedStyle($(el, 'dialog')).borderTopLeftRadius).to.equal('8px');
    expect(getComputedStyle($(el, 'dialog .actions')).display).to.equal('flex');
    await expect(el).to.be.accessible();
    backend.failAlways.set('commitUpload', new UnavailableError('The LMS timed out.', 'commitUpload', 504));
    button(el, 'Create 5 records').click();
    await untilStatus(el, 'commit-failed');
    await expect(el).to.be.accessible();
  });

  it('done', async () => {
    const { el } = await toReady();
    el.goToStep('create');
    await el.updateComplete;
    button(el, 'Create records').click();
    await el.updateComplete;
    button(el, 'Create 5 records').click();
    await atStep(el, 'done');
    await expect(el).to.be.accessible();
  });

  it('no access: the panel stands alone, without the seven-step stepper', async () => {
    const backend = new FakeBackend();
    backend.permissions = { canUpload: false, contactEmail: 'lms@example.com' };
    const { el } = await mount(backend);
    await untilStatus(el, 'no-access');
    expect(el.shadowRoot!.querySelector('nav')).to.equal(null);
    expect($(el, '[data-step-heading]').textContent).to.equal('You can’t upload offline records');
    await expect(el).to.be.accessible();
  });

  it('two wizards on one page: distinct names for their regions and their steps', async () => {
    const pair = await fixture<HTMLDivElement>(html`<div>
      <offline-upload-wizard .backend=${new FakeBackend()}></offline-upload-wizard>
      <offline-upload-wizard .backend=${new FakeBackend()}></offline-upload-wizard>
    </div>`);
    const wizards = [...pair.querySelectorAll('offline-upload-wizard')];
    await Promise.all(wizards.map((w) => atStep(w, 'choose')));
    const names = wizards.map((w) => w.shadowRoot!.querySelector('section')!.getAttribute('aria-label'));
    const navs = wizards.map((w) => w.shadowRoot!.querySelector('nav')!.getAttribute('aria-label'));
    expect(new Set(names).size).to.equal(2);
    expect(new Set(navs).size).to.equal(2);
    expect(names[0]).to.contain('Upload offline records');
    await expect(pair).to.be.accessible();
  });
});
