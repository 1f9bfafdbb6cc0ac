// The first load carries the first screens' English words only (src/i18n/ui-first.en.ts); the later
// steps' words come with their chunk. This fails when a module of the first screens (the shell, access,
// no access, choose, template, <upload-summary>) names a key whose words are not in the first part: on the
// first screen it would render blank until the later steps loaded.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { uiFirstEn } from '../../src/i18n/ui-first.en.js';
import { uiLaterEn } from '../../src/i18n/ui-later.en.js';
import { uiMessagesEn } from '../../src/i18n/ui.en.js';

/** The folders vite.config.ts's wizardChunks() puts in the shell's and the choose step's chunks. */
const FIRST_SCREENS = ['offline-upload-wizard', 'shared', 'step-access', 'step-no-access', 'step-choose', 'activity-combobox', 'step-template', 'upload-summary'];
const files = [
  ...FIRST_SCREENS.flatMap((folder) =>
    readdirSync(join('src/components', folder))
      .filter((f) => f.endsWith('.ts') && !f.includes('.test.') && f !== 'later-steps.ts')
      .map((f) => join('src/components', folder, f)),
  ),
  // The create confirmation (in the shell) words its plan with it.
  'src/components/records-preview/records-ready.ts',
];

describe('first-screen words', () => {
  it('every key a first-screen module names has its English words on the first load', () => {
    const later = Object.keys(uiLaterEn);
    const found: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const key of later) if (new RegExp(`\\b${key}\\b`).test(text)) found.push(`${file}: ${key}`);
    }
    assert.deepEqual(found, [], 'move these keys from src/i18n/ui-later.en.ts to src/i18n/ui-first.en.ts');
  });

  it('splits the English table in two parts that together are every key, each once', () => {
    const first = Object.keys(uiFirstEn);
    const later = Object.keys(uiLaterEn);
    assert.deepEqual(first.filter((k) => later.includes(k)), []);
    assert.deepEqual([...first, ...later].sort(), Object.keys(uiMessagesEn).sort());
    assert.ok(files.length > 20, `only ${files.length} first-screen files found`);
  });
});
