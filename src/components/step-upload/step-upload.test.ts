// The upload step alone: the drop zone with the host's limits, progress with Cancel during the dry run.
import { expect } from '@open-wc/testing';
import { ALL_PRESET, cleanCsv, FakeBackend, mountStep, said, specReady, waitFor } from '../../../test/components/step-fixture.js';
import { FileSelectEvent } from '../shared/internal-events.js';
import type { StepUploadElement } from './step-upload.component.js';

describe('<offline-upload-step-upload>', () => {
  it('offers the drop zone with the host’s limits, accessible', async () => {
    const { el } = await mountStep<StepUploadElement>('offline-upload-step-upload', { preset: ALL_PRESET, options: { maxFileSize: 2048, maxRows: 10 }, before: specReady });
    expect(said(el)).to.contain('up to 2 kB and 10 records');
    await expect(el).to.be.accessible();
  });

  it('shows progress while the LMS checks the records; Cancel discards the staged upload', async () => {
    const backend = new FakeBackend();
    const { el, session, said: heard } = await mountStep<StepUploadElement>('offline-upload-step-upload', { backend, preset: ALL_PRESET, before: specReady });
    const held = backend.hold('dryRunChunk');
    el.shadowRoot!.querySelector('offline-upload-drop-zone')!.dispatchEvent(new FileSelectEvent(cleanCsv(3)));
    await held.reached;
    await waitFor(() => el.shadowRoot!.querySelector('[role=progressbar]'), 'the progress bar');
    expect(el.shadowRoot!.querySelector('[role=progressbar]')!.getAttribute('aria-valuetext')).to.match(/^Checking the records with the LMS… \d+%$/);
    await expect(el).to.be.accessible();
    el.shadowRoot!.querySelector<HTMLButtonElement>('#cancel-upload')!.click();
    await waitFor(() => session.state.status === 'selecting', 'back to choosing a file');
    expect(heard).to.include('Upload cancelled. Nothing was created.');
    await waitFor(() => backend.discarded.length === 1, 'the staged upload discarded');
    held.release();
  });
});
