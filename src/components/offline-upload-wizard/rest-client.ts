// The REST client made for `api-base`, loaded on demand by session-controller.ts. A module of its own: the
// chunk made for it exports this function only, so loading it needs no namespace object (nor the bundler's
// runtime that builds one) on the first load, which importing rest-backend.ts itself did (a chunk shared
// with the package entry's REST exports).
import { RestBackend } from '../../backend/rest-backend.js';
import type { LmsBackend } from '../../backend/types.js';

/** @internal */
export function restBackend(baseUrl: string): LmsBackend {
  return new RestBackend({ baseUrl });
}
