// The CDN bundle's entry (dist/cdn/offline-upload.js, vite.config.ts --mode cdn): defines the tags as
// src/register.ts does and exports the public elements' classes, events and localisation — not the internal
// parts (ActivityComboboxElement, DropZoneElement, IssuesTableElement). With no host bundler to leave out what
// a page does not use, their classes and the later steps' words (about 14 kB gzip) would load on every page
// before the admin does anything. dist/cdn/offline-upload-all.js (src/register.ts) exports them too.
import './components/offline-upload-wizard/offline-upload-wizard.js';
import './components/upload-summary/upload-summary.js';

export * from './components/elements.js';
