import { expect } from '@open-wc/testing';
import { FILE_STEM_MAX, safeFileName, safeFileStem } from './file-name.js';

describe('safe file names', () => {
  it('keeps a plain activity name and adds the suffix and extension', () => {
    expect(safeFileName('Fire Safety Induction', ' - offline records template', 'xlsx')).to.equal('Fire Safety Induction - offline records template.xlsx');
  });

  it('replaces characters Windows refuses and path separators, and collapses spaces', () => {
    expect(safeFileStem('HSE: <Fire>  "Safety" / Part 1\\2 | A?*')).to.equal('HSE Fire Safety Part 1 2 A');
  });

  it('removes control characters and right-to-left overrides that could disguise the extension', () => {
    expect(safeFileStem('Report\u202Excod.exe')).to.equal('Report xcod.exe');
    expect(safeFileStem('a\u0000b\u0007c\u200Bd')).to.equal('a b c d');
  });

  it('drops leading and trailing dots and spaces', () => {
    expect(safeFileStem('  ..hidden name.. ')).to.equal('hidden name');
  });

  it('guards names Windows reserves for devices', () => {
    expect(safeFileStem('CON')).to.equal('CON_');
    expect(safeFileStem('com1')).to.equal('com1_');
    expect(safeFileStem('lpt9.txt')).to.equal('lpt9_.txt');
    expect(safeFileStem('Console')).to.equal('Console');
  });

  it('guards a device name before the first dot, where a suffix would not help', () => {
    expect(safeFileName('Aux. power', ' - offline records template', 'xlsx')).to.equal('Aux_. power - offline records template.xlsx');
    expect(safeFileName('NUL.1', '', 'csv')).to.equal('NUL_.1.csv');
  });

  it('limits the length without leaving a trailing space or dot', () => {
    const stem = safeFileStem(`${'a'.repeat(FILE_STEM_MAX - 1)} . more words`);
    expect(stem.length).to.be.at.most(FILE_STEM_MAX);
    expect(stem).to.equal('a'.repeat(FILE_STEM_MAX - 1));
  });

  it('does not cut a character in half', () => {
    const stem = safeFileStem('😀'.repeat(100));
    expect([...stem].length).to.equal(FILE_STEM_MAX);
    expect(stem).to.equal('😀'.repeat(FILE_STEM_MAX));
  });

  it('falls back when nothing is left', () => {
    expect(safeFileStem('///...')).to.equal('activity');
    expect(safeFileName('???', ' - issues', 'csv', 'records')).to.equal('records - issues.csv');
  });
});
