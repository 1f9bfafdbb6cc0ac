// The backend layer's public surface: the LmsBackend contract, its typed errors, the wire schemas and
// the REST client. The session and the UI import from here only.
export * from './types.js';
export * from './errors.js';
export * from './schemas.js';
export * from './checksum.js';
export { MAX_CHUNK_SIZE, RESPONSE_BYTES_PER_RECORD, RESPONSE_LIMITS, REST_ROUTES, RestBackend } from './rest-backend.js';
export type { BackendOperation, CallSpec, HeadersOption, RestBackendOptions, RestRoute, RetryOptions } from './rest-backend.js';
export type { RestTransport } from './rest-transport.js';
export { MAX_RETRY_AFTER_S, parseRetryAfter } from './rest-failures.js';
export * from './contact.js';
