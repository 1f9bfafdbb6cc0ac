// RestBackend: LmsBackend over HTTP as openapi.json describes it. Paths, headers, credentials, fetch,
// timeouts and retries are the host's to configure; every answer is parsed with the wire schemas and
// every failure becomes a typed BackendError with a stable code.
// The network is not trusted: every answer is read as a stream up to a size cap of its operation, no
// request follows a redirect to another origin, writes follow none (rest-transport.ts, rest-failures.ts).
// This module is what the first screens load. Their reads go by a lean path: one GET, and a 2xx answer
// read under its cap and checked (answers.ts). Anything else — a network failure or the timeout, a
// refusal, a redirect, an answer too large or not the one expected — is handed, where it stopped, to the
// full transport (rest-transport.ts, loaded then), which ends that attempt as it always did and retries
// by its policy: nothing is asked twice. Writes and discards load the full transport first.
import type { TemplateSpec } from '../core/spec.js';
import { ANSWERS, AnswerProblem, type CheckedOperation } from './answers.js';
import { InternalBackendError, NotFoundError } from './errors.js';
import type { FullTransport } from './rest-transport.js';
import type {
  ActivityPage,
  ActivityQuery,
  ActivitySummary,
  CallOptions,
  Capabilities,
  Category,
  CommitRequest,
  CommitResult,
  Domain,
  DryRunChunk,
  DryRunResult,
  LmsBackend,
  Permissions,
  StageRequest,
  StagedUpload,
  TemplateQuery,
} from './types.js';

/** @internal Reads an answer's JSON as the contract says it is, or throws an AnswerProblem. */
export type Reader<T> = (json: unknown) => T;

/** The zod-free check of a first-screen answer (answers.ts). */
const checked =
  <K extends CheckedOperation>(operation: K): Reader<ReturnType<(typeof ANSWERS)[K]>> =>
  (json) =>
    ANSWERS[operation](json, []) as ReturnType<(typeof ANSWERS)[K]>;

/** The LmsBackend methods, which are also the operationIds of openapi.json. */
export type BackendOperation = Exclude<keyof LmsBackend, 'chunkSize'>;

export interface RestRoute {
  readonly method: 'GET' | 'POST' | 'DELETE';
  /** Relative to the base URL; `{name}` is replaced by the URL-encoded path parameter. */
  readonly path: string;
  /** Query parameters the operation sends, by their wire name. */
  readonly query?: readonly string[];
  /**
   * When a failed attempt (timeout, network, 429, 5xx) may be sent again:
   * `safe` — reads, and dry-run chunks (they write nothing and are keyed by chunkIndex);
   * `idempotency-key` — the commit, always with the same key; `never` — staging (each call stages a new upload).
   */
  readonly retry: 'safe' | 'idempotency-key' | 'never';
}

/** The default routes: the REST contract of openapi.json. A host may move any of them with `paths`. */
export const REST_ROUTES: { readonly [K in BackendOperation]: RestRoute } = {
  getCapabilities: { method: 'GET', path: '/capabilities', retry: 'safe' },
  getPermissions: { method: 'GET', path: '/permissions', retry: 'safe' },
  listCategories: { method: 'GET', path: '/categories', retry: 'safe' },
  searchActivities: { method: 'GET', path: '/activities', query: ['categoryId', 'q', 'offset', 'limit'], retry: 'safe' },
  getActivity: { method: 'GET', path: '/activities/{activityId}', retry: 'safe' },
  listDomains: { method: 'GET', path: '/domains', retry: 'safe' },
  getTemplateSpec: { method: 'GET', path: '/template-spec', query: ['activityId', 'domainId', 'identifierKind'], retry: 'safe' },
  stageUpload: { method: 'POST', path: '/uploads', retry: 'never' },
  dryRunChunk: { method: 'POST', path: '/uploads/{uploadId}/chunks', retry: 'safe' },
  commitUpload: { method: 'POST', path: '/uploads/{uploadId}/commit', retry: 'idempotency-key' },
  discardUpload: { method: 'DELETE', path: '/uploads/{uploadId}', retry: 'never' },
};

export interface RetryOptions {
  /** Tries in all, the first included (default 3). */
  readonly attempts?: number;
  /** First back-off; doubles on every retry, with jitter (default 300 ms). */
  readonly baseDelayMs?: number;
  /**
   * Longest wait before a retry (default 8 s). A `Retry-After` longer than this is not waited for: the
   * call fails at once with an UnavailableError carrying `retryAfter`, so the UI can say when to try.
   */
  readonly maxDelayMs?: number;
}

export type HeadersOption = HeadersInit | (() => HeadersInit | Promise<HeadersInit>);

export interface RestBackendOptions {
  /** Where the LMS's offline-upload API lives, absolute or relative to the page, e.g. `/api/lms`. */
  readonly baseUrl: string | URL;
  /** Per-operation path overrides, e.g. `{ searchActivities: '/v2/offline-activities' }` (absolute URLs allowed). */
  readonly paths?: Partial<Record<BackendOperation, string>>;
  /** Sent with every call; a function is called before every attempt (fresh CSRF or bearer tokens). */
  readonly headers?: HeadersOption;
  /** fetch's credentials mode (default `same-origin`); `include` for a cross-origin LMS with cookies. */
  readonly credentials?: RequestCredentials;
  /** A fetch to use instead of the global one (e.g. the host's authenticated fetch). */
  readonly fetch?: typeof fetch;
  /** Longest wait for one attempt's answer, body included (default 30 s). */
  readonly timeoutMs?: number;
  readonly retries?: RetryOptions;
  /**
   * Records per dry-run chunk the session should send. When not set, the LMS's advertised `chunkSize`
   * (capabilities, at most MAX_CHUNK_SIZE) once known, else 500.
   */
  readonly chunkSize?: number;
  /**
   * gzip request bodies (`Content-Encoding: gzip`, with CompressionStream): by default only when the LMS
   * advertises `acceptsGzip`; `false` never. Bodies under 1 KB are sent as they are.
   */
  readonly compressRequests?: boolean;
  /**
   * Largest answer read per operation, in bytes after any content decoding (defaults: RESPONSE_LIMITS;
   * for dry-run chunks and the commit, plus RESPONSE_BYTES_PER_RECORD for each record sent). An answer over it is
   * not read further and fails as a ContractError with code `response-too-large`.
   */
  readonly maxResponseBytes?: Partial<Record<BackendOperation, number>>;
}

const KiB = 1024;
const MiB = 1024 * KiB;

/** Default answer size caps (bytes). Generous for real answers, tiny next to a tab's memory. */
export const RESPONSE_LIMITS: { readonly [K in BackendOperation]: number } = {
  getCapabilities: 64 * KiB,
  getPermissions: 64 * KiB,
  listCategories: 2 * MiB,
  searchActivities: 2 * MiB,
  getActivity: 64 * KiB,
  listDomains: 2 * MiB,
  getTemplateSpec: 2 * MiB,
  stageUpload: 64 * KiB,
  dryRunChunk: 1 * MiB,
  commitUpload: 1 * MiB,
  discardUpload: 64 * KiB,
};

/**
 * Added to the cap of a dry-run chunk or a commit for every record it carries: a dry-run row's label,
 * learner and issues; a commit's per-row issues when it is refused.
 */
export const RESPONSE_BYTES_PER_RECORD: { readonly dryRunChunk: number; readonly commitUpload: number } = {
  dryRunChunk: 2 * KiB,
  commitUpload: 512,
};

/** The most records per dry-run chunk RestBackend takes from an LMS's capabilities. */
export const MAX_CHUNK_SIZE = 10_000;

/** How long getPermissions waits for the capabilities asked with it, once the permissions are in. */
const CAPABILITIES_GRACE_MS = 2_000;

/** @internal How a call is made (rest-writes.ts makes its calls through RestTransport). */
export interface CallSpec {
  readonly pathParams?: Readonly<Record<string, string>>;
  readonly query?: Readonly<Record<string, string | number | undefined>>;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  readonly signal?: AbortSignal;
  /** Records the request carries: raises the answer's size cap (dry run, commit). */
  readonly records?: number;
  /** The caller's tries for this call (CallOptions.attempts), over the host's `retries.attempts`. */
  readonly attempts?: number;
  /** Sent with fetch's `keepalive`, to outlive the page (CallOptions.keepalive). */
  readonly keepalive?: boolean;
}

/**
 * @internal Where a read's lean first attempt stopped, for the full transport to end it under the same
 * clock: the settings made no request (no `init`: nothing was sent); fetching or reading threw (`failed`);
 * or an answer came (`response`) — not read when it is not a 2xx, else read (`read`: its text, not JSON or
 * not the answer expected; undefined when over the cap).
 */
export interface Handover {
  readonly clock: Clock;
  readonly init?: RequestInit;
  readonly failed?: { readonly error: unknown };
  readonly response?: Response;
  readonly read?: { readonly text: string | undefined };
}

export class RestBackend implements LmsBackend {
  readonly #options: RestBackendOptions;
  /** What the LMS declared, once asked (getCapabilities, or the first getPermissions). */
  #capabilities: Capabilities | undefined;
  #capabilitiesAsked: Promise<Capabilities> | undefined;
  /** The full transport (rest-transport.ts), once a write or a read that needs it loaded it. */
  #full: Promise<FullTransport> | undefined;

  constructor(options: RestBackendOptions) {
    if (!options || options.baseUrl === undefined || String(options.baseUrl).trim() === '') {
      throw new TypeError('RestBackend needs a baseUrl, e.g. new RestBackend({ baseUrl: "/api/lms" }).');
    }
    this.#options = options;
  }

  /**
   * Records per dry-run chunk the session should send: the host's `chunkSize`, else the LMS's advertised
   * one (at most MAX_CHUNK_SIZE) once the capabilities are known, else 500.
   */
  get chunkSize(): number {
    const own = this.#options.chunkSize;
    if (own !== undefined && Number.isFinite(own) && own > 0) return own;
    const advertised = this.#capabilities?.chunkSize;
    return advertised !== undefined ? Math.min(MAX_CHUNK_SIZE, advertised) : 500;
  }

  /** What the LMS declares (404: nothing, `{}`). RestBackend follows its chunk size, request size and gzip. */
  async getCapabilities(options?: CallOptions): Promise<Capabilities> {
    let capabilities: Capabilities;
    try {
      capabilities = await this.#get('getCapabilities', checked('getCapabilities'), { signal: options?.signal });
    } catch (error) {
      // An LMS built to an older contract has no capabilities to declare: its limits are learned when it refuses.
      if (!(error instanceof NotFoundError)) throw error;
      capabilities = {};
    }
    this.#capabilities = capabilities;
    return capabilities;
  }

  /**
   * The first call also asks for the LMS's capabilities, at the same time, so that the dry run that follows
   * uses its chunk size; a failure there is not this call's failure (the defaults then apply).
   */
  async getPermissions(options?: CallOptions): Promise<Permissions> {
    if (!this.#capabilitiesAsked) {
      this.#capabilitiesAsked = this.getCapabilities(options);
      // Left for a later getPermissions to ask again when it failed (aborted, unavailable…).
      this.#capabilitiesAsked.catch(() => (this.#capabilitiesAsked = undefined));
    }
    const capabilities = this.#capabilitiesAsked.catch(() => undefined);
    const permissions = await this.#get('getPermissions', checked('getPermissions'), { signal: options?.signal });
    // A slow capabilities answer holds the permissions back a little at most; it still counts when it comes.
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([capabilities, new Promise((resolve) => (timer = setTimeout(resolve, CAPABILITIES_GRACE_MS)))]);
    clearTimeout(timer);
    return permissions;
  }

  async listCategories(options?: CallOptions): Promise<readonly Category[]> {
    return (await this.#get('listCategories', checked('listCategories'), { signal: options?.signal })).items;
  }

  searchActivities(query: ActivityQuery, options?: CallOptions): Promise<ActivityPage> {
    const q = query.text?.trim();
    return this.#get('searchActivities', checked('searchActivities'), {
      query: { categoryId: query.categoryId, q: q === '' ? undefined : q, offset: query.offset, limit: query.limit },
      signal: options?.signal,
    });
  }

  getActivity(activityId: string, options?: CallOptions): Promise<ActivitySummary> {
    const read = checked('getActivity');
    return this.#get(
      'getActivity',
      (json) => {
        const activity = read(json);
        if (activity.id !== activityId) throw new AnswerProblem('id', `expected activity ${activityId}, got ${activity.id}`);
        return activity;
      },
      { pathParams: { activityId }, signal: options?.signal },
    );
  }

  async listDomains(options?: CallOptions): Promise<readonly Domain[]> {
    return (await this.#get('listDomains', checked('listDomains'), { signal: options?.signal })).items;
  }

  getTemplateSpec(query: TemplateQuery, options?: CallOptions): Promise<TemplateSpec> {
    const read = checked('getTemplateSpec');
    return this.#get(
      'getTemplateSpec',
      (json) => {
        const spec = read(json);
        // A template for another choice would validate the file against the wrong columns.
        const asked: [string, string, string, string][] = [
          ['activity.id', 'activity', query.activityId, spec.activity.id],
          ['domain.id', 'domain', query.domainId, spec.domain.id],
          ['identifierKind.key', 'identifier kind', query.identifierKind, spec.identifierKind.key],
        ];
        for (const [field, what, expected, got] of asked) {
          if (got !== expected) throw new AnswerProblem(field, `expected ${what} ${expected}, got ${got}`);
        }
        return spec;
      },
      { query: { activityId: query.activityId, domainId: query.domainId, identifierKind: query.identifierKind }, signal: options?.signal },
    );
  }

  async stageUpload(request: StageRequest, options?: CallOptions): Promise<StagedUpload> {
    return (await this.#transport('stageUpload')).stageUpload(request, options);
  }

  /**
   * Sends one chunk and returns the LMS's verdict on it. When the LMS answers 413 (too large), the chunk is
   * sent again in halves (then quarters…) and the answers are joined; later chunks of the same upload are
   * sent in parts of that size straight away.
   */
  async dryRunChunk(uploadId: string, chunk: DryRunChunk, options?: CallOptions): Promise<DryRunResult> {
    return (await this.#transport('dryRunChunk')).dryRunChunk(uploadId, chunk, options);
  }

  async commitUpload(uploadId: string, request: CommitRequest, options?: CallOptions): Promise<CommitResult> {
    return (await this.#transport('commitUpload')).commitUpload(uploadId, request, options);
  }

  /**
   * Discards a staged upload. With `keepalive` (the page is going away) the DELETE is sent with fetch's
   * `keepalive`, so the browser delivers it after the page is gone; `navigator.sendBeacon` cannot be used,
   * as it only POSTs and the contract's discard is `DELETE /uploads/{uploadId}`. Staging an upload loaded
   * the full transport, so discarding it as the page goes away loads nothing.
   */
  async discardUpload(uploadId: string, options?: CallOptions): Promise<void> {
    return (await this.#transport('discardUpload')).discardUpload(uploadId, options);
  }

  /** `GET /activities`: the method and the path template, as messages name an endpoint. */
  endpoint(operation: BackendOperation): string {
    return endpointOf(this.#options, operation);
  }

  /**
   * A read: its first attempt by the lean path, handed to the full transport unless it ends in a checked
   * answer or the caller's abort. Settings that make no request (a bad API address, a headers function
   * that throws) are handed over before anything is sent, for the full transport to say what is wrong.
   */
  async #get<T>(operation: BackendOperation, read: Reader<T>, spec: CallSpec): Promise<T> {
    throwIfAborted(spec.signal);
    const options = this.#options;
    const clock = new Clock(options.timeoutMs, spec.signal);
    let handover: Handover | undefined;
    try {
      let url: URL | undefined;
      let init: RequestInit | undefined;
      try {
        url = requestUrl(options, operation, spec);
        if (isHttp(url)) init = await requestInit(options, operation, clock.signal);
      } catch {
        // Said by the full transport.
      }
      if (!url || !init) {
        handover = { clock };
      } else {
        try {
          const response = await (options.fetch ?? globalThis.fetch).call(globalThis, url.href, init);
          if (!response.ok) {
            handover = { clock, init, response };
          } else {
            const text = await readCapped(response, answerCap(options, operation, spec));
            try {
              if (text !== undefined) return read(JSON.parse(text));
            } catch {
              // Not JSON, or not the answer expected: said by the full transport.
            }
            handover = { clock, init, response, read: { text } };
          }
        } catch (error) {
          if (spec.signal?.aborted) throw abortError(spec.signal);
          handover = { clock, init, failed: { error } };
        }
      }
    } finally {
      if (!handover) clock.end();
    }
    let full: FullTransport;
    try {
      full = await this.#transport(operation);
    } catch (error) {
      handover.clock.end();
      throw error;
    }
    return full.call(operation, read, spec, handover);
  }

  /** The full transport, loaded once (an internal failure when it does not load; tried again next time). */
  async #transport(operation: BackendOperation): Promise<FullTransport> {
    this.#full ??= import('./rest-transport.js').then(
      ({ FullTransport }) => new FullTransport(this.#options, () => this.#capabilities),
      (error: unknown) => {
        this.#full = undefined;
        throw error;
      },
    );
    try {
      return await this.#full;
    } catch (error) {
      throw internalError(this.#options, operation, error);
    }
  }
}

/** @internal RestBackend's endpoint(), for the full transport too. */
export function endpointOf(options: RestBackendOptions, operation: BackendOperation): string {
  return `${REST_ROUTES[operation].method} ${options.paths?.[operation] ?? REST_ROUTES[operation].path}`;
}

/** @internal Something in this page went wrong (our own bug, a chunk that did not load): never an engine's message for the admin. */
export function internalError(options: RestBackendOptions, operation: BackendOperation, error: unknown): InternalBackendError {
  return new InternalBackendError(
    `Something went wrong in this page while calling ${endpointOf(options, operation)} (${errorText(error)}). Try again; if it keeps happening, contact your LMS support.`,
    operation,
    { cause: error },
  );
}

/**
 * @internal The URL of a call: the host's base URL and paths, the path and query parameters. Throws what
 * `new URL` throws; the full transport words it, and refuses a URL that is not http(s) (isHttp).
 */
export function requestUrl(options: RestBackendOptions, operation: BackendOperation, spec: CallSpec): URL {
  const path = (options.paths?.[operation] ?? REST_ROUTES[operation].path).replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = spec.pathParams?.[name];
    if (value === undefined || value === '') {
      throw new InternalBackendError(`${endpointOf(options, operation)} needs a ${name}; none was given.`, operation, { code: 'internal' });
    }
    return encodeURIComponent(value);
  });
  let url: URL;
  if (/^[a-z][a-z\d+.-]*:/i.test(path)) {
    url = new URL(path);
  } else {
    const base = new URL(String(options.baseUrl), globalThis.location?.href);
    url = new URL(`${base.pathname.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`, base);
  }
  for (const [name, value] of Object.entries(spec.query ?? {})) {
    if (value !== undefined && value !== '') url.searchParams.set(name, String(value));
  }
  return url;
}

/** @internal The only URLs RestBackend sends anything to. */
export function isHttp(url: URL): boolean {
  return url.protocol === 'http:' || url.protocol === 'https:';
}

/**
 * @internal A read's request: the host's headers (asked anew for every attempt) and credentials, under
 * `signal`; a write's adds its body (rest-transport.ts). Throws what the host's headers option throws.
 */
export async function requestInit(options: RestBackendOptions, operation: BackendOperation, signal: AbortSignal): Promise<RequestInit & { headers: Headers }> {
  const headers = new Headers({ Accept: 'application/json, application/problem+json' });
  const host = options.headers;
  const extra = typeof host === 'function' ? await host() : host;
  if (extra) new Headers(extra).forEach((value, name) => headers.set(name, value));
  return {
    method: REST_ROUTES[operation].method,
    headers,
    signal,
    // Never followed by fetch itself: the full transport decides, so nothing reaches another origin.
    redirect: 'manual',
    ...(options.credentials ? { credentials: options.credentials } : {}),
  };
}

/** @internal The size cap of an answer to `operation` (a dry-run chunk's and a commit's grow with their records). */
export function answerCap(options: RestBackendOptions, operation: BackendOperation, spec: CallSpec): number {
  const configured = options.maxResponseBytes?.[operation];
  if (configured !== undefined && Number.isFinite(configured) && configured > 0) return configured;
  const perRecord = operation === 'dryRunChunk' || operation === 'commitUpload' ? RESPONSE_BYTES_PER_RECORD[operation] : 0;
  return RESPONSE_LIMITS[operation] + (spec.records ?? 0) * perRecord;
}

/**
 * @internal One attempt's deadline: `signal` aborts after the host's `timeoutMs` (default 30 s; the body
 * is read under it too, as an LMS may send headers and then stall), or as soon as the caller's does.
 */
export class Clock {
  readonly ms: number;
  timedOut = false;
  readonly #controller = new AbortController();
  readonly #timer: ReturnType<typeof setTimeout>;
  readonly #caller: AbortSignal | undefined;
  readonly #onAbort = (): void => this.#controller.abort(this.#caller?.reason);

  constructor(timeoutMs: number | undefined, caller: AbortSignal | undefined) {
    this.ms = timeoutMs !== undefined && Number.isFinite(timeoutMs) && timeoutMs > 0 ? timeoutMs : 30_000;
    this.#caller = caller;
    this.#timer = setTimeout(() => {
      this.timedOut = true;
      this.#controller.abort(new DOMException(`timed out after ${seconds(this.ms)}`, 'TimeoutError'));
    }, this.ms);
    caller?.addEventListener('abort', this.#onAbort, { once: true });
  }

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  end(): void {
    clearTimeout(this.#timer);
    this.#caller?.removeEventListener('abort', this.#onAbort);
  }
}

/**
 * @internal Reads a body as it arrives, up to `cap` bytes: the text (decoded once, at the end), or
 * undefined when the body is larger (announced by Content-Length, or counted) — then the rest is not read.
 */
export async function readCapped(response: Response, cap: number): Promise<string | undefined> {
  const announced = Number(response.headers.get('Content-Length') ?? NaN);
  // Content-Length counts the encoded bytes; a gzip answer may still grow: the count below decides.
  if (Number.isFinite(announced) && announced > cap && !response.headers.has('Content-Encoding')) {
    await response.body?.cancel().catch(() => undefined);
    return undefined;
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > cap) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    parts.push(value);
  }
  const all = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    all.set(part, at);
    at += part.byteLength;
  }
  return new TextDecoder().decode(all);
}

/** @internal Throws the caller's abort as an AbortError when its signal is aborted. */
export function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw abortError(signal);
}

/** @internal Always an AbortError DOMException, whatever reason the caller aborted with. */
export function abortError(signal: AbortSignal): DOMException {
  const reason: unknown = signal.reason;
  if (reason instanceof DOMException && reason.name === 'AbortError') return reason;
  return new DOMException(typeof reason === 'string' ? reason : 'The LMS call was cancelled.', 'AbortError');
}

/** @internal A text shortened for a message. */
export function snippet(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 79)}…` : flat;
}

/** @internal An error's message for a message, never more than a snippet. */
export function errorText(error: unknown): string {
  return error instanceof Error && error.message ? snippet(error.message) : 'network error';
}

/** @internal `30 s`, `1.5 s`. */
export function seconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
}
