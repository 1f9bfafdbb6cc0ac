// The done step alone: how many records for which activity, and what next.
import { expect } from '@open-wc/testing';
import { ALL_PRESET, cleanCsv, mountStep, said, specReady, waitFor } from '../../../test/components/step-fixture.js';
import type { StepDoneElement } from './step-done.component.js';

describe('<offline-upload-step-done>', () => {
  it('names the records created and offers another upload or a new start', async () => {
    const { el, flow } = await mountStep<StepDoneElement>('offline-upload-step-done', {
      preset: ALL_PRESET,
      before: async (x) => {
        await specReady(x);
        await x.session.uploadFile(cleanCsv(2));
        x.flow.requestCreate();
        x.flow.confirmCreate();
        await waitFor(() => x.session.state.status === 'created', 'created');
      },
    });
    await el.updateComplete;
    expect(said(el)).to.contain('2 records were created for “Fire Safety Induction (Classroom)”.');
    await expect(el).to.be.accessible();
    el.shadowRoot!.querySelector<HTMLButtonElement>('#upload-another')!.click();
    expect(flow.step).to.equal('upload');
  });
});
