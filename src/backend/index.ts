// The backend layer's public surface: the LmsBackend contract, its typed errors, the wire schemas and
// the REST client. The session and the UI import from here only.
export * from './types.js';
export * from './errors.js';
export * from './schemas.js';
export * from './checksum.js';
export * from './rest-backend.js';
export { MAX_RETRY_AFTER_S, parseRetryAfter } from './rest-failures.js';
export * from './contact.js';
