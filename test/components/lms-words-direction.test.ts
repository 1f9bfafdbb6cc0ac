// The LMS's own words (category, domain and activity names, identifier kinds) keep their own direction
// wherever the choose step shows them: an English name on an Arabic page, or an Arabic name on an English
// one, neither reorders nor is reordered by what is around it.
import { expect } from '@open-wc/testing';
import type { StepChooseElement } from '../../src/components/step-choose/step-choose.component.js';
import { ALL_PRESET, mountStep, waitFor } from './step-fixture.js';

describe('LMS words in their own direction (choose step)', () => {
  it('lists categories, domains and identifier kinds with dir=auto', async () => {
    const { el, session } = await mountStep<StepChooseElement>('offline-upload-step-choose');
    const root = el.shadowRoot!;
    await waitFor(() => root.querySelector('#domain option[value=dom-employees]'), 'the domains');
    const named = [...root.querySelectorAll<HTMLOptionElement>('#category option, #domain option')].filter((o) => o.value !== '');
    expect(named.length).to.be.greaterThan(1);
    for (const option of named) expect(option.getAttribute('dir'), option.textContent ?? '').to.equal('auto');
    session.selectDomain('dom-employees');
    await waitFor(() => root.querySelector('.radio'), 'the identifier kinds');
    for (const label of root.querySelectorAll('.radio > span')) expect(label.getAttribute('dir'), label.textContent ?? '').to.equal('auto');
  });

  it('shows preset choices as fixed text with dir=auto', async () => {
    const { el } = await mountStep<StepChooseElement>('offline-upload-step-choose', { preset: ALL_PRESET });
    const values = [...el.shadowRoot!.querySelectorAll('.fixed-value')];
    expect(values.length).to.equal(3);
    for (const value of values) expect(value.getAttribute('dir'), value.textContent ?? '').to.equal('auto');
  });
});
