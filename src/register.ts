// Registration entry: defines <offline-upload-wizard> (with its internal parts) and <upload-summary>.
// `import 'offline-upload/register'` (or this module) once, then use the tags in plain HTML.
import './components/offline-upload-wizard/offline-upload-wizard.js';
import './components/upload-summary/upload-summary.js';

export * from './components/index.js';
