// The wizard's attributes and properties: defaults, attribute ↔ property, api-base vs backend, presets
// (fixed text with "Change", or the choose step skipped), contact links and slot, limits, date order.
import { expect, fixture, html } from '@open-wc/testing';
import type { OfflineUploadWizardElement } from '../../src/components/index.js';
import { $, $$, atStep, button, choose, drop, FakeBackend, mount, state, text, untilStatus, waitFor, xlsx, focused } from './helpers.js';

describe('<offline-upload-wizard> attributes and properties', () => {
  it('has sensible defaults and starts at the access step', async () => {
    const backend = new FakeBackend();
    const hold = backend.hold('getPermissions');
    const { el } = await mount(backend);
    expect(el.step).to.equal('access');
    for (const key of ['apiBase', 'categoryId', 'activityId', 'domainId', 'identifier', 'locale', 'dateOrder', 'maxFileSize', 'maxRows', 'supportUrl', 'supportEmail', 'messages'] as const) {
      expect(el[key], key).to.equal(undefined);
    }
    await hold.reached;
    await el.updateComplete;
    expect($(el, '[data-step-heading]').textContent).to.equal('Checking your access');
    expect($(el, '[aria-current=step]').textContent).to.contain('Access');
    hold.release();
    await atStep(el, 'choose');
  });

  it('maps every attribute to its property', async () => {
    const el = await fixture<OfflineUploadWizardElement>(html`<offline-upload-wizard api-base="/lms-api" category-id="cat-hse"
      activity-id="act-fire-101" domain-id="dom-employees" identifier="email" locale="fr-CA" date-order="MDY" max-file-size="1024"
      max-rows="10" support-url="https://example.com/help" support-email="help@example.com"></offline-upload-wizard>`);
    expect(el).to.include({
      apiBase: '/lms-api', categoryId: 'cat-hse', activityId: 'act-fire-101', domainId: 'dom-employees', identifier: 'email',
      locale: 'fr-CA', dateOrder: 'MDY', maxFileSize: 1024, maxRows: 10, supportUrl: 'https://example.com/help', supportEmail: 'help@example.com',
    });
  });

  it('api-base: talks REST to that base when no backend is given', async () => {
    const calls: string[] = [];
    const original = window.fetch;
    window.fetch = async (input: RequestInfo | URL) => {
      calls.push(String(input));
      return new Response(JSON.stringify({ type: 'about:blank', title: 'Forbidden', status: 403 }), { status: 403, headers: { 'content-type': 'application/problem+json' } });
    };
    try {
      const el = await fixture<OfflineUploadWizardElement>(html`<offline-upload-wizard api-base="/my-lms/api"></offline-upload-wizard>`);
      await waitFor(() => el.uploadSession?.state.status === 'no-access', 'no access from the REST backend');
      // Every request goes under the base; the access check is among them (the capabilities may come first).
      const paths = calls.map((c) => new URL(c, location.href).pathname);
      expect(paths.every((p) => p.startsWith('/my-lms/api/')), paths.join(', ')).to.be.true;
      expect(paths).to.include('/my-lms/api/permissions');
    } finally {
      window.fetch = original;
    }
  });

  it('says so when neither api-base nor backend is set', async () => {
    const el = await fixture<OfflineUploadWizardElement>(html`<offline-upload-wizard></offline-upload-wizard>`);
    await waitFor(() => text(el).includes('not connected to an LMS'), 'the configuration message');
    expect(el.uploadSession).to.equal(undefined);
  });

  it('an api-base the REST client refuses: says so with Retry, instead of checking access for ever', async () => {
    const el = await fixture<OfflineUploadWizardElement>(html`<offline-upload-wizard api-base="   "></offline-upload-wizard>`);
    await waitFor(() => text(el).includes('The connection to the LMS could not be set up'), 'the connection error');
    expect($(el, '[data-step-heading]').textContent).to.equal('We could not check your access');
    expect(button(el, 'Try again')).to.exist;
    expect($$(el, '.spinner')).to.deep.equal([]);
    await expect(el).to.be.accessible();
    el.backend = new FakeBackend();
    await atStep(el, 'choose');
    expect($$(el, '.alert.error')).to.deep.equal([]);
  });

  it('backend: a new backend gets a new session, and the old one is disposed', async () => {
    const { el, backend } = await mount();
    await atStep(el, 'choose');
    const first = el.uploadSession;
    const other = new FakeBackend();
    other.permissions = { canUpload: false };
    el.backend = other;
    await waitFor(() => el.uploadSession !== first, 'a new session');
    await untilStatus(el, 'no-access');
    expect(el.step).to.equal('access');
    expect(other.count('getPermissions')).to.equal(1);
    expect(backend.count('getPermissions')).to.equal(1);
  });

  it('all of activity-id, domain-id and identifier preset: the choose step is skipped; Back shows them fixed', async () => {
    const { el } = await mount(undefined, (b) => html`<offline-upload-wizard .backend=${b} activity-id="act-fire-101" domain-id="dom-employees" identifier="email"></offline-upload-wizard>`);
    await atStep(el, 'template');
    expect(text(el)).to.contain('For Fire Safety Induction (Classroom) · Employees · learners identified by Email');
    button(el, /Back/).click();
    await atStep(el, 'choose');
    const fixed = $$(el, '.fixed');
    expect(fixed.map((f) => f.querySelector('.fixed-value')!.textContent)).to.deep.equal(['HSE-101 · Fire Safety Induction (Classroom)', 'Employees', 'Email']);
    const change = fixed[0]!.querySelector('button')!;
    expect(change.getAttribute('aria-label')).to.equal('Change Offline activity');
    change.click();
    await el.updateComplete;
    await waitFor(() => focused(el)?.id === 'activity', 'focus on the activity field');
    expect($$(el, '.fixed').length).to.equal(2);
  });

  it('a partial preset shows that choice fixed; an unknown preset leaves a note and the field free', async () => {
    const { el } = await mount(undefined, (b) => html`<offline-upload-wizard .backend=${b} category-id="cat-ops" activity-id="act-nope"></offline-upload-wizard>`);
    await atStep(el, 'choose');
    // The note says what happened in words; the host's id is not shown to the admin.
    await waitFor(() => text(el).includes('The activity chosen for you was not found'), 'the note');
    expect(text(el)).not.to.contain('act-nope');
    expect($(el, '.alert.notice').textContent).to.contain('was not found');
    expect($(el, '.fixed .fixed-value').textContent).to.equal('Operations');
    expect($(el, 'offline-upload-activity-combobox')).to.exist;
  });

  it('changing a preset attribute applies it', async () => {
    const { el } = await mount();
    await atStep(el, 'choose');
    el.domainId = 'dom-contractors';
    await waitFor(() => state(el).selection.domainId === 'dom-contractors', 'the new preset');
    expect(state(el).selection.identifierKind).to.equal('username');
  });

  it('support-url and support-email win over the LMS’s contact, which is the fallback', async () => {
    const backend = new FakeBackend();
    backend.permissions = { canUpload: false, contactUrl: 'https://lms.example/ask', contactEmail: 'lms@example.com', reason: 'Needs the trainer role.' };
    const { el } = await mount(backend);
    await untilStatus(el, 'no-access');
    let links = $$<HTMLAnchorElement>(el, '.contact a');
    expect(links.map((a) => a.href)).to.deep.equal(['https://lms.example/ask', 'mailto:lms@example.com']);
    expect(text(el)).to.contain('The LMS says: Needs the trainer role.');
    el.supportUrl = 'https://host.example/contact';
    el.supportEmail = 'help@host.example';
    await el.updateComplete;
    links = $$<HTMLAnchorElement>(el, '.contact a');
    expect(links.map((a) => a.href)).to.deep.equal(['https://host.example/contact', 'mailto:help@host.example']);
    expect(links[0]!.textContent).to.equal('Send us a message');
  });

  it('never links a javascript: contact URL', async () => {
    const backend = new FakeBackend();
    backend.permissions = { canUpload: false, contactUrl: 'javascript:alert(1)' };
    const { el } = await mount(backend);
    await untilStatus(el, 'no-access');
    expect($$(el, 'a').length).to.equal(0);
  });

  it('the no-access slot replaces the default contact', async () => {
    const backend = new FakeBackend();
    backend.permissions = { canUpload: false };
    const { el } = await mount(backend, (b) => html`<offline-upload-wizard .backend=${b} support-email="x@example.com">
      <p slot="no-access">Call the service desk on 4444.</p></offline-upload-wizard>`);
    await untilStatus(el, 'no-access');
    const slot = $<HTMLSlotElement>(el, 'slot[name=no-access]');
    expect(slot.assignedElements()[0]!.textContent).to.equal('Call the service desk on 4444.');
  });

  it('max-file-size and max-rows: said under the drop zone, and a larger file is refused', async () => {
    const { el } = await mount(undefined, (b) => html`<offline-upload-wizard .backend=${b} max-file-size="2048" max-rows="10"></offline-upload-wizard>`);
    await choose(el);
    el.goToStep('upload');
    await el.updateComplete;
    expect(text(el)).to.contain('up to 2 kB and 10 records');
    const big = await xlsx([['Email', 'Completion date', 'Status'], ...Array.from({ length: 30 }, (_, i) => [`user${i}@example.com`, '2025-03-01', 'Completed'])]);
    expect(big.size).to.be.greaterThan(2048);
    await drop(el, big);
    await untilStatus(el, 'has-issues');
    expect(state(el).issues[0]!.code).to.equal('file-too-large');
    // The limit reads the same in the issue as under the drop zone.
    expect(text(el)).to.contain('the limit is 2 kB');
  });

  it('date-order: the template step says which order dates typed as text are read in', async () => {
    const { el } = await mount(undefined, (b) => html`<offline-upload-wizard .backend=${b} date-order="MDY"></offline-upload-wizard>`);
    await choose(el);
    el.goToStep('template');
    await atStep(el, 'template');
    expect(text(el)).to.contain('A date, as MM/DD/YYYY or an Excel date');
    expect(el.uploadSession!.options.dateOrder).to.equal('MDY');
    el.dateOrder = 'YMD';
    await el.updateComplete;
    expect(el.uploadSession!.options.dateOrder).to.equal('YMD');
    expect(text(el)).to.contain('A date, as YYYY-MM-DD');
  });
});
