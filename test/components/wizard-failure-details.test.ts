// A failure's attempts, upload reference and "Details for support" come in a chunk of their own
// (shared/failure-details.ts), loaded with the first failure shown: the message and the LMS's reason show at
// once, the details once the chunk is here — and should it not load (a redeploy, the network), the message
// stands alone, said in words, never a blank or broken block. Refused here first: Chromium keeps a failed
// import for the page's life, and no other test of this file's page needs the details.
import { expect } from '@open-wc/testing';
import { HttpResponse, http } from 'msw';
import { UnavailableError } from '../../src/backend/errors.js';
import { demoLms } from '../backend/demo-lms.js';
import { $, FakeBackend, mount, untilStatus } from './helpers.js';

describe('wizard: a failure’s details', () => {
  it('their chunk refused: the message stands alone, accessible', async () => {
    const lms = await demoLms();
    let refused = 0;
    lms.worker.use(
      http.get(/\/src\/components\/shared\/failure-details\.ts/, () => {
        refused += 1;
        return HttpResponse.error();
      }),
    );
    const backend = new FakeBackend();
    backend.failNext.set('getPermissions', new UnavailableError('The LMS did not answer.', 'getPermissions', 503));
    const { el } = await mount(backend);
    await untilStatus(el, 'access-error');
    await el.updateComplete;
    const alert = $(el, 'offline-upload-step-access').shadowRoot!.querySelector('.alert.error')!;
    expect(refused).to.be.greaterThan(0);
    expect(alert.querySelector('p')!.textContent).to.contain('Your permission to upload offline records could not be checked');
    expect(alert.querySelector('details')).to.equal(null);
    await expect(el).to.be.accessible();
  });
});
