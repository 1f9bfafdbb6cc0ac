// What RestBackend does with an answer that is not a plain success — a refusal (4xx, 5xx) made into a
// typed BackendError with the LMS's problem document, and a redirect followed only within the page's
// origin — loaded the first time the LMS answers one (or with the first write): the first screens'
// happy path never carries it. rest-transport.ts passes what it needs (the endpoint's name, the write
// half's words, how to say the session ended); this module imports nothing of it at run time.
import { number, object, optional, string, withDefault } from './answers.js';
import { ContractError, NoAccessError, NotFoundError, RejectedError, SessionEndedError, TooLargeError, UnavailableError, type BackendError } from './errors.js';
import type { BackendOperation } from './rest-backend.js';
import type { Problem } from './schemas.js';

/** A `Retry-After` longer than this (seconds) is taken as this: one hour. */
export const MAX_RETRY_AFTER_S = 3600;

/** Same-origin redirects a read follows before giving up. */
const MAX_REDIRECTS = 5;

const NO_SERVICE = 'The LMS has no offline-upload service at this address. Check the widget\'s API address.';

const NOT_FOUND: { readonly [K in BackendOperation]: string } = {
  getCapabilities: 'The LMS declares no capabilities at this address.',
  getPermissions: NO_SERVICE,
  listCategories: NO_SERVICE,
  searchActivities: NO_SERVICE,
  listDomains: NO_SERVICE,
  getActivity: 'This activity no longer exists in the LMS, or it is not an offline activity. Choose another activity.',
  getTemplateSpec: 'There is no template for this choice: the activity, domain or identifier no longer exists in the LMS. Choose again.',
  stageUpload: 'The activity or domain no longer exists in the LMS. Choose again; nothing was created.',
  dryRunChunk: 'The LMS no longer holds this upload (it expired or was discarded). Upload the file again; nothing was created.',
  commitUpload: 'The LMS no longer holds this upload (it expired, or the activity was removed). Nothing was created; upload the file again.',
  discardUpload: 'The upload is already gone.',
};

/** What to do when the LMS finds a read too large (the writes' words: rest-writes.ts TOO_LARGE_WRITE). */
const TOO_LARGE_READ = 'This page and the LMS disagree on the contract; contact your LMS support.';

/** Retry-After as seconds, at most MAX_RETRY_AFTER_S (RFC 9110: delay-seconds or an HTTP date); garbage → undefined. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Math.min(MAX_RETRY_AFTER_S, Number(text));
  // An HTTP date starts with a day name (IMF-fixdate, RFC 850 or asctime); Date.parse alone takes nearly anything.
  if (!/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,? /i.test(text) || text.length > 64) return undefined;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.min(MAX_RETRY_AFTER_S, Math.max(0, Math.ceil((at - now) / 1000)));
}

function tryAgain(retryAfter: number | undefined): string {
  if (retryAfter === undefined || retryAfter <= 1) return 'Try again in a moment.';
  if (retryAfter < 90) return `Try again in ${retryAfter} seconds.`;
  if (retryAfter >= MAX_RETRY_AFTER_S) return 'Try again in an hour.';
  const minutes = Math.ceil(retryAfter / 60);
  return `Try again in ${minutes} minutes.`;
}

/**
 * A problem document's fields the client reads from a refusal without issues: what ProblemSchema accepts
 * when `issues` is absent (`type` defaulting to about:blank; extension members are not read), else undefined.
 * Checked as the first screens' answers are (answers.ts), without zod.
 */
export function plainProblem(json: unknown): { type: string; title: string; status: number; detail?: string; instance?: string } | undefined {
  try {
    return object({
      type: withDefault(string(), () => 'about:blank'),
      title: string(),
      status: number({ int: true, min: 400, max: 599 }),
      detail: optional(string()),
      instance: optional(string()),
    })(json, []) as { type: string; title: string; status: number; detail?: string; instance?: string };
  } catch {
    return undefined;
  }
}

/**
 * A refusal's problem document (RFC 9457), or undefined when the answer is not one. One that carries
 * issues is read with the zod schemas (loaded then); the rest without.
 */
async function problemOf(text: string): Promise<Problem | undefined> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof json !== 'object' || json === null || (json as { issues?: unknown }).issues === undefined) return plainProblem(json);
  return (await import('./wire-read.js')).problemOf(json);
}

/** What a refusal's error says about the call. */
export interface RefusedCall {
  readonly operation: BackendOperation;
  /** `GET /activities`, as messages name an endpoint. */
  readonly endpoint: string;
  /** What to do when the LMS found this write too large (rest-writes.ts TOO_LARGE_WRITE), when it is one. */
  readonly tooLargeWrite?: string | undefined;
  /** Shortens a text for a message. */
  readonly snippet: (text: string) => string;
}

/** The typed error of an answer that is not ok (`text`: its body as read, maybe cut short). */
export async function refusal(call: RefusedCall, response: Response, text: string): Promise<BackendError> {
  const { operation, endpoint, snippet } = call;
  const status = response.status;
  const problem = await problemOf(text);
  const detail = problem?.detail;
  const retryAfter = parseRetryAfter(response.headers.get('Retry-After'));
  if (status === 401) {
    return new SessionEndedError(detail ?? 'You are not signed in to the LMS, or your session has ended. Sign in again, then reload this page.', operation, status);
  }
  if (status === 403) {
    return new NoAccessError(detail ?? 'Your LMS account is not allowed to upload offline activity records. Ask your LMS administrator for this permission.', operation, status);
  }
  if (status === 404) return new NotFoundError(detail ?? NOT_FOUND[operation], operation, status);
  if (status === 413) {
    return new TooLargeError(`The LMS refused ${endpoint} as too large${detail ? ` (${detail})` : ''}. ${call.tooLargeWrite ?? TOO_LARGE_READ}`, operation, status);
  }
  if (status === 409 || status === 422) {
    if (!problem) {
      return new ContractError(
        `${endpoint} answered ${status} without a problem document (application/problem+json) saying what was refused: "${snippet(text)}"`,
        operation,
        status,
      );
    }
    const issues = problem.issues ?? [];
    const rows = new Set(issues.map((i) => i.row)).size;
    const message =
      detail ??
      (issues.length > 0
        ? `The LMS refused ${rows} ${rows === 1 ? 'row' : 'rows'} of this upload. Nothing was created.`
        : `The LMS refused this request (${problem.title}). Nothing was created.`);
    return new RejectedError(message, operation, status, issues);
  }
  if (status === 429) {
    return new UnavailableError(`The LMS is busy right now. ${tryAgain(retryAfter)}`, operation, status, retryAfter, { code: 'busy' });
  }
  if (status >= 500) {
    const reason = problem?.title ?? response.statusText;
    return new UnavailableError(
      `The LMS could not answer ${endpoint} (HTTP ${status}${reason ? ` ${snippet(reason)}` : ''}). ${tryAgain(retryAfter)}`,
      operation,
      status,
      retryAfter,
    );
  }
  return new ContractError(
    `The LMS refused ${endpoint} as malformed (HTTP ${status}${detail ? `: ${detail}` : ''}). This page and the LMS disagree on the contract; contact your LMS support.`,
    operation,
    status,
  );
}

/** What following a redirect needs of the call. */
export interface RedirectedCall {
  readonly operation: BackendOperation;
  readonly endpoint: string;
  /** A read (GET): it may follow same-origin redirects; a write follows none. */
  readonly read: boolean;
  readonly fetch: typeof fetch;
  readonly init: RequestInit;
  readonly statuses: ReadonlySet<number>;
  readonly sessionEnded: (how: string) => SessionEndedError;
}

/**
 * Follows the redirect `response` (to `url`) answered, within the rules of RestBackend's #fetch: writes
 * follow none; reads follow same-origin ones only, by hand where the runtime shows the target (Node),
 * else — in a browser, which hides it — by asking again in fetch's `same-origin` mode, which fails before
 * sending anything to another origin. A redirect elsewhere is the LMS sending the admin to sign in.
 */
export async function followRedirects(call: RedirectedCall, url: URL, first: Response): Promise<{ response: Response; redirected: boolean }> {
  const { operation, endpoint, read, init, sessionEnded } = call;
  let current = url;
  let response = first;
  for (let hop = 0; ; hop++) {
    if (hop > 0) response = await call.fetch.call(globalThis, current.href, init);
    if (response.type === 'opaqueredirect') {
      if (!read) throw sessionEnded('the LMS redirected it, most likely to a sign-in page');
      const page = pageOrigin();
      if (page === undefined || current.origin !== page) throw sessionEnded('the LMS redirected it to another address');
      let followed: Response;
      try {
        followed = await call.fetch.call(globalThis, current.href, { ...init, mode: 'same-origin', redirect: 'follow' });
      } catch (error) {
        if (init.signal?.aborted) throw error;
        throw sessionEnded('the LMS redirected it to another site, most likely a sign-in page');
      }
      return { response: followed, redirected: true };
    }
    if (!call.statuses.has(response.status)) return { response, redirected: hop > 0 };
    await response.body?.cancel().catch(() => undefined);
    const location = response.headers.get('Location');
    let target: URL | undefined;
    try {
      target = location ? new URL(location, current) : undefined;
    } catch {
      target = undefined;
    }
    if (target && target.origin !== current.origin) {
      throw sessionEnded(`the LMS redirected it to ${target.origin}, most likely a sign-in page`);
    }
    if (!read || !target || hop >= MAX_REDIRECTS) {
      const why = !read ? 'a request that changes data is never redirected' : !target ? 'the redirect names no valid address' : `more than ${MAX_REDIRECTS} redirects`;
      throw new ContractError(
        `${endpoint} was redirected (HTTP ${response.status}) and was not followed: ${why}. Check the widget's API address; contact your LMS support if it is right.`,
        operation,
        response.status,
        undefined,
        { code: 'redirect-refused' },
      );
    }
    current = target;
  }
}

function pageOrigin(): string | undefined {
  const origin = globalThis.location?.origin;
  return origin && origin !== 'null' ? origin : undefined;
}
