// The first load carries the first screens' English words only (src/i18n/ui-first.en.ts); the choose
// step's words (ui-choose.en.ts) come with the choose step's chunk, the later steps' words with theirs.
// This fails when a module of the first screens (the shell, access, no access, template, <upload-summary>)
// names a key whose words are not in the first part, or the choose step one that is in neither the first
// nor the choose part: on that screen it would render blank until the later steps loaded. The one exception:
// the shell's words it shows only once the session's file part is here (ui-later.en.ts uiFileEn).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { uiChooseEn } from '../../src/i18n/ui-choose.en.js';
import { uiChooseLaterEn } from '../../src/i18n/ui-choose-later.en.js';
import { uiFailureEn } from '../../src/i18n/ui-failure.en.js';
import { uiNoAccessEn } from '../../src/i18n/ui-no-access.en.js';
import { uiTemplateEn } from '../../src/i18n/ui-template.en.js';
import { FAILURE_CODES } from '../../src/session/failures.js';
import { uiFirstEn } from '../../src/i18n/ui-first.en.js';
import { laterFailuresEn, uiFileEn, uiLaterEn } from '../../src/i18n/ui-later.en.js';
import { uiMessagesEn } from '../../src/i18n/ui.en.js';
import { wizardChunks } from '../../vite.config.js';

/** The folders vite.config.ts's wizardChunks() puts in the shell's and the choose step's chunks. */
const FIRST_SCREENS = ['offline-upload-wizard', 'shared', 'step-access', 'step-no-access', 'step-template', 'upload-summary'];
/** The choose step's chunk (choose-step.ts defines its elements): its words may also be in ui-choose.en.ts. */
const CHOOSE_SCREEN = ['step-choose', 'activity-combobox'];
const inFolders = (folders: readonly string[]) =>
  folders.flatMap((folder) =>
    readdirSync(join('src/components', folder))
      .filter((f) => f.endsWith('.ts') && !f.includes('.test.'))
      .map((f) => join('src/components', folder, f)),
  );

/**
 * The chunk vite.config.ts's wizardChunks() gives a module: 'wizard' is the shell's, on the first load
 * (null: a registration module, which stays in its entry). The lazily loaded chunks of these folders that
 * add the later words themselves before they show any ('steps-later', 'upload-summary-view', 'persistence')
 * may name later keys; every other module of these folders (the shell's, or the no-access panel's, which
 * adds its own words only) finds its words in the first part, the panel's also in ui-no-access.en.ts.
 */
const chunks = wizardChunks();
const chunkOf = (file: string) => chunks.name(resolve(file));
const WITH_LATER_WORDS = ['steps-later', 'upload-summary-view', 'persistence'];
const lazyDefines = /offline-upload-wizard\/(later-steps|choose-step)\.ts$/;
const onFirstLoad = (file: string) => !lazyDefines.test(file) && !WITH_LATER_WORDS.includes(chunkOf(file) ?? '');
const files = inFolders(FIRST_SCREENS).filter(onFirstLoad);
const lazyWithWords = inFolders(FIRST_SCREENS)
  .filter((f) => !onFirstLoad(f) && /useLaterWords\(laterWordsEn\)/.test(readFileSync(f, 'utf8')))
  .sort();
const chooseFiles = inFolders(CHOOSE_SCREEN);
/** The no-access panel's modules (its chunk, which no-access-step.ts defines): their words may be in ui-no-access.en.ts. */
const noAccessFiles = inFolders(['step-no-access']);
/** A failure's details (a chunk of its own, loaded with the first failure shown): its words may be in ui-failure.en.ts. */
const FAILURE_DETAILS = join('src/components/shared/failure-details.ts');
/** The template step's modules (its chunk, which template-step.ts defines): their words may be in ui-template.en.ts. */
const templateFiles = inFolders(['step-template']);

/**
 * Whether a module's code names a key of the table: as a string ('key', the way `l.t('key')` does) or a
 * property (`.kinds`), or for the nested kinds and labels, through Localizer.kind()/label().
 */
function names(text: string, key: string): boolean {
  if (new RegExp(`['"\`.]${key}\\b`).test(text)) return true;
  return (key === 'kinds' && /\.kind\(/.test(text)) || (key === 'labels' && /\.label\(/.test(text));
}

describe('first-screen words', () => {
  it('every key a first-screen module names has its English words on the first load', () => {
    // Save the shell's words shown only once the session's file part (which adds them) is here: next test.
    const withFile = Object.keys(uiFileEn);
    const notFirst = [...Object.keys(uiLaterEn).filter((key) => !withFile.includes(key)), ...Object.keys(uiChooseEn)];
    const found: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      // The no-access panel's and the template step's own words come with their chunks: only their modules
      // may name them.
      const keys = [
        ...notFirst,
        ...(noAccessFiles.includes(file) ? [] : Object.keys(uiNoAccessEn)),
        ...(templateFiles.includes(file) ? [] : Object.keys(uiTemplateEn)),
        ...(file === FAILURE_DETAILS ? [] : Object.keys(uiFailureEn)),
      ];
      for (const key of keys) if (names(text, key)) found.push(`${file}: ${key}`);
    }
    assert.deepEqual(found, [], 'move these keys to src/i18n/ui-first.en.ts');
    // The chunk that defines the no-access panel adds its words before it renders.
    assert.match(readFileSync('src/components/offline-upload-wizard/no-access-step.ts', 'utf8'), /useScreenWords\(uiNoAccessEn\)/);
    // Likewise the template step's, and a failure's support details (their chunk, loaded with the first failure).
    assert.match(readFileSync('src/components/offline-upload-wizard/template-step.ts', 'utf8'), /useScreenWords\(uiTemplateEn\)/);
    assert.match(readFileSync(FAILURE_DETAILS, 'utf8'), /useScreenWords\(uiFailureEn\)/);
  });

  it('every key the choose step names has its English words on the first load or in its chunk', () => {
    const later = Object.keys(uiLaterEn);
    const found: string[] = [];
    for (const file of chooseFiles) {
      const text = readFileSync(file, 'utf8');
      for (const key of later) if (names(text, key)) found.push(`${file}: ${key}`);
    }
    assert.deepEqual(found, [], 'move these keys from src/i18n/ui-later.en.ts to src/i18n/ui-choose.en.ts');
    assert.ok(chooseFiles.length >= 2, `only ${chooseFiles.length} choose-step files found`);
    // The chunk that defines the choose step's elements adds their first words before they render.
    assert.match(readFileSync('src/components/offline-upload-wizard/choose-step.ts', 'utf8'), /useChooseWords\(uiChooseFirstEn\)/);
  });

  it('the choose step’s words shown after the admin acts come with the chunks that show them', () => {
    // In the choose step's chunk, no module names them; each module of a later chunk that does adds them.
    const later = Object.keys(uiChooseLaterEn);
    const onChooseLoad: string[] = [];
    const withoutWords: string[] = [];
    for (const file of chooseFiles) {
      const text = readFileSync(file, 'utf8');
      const named = later.filter((key) => names(text, key));
      if (named.length === 0) continue;
      if (chunkOf(file) === 'step-choose') onChooseLoad.push(`${file}: ${named.join(', ')}`);
      else if (!/useChooseWords\(uiChooseLaterEn\)/.test(text)) withoutWords.push(file);
    }
    assert.deepEqual(onChooseLoad, [], 'move these keys from src/i18n/ui-choose-later.en.ts to ui-choose-first.en.ts');
    assert.deepEqual(withoutWords, [], 'these modules must add the words they show: useChooseWords(uiChooseLaterEn)');
    assert.deepEqual(chooseFiles.filter((f) => /useChooseWords\(uiChooseLaterEn\)/.test(readFileSync(f, 'utf8'))).sort(), [
      'src/components/activity-combobox/combobox-list.ts',
      'src/components/step-choose/choose-parts.ts',
    ]);
  });

  it('the shell’s words for a file come with the session’s file part, and the shell names each', () => {
    const later = Object.keys(uiLaterEn);
    for (const key of Object.keys(uiFileEn)) {
      assert.ok(later.includes(key), `${key}: in uiFileEn but not in uiLaterEn`);
      assert.ok(
        files.some((file) => names(readFileSync(file, 'utf8'), key)),
        `${key}: no first-screen module names it, so it is a later step's word: move it out of uiFileEn`,
      );
    }
    // The file part adds every later word as it loads, before the session can hold a file.
    assert.match(readFileSync('src/session/later/file-work.ts', 'utf8'), /useLaterWords\(laterWordsEn\)/);
  });

  it('words on the first load every failure a first-screen module or the session’s first part may report', () => {
    const later = Object.keys(laterFailuresEn);
    const first = Object.keys(uiFirstEn.failures);
    assert.deepEqual([...first, ...later].sort(), [...FAILURE_CODES].sort(), 'every failure code worded once, in the first or the later part');
    // The session's modules outside later/ (the file part, which adds the later failures' words as it loads).
    const session = readdirSync('src/session')
      .filter((f) => f.endsWith('.ts') && !f.includes('.test.') && f !== 'failures.ts')
      .map((f) => join('src/session', f));
    const found: string[] = [];
    for (const file of [...files, ...session]) {
      const text = readFileSync(file, 'utf8');
      for (const code of later) if (text.includes(`'${code}'`) || text.includes(`"${code}"`)) found.push(`${file}: ${code}`);
    }
    assert.deepEqual(found, [], 'move these failures from src/i18n/ui-later.en.ts to ui-first.en.ts');
    assert.match(readFileSync('src/session/later/file-work.ts', 'utf8'), /useLaterWords\(laterWordsEn\)/);
  });

  it('splits the English table in six parts that together are every key, each once', () => {
    const parts = [Object.keys(uiFirstEn), Object.keys(uiNoAccessEn), Object.keys(uiTemplateEn), Object.keys(uiFailureEn), Object.keys(uiChooseEn), Object.keys(uiLaterEn)];
    const all = parts.flat();
    assert.deepEqual(all.filter((k, i) => all.indexOf(k) !== i), []);
    assert.deepEqual([...all].sort(), Object.keys(uiMessagesEn).sort());
    assert.ok(files.length > 20, `only ${files.length} first-screen files found`);
    // Each lazily loaded chunk of these folders adds the later words as it loads.
    assert.deepEqual(lazyWithWords, [
      'src/components/offline-upload-wizard/later-steps.ts',
      'src/components/offline-upload-wizard/persistence-controller.ts',
      'src/components/upload-summary/upload-summary.view.ts',
    ]);
    assert.ok(noAccessFiles.some((f) => files.includes(f) && f.endsWith('step-no-access.component.ts')), 'the no-access panel is checked');
    assert.ok(templateFiles.some((f) => files.includes(f) && f.endsWith('template-columns.ts')), 'the template step is checked');
    assert.ok(files.includes(FAILURE_DETAILS), 'the failure details are checked');
  });
});
