// msw handlers that put the demo Lms behind the REST contract of openapi.json (same route table as
// RestBackend), with latency and failure injection for demos and tests.
import { HttpResponse, delay, http } from 'msw';
import type { HttpHandler } from 'msw';
import { REST_ROUTES } from '../../src/backend/rest-backend.js';
import type { BackendOperation } from '../../src/backend/rest-backend.js';
import { CommitRequestSchema, DryRunChunkSchema, StageRequestSchema, describeZodIssue } from '../../src/backend/schemas.js';
import type { z } from 'zod';
import { LmsProblem } from './lms.js';
import type { Lms } from './lms.js';

/** What can go wrong with one call, as the admin's browser would see it. */
export type Fault =
  /** Answer this status with a problem document (with `detail` when given), without doing anything. */
  | { readonly kind: 'status'; readonly status: number; readonly retryAfter?: string; readonly detail?: string }
  /** Fail before reaching the LMS (a network error); nothing is done. */
  | { readonly kind: 'network' }
  /** Do the work, then lose the answer (a network error): the commit is applied but the client never hears. */
  | { readonly kind: 'drop' }
  /** Do the work, then answer 200 with a body that is not JSON. */
  | { readonly kind: 'malformed' }
  /** Never answer (the client's timeout decides). */
  | { readonly kind: 'hang' }
  /** Do the work, then answer a changed body (e.g. a field removed) — for contract tests. */
  | { readonly kind: 'mutate'; readonly mutate: (body: unknown) => unknown };

export interface FaultRule {
  /** An LmsBackend method name (= operationId), or `*` for every call. */
  readonly operation: BackendOperation | '*';
  readonly fault: Fault;
  /** How many calls it hits before it stops (default: every call). */
  times?: number;
}

export interface LmsSettings {
  /** Added before every answer, in ms (default 0; `?lms=slow` sets 1,200). */
  latencyMs: number;
  faults: FaultRule[];
  /** When set, every POST and DELETE must carry this value in `X-CSRF-Token`, or gets 403. */
  csrfToken?: string;
}

/** One call as the demo LMS saw it: for tests that check what reached the server. */
export interface LoggedRequest {
  readonly operation: BackendOperation;
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: unknown;
}

export interface LmsHandlersOptions {
  readonly lms: Lms;
  /** Where the API is served (default `/api/lms`), relative to the page or absolute. */
  readonly baseUrl?: string;
  /** Route overrides, as RestBackend's `paths`. */
  readonly paths?: Partial<Record<BackendOperation, string>>;
  readonly settings?: LmsSettings;
  /** Receives every call that reached the LMS (after latency, before faults). */
  readonly log?: LoggedRequest[];
}

/**
 * Failure presets, by name, for `?lms=` (comma-separated) and the demo controls:
 * `slow` 1.2 s per call · `commit-500` every commit fails with 500, nothing applied · `commit-503-once` the
 * next commit answers 503 + Retry-After: 1 · `commit-drop` the next commit is applied and its answer lost ·
 * `chunk-500-once` the next dry-run chunk fails with 500 · `malformed` activity search answers broken JSON ·
 * `forbidden` permissions answer 403 · `no-permission` permissions say canUpload: false ·
 * `timeout` dry-run chunks never answer.
 */
export const LMS_PRESETS: Readonly<Record<string, (settings: LmsSettings, lms: Lms) => void>> = {
  slow: (s) => {
    s.latencyMs = 1200;
  },
  'commit-500': (s) => s.faults.push({ operation: 'commitUpload', fault: { kind: 'status', status: 500 } }),
  'commit-503-once': (s) => s.faults.push({ operation: 'commitUpload', fault: { kind: 'status', status: 503, retryAfter: '1' }, times: 1 }),
  'commit-drop': (s) => s.faults.push({ operation: 'commitUpload', fault: { kind: 'drop' }, times: 1 }),
  'chunk-500-once': (s) => s.faults.push({ operation: 'dryRunChunk', fault: { kind: 'status', status: 500 }, times: 1 }),
  malformed: (s) => s.faults.push({ operation: 'searchActivities', fault: { kind: 'malformed' } }),
  forbidden: (s) => s.faults.push({ operation: 'getPermissions', fault: { kind: 'status', status: 403, detail: 'Your account has no role that may upload offline records.' } }),
  'no-permission': (_s, lms) =>
    lms.setPermissions({
      canUpload: false,
      reason: 'Uploading offline records needs the "Training records administrator" role.',
      contactUrl: 'mailto:lms-support@northwind.example?subject=Offline%20records%20role',
      contactEmail: 'lms-support@northwind.example',
    }),
  timeout: (s) => s.faults.push({ operation: 'dryRunChunk', fault: { kind: 'hang' } }),
};

/** Applies presets by name; unknown names are reported, not ignored silently. */
export function applyPresets(names: string | readonly string[], settings: LmsSettings, lms: Lms): string[] {
  const list = typeof names === 'string' ? names.split(',') : names;
  const unknown: string[] = [];
  for (const name of list.map((n) => n.trim()).filter(Boolean)) {
    const preset = LMS_PRESETS[name];
    if (preset) preset(settings, lms);
    else unknown.push(name);
  }
  return unknown;
}

export function defaultSettings(): LmsSettings {
  return { latencyMs: 0, faults: [] };
}

const PROBLEM_TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Not signed in',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  413: 'Content too large',
  422: 'Unprocessable content',
  429: 'Too many requests',
  500: 'Internal server error',
  502: 'Bad gateway',
  503: 'Service unavailable',
  504: 'Gateway timeout',
};

function problem(status: number, detail: string | undefined, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): Response {
  return HttpResponse.json(
    { type: 'about:blank', title: PROBLEM_TITLES[status] ?? 'Error', status, ...(detail ? { detail } : {}), ...extra },
    { status, headers: { 'Content-Type': 'application/problem+json', ...headers } },
  );
}

function fromLmsProblem(error: LmsProblem): Response {
  return HttpResponse.json(error.toJSON() as Record<string, never>, {
    status: error.status,
    headers: { 'Content-Type': 'application/problem+json' },
  });
}

class BadRequest extends Error {}

/** 413: the body is larger than the LMS's advertised `maxRequestBytes`. */
class TooLarge extends Error {}

/** The request body as text, gunzipped when sent with `Content-Encoding: gzip` (the LMS advertises `acceptsGzip`). */
async function bodyText(request: Request, maxBytes?: number): Promise<string> {
  const raw = new Uint8Array(await request.arrayBuffer());
  if (maxBytes !== undefined && raw.byteLength > maxBytes) {
    throw new TooLarge(`The request body has ${raw.byteLength} bytes; this LMS accepts at most ${maxBytes}. Send fewer records per chunk.`);
  }
  const encoding = (request.headers.get('Content-Encoding') ?? 'identity').trim().toLowerCase();
  if (encoding === 'identity' || encoding === '') return new TextDecoder().decode(raw);
  if (encoding !== 'gzip') throw new BadRequest(`The request body is encoded as "${encoding}"; this LMS accepts gzip or no encoding.`);
  try {
    const stream = new Blob([raw]).stream().pipeThrough(new DecompressionStream('gzip'));
    return await new Response(stream).text();
  } catch {
    throw new BadRequest('The request body says it is gzip-compressed but is not valid gzip.');
  }
}

async function body<S extends z.ZodType>(request: Request, schema: S, maxBytes?: number): Promise<z.output<S>> {
  const text = await bodyText(request, maxBytes);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new BadRequest('The request body is not JSON.');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const { field, problem: what } = first ? describeZodIssue(first) : { field: '', problem: 'invalid' };
    throw new BadRequest(`The request body is not what the contract says: ${field || 'body'} — ${what}.`);
  }
  return parsed.data;
}

function intParam(url: URL, name: string): number | undefined {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === '') return undefined;
  if (!/^\d+$/.test(raw)) throw new BadRequest(`The query parameter ${name} must be a whole number, not "${raw}".`);
  return Number(raw);
}

function requiredParam(url: URL, name: string): string {
  const value = url.searchParams.get(name);
  if (!value) throw new BadRequest(`The query parameter ${name} is required.`);
  return value;
}

type Resolver = (args: { request: Request; url: URL; params: Record<string, string> }) => Promise<Response> | Response;

/** msw handlers for every operation of the contract, over one Lms. */
export function createLmsHandlers(options: LmsHandlersOptions): HttpHandler[] {
  const { lms } = options;
  const settings = options.settings ?? defaultSettings();
  const base = (options.baseUrl ?? '/api/lms').replace(/\/+$/, '');
  const pathOf = (operation: BackendOperation) => {
    const path = (options.paths?.[operation] ?? REST_ROUTES[operation].path).replace(/\{(\w+)\}/g, ':$1');
    return /^[a-z][a-z\d+.-]*:/i.test(path) ? path : `${base}/${path.replace(/^\/+/, '')}`;
  };

  const takeFault = (operation: BackendOperation): Fault | undefined => {
    const rule = settings.faults.find((r) => (r.operation === operation || r.operation === '*') && (r.times === undefined || r.times > 0));
    if (!rule) return undefined;
    if (rule.times !== undefined) rule.times -= 1;
    return rule.fault;
  };

  const route = (operation: BackendOperation, resolve: Resolver): HttpHandler => {
    const method = REST_ROUTES[operation].method;
    const register = method === 'GET' ? http.get : method === 'POST' ? http.post : http.delete;
    return register(pathOf(operation), async ({ request, params }) => {
      if (settings.latencyMs > 0) await delay(settings.latencyMs);
      const url = new URL(request.url);
      if (options.log) {
        const headers: Record<string, string> = {};
        request.headers.forEach((value, name) => (headers[name] = value));
        let logged: unknown;
        if (method === 'POST') logged = await bodyText(request.clone()).then((text) => JSON.parse(text) as unknown).catch(() => undefined);
        options.log.push({ operation, method, url: url.href, headers, ...(logged !== undefined ? { body: logged } : {}) });
      }
      const fault = takeFault(operation);
      if (fault?.kind === 'status') {
        return problem(fault.status, fault.detail, {}, fault.retryAfter ? { 'Retry-After': fault.retryAfter } : {});
      }
      if (fault?.kind === 'network') return HttpResponse.error();
      if (fault?.kind === 'hang') {
        await delay('infinite');
      }
      if (settings.csrfToken !== undefined && method !== 'GET' && request.headers.get('X-CSRF-Token') !== settings.csrfToken) {
        return problem(403, 'The request carried no valid CSRF token (X-CSRF-Token). Reload the page and try again.');
      }
      let response: Response;
      try {
        response = await resolve({ request, url, params: params as Record<string, string> });
      } catch (error) {
        if (error instanceof LmsProblem) response = fromLmsProblem(error);
        else if (error instanceof BadRequest) response = problem(400, error.message);
        else if (error instanceof TooLarge) response = problem(413, error.message);
        else throw error;
      }
      if (fault?.kind === 'drop') return HttpResponse.error();
      if (fault?.kind === 'malformed') {
        return new HttpResponse('{"items": [{"id": "act-', { status: 200, headers: { 'Content-Type': 'application/json' } });
      }
      if (fault?.kind === 'mutate' && response.ok) {
        const json: unknown = await response.json();
        return HttpResponse.json(fault.mutate(json) as Record<string, never>, { status: response.status });
      }
      return response;
    });
  };

  const maxBody = () => lms.capabilities().maxRequestBytes;

  return [
    route('getCapabilities', () => HttpResponse.json(lms.capabilities())),
    route('getPermissions', () => HttpResponse.json(lms.permissions())),
    route('listCategories', () => HttpResponse.json({ items: lms.categories() })),
    route('searchActivities', ({ url }) => {
      const limit = intParam(url, 'limit');
      if (limit !== undefined && (limit < 1 || limit > 100)) throw new BadRequest('The query parameter limit must be between 1 and 100.');
      return HttpResponse.json(
        lms.searchActivities({
          categoryId: url.searchParams.get('categoryId') ?? undefined,
          text: url.searchParams.get('q') ?? undefined,
          offset: intParam(url, 'offset'),
          limit,
        }),
      );
    }),
    route('getActivity', ({ params }) => HttpResponse.json(lms.getActivity(params['activityId'] ?? ''))),
    route('listDomains', () => HttpResponse.json({ items: lms.domains() })),
    route('getTemplateSpec', ({ url }) =>
      HttpResponse.json(
        lms.templateSpec({
          activityId: requiredParam(url, 'activityId'),
          domainId: requiredParam(url, 'domainId'),
          identifierKind: requiredParam(url, 'identifierKind'),
        }),
      ),
    ),
    route('stageUpload', async ({ request }) => HttpResponse.json(lms.stage(await body(request, StageRequestSchema, maxBody())), { status: 201 })),
    route('dryRunChunk', async ({ request, params }) => HttpResponse.json(lms.dryRunChunk(params['uploadId'] ?? '', await body(request, DryRunChunkSchema, maxBody())))),
    route('commitUpload', async ({ request, params }) => {
      const commit = await body(request, CommitRequestSchema, maxBody());
      const header = request.headers.get('Idempotency-Key');
      if (header !== null && header !== commit.idempotencyKey) {
        throw new BadRequest('The Idempotency-Key header and the body\'s idempotencyKey differ.');
      }
      const outcome = await lms.commit(params['uploadId'] ?? '', commit);
      return HttpResponse.json(outcome.result, { status: outcome.status });
    }),
    route('discardUpload', ({ params }) => {
      lms.discard(params['uploadId'] ?? '');
      return new HttpResponse(null, { status: 204 });
    }),
  ];
}
