// What the template step says about each column and rule, in English and French: every sentence comes
// from the message table (French punctuation included), never glued together here.
import { expect } from '@open-wc/testing';
import { Localizer, loadTranslation, useScreenWords } from '../../i18n/localize.js';
import { uiTemplateEn } from '../../i18n/ui-template.en.js';
import { assessmentSpec, classroomSpec } from '../../../test/fixtures/specs.js';
import { describeColumn, describeRules } from './template-columns.js';

const formats = (l: Localizer, spec = assessmentSpec, order?: 'DMY' | 'MDY') => spec.columns.map((c) => describeColumn(l, spec, c, order).format);

describe('template columns', () => {
  // French is a chunk of its own, loaded on demand; a Localizer made by hand needs it loaded first. The
  // English words of the template step come with its chunk (template-step.ts adds them as it defines it).
  before(() => {
    useScreenWords(uiTemplateEn);
    return loadTranslation('fr');
  });

  it('describes each column in English, with bounds, choices and the identifier’s pattern', () => {
    expect(formats(new Localizer('en'))).to.deep.equal([
      'The learner’s Employee number: E followed by 6 digits',
      'A date, as DD/MM/YYYY or an Excel date',
      'A number, from 0 to 100',
      'One of: Passed, Failed',
      'A date, as DD/MM/YYYY or an Excel date',
    ]);
    expect(formats(new Localizer('en'), classroomSpec, 'MDY')).to.deep.equal([
      'The learner’s Email',
      'A date, as MM/DD/YYYY or an Excel date',
      'One of: Attended, Completed',
      'Text, up to 100 characters',
      'Text, up to 500 characters',
    ]);
  });

  it('describes them in French with French typography (a no-break space before a colon)', () => {
    const [identifier, , score] = formats(new Localizer('fr'));
    expect(identifier).to.equal('Employee number de l’apprenant\u00a0: E followed by 6 digits');
    expect(score).to.equal('Un nombre, de 0 à 100');
  });

  it('keeps the LMS’s help and the example as notes, and words the activity’s rules', () => {
    const l = new Localizer('en');
    const score = describeColumn(l, assessmentSpec, assessmentSpec.columns[2]!);
    expect(score).to.deep.include({ header: 'Score', required: true, notes: ['Percentage, 0–100. Pass mark 70.', 'e.g. 82.5'] });
    expect(describeRules(l, assessmentSpec)).to.deep.equal(['Dates from Jun 1, 2025 to Dec 31, 2027.', 'Dates in the future are refused.', 'Pass mark: 70.']);
  });
});
