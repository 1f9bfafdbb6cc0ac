// The words of the downloaded files (template, issues report) are not on the first load: they arrive with
// the first download (loadFileWords, which the session's downloads and loadLocalizer call). Until then the
// screens still write date patterns, and asking for the files' words says what to call.
// (A file of its own: each test file gets a fresh page, so nothing has loaded them before. The tests run
// in order: each one starts from what the one before loaded.)
import { expect } from '@open-wc/testing';
import { until } from '../../test/session/helpers.js';
import { FakeBackend } from '../../test/session/fake-backend.js';
import { classroomSpec } from '../../test/fixtures/specs.js';
import { UploadSession } from '../session/upload-session.js';
import { templateTextsAr } from './files.ar.js';
import { templateTextsEn } from './files.en.js';
import { templateTextsFr } from './files.fr.js';
import { loadFileWords } from './load-words.js';
import { Localizer, loadTranslation } from './localize.js';
import { uiFirstAr } from './ui-first.ar.js';
import { uiFirstEn } from './ui-first.en.js';
import { uiFirstFr } from './ui-first.fr.js';

describe('the downloaded files’ words', () => {
  it('are not loaded with the first screens; the screens’ date patterns are', async () => {
    const en = new Localizer('en');
    expect(() => en.templateTexts).to.throw(/loadFileWords\('en'\)/);
    expect(() => en.reportTexts).to.throw(/not loaded yet/);
    expect(en.datePattern('MDY')).to.equal('MM/DD/YYYY');
    await loadTranslation('fr');
    const fr = new Localizer('fr-FR');
    expect(fr.datePattern('DMY')).to.equal('JJ/MM/AAAA');
    expect(() => fr.templateTexts).to.throw(/not loaded yet/);
  });

  it('load with a download: the session’s template in the wizard’s language (Arabic)', async () => {
    const session = new UploadSession(new FakeBackend());
    void session.start({ activityId: classroomSpec.activity.id, domainId: classroomSpec.domain.id, identifierKind: classroomSpec.identifierKind.key });
    await until(session, (state) => state.spec.status === 'ready');
    await loadTranslation('ar');
    const ar = new Localizer('ar');
    expect(() => ar.templateTexts).to.throw(/not loaded yet/);
    const { fileName } = await session.downloadTemplate('csv', { localizer: ar });
    expect(fileName).to.contain(templateTextsAr.fileSuffix.trim());
    expect(ar.templateTexts.rtl).to.equal(true);
    // English's too, under every language's.
    expect(new Localizer('en').templateTexts.sheets.records).to.equal('Records');
  });

  it('load for a language, and Localizers made before have them too', async () => {
    const fr = new Localizer('fr-FR');
    expect(() => fr.templateTexts).to.throw(/not loaded yet/);
    await loadFileWords('fr-FR');
    expect(fr.templateTexts.sheets.records).to.equal('Enregistrements');
    expect(fr.reportTexts.headers[0]).to.equal('Ligne');
    // A language we do not ship has English's.
    expect(new Localizer('de').templateTexts.sheets.records).to.equal('Records');
  });

  it('a host’s override of the template’s date patterns is the screens’ pattern too', () => {
    const l = new Localizer('en', { template: { datePatterns: { DMY: 'TT.MM.JJJJ', MDY: 'MM.TT.JJJJ', YMD: 'JJJJ.MM.TT' } } });
    expect(l.datePattern('DMY')).to.equal('TT.MM.JJJJ');
  });

  it('the screens and the files write dates with the same patterns in every language', () => {
    for (const [ui, files] of [[uiFirstEn, templateTextsEn], [uiFirstFr, templateTextsFr], [uiFirstAr, templateTextsAr]] as const) {
      expect({ DMY: ui.datePatternDMY, MDY: ui.datePatternMDY, YMD: ui.datePatternYMD }).to.deep.equal({ ...files.datePatterns });
    }
  });
});
