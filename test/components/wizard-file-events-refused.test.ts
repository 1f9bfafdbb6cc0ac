// The chunk of the wizard's events of a file does not load (a redeploy removed it, the network dropped):
// the file is not read, and the admin reads that part of the tool could not be loaded, not that the file
// is wrong — retryable, as when the session's own file part does not load.
import { expect } from '@open-wc/testing';
import { HttpResponse, http } from 'msw';
import { VALIDATED_EVENT } from '../../src/events/index.js';
import { demoLms } from '../backend/demo-lms.js';
import { $, badFile, drop, mount, state, toUpload, waitFor } from './helpers.js';

describe('wizard: the chunk of the events of a file is refused', () => {
  it('says our part could not load, keeps the admin on the upload step, reads nothing', async () => {
    const lms = await demoLms();
    let refused = 0;
    lms.worker.use(
      http.get(/\/src\/components\/offline-upload-wizard\/file-events\.ts/, () => {
        refused += 1;
        return HttpResponse.error();
      }),
    );
    const { el } = await mount();
    let validated = 0;
    el.addEventListener(VALIDATED_EVENT, () => (validated += 1));
    await toUpload(el);
    await drop(el, await badFile());
    await waitFor(() => state(el).failure, 'the failure');
    expect(refused).to.be.greaterThan(0);
    expect(state(el).status).to.equal('selecting');
    expect(state(el).file).to.equal(undefined);
    expect(state(el).failure).to.include({ code: 'validator-unavailable', retryable: true });
    expect(validated).to.equal(0);
    await el.updateComplete;
    const alert = $(el, 'offline-upload-step-upload').shadowRoot!.querySelector('.alert.error p');
    expect(alert?.textContent).to.contain('Part of the upload tool could not be loaded. Your file is not the problem');
  });
});
