// The create step alone: Create records asks the flow (the host first, then the confirmation), a lost
// answer is said without claiming nothing was created, and Try again is offered.
import { expect } from '@open-wc/testing';
import { UnavailableError } from '../../backend/errors.js';
import { ALL_PRESET, cleanCsv, FakeBackend, mountStep, said, specReady, waitFor } from '../../../test/components/step-fixture.js';
import type { StepCreateElement } from './step-create.component.js';

const ready = (backend = new FakeBackend()) =>
  mountStep<StepCreateElement>('offline-upload-step-create', {
    backend,
    preset: ALL_PRESET,
    before: async (x) => {
      await specReady(x);
      await x.session.uploadFile(cleanCsv(3));
    },
  });

describe('<offline-upload-step-create>', () => {
  it('Create records: the flow asks the host, then opens its confirmation', async () => {
    const { el, flow } = await ready();
    const asked: number[] = [];
    flow.addEventListener('before-create', (e) => asked.push(e.detail.count));
    await expect(el).to.be.accessible();
    el.shadowRoot!.querySelector<HTMLButtonElement>('#create')!.click();
    expect(asked).to.deep.equal([3]);
    expect(flow.confirming).to.equal(true);
  });

  it('a lost answer: not confirmed (not "not created"), the words, the tries and the reference, and Try again', async () => {
    const backend = new FakeBackend();
    backend.failAlways.set('commitUpload', new UnavailableError('Gateway timeout', 'commitUpload', 504));
    const { el, flow, session } = await ready(backend);
    session.setOptions({ retries: { baseDelayMs: 5, maxDelayMs: 20 } });
    flow.requestCreate();
    flow.confirmCreate();
    await waitFor(() => session.state.status === 'commit-failed', 'the failed commit');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[data-step-heading]')!.textContent).to.equal('The LMS did not confirm the records');
    expect(el.shadowRoot!.querySelector('.alert p')!.textContent).to.contain('can never create its records twice');
    expect(said(el)).to.contain('Upload reference: up-1');
    // The automatic retries ended: said, with the reference to quote in plain sight.
    expect(el.shadowRoot!.querySelector('.alert .attempts')!.textContent).to.equal('Tried 3 times, then stopped.');
    expect(el.shadowRoot!.querySelector('.alert .reference')!.textContent).to.contain('up-1');
    await expect(el).to.be.accessible();
    backend.failAlways.delete('commitUpload');
    el.shadowRoot!.querySelector<HTMLButtonElement>('#retry-create')!.click();
    await waitFor(() => session.state.status === 'created', 'created on retry');
    expect(backend.recordsCreated).to.equal(3);
  });
});
