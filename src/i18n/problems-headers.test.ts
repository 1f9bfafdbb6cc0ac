import { expect } from '@open-wc/testing';
import { PROBLEMS_HEADERS } from './problems-headers.js';
import { uiMessagesAr } from './ui.ar.js';
import { uiMessagesEn } from './ui.en.js';
import { uiMessagesFr } from './ui.fr.js';

describe('PROBLEMS_HEADERS', () => {
  it('holds the Problems header of every shipped language, so a marked file comes back clean in any of them', () => {
    expect([...PROBLEMS_HEADERS].sort()).to.deep.equal([uiMessagesEn.gridProblems, uiMessagesFr.gridProblems, uiMessagesAr.gridProblems].sort());
  });
});
