// The message tables and the Localizer: French and Arabic are complete (a check that catches a missing key),
// plurals and Intl formats follow the locale, host overrides win, issue messages are re-rendered from code + params.
import { FAILURE_CODES, NOTICE_CODES } from '../session/failures.js';
import { expect } from '@open-wc/testing';
import { ISSUE_CODES, type IssueCode } from '../core/issues.js';
import { errorReportTextsEn, templateTextsEn } from './files.en.js';
import { errorReportTextsAr, templateTextsAr } from './files.ar.js';
import { issueMessagesEn } from './issues.en.js';
import { issueMessagesAr } from './issues.ar.js';
import { laterWordsEn } from './later-words.js';
import { Localizer, availableLanguages, canonicalLocale, loadTranslation, registerTranslation, textDirection, translationFor, useChooseWords, useLaterWords, useScreenWords } from './localize.js';
import { uiChooseEn } from './ui-choose.en.js';
import { uiNoAccessEn } from './ui-no-access.en.js';
import { uiTemplateEn } from './ui-template.en.js';
import { uiFailureEn } from './ui-failure.en.js';
import { loadFileWords } from './load-words.js';
import { uiMessagesAr } from './ui.ar.js';
import { uiMessagesEn } from './ui.en.js';
import { uiMessagesFr } from './ui.fr.js';

// Every English word, as when the choose, template and later steps, the no-access panel and a failure's details have loaded
// (lazy-locale.test.ts covers the first load).
useLaterWords(laterWordsEn);
useChooseWords(uiChooseEn);
useScreenWords(uiNoAccessEn);
useScreenWords(uiTemplateEn);
useScreenWords(uiFailureEn);
const codes = Object.keys(ISSUE_CODES) as IssueCode[];
const english = { ui: uiMessagesEn, issues: issueMessagesEn, template: templateTextsEn, report: errorReportTextsEn };

/**
 * Every path of `reference` that `table` lacks or gives another type, and every plural message that lacks
 * one of the locale's plural forms for counts up to 1000 (Arabic has six). Functions count as leaves.
 */
function missingKeys(reference: unknown, table: unknown, locale: string, path = ''): string[] {
  if (typeof reference !== 'object' || reference === null || Array.isArray(reference)) {
    if (Array.isArray(reference)) return Array.isArray(table) && table.length === reference.length ? [] : [path];
    return typeof table === typeof reference ? [] : [path];
  }
  if (typeof table !== 'object' || table === null) return [path];
  const ref = reference as Record<string, unknown>;
  const own = table as Record<string, unknown>;
  if ('other' in ref && typeof ref['other'] === 'string') {
    // The forms the locale uses for the counts we show (French's `many` is for millions: `other` serves).
    const rules = new Intl.PluralRules(locale);
    const categories = new Set(Array.from({ length: 1001 }, (_, n) => rules.select(n)));
    return [...categories].filter((c) => typeof own[c] !== 'string').map((c) => `${path}.${c}`);
  }
  return Object.keys(ref).flatMap((key) => missingKeys(ref[key], own[key], locale, path ? `${path}.${key}` : key));
}

/** String messages identical to English (not translated), except the language-neutral ones. */
function untranslated(en: Record<string, unknown>, table: Record<string, unknown>, path = ''): string[] {
  return Object.keys(en).flatMap((key) => {
    const a = en[key];
    const b = table[key];
    const at = path ? `${path}.${key}` : key;
    // Language-neutral messages (only placeholders and punctuation) may stay as they are.
    if (typeof a === 'string') return a === b && /\p{L}/u.test(a.replace(/\{\w+\}/g, '')) ? [at] : [];
    if (typeof a === 'object' && a !== null && !Array.isArray(a)) return untranslated(a as Record<string, unknown>, (b ?? {}) as Record<string, unknown>, at);
    return [];
  });
}

describe('i18n tables: every locale has every key', () => {
  // Every word a language ships: its tables and its files' words (the template's, the report's).
  before(() => Promise.all([loadFileWords('fr'), loadFileWords('ar')]));

  it('ships English, French and Arabic', () => {
    expect(availableLanguages()).to.include.members(['en', 'fr', 'ar']);
  });

  for (const locale of ['fr', 'ar']) {
    it(`${locale}: every UI key, kind, label, failure, issue code, template and report word`, () => {
      const table = translationFor(locale);
      expect(table.ui, locale).not.to.equal(uiMessagesEn);
      expect(missingKeys(english, table, locale)).to.deep.equal([]);
      for (const code of codes) expect(table.issues[code], code).to.be.a('function');
      expect(untranslated(uiMessagesEn as unknown as Record<string, unknown>, table.ui as unknown as Record<string, unknown>)).to.deep.equal([]);
    });

    it(`${locale}: a message for every issue code, with its parameters used and none left in English`, () => {
      const params = { header: 'Score', order: 'DMY', today: '2026-03-01', start: '2025-01-01', end: '2027-12-31', min: 0, max: 100,
        choices: 'Passed, Failed', length: 600, otherRow: 7, limit: '50 Mo', size: '80 Mo', kind: 'employeeId', label: 'Matricule',
        hint: 'E + 6', example: 'E004217', domain: 'Employés', date: '2026-02-01', detail: 'verrouillé', error: '#N/A',
        found: 'A', expected: 'B', headers: 'Email, Date' };
      const table = translationFor(locale).issues;
      for (const code of codes) {
        const text = table[code](params);
        expect(text, code).to.be.a('string').with.length.above(20);
        expect(text, code).not.to.equal(issueMessagesEn[code](params));
        expect(text, code).not.to.contain('undefined');
      }
    });
  }

  it('the check catches a missing key, a missing plural form and a missing template word', () => {
    const { wizardLabel: _w, ...ui } = uiMessagesAr;
    const broken = {
      ui: { ...ui, issuesTotal: { one: 'مشكلة واحدة', other: '{count} مشكلة' }, kinds: { ...uiMessagesAr.kinds, 'user-inactive': undefined } },
      issues: issueMessagesAr,
      template: { ...templateTextsAr, validation: { ...templateTextsAr.validation, choice: undefined } },
      report: errorReportTextsAr,
    };
    expect(missingKeys(english, broken, 'ar')).to.have.members([
      'ui.wizardLabel',
      'ui.issuesTotal.zero',
      'ui.issuesTotal.two',
      'ui.issuesTotal.few',
      'ui.issuesTotal.many',
      'ui.kinds.user-inactive',
      'template.validation.choice',
    ]);
    expect(untranslated({ next: 'Next', nested: { back: 'Back' } }, { next: 'Suivant', nested: { back: 'Back' } })).to.deep.equal(['nested.back']);
  });

  it('French and Arabic write date placeholders in their own letters', () => {
    expect(new Localizer('en').datePattern('DMY')).to.equal('DD/MM/YYYY');
    expect(new Localizer('fr').datePattern('DMY')).to.equal('JJ/MM/AAAA');
    expect(new Localizer('ar').datePattern('DMY')).to.equal('يي/شش/سسسس');
    const issue = { code: 'cell-date-invalid' as const, params: { order: 'MDY' }, message: 'cell-date-invalid' };
    expect(new Localizer('en').issue(issue)).to.contain('as MM/DD/YYYY');
    expect(new Localizer('fr').issue(issue)).to.contain('au format MM/JJ/AAAA');
    expect(new Localizer('ar').issue(issue)).to.contain('بالصيغة شش/يي/سسسس');
  });

  it('Arabic: right to left, plural forms by Intl, digits as Intl writes them', () => {
    const ar = new Localizer('ar');
    expect(ar.dir).to.equal('rtl');
    expect(ar.t('issuesTotal', { count: 1 })).to.equal('مشكلة واحدة');
    expect(ar.t('issuesTotal', { count: 2 })).to.equal('مشكلتان');
    expect(ar.t('issuesTotal', { count: 5 })).to.equal(`${new Intl.NumberFormat('ar').format(5)} مشكلات`);
    expect(ar.t('issuesTotal', { count: 11 })).to.equal(`${new Intl.NumberFormat('ar').format(11)} مشكلة`);
    expect(ar.t('pageInfo', { from: 1, to: 50, total: 10000 })).to.equal(
      `${new Intl.NumberFormat('ar').format(1)}–${new Intl.NumberFormat('ar').format(50)} من ${new Intl.NumberFormat('ar').format(10000)}`,
    );
    // Text params keep their own direction inside Arabic: an ISO date is not read backwards.
    expect(ar.t('formatExample', { example: '2026-05-20' })).to.equal('مثال: \u20682026-05-20\u2069');
    expect(new Localizer('en').t('formatExample', { example: '2026-05-20' })).to.equal('e.g. 2026-05-20');
    expect(ar.templateTexts.rtl).to.equal(true);
    expect(ar.reportTexts.headers[0]).to.equal('الصف');
  });
});

describe('Localizer', () => {
  before(() => Promise.all([loadTranslation('fr'), loadTranslation('ar')]));
  it('fills parameters and formats numbers in the locale', () => {
    expect(new Localizer('en').t('pageInfo', { from: 1, to: 50, total: 10000 })).to.equal('1–50 of 10,000');
    expect(new Localizer('fr').t('pageInfo', { from: 1, to: 50, total: 10000 })).to.equal('1–50 sur 10\u202f000');
  });

  it('chooses plural forms with Intl.PluralRules', () => {
    const en = new Localizer('en');
    expect(en.t('issuesTotal', { count: 1 })).to.equal('1 issue');
    expect(en.t('issuesTotal', { count: 2 })).to.equal('2 issues');
    const fr = new Localizer('fr');
    // French: 0 and 1 are singular.
    expect(fr.t('issuesTotal', { count: 0 })).to.equal('0 problème');
    expect(fr.t('issuesTotal', { count: 1 })).to.equal('1 problème');
    expect(fr.t('issuesTotal', { count: 2 })).to.equal('2 problèmes');
  });

  it('formats YYYY-MM-DD dates in UTC, so no zone shifts the day', () => {
    expect(new Localizer('en-US').date('2026-01-01')).to.equal('Jan 1, 2026');
    expect(new Localizer('fr').date('2026-12-31')).to.equal('31 déc. 2026');
    expect(new Localizer('en').date('not a date')).to.equal('not a date');
  });

  it('formats sizes and percentages', () => {
    expect(new Localizer('en').bytes(50 * 1024 * 1024)).to.equal('50 MB');
    expect(new Localizer('en').bytes(1536)).to.equal('1.5 kB');
    expect(new Localizer('fr').bytes(1536)).to.match(/^1,5[\u00a0\u202f]ko$/);
    expect(new Localizer('en').percent(0.426)).to.equal('43%');
    expect(new Localizer('en').percent(3)).to.equal('100%');
  });

  it('re-renders issue messages from code and params, in the locale, with dates localised', () => {
    const issue = { code: 'cell-date-future' as const, params: { today: '2026-03-01' }, message: 'This date is in the future (today is 2026-03-01)…' };
    expect(new Localizer('fr').issue(issue)).to.contain('nous sommes le 1 mars 2026');
    expect(new Localizer('en').issue(issue)).to.contain('today is Mar 1, 2026');
  });

  it('re-renders sizes in the locale’s units from the bytes an issue carries', () => {
    const MiB = 1024 * 1024;
    const issue = { code: 'file-too-large' as const, params: { sizeBytes: 80 * MiB, limitBytes: 50 * MiB }, message: 'x' };
    expect(new Localizer('fr').issue(issue)).to.match(/pèse 80[\u00a0\u202f]Mo.*limite est de 50[\u00a0\u202f]Mo/);
    const small = { code: 'file-too-large' as const, params: { sizeBytes: 3072, limitBytes: 2048 }, message: 'x' };
    expect(new Localizer('en').issue(small)).to.contain('This file is 3 kB; the limit is 2 kB.');
  });

  it('lets a host override messages, plurals, kinds, labels, failures and issue messages', () => {
    const l = new Localizer('en', {
      next: 'Continue',
      issuesTotal: { one: 'one problem', other: '{count} problems' },
      kinds: { 'user-not-found': 'No such person' },
      labels: { create: 'To create' },
      failures: { 'commit-unavailable': 'The LMS is napping.' },
      issues: { 'user-not-found': () => 'Nobody by that name.' },
    });
    expect(l.t('next')).to.equal('Continue');
    expect(l.t('issuesTotal', { count: 1 })).to.equal('one problem');
    expect(l.t('issuesTotal', { count: 3 })).to.equal('3 problems');
    expect(l.kind('user-not-found')).to.equal('No such person');
    expect(l.label('create')).to.equal('To create');
    expect(l.failure({ code: 'commit-unavailable', params: {} })).to.equal('The LMS is napping.');
    expect(l.issue({ code: 'user-not-found', message: 'x' })).to.equal('Nobody by that name.');
  });

  it('still honours a host override written with the names used before the identifierKind rename', () => {
    const l = new Localizer('en', { identifierLabel: 'Learner key', identifierNone: 'Pick a population first.', templateFor: 'For {activity}, by {identifier}' });
    expect(l.t('identifierKindLabel')).to.equal('Learner key');
    expect(l.t('identifierKindNone')).to.equal('Pick a population first.');
    expect(l.t('identifierKindHint')).to.equal(new Localizer('en').t('identifierKindHint'));
    expect(l.t('templateFor', { activity: 'Fire safety', domain: 'Acme', identifierKind: 'E-mail' })).to.equal('For Fire safety, by E-mail');
    const both = new Localizer('en', { identifierLabel: 'Old', identifierKindLabel: 'New' });
    expect(both.t('identifierKindLabel')).to.equal('New');
  });

  it('words a failure from its code and params in the locale, never from a sentence the session made', () => {
    const rejected = { code: 'commit-rejected' as const, params: { count: 2 } };
    expect(new Localizer('en').failure(rejected)).to.equal(
      'The LMS refused 2 rows at the final check, so nothing was created. Fix the rows shown and upload the file again.',
    );
    expect(new Localizer('en').failure({ ...rejected, params: { count: 1 } })).to.contain('refused 1 row at');
    const fr = new Localizer('fr').failure({ code: 'commit-unavailable', params: {} });
    expect(fr).to.contain('Le LMS n’a pas confirmé');
    expect(fr).to.contain('deux fois');
  });

  it('has words for every failure and notice code in every built-in language', () => {
    for (const locale of ['en', 'fr', 'ar']) {
      const l = new Localizer(locale);
      for (const code of FAILURE_CODES) expect(l.failure({ code }), `${locale} ${code}`).to.match(/\p{L}{3}/u).and.not.equal(code);
      for (const code of NOTICE_CODES) expect(l.notice({ code, params: {} }), `${locale} ${code}`).to.match(/\p{L}{3}/u).and.not.equal(code);
    }
  });

  it('falls back from region to language to English, and from malformed tags to English', () => {
    expect(translationFor('fr-CA').ui).to.deep.equal(uiMessagesFr);
    expect(translationFor('de').ui).to.deep.equal(uiMessagesEn);
    expect(canonicalLocale('not a locale!')).to.equal('en');
    expect(canonicalLocale('FR-ca')).to.equal('fr-CA');
    expect(new Localizer('??').t('next')).to.equal('Next');
  });

  it('accepts a registered language and knows right-to-left scripts', () => {
    registerTranslation('de', { ui: { ...uiMessagesEn, next: 'Weiter' }, issues: issueMessagesEn });
    expect(new Localizer('de-AT').t('next')).to.equal('Weiter');
    expect(textDirection('ar-EG')).to.equal('rtl');
    expect(textDirection('he')).to.equal('rtl');
    expect(textDirection('fr')).to.equal('ltr');
  });
});
