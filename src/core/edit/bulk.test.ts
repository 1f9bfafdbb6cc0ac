import { expect } from '@open-wc/testing';
import { classroomSpec } from '../../../test/fixtures/specs.js';
import { applyFix, bulkEdits } from './bulk.js';
import { validateForEditing } from './table.js';

describe('column-wide fixes', () => {
  it('trims every kind of pasted space and collapses inner runs', () => {
    expect(applyFix('\u00A0 ana@example.com\u3000 ', { kind: 'trim' })).to.equal('ana@example.com');
    expect(applyFix('Sam \u00A0  Lee', { kind: 'trim' })).to.equal('Sam Lee');
  });

  it('changes letter case in the admin\'s locale (Turkish dotted i too)', () => {
    expect(applyFix('ANA@Example.COM', { kind: 'case', to: 'lower' })).to.equal('ana@example.com');
    expect(applyFix('jean-pierre o\'neil', { kind: 'case', to: 'title' })).to.equal('Jean-Pierre O\'Neil');
    expect(applyFix('istanbul', { kind: 'case', to: 'upper' }, 'tr')).to.equal('İSTANBUL');
  });

  it('finds and replaces literally (no pattern characters, no $ substitutions), in part or whole cell', () => {
    expect(applyFix('a.b.c', { kind: 'replace', find: '.', replace: '$&' })).to.equal('a$&b$&c');
    expect(applyFix('Completed', { kind: 'replace', find: 'completed', replace: 'Attended', wholeCell: true })).to.equal('Attended');
    expect(applyFix('Completed', { kind: 'replace', find: 'completed', replace: 'Attended', wholeCell: true, matchCase: true })).to.equal('Completed');
    expect(applyFix('x@exmaple.com', { kind: 'replace', find: '@EXMAPLE.', replace: '@example.' })).to.equal('x@example.com');
    expect(applyFix('abc', { kind: 'replace', find: '', replace: 'z' })).to.equal('abc');
  });

  it('gives edits only for cells it changes, and fixes a typo\'d domain in one step', async () => {
    const csv = ['Email,Completion date,Status', 'a@exmaple.com,14/03/2026,Completed', 'b@example.com,14/03/2026,Completed', 'c@exmaple.com,14/03/2026,Completed'].join('\r\n');
    const { upload } = await validateForEditing(new TextEncoder().encode(csv), classroomSpec, { today: '2026-11-28' });
    const texts = new Map([2, 3, 4].map((row) => [row, upload!.text(row, 'identifier')]));
    const edits = bulkEdits('identifier', texts, { kind: 'replace', find: '@exmaple.com', replace: '@example.com' });
    expect(edits).to.deep.equal([
      { row: 2, columnKey: 'identifier', value: 'a@example.com' },
      { row: 4, columnKey: 'identifier', value: 'c@example.com' },
    ]);
    upload!.apply(edits);
    expect(upload!.validate(classroomSpec, { today: '2026-11-28' }).records.map((r) => r.values.identifier)).to.deep.equal(['a@example.com', 'b@example.com', 'c@example.com']);
    upload!.undo();
    expect(upload!.text(4, 'identifier')).to.equal('c@exmaple.com');
  });

  it('sets one value for the selected rows only', () => {
    const edits = bulkEdits('status', new Map([[5, 'Maybe'], [9, 'Attended']]), { kind: 'set', value: 'Attended' });
    expect(edits).to.deep.equal([{ row: 5, columnKey: 'status', value: 'Attended' }]);
  });
});
