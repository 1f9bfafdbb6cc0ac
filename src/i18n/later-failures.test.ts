// The failures only the session's file part reports are worded with that part, not on the first load:
// the part adds their English words as it loads, before it can report one.
// (A file of its own: each test file gets a fresh page, so nothing has loaded the file part before.)
import { expect } from '@open-wc/testing';
import { FakeBackend } from '../../test/session/fake-backend.js';
import { UploadSession } from '../session/upload-session.js';
import { laterFailuresEn } from './ui-later.en.js';
import { Localizer, loadTranslation } from './localize.js';
import { uiFirstEn } from './ui-first.en.js';

describe('the file part’s failures', () => {
  it('are worded once the session’s file part loads, in Localizers already made', async () => {
    const l = new Localizer('en');
    // Not reportable yet (nothing could report it): the general failure's words, and a warning.
    expect(l.failure({ code: 'dry-run-refused' })).to.equal(uiFirstEn.failures.unexpected);
    expect(l.failure({ code: 'spec-failed' })).to.equal(uiFirstEn.failures['spec-failed']);
    const session = new UploadSession(new FakeBackend());
    await session.prepareFile();
    expect(l.failure({ code: 'dry-run-refused' })).to.equal(laterFailuresEn['dry-run-refused']);
    expect(l.failure({ code: 'commit-rejected', params: { count: 3 } })).to.contain('refused 3 rows');
    session.dispose();
  });

  it('French has every failure in its first part', async () => {
    await loadTranslation('fr');
    expect(new Localizer('fr').failure({ code: 'dry-run-refused' })).to.contain('Rien n’a été créé');
  });
});
