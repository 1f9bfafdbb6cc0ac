// Column matching on its own: the admin's own headers, in English, French and Arabic, typos and extra
// words, extra columns, the template's own headers, remembered and chosen matches.
import { expect } from '@open-wc/testing';
import { assessmentSpec, classroomSpec, practicalSpec } from '../../../test/fixtures/specs.js';
import { compactKey, matchKey, similarity } from './normalise.js';
import { looksLikeHeader, matchColumns, nearestHeader } from './match.js';

const found = (match: ReturnType<typeof matchColumns>) => Object.fromEntries(match.columns.map((c) => [c.key, c.index === null ? null : `${c.found} (${c.how})`]));

describe('column matching: names', () => {
  it('normalises case, accents, punctuation, spaces, the star and Arabic letter variants', () => {
    expect(matchKey('  E-Mail  ADDRESS * ')).to.equal('e mail address');
    expect(compactKey('Date d’achèvement')).to.equal('datedachevement');
    expect(compactKey('البريد الإلكتروني')).to.equal(compactKey('البريد الالكتروني'));
    expect(similarity('email', 'emial')).to.be.greaterThan(0.75);
    expect(similarity('status', 'score')).to.be.lessThan(0.6);
  });
});

describe('column matching: matchColumns', () => {
  it('matches the template\'s own headers exactly and asks nothing', () => {
    const match = matchColumns(classroomSpec, 1, ['Email *', 'Completion date *', 'Status *', 'Trainer', 'Comments']);
    expect(match.columns.every((c) => c.how === 'template')).to.equal(true);
    expect(match.needsConfirmation).to.equal(false);
    expect(match.ignored).to.deep.equal([]);
  });

  it('matches an admin\'s own English headers by synonym, ignores an extra column, and asks to confirm', () => {
    const match = matchColumns(classroomSpec, 1, ['Learner name', 'E-mail address', 'Date completed', 'Attendance', 'Instructor']);
    expect(found(match)).to.deep.equal({
      identifier: 'E-mail address (synonym)',
      completionDate: 'Date completed (synonym)',
      status: 'Attendance (synonym)',
      trainer: 'Instructor (synonym)',
      comments: null,
    });
    expect(match.ignored).to.deep.equal([{ index: 0, header: 'Learner name' }]);
    expect(match.needsConfirmation).to.equal(true);
    expect(looksLikeHeader(match)).to.equal(true);
  });

  it('matches French and Arabic headers', () => {
    const fr = matchColumns(assessmentSpec, 1, ['Matricule', 'Date de l’évaluation', 'Note', 'Résultat', 'Date d’expiration']);
    expect(found(fr)).to.deep.equal({
      identifier: 'Matricule (synonym)',
      completionDate: 'Date de l’évaluation (synonym)',
      score: 'Note (synonym)',
      status: 'Résultat (synonym)',
      expiryDate: 'Date d’expiration (synonym)',
    });
    const ar = matchColumns(practicalSpec, 1, ['اسم المستخدم', 'تاريخ الإكمال', 'عدد الساعات', 'الحالة', 'المكان']);
    expect(ar.columns.map((c) => c.index)).to.deep.equal([0, 1, 2, 3, 4]);
  });

  it('matches typos and extra words by similarity, each file column to one template column', () => {
    const match = matchColumns(classroomSpec, 3, ['Emial', 'Completion date (DD/MM/YYYY)', 'Staus', 'Trainer', 'Trainer']);
    expect(found(match)).to.deep.include({
      identifier: 'Emial (similar)',
      completionDate: 'Completion date (DD/MM/YYYY) (similar)',
      status: 'Staus (similar)',
      trainer: 'Trainer (template)',
    });
    expect(match.duplicates).to.deep.equal([{ index: 4, header: 'Trainer', key: 'trainer' }]);
    expect(match.headerRow).to.equal(3);
  });

  it('takes the headers the admin confirmed before (remembered) and the admin\'s choices for this file', () => {
    const headers = ['Who', 'When', 'Outcome', 'Remarks'];
    const remembered = matchColumns(classroomSpec, 1, headers, { remembered: { identifier: 'who', completionDate: 'WHEN' } });
    expect(remembered.columns.slice(0, 2).map((c) => [c.found, c.how])).to.deep.equal([
      ['Who', 'remembered'],
      ['When', 'remembered'],
    ]);
    const chosen = matchColumns(classroomSpec, 1, headers, { chosen: { identifier: 0, completionDate: 1, status: 2, trainer: null, comments: 3 } });
    expect(chosen.columns.map((c) => [c.index, c.how])).to.deep.equal([
      [0, 'chosen'],
      [1, 'chosen'],
      [2, 'chosen'],
      [null, 'missing'],
      [3, 'chosen'],
    ]);
    expect(chosen.needsConfirmation).to.equal(false);
  });

  it('does not take a title row or a data row for the header', () => {
    expect(looksLikeHeader(matchColumns(classroomSpec, 1, ['Fire Safety Induction — March 2026 attendance']))).to.equal(false);
    expect(looksLikeHeader(matchColumns(classroomSpec, 2, ['jane.doe@example.com', '14/03/2026', 'Completed', 'Sam Lee']))).to.equal(false);
  });

  it('names the nearest template column for a header that is not quite one', () => {
    expect(nearestHeader(classroomSpec, ['Nom', 'e-mial adress'])).to.deep.include({ index: 1, found: 'e-mial adress', expected: 'Email' });
    expect(nearestHeader(classroomSpec, ['Region', 'Cost centre'])).to.equal(undefined);
  });
});
