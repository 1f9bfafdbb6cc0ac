// docs/failures.md lists every failure code with the words an English-speaking admin reads: this fails
// when a code is added without a row, a row names a code that no longer exists, or the words drift.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { uiMessagesEn } from '../../src/i18n/ui.en.js';
import { FAILURE_CODES } from '../../src/session/failures.js';

const doc = readFileSync('docs/failures.md', 'utf8');
const rows = new Map(
  [...doc.matchAll(/^\| `([a-z-]+)` \| (.+?) \| (.+?) \| (.+?) \|$/gm)].map((m) => [m[1]!, { words: m[2]!, retry: m[3]!, host: m[4]! }]),
);

describe('docs/failures.md', () => {
  it('has one row for every FailureCode, and none for a code that does not exist', () => {
    assert.deepEqual([...rows.keys()].sort(), [...FAILURE_CODES].sort());
  });

  it('quotes the English words of each code as the admin reads them, and says whether Try again is offered', () => {
    for (const code of FAILURE_CODES) {
      const message = uiMessagesEn.failures[code];
      const words = typeof message === 'string' ? message : message.other;
      const row = rows.get(code)!;
      assert.equal(row.words, words, `docs/failures.md: the words of ${code} differ from src/i18n/ui-first.en.ts / ui-later.en.ts`);
      assert.match(row.retry, /^(yes|no)\b/, code);
      assert.ok(row.host.length > 8, `docs/failures.md: say what a host can do about ${code}`);
    }
  });

  it('is linked from the README', () => {
    assert.match(readFileSync('README.md', 'utf8'), /\]\(docs\/failures\.md\)/);
  });
});
