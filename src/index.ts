// Package entry: the headless core, the backend contract and clients.
export * from './core/index.js';
export * from './backend/types.js';
export * from './backend/errors.js';
