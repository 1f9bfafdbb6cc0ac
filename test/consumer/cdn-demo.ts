// `npm run demo:cdn`: demo/cdn.html with the CDN build (dist/cdn/, from `npm run build`) served from a
// second origin, as a CDN would, and the demo LMS beside the page. Ctrl+C stops it.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serveCdnDemo } from './serve.js';

const cdnDir = resolve(import.meta.dirname, '../../dist/cdn');
if (!existsSync(join(cdnDir, 'offline-upload.js'))) {
  console.error('dist/cdn/offline-upload.js is missing: run `npm run build` first');
  process.exit(1);
}
const demo = await serveCdnDemo(cdnDir, mkdtempSync(join(tmpdir(), 'offline-upload-cdn-demo-')));
console.log(`page ${demo.page.origin}/  (dist/cdn/ from ${demo.cdn.origin})`);
