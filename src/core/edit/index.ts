export * from './table.js';
export * from './bulk.js';
