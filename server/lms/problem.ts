// A refusal with its HTTP status, as the server turns it into application/problem+json (RFC 9457): the
// contract's LmsProblem (src/backend/problem.ts), the same one the demo LMS throws.
import { LmsProblem } from '../../src/backend/problem.js';

export { LmsProblem as ServerProblem, problemType } from '../../src/backend/problem.js';

export const notFound = (slug: string, title: string, detail: string) => new LmsProblem(404, slug, title, detail);
