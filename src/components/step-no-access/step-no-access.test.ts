// The no-access panel alone: why, how to get the permission, whom to contact (the host's contact first,
// the LMS's as fallback, or the host's own words in the slot).
import { expect } from '@open-wc/testing';
import { html, render } from 'lit';
import { FakeBackend, mountStep, said } from '../../../test/components/step-fixture.js';
import type { StepNoAccessElement } from './step-no-access.component.js';

describe('<offline-upload-step-no-access>', () => {
  const denied = (): FakeBackend => {
    const backend = new FakeBackend();
    backend.permissions = { canUpload: false, reason: 'Needs the trainer role.', contactUrl: 'https://lms.example/ask', contactEmail: 'lms@example.com' };
    return backend;
  };

  it('says why, how to get the permission, and links the LMS’s contact', async () => {
    const { el } = await mountStep<StepNoAccessElement>('offline-upload-step-no-access', { backend: denied() });
    expect(said(el)).to.contain('You can’t upload offline records');
    expect(said(el)).to.contain('The LMS says: Needs the trainer role.');
    const links = [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('.contact a')].map((a) => a.href);
    expect(links).to.deep.equal(['https://lms.example/ask', 'mailto:lms@example.com']);
    await expect(el).to.be.accessible();
  });

  it('the host’s support-url and support-email win over the LMS’s', async () => {
    const { el } = await mountStep<StepNoAccessElement>('offline-upload-step-no-access', {
      backend: denied(),
      options: { supportUrl: 'https://host.example/help', supportEmail: 'help@host.example' },
    });
    const links = [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('.contact a')].map((a) => a.href);
    expect(links).to.deep.equal(['https://host.example/help', 'mailto:help@host.example']);
  });

  it('shows the host’s own words instead of the links when it gives them', async () => {
    const { el } = await mountStep<StepNoAccessElement>('offline-upload-step-no-access', { backend: denied() });
    render(html`<p slot="contact">Call the service desk on 4444.</p>`, el);
    el.customContact = true;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.contact')).to.equal(null);
    expect(el.shadowRoot!.querySelector<HTMLSlotElement>('slot[name=contact]')!.assignedElements()[0]!.textContent).to.equal('Call the service desk on 4444.');
    await expect(el).to.be.accessible();
  });
});
