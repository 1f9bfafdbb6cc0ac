// The README's issue-code table is the documentation integrators code against: it must list exactly the
// codes of ISSUE_CODES, with the same scope and finder, and every code must have an English message.
import { expect } from '@open-wc/testing';
import { issueMessagesEn } from '../i18n/issues.en.js';
import { ISSUE_CODES, type IssueCode } from './issues.js';

async function readmeTable(): Promise<Map<string, { scope: string; source: string }>> {
  const text = await (await fetch('/README.md')).text();
  const section = text.slice(text.indexOf('## Issue codes'));
  const rows = new Map<string, { scope: string; source: string }>();
  for (const match of section.matchAll(/^\| `([a-z0-9-]+)` \| (\w+) \| (\w+) \|/gm)) {
    rows.set(match[1]!, { scope: match[2]!, source: match[3] === 'LMS' ? 'server' : match[3]! });
  }
  return rows;
}

describe('issue codes', () => {
  it('the README table lists every code with its scope and finder, and nothing else', async () => {
    const table = await readmeTable();
    const documented = Object.fromEntries(table);
    const expected = Object.fromEntries(Object.entries(ISSUE_CODES).map(([code, { scope, source }]) => [code, { scope, source }]));
    expect(documented).to.deep.equal(expected);
  });

  it('every code has an English message that mentions no unfilled placeholder', () => {
    for (const code of Object.keys(ISSUE_CODES) as IssueCode[]) {
      const message = issueMessagesEn[code]({ header: 'Score', min: 0, max: 100, choices: 'A, B', limit: 10, otherRow: 3 });
      expect(message, code).to.be.a('string').and.not.match(/undefined|\{\w+\}/);
      expect(message.length, code).to.be.greaterThan(20);
    }
  });
});
