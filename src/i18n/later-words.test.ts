// A headless caller's Localizer (loadLocalizer) has every English word, the later steps' too, though the
// built-in table starts with the first screens' words only. (A file of its own: a fresh page, nothing loaded.)
import { expect } from '@open-wc/testing';
import { loadLocalizer } from './load-words.js';
import { Localizer } from './localize.js';
import { uiLaterEn } from './ui-later.en.js';

describe('loadLocalizer', () => {
  it('loads the later steps’ English words that the first load leaves out', async () => {
    expect(new Localizer('en').t('createButton', { count: 2 })).to.equal('');
    const l = await loadLocalizer('en');
    expect(l.t('createButton', { count: 2 })).to.match(/\S/);
    expect(l.t('dropHere')).to.equal(uiLaterEn.dropHere);
    expect(l.issue({ code: 'user-not-found', params: {}, message: 'core words' })).to.contain('No user with this identifier');
  });
});
