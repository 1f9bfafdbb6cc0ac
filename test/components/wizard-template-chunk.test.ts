// The template step's chunk (template-step.ts, lazy-steps.ts) does not load — a redeploy removed it, the
// network dropped: the wizard says it is our code's failure, retryable, under the step's own heading, in
// place of the step (step-outlet.ts), never a word against the admin's choice. (This file's page loads
// the chunk first here.)
import { expect, html } from '@open-wc/testing';
import { HttpResponse, http } from 'msw';
import { demoLms } from '../backend/demo-lms.js';
import { $, atStep, button, FakeBackend, mount, text, waitFor } from './helpers.js';

describe('wizard: the template step’s chunk does not load', () => {
  it('a preset wizard shows our failure under "Download the template", with Try again', async () => {
    const lms = await demoLms();
    let refused = 0;
    lms.worker.use(
      http.get(/\/src\/components\/offline-upload-wizard\/template-step\.ts/, () => {
        refused += 1;
        return HttpResponse.error();
      }),
    );
    const { el } = await mount(new FakeBackend(), (b) => html`<offline-upload-wizard .backend=${b} activity-id="act-fire-101" domain-id="dom-employees" identifier="email"></offline-upload-wizard>`);
    await atStep(el, 'template');
    const failure = () => el.shadowRoot!.querySelector('offline-upload-step-access')?.shadowRoot?.querySelector('.alert.error p');
    await waitFor(failure, 'the failure');
    expect(refused).to.be.greaterThan(0);
    expect(customElements.get('offline-upload-step-template')).to.equal(undefined);
    const access = $(el, 'offline-upload-step-access');
    expect(access.shadowRoot!.querySelector('h2')!.textContent).to.equal('Download the template');
    expect(failure()!.textContent).to.equal(
      'Something went wrong. Nothing was created. Try again; contact your LMS support if this keeps happening.',
    );
    expect(text(el)).to.not.contain('checking your access');
    await expect(el).to.be.accessible();

    // Try again loads it once more: Chromium keeps a module import that failed for the page's life, so here
    // the same failure comes back (in a browser that asks again, the step shows once the chunk loads).
    const shown = failure();
    button(el, 'Try again').click();
    await waitFor(() => failure() && failure() !== shown, 'the failure shown again');
    expect(failure()!.textContent).to.contain('Something went wrong.');
    expect(button(el, 'Try again')).to.exist;
  });
});
