// The wizard's later steps come in chunks of their own (lazy-steps.ts, issue 10's first load): a fully
// preset wizard fetches its template step while the LMS answers and never defines the choose step, the steps after the
// template are fetched at the admin's first pointer or key in the wizard, and Back to the choose step
// loads it then. (Each test file runs in its own page, so nothing here is defined by another test.)
import { expect, html } from '@open-wc/testing';
import { atStep, button, FakeBackend, mount, text, waitFor } from './helpers.js';

const LATER = ['upload', 'match', 'review', 'create', 'done'].map((step) => `offline-upload-step-${step}`);

describe('wizard: later steps loaded on demand', () => {
  it('a preset wizard shows the template without the choose step; the later steps come at the first touch; Back loads the choose step', async () => {
    // The template spec answers late, as over a network: the flow passes through the choose step meanwhile.
    const backend = new FakeBackend();
    const spec = backend.hold('getTemplateSpec');
    const { el } = await mount(backend, (b) => html`<offline-upload-wizard .backend=${b} activity-id="act-fire-101" domain-id="dom-employees" identifier="email"></offline-upload-wizard>`);
    await spec.reached;
    await atStep(el, 'choose');
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 50));
    // The template step's chunk was asked for with the preset activity, not once the spec is here.
    await waitFor(() => customElements.get('offline-upload-step-template'), 'the template step defined while its spec loads', 2000);
    spec.release();
    await atStep(el, 'template');
    expect(text(el)).to.contain('Download the template');
    expect(customElements.get('offline-upload-step-choose'), 'choose step defined').to.equal(undefined);
    expect(customElements.get('offline-upload-activity-combobox'), 'combobox defined').to.equal(undefined);
    expect(LATER.filter((tag) => customElements.get(tag)), 'later steps defined before any interaction').to.deep.equal([]);

    el.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    await Promise.all(LATER.map((tag) => customElements.whenDefined(tag)));
    expect(customElements.get('offline-upload-drop-zone')).to.not.equal(undefined);

    button(el, /Back/).click();
    await atStep(el, 'choose');
    await el.updateComplete;
    expect(customElements.get('offline-upload-step-choose')).to.not.equal(undefined);
    expect(text(el)).to.contain('Fire Safety Induction (Classroom)');
  });
});
