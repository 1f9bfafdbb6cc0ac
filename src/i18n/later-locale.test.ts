// French and Arabic arrive in two chunks each, like English's two parts: the first screens' words when a
// page asks for the language, the later steps' words and issue messages once the later steps are in use.
// (A file of its own: a fresh page, nothing loaded.)
import { expect } from '@open-wc/testing';
import { laterWordsEn } from './later-words.js';
import { Localizer, loadTranslation, translationFor, translationPending, useLaterWords } from './localize.js';
import { uiFirstFr } from './ui-first.fr.js';
import { uiLaterFr } from './ui-later.fr.js';

describe('a language’s later words', () => {
  it('load with the later steps, not with the first screens', async () => {
    await loadTranslation('fr-CA');
    const first = new Localizer('fr');
    expect(first.t('templateHeading')).to.equal(uiFirstFr.templateHeading);
    expect(translationFor('fr').ui).to.not.have.property('dropHere');
    expect(translationPending('fr')).to.equal(undefined);

    useLaterWords(laterWordsEn);
    // Wanted now: an element in French waits for them (LocaleController asks translationPending).
    expect(translationPending('fr-CA')).to.equal('fr');
    // Until they come, English stands in rather than a blank.
    expect(new Localizer('fr').t('dropHere')).to.equal(laterWordsEn.ui.dropHere);
    await loadTranslation('fr');
    expect(translationPending('fr')).to.equal(undefined);
    const all = new Localizer('fr');
    expect(all.t('dropHere')).to.equal(uiLaterFr.dropHere);
    expect(all.t('templateHeading')).to.equal(uiFirstFr.templateHeading);
    const issue = all.issue({ code: 'user-not-found', params: {}, message: 'core words' });
    expect(issue).to.not.equal('core words');
    expect(issue).to.not.contain('No user');
  });

  it('come with the first part when the later steps are already in use', async () => {
    expect(translationPending('ar')).to.equal('ar');
    await loadTranslation('ar');
    expect(translationPending('ar')).to.equal(undefined);
    const words = new Localizer('ar').t('dropHere');
    expect(words).to.not.equal(laterWordsEn.ui.dropHere);
    expect(words).to.match(/\S/);
  });
});
