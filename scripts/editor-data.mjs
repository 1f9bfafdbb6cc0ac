// Editor support generated from custom-elements.json at build time (`npm run build`), shipped in dist/:
//   dist/vscode.html-custom-data.json  VS Code's HTML custom data (tags, attributes and their values,
//                                      events, slots, parts in the hover): `"html.customData":
//                                      ["./node_modules/offline-upload/dist/vscode.html-custom-data.json"]`
//   dist/vscode.css-custom-data.json   VS Code's CSS custom data (the `--offline-upload-*` properties, parts)
//   dist/web-types.json                JetBrains IDEs (WebStorm…), found through package.json `web-types`
// Both come from the manifest by the wc-toolkit generators, so they never drift from the elements.
import { readFileSync } from 'node:fs';
import { generateJetBrainsWebTypes } from 'custom-element-jet-brains-integration';
import { generateVsCodeCustomElementData } from 'custom-element-vs-code-integration';

const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
/** Each tag's reference section of the README (GitHub's heading anchors). */
const ANCHORS = { 'offline-upload-wizard': 'reference--offline-upload-wizard', 'upload-summary': 'upload-summary' };
const repo = pkg.homepage.replace(/#.*$/, '');
const docs = (name, tag) => [{ name: 'Reference', url: `${repo}#${ANCHORS[tag] ?? ''}` }];

generateVsCodeCustomElementData(manifest, {
  outdir: 'dist',
  htmlFileName: 'vscode.html-custom-data.json',
  cssFileName: 'vscode.css-custom-data.json',
  referencesTemplate: docs,
  // `DateOrder` spelled out ('DMY' | 'MDY' | 'YMD', scripts/analyze.mjs): editors offer the values.
  typesSrc: 'expandedType',
  hideLogs: true,
});
generateJetBrainsWebTypes(manifest, {
  outdir: 'dist',
  webTypesFileName: 'web-types.json',
  packageJson: false,
  referenceTemplate: (name, tag) => docs(name, tag)[0],
  typesSrc: 'expandedType',
  hideLogs: true,
});
console.log('editor data → dist/{vscode.html-custom-data,vscode.css-custom-data,web-types}.json');
