// Languages other than English arrive as chunks of their own: nothing French or Arabic is loaded until a
// `lang`/`locale` asks for it, and an element asked to speak it renders once its words are here.
// (A file of its own: each test file gets a fresh page, so nothing has loaded the chunks before.)
import { expect, fixture, html } from '@open-wc/testing';
import '../components/upload-summary/upload-summary.js';
import type { UploadSummaryElement } from '../components/upload-summary/upload-summary.component.js';
import type { UploadSummary } from '../core/summary.js';
import { Localizer, loadTranslation, translationFor, translationPending } from './localize.js';
import { uiMessagesEn } from './ui.en.js';

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
    expect(translationFor('fr').ui).to.equal(uiMessagesEn);
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
});
