// `npm run analyze`: custom-elements.json from the elements' and events' JSDoc, cut to what a host uses:
// - only the public tags (PUBLIC_TAGS) — the wizard's internal parts are implementation, not API;
// - no private or protected members, no `#private` or `_underscored` ones;
// - modules sorted by path: the analyzer lists them in the order its globs happen to resolve, which
//   varies from run to run; sorting keeps an unchanged codebase's manifest unchanged.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

/** The tags a host writes in its pages (registered by `offline-upload/register`). */
export const PUBLIC_TAGS = ['offline-upload-wizard', 'upload-summary'];

execFileSync(
  'npx',
  ['cem', 'analyze', '--litelement', '--globs', 'src/components/**/*.ts', 'src/events/**/*.ts', 'src/register.ts', '--exclude', 'src/**/*.test.ts'],
  { stdio: 'inherit' },
);
const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const hiddenClasses = new Set();
for (const mod of manifest.modules) {
  for (const d of mod.declarations ?? []) if (d.customElement && !PUBLIC_TAGS.includes(d.tagName)) hiddenClasses.add(d.name);
}
const isPublicMember = (m) => (m.privacy ?? 'public') === 'public' && !m.name.startsWith('#') && !m.name.startsWith('_');
for (const mod of manifest.modules) {
  mod.declarations = (mod.declarations ?? []).filter((d) => !hiddenClasses.has(d.name));
  for (const d of mod.declarations) {
    if (d.members) d.members = d.members.filter(isPublicMember);
  }
  mod.exports = (mod.exports ?? []).filter(
    (e) => !(e.kind === 'custom-element-definition' && !PUBLIC_TAGS.includes(e.name)) && !hiddenClasses.has(e.declaration?.name),
  );
}
manifest.modules = manifest.modules.filter((m) => m.declarations.length > 0 || m.exports.length > 0);
manifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
writeFileSync('custom-elements.json', JSON.stringify(manifest, null, 2) + '\n');
