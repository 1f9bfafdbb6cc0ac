// The wizard in other languages: French throughout (steps, fields, issue messages re-rendered from
// code + params, numbers and dates), lang changes at run time, inherited lang, host overrides.
import { expect, html } from '@open-wc/testing';
import { UnavailableError } from '../../src/backend/errors.js';
import { $, $$, atStep, badFile, button, choose, drop, FakeBackend, mount, text, toReady, untilStatus, waitFor } from './helpers.js';

describe('<offline-upload-wizard> localisation', () => {
  afterEach(() => document.documentElement.removeAttribute('lang'));

  it('speaks French with lang="fr": steps, fields and buttons', async () => {
    const { el } = await mount(undefined, (b) => html`<offline-upload-wizard lang="fr" .backend=${b}></offline-upload-wizard>`);
    await atStep(el, 'choose');
    const t = text(el);
    expect(t).to.contain('Choisissez l’activité');
    expect(t).to.contain('Étape 2 sur 7');
    expect(t).to.contain('Domaine d’utilisateurs');
    expect(t).to.contain('Toutes les catégories');
    expect(button(el, /Suivant/)).to.exist;
    expect($(el, 'nav.stepper').getAttribute('aria-label')).to.equal('Étapes');
  });

  it('re-renders issue messages in French from their code and params, with French kinds', async () => {
    const { el } = await mount(undefined, (b) => html`<offline-upload-wizard lang="fr" .backend=${b}></offline-upload-wizard>`);
    await choose(el);
    el.goToStep('upload');
    await el.updateComplete;
    await drop(el, await badFile());
    await untilStatus(el, 'has-issues');
    await atStep(el, 'review');
    const t = text(el);
    expect(t).to.contain('Corrigez les problèmes du fichier');
    expect(t).to.contain('Ce n’est pas une adresse e-mail valide');
    expect(t).to.contain('Cette valeur n’est pas autorisée');
    expect(t).to.contain('Identifiant invalide');
    expect(t).not.to.contain('This is not');
    // The English message the session made is still there, for hosts and reports.
    expect(el.uploadSession!.state.issues.some((i) => i.message.startsWith('This is not'))).to.equal(true);
  });

  it('follows a lang change at run time, and the page’s lang when it has none', async () => {
    document.documentElement.lang = 'fr';
    const { el } = await mount();
    await atStep(el, 'choose');
    expect(text(el)).to.contain('Choisissez l’activité');
    el.setAttribute('lang', 'en');
    await el.updateComplete;
    expect(text(el)).to.contain('Choose the activity');
    el.removeAttribute('lang');
    await el.updateComplete;
    expect(text(el)).to.contain('Choisissez l’activité');
    document.documentElement.lang = 'en';
    await waitFor(() => text(el).includes('Choose the activity'), 'the page’s new lang');
  });

  it('makes the template for the admin’s locale: a French CSV is separated by semicolons', async () => {
    const { el } = await mount(undefined, (b) => html`<offline-upload-wizard lang="fr" .backend=${b}></offline-upload-wizard>`);
    await choose(el);
    el.goToStep('template');
    await atStep(el, 'template');
    const session = el.uploadSession!;
    const made: { blob: Blob; locale?: string }[] = [];
    const original = session.downloadTemplate.bind(session);
    session.downloadTemplate = async (format, options) => {
      const out = await original(format, options);
      made.push({ blob: out.blob, ...(options?.locale ? { locale: options.locale } : {}) });
      return out;
    };
    button(el, 'Télécharger en CSV (.csv)').click();
    await waitFor(() => made.length === 1, 'the CSV template');
    expect(made[0]!.locale).to.equal('fr');
    const header = (await made[0]!.blob.text()).replace(/^\uFEFF/, '').split(/\r?\n/)[0]!;
    expect(header.split(';').length, header).to.equal(5);
  });

  it('locale wins over lang, and formats numbers and dates in it', async () => {
    const { el } = await toReady(undefined, 1200);
    el.lang = 'en';
    el.locale = 'fr-CA';
    await el.updateComplete;
    const summary = $(el, 'upload-summary');
    await (summary as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    const t = text(el);
    expect(t).to.contain('Vérifiez les enregistrements');
    expect(t).to.match(/1\u00a0200|1\u202f200|1 200/);
  });

  it('shows a failure in French words, with the technical detail only in the collapsed support details', async () => {
    const backend = new FakeBackend();
    backend.failNext.set('getPermissions', new UnavailableError('Service unavailable.', 'getPermissions', 503));
    const { el } = await mount(backend, (b) => html`<offline-upload-wizard lang="fr" .backend=${b}></offline-upload-wizard>`);
    await untilStatus(el, 'access-error');
    const alert = $(el, '.alert.error');
    const said = alert.querySelector('p')!.textContent!;
    expect(said).to.contain('le LMS n’a pas répondu à temps');
    expect(said).to.contain('Rien n’a été créé');
    // No English, no HTTP status, no operation name in what the admin reads.
    expect(said).not.to.match(/Service unavailable|503|getPermissions/);
    const details = alert.querySelector('details')!;
    expect(details.open).to.equal(false);
    expect(details.querySelector('summary')!.textContent).to.equal('Détails pour le support');
    expect(details.textContent).to.contain('503');
    expect(details.textContent).to.contain('Service unavailable.');
    expect(button(el, 'Réessayer')).to.exist;
  });

  it('lets a host override strings, plurals and issue messages', async () => {
    const messages = {
      chooseHeading: 'Pick a course',
      next: 'Continue',
      issuesTotal: { one: 'one problem', other: '{count} problems' },
      issues: { 'cell-choice-invalid': () => 'Use Attended or Completed.' },
      kinds: { 'cell-choice-invalid': 'Bad status' },
    };
    const { el } = await mount(undefined, (b) => html`<offline-upload-wizard .backend=${b} .messages=${messages}></offline-upload-wizard>`);
    await atStep(el, 'choose');
    expect($(el, '[data-step-heading]').textContent).to.equal('Pick a course');
    expect(button(el, /Continue/)).to.exist;
    await choose(el);
    el.goToStep('upload');
    await el.updateComplete;
    await drop(el, await badFile());
    await atStep(el, 'review');
    const t = text(el);
    expect(t).to.match(/\d problems/);
    expect(t).to.contain('Use Attended or Completed.');
    expect(t).to.contain('Bad status');
    expect($$(el, 'offline-upload-issues-table').length).to.equal(1);
  });
});
