// The headless API: everything a host needs to make templates and check files without any UI.
export * from './cells.js';
export * from './issues.js';
export * from './records.js';
export * from './spec.js';
export * from './summary.js';
export * from './read/types.js';
export * from './read/index.js';
export * from './dates.js';
export * from './safe-cell.js';
export * from './template/index.js';
export * from './validate/index.js';
export * from './match/index.js';
export { validateSpreadsheet, type ValidateOptions } from './pipeline.js';
export * from './error-report.js';
export * from './annotate.js';
export * from './edit/index.js';
