// The headless API: everything a host needs to make templates and check files without any UI.
export * from './cells.js';
export * from './issues.js';
export * from './records.js';
export * from './spec.js';
export * from './summary.js';
export * from './read/types.js';
