// The first screens render with their words from the first frame: a wizard preset on an activity (the
// template step), one with no preset (the choose step) and one the LMS refuses (the no-access panel) ask
// for no word that is not loaded yet (the Localizer says so on the console). The static check is
// test/node/first-words.node.test.ts; this one also sees what renders before the wizard has a flow.
// (A file of its own: each test file gets a fresh page, so no later step's words are loaded yet.)
import { expect, fixture, html } from '@open-wc/testing';
import type { OfflineUploadWizardElement } from '../components/index.js';
import { atStep, FakeBackend, mount, text } from '../../test/components/helpers.js';

describe('the first screens’ words', () => {
  const warned: string[] = [];
  const warn = console.warn;
  before(() => {
    console.warn = (...args: unknown[]) => {
      warned.push(args.join(' '));
      warn.apply(console, args);
    };
  });
  after(() => {
    console.warn = warn;
  });
  afterEach(() => {
    expect(warned.splice(0).filter((w) => /not loaded yet/.test(w))).to.deep.equal([]);
  });

  it('a wizard that connects to its LMS: the frames before it has a session', async () => {
    const el = await fixture<OfflineUploadWizardElement>(html`<offline-upload-wizard api-base="/no-lms-here/api"></offline-upload-wizard>`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await el.updateComplete;
  });

  it('a preset wizard: the access check, then the template step', async () => {
    const { el } = await mount(new FakeBackend(), (b) => html`<offline-upload-wizard .backend=${b} activity-id="act-fire-101" domain-id="dom-employees" identifier="email"></offline-upload-wizard>`);
    await atStep(el, 'template');
    expect(text(el)).to.contain('Download the template');
  });

  it('a wizard with no preset: the choose step', async () => {
    const { el } = await mount();
    await atStep(el, 'choose');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(text(el)).to.contain('Category');
  });

  it('an admin the LMS refuses: the no-access panel', async () => {
    const backend = new FakeBackend();
    backend.permissions = { canUpload: false, reason: 'Needs the trainer role.', contactUrl: 'https://lms.example/ask' };
    const { el } = await mount(backend);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await el.updateComplete;
    expect(text(el)).to.contain('Send us a message');
  });
});
