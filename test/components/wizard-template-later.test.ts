// With no preset, the first screen is the choose step: the template step's chunk (template-step.ts) is not
// on that first load; the admin's first pointer or key in the wizard fetches it, with the later steps, so
// that it is there by the time they press Next. (Each test file runs in its own page.)
import { expect } from '@open-wc/testing';
import { atStep, choose, FakeBackend, mount, text, waitFor } from './helpers.js';

describe('wizard: the template step loaded once the admin acts', () => {
  it('not defined on the choose step before any interaction; fetched at the first pointer; shown once chosen', async () => {
    const { el } = await mount(new FakeBackend());
    await atStep(el, 'choose');
    await waitFor(() => customElements.get('offline-upload-step-choose'), 'the choose step');
    await new Promise((r) => setTimeout(r, 100));
    expect(customElements.get('offline-upload-step-template'), 'template step defined before any interaction').to.equal(undefined);

    el.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    await waitFor(() => customElements.get('offline-upload-step-template'), 'the template step fetched at the first pointer');
    await choose(el);
    expect(el.goToStep('template')).to.equal(true);
    await atStep(el, 'template');
    expect(text(el)).to.contain('Download the template');
  });
});
