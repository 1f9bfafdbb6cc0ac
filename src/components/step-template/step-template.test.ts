// The template step alone: each column and rule in words, the downloads (a failed one said in words with
// its detail for support only), and the host's date order.
import { expect } from '@open-wc/testing';
import { ALL_PRESET, mountStep, said, specReady, waitFor } from '../../../test/components/step-fixture.js';
import { loadTranslation } from '../../i18n/localize.js';
import type { StepTemplateElement } from './step-template.component.js';

describe('<offline-upload-step-template>', () => {
  it('describes the template for the choice, accessible', async () => {
    const { el } = await mountStep<StepTemplateElement>('offline-upload-step-template', { preset: ALL_PRESET, options: { dateOrder: 'MDY' }, before: specReady });
    await el.updateComplete;
    expect(said(el)).to.contain('For Fire Safety Induction (Classroom) · Employees · learners identified by Email');
    expect(said(el)).to.contain('A date, as MM/DD/YYYY or an Excel date');
    await expect(el).to.be.accessible();
  });

  it('a download that fails: words, nothing created, the error only in the support details', async () => {
    const { el, session, said: heard } = await mountStep<StepTemplateElement>('offline-upload-step-template', { preset: ALL_PRESET, before: specReady });
    session.downloadTemplate = () => Promise.reject(new Error('exceljs chunk 404'));
    el.shadowRoot!.querySelector<HTMLButtonElement>('#download-xlsx')!.click();
    await waitFor(() => el.shadowRoot!.querySelector('.alert.error'), 'the failure');
    // The message at once, its support details once their chunk is here (updateComplete waits for them).
    await el.updateComplete;
    const alert = el.shadowRoot!.querySelector('.alert.error')!;
    expect(alert.querySelector('p')!.textContent).to.equal('The download failed. Nothing was created. Try again in a moment.');
    expect(alert.querySelector('details')!.textContent).to.contain('exceljs chunk 404');
    // The details' look came with them (failure-details.styles.ts): smaller, muted text.
    expect(getComputedStyle(alert.querySelector('details')!).fontSize).to.not.equal(getComputedStyle(alert.querySelector('p')!).fontSize);
    expect(heard.at(-1)).to.equal('The download failed. Nothing was created. Try again in a moment.');
    expect(el.shadowRoot!.querySelector<HTMLButtonElement>('#download-xlsx')!.disabled).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('a download in progress disables both buttons and shows a spinner on its own', async () => {
    const { el, session } = await mountStep<StepTemplateElement>('offline-upload-step-template', { preset: ALL_PRESET, before: specReady });
    let finish!: () => void;
    session.downloadTemplate = () => new Promise((resolve) => (finish = () => resolve({ blob: new Blob(['x']), fileName: 't.csv' })));
    el.shadowRoot!.querySelector<HTMLButtonElement>('#download-csv')!.click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector<HTMLButtonElement>('#download-xlsx')!.disabled).to.equal(true);
    expect(el.shadowRoot!.querySelector('#download-csv .spinner')).to.exist;
    finish();
    await waitFor(() => !el.shadowRoot!.querySelector<HTMLButtonElement>('#download-xlsx')!.disabled, 'the buttons back');
  });

  it('shows the LMS\'s words (names, headers, column help) in their own direction, inside a sentence in the admin\'s', async () => {
    await loadTranslation('ar');
    const { el } = await mountStep<StepTemplateElement>('offline-upload-step-template', { preset: ALL_PRESET, lang: 'ar', before: specReady });
    await el.updateComplete;
    const root = el.shadowRoot!;
    const isolated = [...root.querySelectorAll('.for bdi')].map((b) => b.textContent);
    expect(isolated).to.deep.equal(['Fire Safety Induction (Classroom)', 'Employees', 'Email']);
    // The Arabic sentence around them is the message itself, its words unchanged.
    expect(root.querySelector('.for')!.textContent).to.contain('يُعرَّف المتعلّمون');
    expect(root.querySelector('.for')!.textContent, 'no isolate characters besides the bdi').not.to.match(/[\u2068\u2069]/);
    const headers = [...root.querySelectorAll('.column-name')];
    expect(headers.length).to.be.greaterThan(0);
    for (const header of headers) expect(header.getAttribute('dir'), header.textContent ?? '').to.equal('auto');
    const help = [...root.querySelectorAll('.note')].find((n) => n.textContent === 'The learner\'s e-mail address in the LMS.');
    expect(help, 'the column help').to.exist;
    expect(help!.getAttribute('dir')).to.equal('auto');
  });
});
