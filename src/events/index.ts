// The public events of the elements: names, detail types and event classes.
export * from './prefix.js';
export * from './step-change.js';
export * from './validated.js';
export * from './before-create.js';
export * from './created.js';
export * from './failed.js';
export * from './edited.js';
export * from './restored.js';
