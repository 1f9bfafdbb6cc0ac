// The README's reference tables are generated from custom-elements.json (scripts/docs-tables.mjs,
// `npm run docs`): this fails when they drift — a JSDoc change not carried to the README, or a hand edit.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { renderReadme } from '../../scripts/docs-tables.mjs';

const readme = readFileSync('README.md', 'utf8');
const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8')) as { modules: { declarations?: Record<string, unknown>[] }[] };

describe('README reference tables (generated from custom-elements.json)', () => {
  it('has the tables of both elements, as the manifest says them', () => {
    assert.match(readme, /<!-- docs-tables:offline-upload-wizard:start -->/);
    assert.match(readme, /<!-- docs-tables:upload-summary:start -->/);
    assert.equal(renderReadme(readme, manifest), readme, 'README tables differ from custom-elements.json: run `npm run analyze && npm run docs`');
  });

  it('notices a drift: an attribute documented differently, a part added', () => {
    const changed = structuredClone(manifest);
    const wizard = changed.modules.flatMap((m) => m.declarations ?? []).find((d) => d['tagName'] === 'offline-upload-wizard')!;
    (wizard['cssParts'] as { name: string; description: string }[]).push({ name: 'new-part', description: 'A part the README does not list.' });
    assert.notEqual(renderReadme(readme, changed), readme);
    assert.match(renderReadme(readme, changed), /\| `new-part` \| A part the README does not list\. \|/);
  });

  it('refuses a marker for an element the manifest does not declare', () => {
    assert.throws(() => renderReadme('<!-- docs-tables:no-such-element:start -->\n<!-- docs-tables:no-such-element:end -->', manifest), /no-such-element/);
  });
});
