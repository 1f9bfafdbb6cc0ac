// The consumer apps the smoke suite generates: what `npm create vite` gives (vanilla-ts, react-ts,
// vue-ts), cut to the files that matter, plus the few lines a host writes to use the package — the same
// lines the README shows. One shared install (WORKSPACE_PACKAGE) serves the three app folders.
import { DEMO } from '../../demo/mocks/data.js';

export type AppName = 'vanilla' | 'react' | 'vue';

export interface AppTemplate {
  readonly files: Readonly<Record<string, string>>;
  /** The framework's own checker, run in the app folder. */
  readonly typecheck: readonly string[];
  readonly badTypecheck?: readonly string[];
  /** A file with a wrong attribute type the checker must refuse, and what its message must say. */
  readonly bad: { readonly file: string; readonly text: string; readonly expect: RegExp };
  readonly badNote: string;
}

/** Versions as a host would pick them today; the lockfile-free install takes what the npm cache has. */
export const WORKSPACE_PACKAGE = (tarball: string) => ({
  name: 'offline-upload-consumers',
  private: true,
  type: 'module',
  dependencies: {
    'offline-upload': tarball,
    react: '^19.2.0',
    'react-dom': '^19.2.0',
    vue: '^3.5.0',
  },
  devDependencies: {
    '@types/react': '^19.2.0',
    '@types/react-dom': '^19.2.0',
    '@vitejs/plugin-react': '^6.0.0',
    '@vitejs/plugin-vue': '^6.0.0',
    typescript: '~6.0.3',
    vite: '~8.3.8',
    'vue-tsc': '^3.1.0',
  },
});

const TSCONFIG_BASE = {
  target: 'ES2022',
  lib: ['ES2022', 'DOM', 'DOM.Iterable'],
  module: 'ESNext',
  moduleResolution: 'bundler',
  skipLibCheck: true,
  strict: true,
  noEmit: true,
  isolatedModules: true,
  verbatimModuleSyntax: true,
  types: ['vite/client'],
};

const html = (script: string) => `<!doctype html>
<html lang="en">
  <head><meta charset="UTF-8" /><meta name="viewport" content="width=device-width, initial-scale=1.0" /><title>Consumer</title></head>
  <body><div id="app"></div><script type="module" src="${script}"></script></body>
</html>
`;

export const APPS: Record<AppName, AppTemplate> = {
  vanilla: {
    files: {
      'index.html': html('/src/main.ts'),
      // No innerHTML: the same build is served under a strict CSP with Trusted Types enforced.
      'src/main.ts': `import 'offline-upload/register';
import type { OfflineUploadWizardElement } from 'offline-upload/register';

const wizard: OfflineUploadWizardElement = document.createElement('offline-upload-wizard');
// \`?choose\`: no preset, so the first screen is the choose step (the consumer suite measures both first loads).
const preset: Record<string, string> = location.search.includes('choose')
  ? { 'api-base': '/api/lms' }
  : { 'api-base': '/api/lms', 'activity-id': '${DEMO.activities.classroom}', 'domain-id': '${DEMO.domains.employees}', identifier: 'email' };
for (const [name, value] of Object.entries(preset)) wizard.setAttribute(name, value);
wizard.maxRows = 500;
wizard.addEventListener('offline-upload-created', (event) => console.log('created', event.detail.result.created));
document.querySelector<HTMLDivElement>('#app')!.append(wizard);
`,
      'tsconfig.json': JSON.stringify({ compilerOptions: TSCONFIG_BASE, include: ['src'] }, null, 2),
      'vite.config.ts': `import { defineConfig } from 'vite';\nexport default defineConfig({});\n`,
    },
    typecheck: ['tsc', '--noEmit', '-p', 'tsconfig.json'],
    bad: {
      file: 'src/bad.ts',
      text: `import type { OfflineUploadWizardElement } from 'offline-upload/register';\nconst w = document.querySelector('offline-upload-wizard') satisfies OfflineUploadWizardElement | null;\nif (w) w.maxRows = { wrong: true };\n`,
      expect: /maxRows|not assignable to type 'number/,
    },
    badNote: 'maxRows = { wrong: true }',
  },
  react: {
    files: {
      'index.html': html('/src/main.tsx'),
      'src/main.tsx': `import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';

createRoot(document.getElementById('app')!).render(<StrictMode><App /></StrictMode>);
`,
      'src/App.tsx': `import 'offline-upload/register';
import type {} from 'offline-upload/jsx';
import type { CreatedEvent } from 'offline-upload/register';

export function App() {
  return (
    <offline-upload-wizard
      api-base="/api/lms"
      activity-id="${DEMO.activities.classroom}"
      domain-id="${DEMO.domains.employees}"
      identifier="email"
      max-rows={500}
      onoffline-upload-created={(event: CreatedEvent) => console.log('created', event.detail.result.created)}
    />
  );
}
`,
      'tsconfig.json': JSON.stringify({ files: [], references: [{ path: './tsconfig.app.json' }] }, null, 2),
      'tsconfig.app.json': JSON.stringify(
        { compilerOptions: { ...TSCONFIG_BASE, composite: true, jsx: 'react-jsx', allowImportingTsExtensions: true, tsBuildInfoFile: './node_modules/.tmp/app.tsbuildinfo', noEmit: true }, include: ['src'] },
        null,
        2,
      ),
      'vite.config.ts': `import { defineConfig } from 'vite';\nimport react from '@vitejs/plugin-react';\nexport default defineConfig({ plugins: [react()] });\n`,
    },
    typecheck: ['tsc', '-b'],
    bad: {
      file: 'src/Bad.tsx',
      text: `import type {} from 'offline-upload/jsx';\nexport const Bad = () => <offline-upload-wizard max-rows={{ wrong: true }} />;\n`,
      expect: /max-rows|not assignable/,
    },
    badNote: 'max-rows={{ wrong: true }}',
  },
  vue: {
    files: {
      'index.html': html('/src/main.ts'),
      'src/main.ts': `import { createApp } from 'vue';
import 'offline-upload/register';
import App from './App.vue';

createApp(App).mount('#app');
`,
      'src/App.vue': `<script setup lang="ts">
import type {} from 'offline-upload/vue';
import type { CreatedEvent } from 'offline-upload/register';

const onCreated = (event: CreatedEvent) => console.log('created', event.detail.result.created);
</script>

<template>
  <offline-upload-wizard
    api-base="/api/lms"
    activity-id="${DEMO.activities.classroom}"
    domain-id="${DEMO.domains.employees}"
    identifier="email"
    :max-rows="500"
    @offline-upload-created="onCreated"
  />
</template>
`,
      'src/env.d.ts': `/// <reference types="vite/client" />\n`,
      'tsconfig.json': JSON.stringify({ compilerOptions: { ...TSCONFIG_BASE, jsx: 'preserve' }, include: ['src/**/*.ts', 'src/**/*.vue'] }, null, 2),
      'vite.config.ts': `import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
// The package's tags are custom elements, not Vue components.
export default defineConfig({
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag === 'upload-summary' || tag.startsWith('offline-upload-') } } })],
});
`,
    },
    typecheck: ['vue-tsc', '--noEmit', '-p', 'tsconfig.json'],
    bad: {
      file: 'src/Bad.vue',
      text: `<script setup lang="ts">\nimport type {} from 'offline-upload/vue';\n</script>\n<template><offline-upload-wizard :max-rows="{ wrong: true }" /></template>\n`,
      expect: /maxRows|max-rows|not assignable/,
    },
    badNote: ':max-rows="{ wrong: true }"',
  },
};
