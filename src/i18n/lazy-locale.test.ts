// Languages other than English arrive as chunks of their own: nothing French or Arabic is loaded until a
// `lang`/`locale` asks for it, and an element asked to speak it renders once its words are here.
// (A file of its own: each test file gets a fresh page, so nothing has loaded the chunks before.)
import { expect, fixture, html } from '@open-wc/testing';
import '../components/upload-summary/upload-summary.js';
import type { UploadSummaryElement } from '../components/upload-summary/upload-summary.component.js';
import type { UploadSummary } from '../core/summary.js';
import { Localizer, loadTranslation, translationFor, translationPending, useChooseWords, useLaterWords } from './localize.js';
import { laterWordsEn } from './later-words.js';
import { defineChooseStep } from '../components/offline-upload-wizard/choose-step.js';
import { uiChooseEn } from './ui-choose.en.js';
import { uiChooseLaterEn } from './ui-choose-later.en.js';
import { uiFirstEn } from './ui-first.en.js';
import { uiLaterEn } from './ui-later.en.js';

const summary: UploadSummary = {
  records: 12,
  rows: 12,
  distinctUsers: 12,
  dateRange: { from: '2026-01-01', to: '2026-03-14' },
  byStatus: {},
  byLabel: {},
  issues: 0,
  rowsWithIssues: 0,
  issuesByCode: {},
  issuesByColumn: {},
};

describe('lazy locales', () => {
  it('starts with English only: French and Arabic are pending until asked for', () => {
    expect(translationPending('fr')).to.equal('fr');
    expect(translationPending('ar-EG')).to.equal('ar');
    expect(translationPending('en')).to.equal(undefined);
    expect(translationPending('de')).to.equal(undefined);
    expect(translationFor('fr').ui).to.deep.equal(uiFirstEn);
  });

  it('starts with the first screens’ English words only: the later steps’ words come with them', () => {
    const before = new Localizer('en');
    expect(before.t('templateHeading')).to.equal(uiFirstEn.templateHeading);
    expect(before.t('dropHere')).to.equal('');
    expect(before.issue({ code: 'user-not-found', params: { value: 'x@example.com' }, message: 'core words' })).to.equal('core words');
    expect(new Localizer('de').t('dropHere')).to.equal('');
    useLaterWords(laterWordsEn);
    // In place: a Localizer made before the later steps loaded has their words too.
    expect(before.t('dropHere')).to.equal(uiLaterEn.dropHere);
    expect(before.issue({ code: 'user-not-found', params: { value: 'x@example.com' }, message: 'core words' })).to.contain('No user with this identifier');
    expect(Object.keys(translationFor('en').ui).sort()).to.deep.equal(Object.keys({ ...uiFirstEn, ...uiLaterEn }).sort());
  });

  it('loads a language by its region tag, once, then Localizers speak it', async () => {
    const first = loadTranslation('fr-CA');
    expect(loadTranslation('fr')).to.equal(first);
    await first;
    expect(translationPending('fr')).to.equal(undefined);
    expect(new Localizer('fr-CA').t('next')).to.equal('Suivant');
  });

  it('an element with lang="ar" renders its first frame in Arabic, right to left', async () => {
    expect(translationPending('ar')).to.equal('ar');
    const el = await fixture<UploadSummaryElement>(html`<upload-summary lang="ar" .summary=${summary}></upload-summary>`);
    const base = el.shadowRoot!.querySelector('[part~="base"]')!;
    expect(base.textContent).to.contain('جاهز').and.not.contain('ready');
    expect(getComputedStyle(base).direction).to.equal('rtl');
  });

  it('re-renders in the new language when the page’s lang changes', async () => {
    const el = await fixture<UploadSummaryElement>(html`<upload-summary .summary=${summary}></upload-summary>`);
    const base = () => el.shadowRoot!.querySelector('[part~="base"]')!.textContent ?? '';
    expect(base()).to.contain('ready');
    document.documentElement.lang = 'fr';
    try {
      await new Promise((resolve) => setTimeout(resolve, 0));
      await el.updateComplete;
      expect(base()).to.contain('prêt');
    } finally {
      document.documentElement.lang = '';
    }
  });

  it('the choose step’s English words come with its chunks, into Localizers already made', () => {
    const before = new Localizer('en');
    expect(before.t('categoryLabel')).to.equal('');
    expect(before.t('activityResults', { count: 2 })).to.equal('');
    defineChooseStep();
    expect(before.t('categoryLabel')).to.equal(uiChooseEn.categoryLabel);
    // What shows once the admin acts comes with the combobox's list and the step's parts.
    expect(before.t('activityResults', { count: 2 })).to.equal('');
    useChooseWords(uiChooseLaterEn);
    expect(before.t('activityResults', { count: 2 })).to.equal('2 activities found');
    expect(new Localizer('fr').t('categoryLabel')).to.equal('Catégorie');
  });
});
