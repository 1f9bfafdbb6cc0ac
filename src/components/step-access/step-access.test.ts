// The access step alone: checking, a failed check (words, Try again, support details collapsed), and the
// connection's own failure before any session exists.
import { expect } from '@open-wc/testing';
import { UnavailableError } from '../../backend/errors.js';
import { Localizer } from '../../i18n/localize.js';
import { makeFailure } from '../../session/failures.js';
import { FakeBackend, mountStep, said, waitFor } from '../../../test/components/step-fixture.js';
import type { StepAccessElement } from './step-access.component.js';

describe('<offline-upload-step-access>', () => {
  it('says it is checking access while the LMS answers', async () => {
    const backend = new FakeBackend();
    const held = backend.hold('getPermissions');
    const { el } = await mountStep<StepAccessElement>('offline-upload-step-access', { backend, started: false, before: async () => void (await held.reached) });
    expect(said(el)).to.contain('Checking your access');
    await expect(el).to.be.accessible();
    held.release();
  });

  it('a failed check: what happened and that nothing was created, Try again, details for support collapsed', async () => {
    const backend = new FakeBackend();
    backend.failNext.set('getPermissions', new UnavailableError('The LMS did not answer within 30 s.', 'getPermissions', 503));
    const { el, session } = await mountStep<StepAccessElement>('offline-upload-step-access', { backend });
    expect(session.state.status).to.equal('access-error');
    const alert = el.shadowRoot!.querySelector('.alert.error')!;
    const words = alert.querySelector('p')!.textContent!;
    expect(words).to.contain('Nothing was created');
    expect(words).not.to.match(/503|getPermissions|30 s/);
    const details = alert.querySelector('details')!;
    expect(details.open).to.equal(false);
    expect(details.textContent).to.contain('503');
    await expect(el).to.be.accessible();
    el.shadowRoot!.querySelector<HTMLButtonElement>('.actions button')!.click();
    await waitFor(() => session.state.status === 'selecting', 'access granted on retry');
  });

  it('before a session: the connection failure with Try again', async () => {
    const { el } = await mountStep<StepAccessElement>('offline-upload-step-access');
    let retried = 0;
    el.connection = { localizer: new Localizer('en'), failure: makeFailure('connect-failed', new TypeError('Invalid URL')), retry: () => retried++ };
    await el.updateComplete;
    expect(said(el)).to.contain('The connection to the LMS could not be set up');
    expect(el.shadowRoot!.querySelector('.alert p')!.textContent).not.to.contain('Invalid URL');
    await expect(el).to.be.accessible();
    el.shadowRoot!.querySelector<HTMLButtonElement>('.actions button')!.click();
    expect(retried).to.equal(1);
  });
});
