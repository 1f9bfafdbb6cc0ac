// The choose step alone: the fields, presets shown fixed with Change, a missing choice named, and Next
// busy while the template is prepared (then on by itself).
import { expect } from '@open-wc/testing';
import { UnavailableError } from '../../backend/errors.js';
import { ALL_PRESET, FakeBackend, fireSafety, mountStep, said, specReady, waitFor } from '../../../test/components/step-fixture.js';
import type { StepChooseElement } from './step-choose.component.js';

type StepChooseClass = typeof StepChooseElement;

const next = (el: HTMLElement) => el.shadowRoot!.querySelector<HTMLButtonElement>('#next')!;

describe('<offline-upload-step-choose>', () => {
  it('shows the four choices, accessible', async () => {
    const { el } = await mountStep<StepChooseElement>('offline-upload-step-choose');
    await waitFor(() => el.shadowRoot!.querySelector('#domain option[value=dom-employees]'), 'the domains');
    expect(el.shadowRoot!.querySelector('offline-upload-activity-combobox')).to.exist;
    expect(said(el)).to.contain('Choose the activity');
    await expect(el).to.be.accessible();
  });

  it('names what is missing on Next and focuses it', async () => {
    const { el, flow, said: heard } = await mountStep<StepChooseElement>('offline-upload-step-choose');
    next(el).click();
    await el.updateComplete;
    expect(flow.step).to.equal('choose');
    expect(said(el)).to.contain('Choose an activity, a domain and an identifier to continue.');
    expect(heard).to.include('Choose an activity, a domain and an identifier to continue.');
    await waitFor(() => el.shadowRoot!.activeElement?.id === 'activity', 'focus on the activity');
    await expect(el).to.be.accessible();
  });

  it('shows presets as fixed text with Change', async () => {
    const m = await mountStep<StepChooseElement>('offline-upload-step-choose', { preset: ALL_PRESET });
    await specReady(m);
    m.flow.goTo('choose');
    await m.el.updateComplete;
    const fixed = [...m.el.shadowRoot!.querySelectorAll('.fixed-value')].map((v) => v.textContent);
    expect(fixed).to.deep.equal(['HSE-101 · Fire Safety Induction (Classroom)', 'Employees', 'Email']);
    await expect(m.el).to.be.accessible();
  });

  it('Next while the template is being prepared shows it is busy, then moves on once it is ready', async () => {
    const backend = new FakeBackend();
    const held = backend.hold('getTemplateSpec');
    const { el, flow, session } = await mountStep<StepChooseElement>('offline-upload-step-choose', { backend });
    session.selectActivity(fireSafety);
    session.selectDomain('dom-employees');
    await held.reached;
    next(el).click();
    await el.updateComplete;
    expect(next(el).getAttribute('aria-disabled')).to.equal('true');
    expect(next(el).querySelector('.spinner')).to.exist;
    expect(said(el)).to.contain('Preparing the template: the next step opens as soon as it is ready.');
    await expect(el).to.be.accessible();
    held.release();
    await waitFor(() => flow.step === 'template', 'the template step');
  });

  it('loads what shows after a choice when a domain is chosen, and renders it in the same frame', async () => {
    const { el, session } = await mountStep<StepChooseElement>('offline-upload-step-choose');
    await waitFor(() => el.shadowRoot!.querySelector('#domain option[value=dom-employees]'), 'the domains');
    expect(el.shadowRoot!.querySelector('[name=identifierKind]')).to.equal(null);
    session.selectDomain('dom-employees');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('#identifier-hint')!.textContent).to.equal('The first column of the template: how each learner is found in the LMS.');
    expect(el.shadowRoot!.querySelectorAll('[name=identifierKind]').length).to.be.greaterThan(0);
    await expect(el).to.be.accessible();
  });

  it('if what shows after a choice does not load: our failure with Try again, then the fixed choices', async () => {
    const Step = customElements.get('offline-upload-step-choose') as StepChooseClass;
    const load = Step.prototype.loadParts;
    Step.prototype.loadParts = () => Promise.reject(new Error('choose-parts chunk 404'));
    try {
      const m = await mountStep<StepChooseElement>('offline-upload-step-choose', { preset: ALL_PRESET });
      await specReady(m);
      m.flow.goTo('choose');
      await m.el.updateComplete;
      const alert = m.el.shadowRoot!.querySelector('.spec-status .alert.error')!;
      expect(alert.querySelector('p')!.textContent).to.equal('Something went wrong. Nothing was created. Try again; contact your LMS support if this keeps happening.');
      expect(alert.querySelector('details')!.textContent).to.contain('choose-parts chunk 404');
      await expect(m.el).to.be.accessible();
      Step.prototype.loadParts = load;
      [...m.el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent === 'Try again')!.click();
      await waitFor(() => m.el.shadowRoot!.querySelectorAll('.fixed-value').length === 3, 'the fixed choices');
      expect(m.el.shadowRoot!.querySelector('.alert.error')).to.equal(null);
    } finally {
      Step.prototype.loadParts = load;
    }
  });

  it('a list that did not load shows its failure with Try again, which loads it again', async () => {
    const backend = new FakeBackend();
    backend.failNext.set('listDomains', new UnavailableError('Service unavailable.', 'listDomains', 503));
    const { el } = await mountStep<StepChooseElement>('offline-upload-step-choose', { backend });
    const alert = el.shadowRoot!.querySelector('.alert.error')!;
    expect(alert.textContent).to.contain('domains could not be loaded');
    await expect(el).to.be.accessible();
    [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent === 'Try again')!.click();
    await waitFor(() => el.shadowRoot!.querySelector('#domain option[value=dom-employees]'), 'the domains');
    expect(el.shadowRoot!.querySelector('.alert.error')).to.equal(null);
  });
});
