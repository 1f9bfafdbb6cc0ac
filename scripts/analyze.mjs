// `npm run analyze`: custom-elements.json from the elements' and events' JSDoc. The analyzer lists
// modules in the order its globs happen to resolve, which varies from run to run; sorting them by path
// keeps the manifest stable, so an unchanged codebase always gives an unchanged file.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

execFileSync(
  'npx',
  ['cem', 'analyze', '--litelement', '--globs', 'src/components/**/*.ts', 'src/events/**/*.ts', 'src/register.ts', '--exclude', 'src/**/*.test.ts'],
  { stdio: 'inherit' },
);
const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
manifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
writeFileSync('custom-elements.json', JSON.stringify(manifest, null, 2) + '\n');
