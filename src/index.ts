// Package entry: the headless core, the backend contract and its REST client, the headless session.
// The elements register from their own modules (see src/register.ts) so importing this has no side effects.
export * from './core/index.js';
export * from './backend/index.js';
export * from './session/index.js';
// Words: core returns codes and params; these tables and the Localizer turn them into the admin's language
// (English built in, French and Arabic loaded on demand).
export * from './i18n/index.js';
