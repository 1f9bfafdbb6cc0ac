// One lint config for src, test, demo, bench and scripts (flat config).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { configs as litConfigs } from 'eslint-plugin-lit';
import { configs as wcConfigs } from 'eslint-plugin-wc';

/** An import of one of `folders` (a path segment of a relative or absolute import), as a regex source. */
const into = (...folders) => `(^|/)(${folders.join('|')})(/|$)`;
const LIT = '^(lit|@lit|@lit-labs)(/|$)';
const outsideSrc = { regex: into('server', 'demo', 'conformance'), message: 'src/ never imports server/, demo/ or the conformance kit: they are not part of the library.' };

/** no-restricted-imports per layer folder (product code; tests are exempt below). */
function layerRules() {
  // typescript-eslint's version of the rule: a pattern may allow `import type` (i18n words the session's codes).
  const rule = (files, patterns, extra = {}) => ({
    files,
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': 'off', '@typescript-eslint/no-restricted-imports': ['error', { patterns: [...patterns, outsideSrc] }], ...extra },
  });
  const noDom = ['document', 'window', 'localStorage', 'sessionStorage', 'fetch', 'XMLHttpRequest', 'customElements'].map((name) => ({
    name,
    message: `core/ runs in Node and in a worker: no ${name} (the layers above own the page and the network).`,
  }));
  const core = 'core/ is the bottom layer (no DOM, no words): it returns codes and params; pass words in from above (src/i18n).';
  return [
    rule(['src/**/*.ts'], []),
    rule(['src/core/**/*.ts'], [
      { regex: into('backend', 'session', 'components', 'i18n', 'worker', 'events'), message: core },
      { regex: LIT, message: core },
    ], { 'no-restricted-globals': ['error', ...noDom] }),
    rule(['src/backend/**/*.ts'], [
      { regex: into('session', 'components', 'i18n', 'worker', 'events'), message: 'backend/ imports only core/: the UI and the session see LmsBackend, never the other way round.' },
      { regex: LIT, message: 'backend/ has no UI.' },
    ]),
    rule(['src/i18n/**/*.ts'], [
      { regex: into('backend', 'components', 'worker', 'events'), message: 'i18n/ turns codes into words: it imports core\'s types (and the session\'s codes, as types) and nothing else of ours.' },
      { regex: into('session'), allowTypeImports: true, message: 'i18n/ may name the session\'s failure and notice codes (import type), never run session code.' },
      { regex: LIT, message: 'i18n/ has no UI.' },
    ]),
    rule(['src/session/**/*.ts', 'src/worker/**/*.ts'], [
      { regex: into('components'), message: 'session/ and worker/ are headless: components render them, never the other way round.' },
      { regex: LIT, message: 'session/ and worker/ are headless (no Lit).' },
    ]),
  ];
}

export default tseslint.config(
  { ignores: ['dist/**', 'dist-demo/**', 'node_modules/**', 'public/**', 'custom-elements.json', 'bench/.data/**', 'test-results/**', '.scratch/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  litConfigs['flat/recommended'],
  wcConfigs['flat/recommended'],
  {
    languageOptions: {
      globals: {
        window: 'readonly', document: 'readonly', navigator: 'readonly', console: 'readonly', process: 'readonly',
        self: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', URL: 'readonly', Blob: 'readonly',
        File: 'readonly', fetch: 'readonly', AbortController: 'readonly', DOMException: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  // The layers of docs/architecture.md, enforced: arrows only point down. Tests may reach across (they
  // check words against i18n's tables, build fixtures), product code may not.
  ...layerRules(),
  {
    files: ['**/*.test.ts', 'test/**/*.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
