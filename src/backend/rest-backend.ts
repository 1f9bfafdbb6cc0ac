// RestBackend: LmsBackend over HTTP as openapi.json describes it. Paths, headers, credentials, fetch,
// timeouts and retries are the host's to configure; every answer is parsed with the wire schemas and
// every failure becomes a typed BackendError with a stable code.
// The network is not trusted: every answer is read as a stream up to a size cap of its operation, no
// request follows a redirect to another origin (nothing — headers, idempotency key, body — is ever sent
// there), writes follow no redirect at all, and a 413 on a dry-run chunk is retried in smaller parts.
// The write half (stage, dry run, commit, request bodies: rest-writes.ts) loads with the first write; what
// is done with a refusal or a redirect (rest-failures.ts) loads with the first one, or with the first write.
import type { TemplateSpec } from '../core/spec.js';
import { ANSWERS, AnswerProblem, type CheckedOperation } from './answers.js';
import { BackendError, ContractError, InternalBackendError, NotFoundError, SessionEndedError, UnavailableError, isAbort } from './errors.js';
import type * as Failures from './rest-failures.js';
import type * as Writes from './rest-writes.js';
import type { Body, UploadState } from './rest-writes.js';
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

/** Reads an answer's JSON as the contract says it is, or throws an AnswerProblem. */
type Reader<T> = (json: unknown) => T;

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

const DEFAULTS = { timeoutMs: 30_000, attempts: 3, baseDelayMs: 300, maxDelayMs: 8_000, chunkSize: 500 } as const;

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

/** A failed answer other than 409/422 is read up to this size; the rest is left unread (it is not needed). */
const ERROR_BODY_BYTES = 64 * KiB;

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

/** @internal What rest-writes.ts uses of a RestBackend: its calls, its checks and the uploads it staged. */
export interface RestTransport {
  call<T>(operation: BackendOperation, read: Reader<T>, spec: CallSpec): Promise<T>;
  mismatch(operation: BackendOperation, field: string, problem: string): never;
  endpoint(operation: BackendOperation): string;
  /** A size as the messages write it (`840 KB`, `1.5 MB`). */
  bytes(n: number): string;
  gzipWanted(): boolean;
  maxRequestBytes(): number | undefined;
  readonly uploads: Map<string, UploadState>;
}

export class RestBackend implements LmsBackend {
  readonly #options: RestBackendOptions;
  readonly #uploads = new Map<string, UploadState>();
  /** What the LMS declared, once asked (getCapabilities, or the first getPermissions). */
  #capabilities: Capabilities | undefined;
  #capabilitiesAsked: Promise<Capabilities> | undefined;
  /** Set when the LMS refused a gzip body with 415: bodies go plain from then on. */
  #gzipRefused = false;
  /** The write half, once a write loaded it. */
  #writesModule: typeof Writes | undefined;
  /** Refusals and redirects (rest-failures.ts), once one came or a write loaded it. */
  #failuresLoad: Promise<typeof Failures> | undefined;
  readonly #transport: RestTransport = {
    call: (operation, read, spec) => this.#call(operation, read, spec),
    mismatch: (operation, field, problem) => this.#mismatch(operation, field, problem),
    endpoint: (operation) => this.endpoint(operation),
    bytes,
    gzipWanted: () => this.#gzipWanted(),
    maxRequestBytes: () => this.#capabilities?.maxRequestBytes,
    uploads: this.#uploads,
  };

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
    return advertised !== undefined ? Math.min(MAX_CHUNK_SIZE, advertised) : DEFAULTS.chunkSize;
  }

  /** What the LMS declares (404: nothing, `{}`). RestBackend follows its chunk size, request size and gzip. */
  async getCapabilities(options?: CallOptions): Promise<Capabilities> {
    let capabilities: Capabilities;
    try {
      capabilities = await this.#call('getCapabilities', checked('getCapabilities'), { signal: options?.signal });
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
    const permissions = await this.#call('getPermissions', checked('getPermissions'), { signal: options?.signal });
    // A slow capabilities answer holds the permissions back a little at most; it still counts when it comes.
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([capabilities, new Promise((resolve) => (timer = setTimeout(resolve, CAPABILITIES_GRACE_MS)))]);
    clearTimeout(timer);
    return permissions;
  }

  async listCategories(options?: CallOptions): Promise<readonly Category[]> {
    return (await this.#call('listCategories', checked('listCategories'), { signal: options?.signal })).items;
  }

  searchActivities(query: ActivityQuery, options?: CallOptions): Promise<ActivityPage> {
    const q = query.text?.trim();
    return this.#call('searchActivities', checked('searchActivities'), {
      query: { categoryId: query.categoryId, q: q === '' ? undefined : q, offset: query.offset, limit: query.limit },
      signal: options?.signal,
    });
  }

  async getActivity(activityId: string, options?: CallOptions): Promise<ActivitySummary> {
    const activity = await this.#call('getActivity', checked('getActivity'), { pathParams: { activityId }, signal: options?.signal });
    if (activity.id !== activityId) this.#mismatch('getActivity', 'id', `expected activity ${activityId}, got ${activity.id}`);
    return activity;
  }

  async listDomains(options?: CallOptions): Promise<readonly Domain[]> {
    return (await this.#call('listDomains', checked('listDomains'), { signal: options?.signal })).items;
  }

  async getTemplateSpec(query: TemplateQuery, options?: CallOptions): Promise<TemplateSpec> {
    const spec = await this.#call('getTemplateSpec', checked('getTemplateSpec'), {
      query: { activityId: query.activityId, domainId: query.domainId, identifierKind: query.identifierKind },
      signal: options?.signal,
    });
    // A template for another choice would validate the file against the wrong columns.
    if (spec.activity.id !== query.activityId) this.#mismatch('getTemplateSpec', 'activity.id', `expected activity ${query.activityId}, got ${spec.activity.id}`);
    if (spec.domain.id !== query.domainId) this.#mismatch('getTemplateSpec', 'domain.id', `expected domain ${query.domainId}, got ${spec.domain.id}`);
    if (spec.identifierKind.key !== query.identifierKind) {
      this.#mismatch('getTemplateSpec', 'identifierKind.key', `expected identifier kind ${query.identifierKind}, got ${spec.identifierKind.key}`);
    }
    return spec;
  }

  async stageUpload(request: StageRequest, options?: CallOptions): Promise<StagedUpload> {
    return (await this.#writes('stageUpload')).stageUpload(this.#transport, request, options);
  }

  /**
   * Sends one chunk and returns the LMS's verdict on it. When the LMS answers 413 (too large), the chunk is
   * sent again in halves (then quarters…) and the answers are joined; later chunks of the same upload are
   * sent in parts of that size straight away.
   */
  async dryRunChunk(uploadId: string, chunk: DryRunChunk, options?: CallOptions): Promise<DryRunResult> {
    return (await this.#writes('dryRunChunk')).dryRunChunk(this.#transport, uploadId, chunk, options);
  }

  async commitUpload(uploadId: string, request: CommitRequest, options?: CallOptions): Promise<CommitResult> {
    return (await this.#writes('commitUpload')).commitUpload(this.#transport, uploadId, request, options);
  }

  /**
   * Discards a staged upload. With `keepalive` (the page is going away) the DELETE is sent with fetch's
   * `keepalive`, so the browser delivers it after the page is gone; `navigator.sendBeacon` cannot be used,
   * as it only POSTs and the contract's discard is `DELETE /uploads/{uploadId}`.
   */
  async discardUpload(uploadId: string, options?: CallOptions): Promise<void> {
    this.#uploads.delete(uploadId);
    try {
      await this.#call('discardUpload', null, { pathParams: { uploadId }, signal: options?.signal, keepalive: options?.keepalive === true });
    } catch (error) {
      // Discarding is about leaving nothing staged: an upload that is already gone is just that.
      if (error instanceof NotFoundError) return;
      throw error;
    }
  }

  /** `GET /activities`: the method and the path template, as messages name an endpoint. */
  endpoint(operation: BackendOperation): string {
    return `${REST_ROUTES[operation].method} ${this.#options.paths?.[operation] ?? REST_ROUTES[operation].path}`;
  }

  async #call<T = void>(operation: BackendOperation, read: Reader<T> | null, spec: CallSpec): Promise<T> {
    const route = REST_ROUTES[operation];
    const attempts = route.retry === 'never' ? 1 : positive(spec.attempts ?? this.#options.retries?.attempts, DEFAULTS.attempts);
    const baseDelay = nonNegative(this.#options.retries?.baseDelayMs, DEFAULTS.baseDelayMs);
    const maxDelay = nonNegative(this.#options.retries?.maxDelayMs, DEFAULTS.maxDelayMs);
    try {
      const url = this.#url(operation, spec);
      let body = spec.body === undefined ? undefined : await this.#encode(operation, spec.body);
      for (let attempt = 1; ; attempt++) {
        throwIfAborted(spec.signal);
        try {
          return (await this.#attempt(operation, url, read, spec, body)) as T;
        } catch (error) {
          if (body?.gzip && error instanceof BackendError && error.status === 415) {
            // The LMS said it takes gzip, then refused it: plain bodies from now on, this one sent again.
            this.#gzipRefused = true;
            body = await this.#encode(operation, spec.body);
            attempt -= 1;
            continue;
          }
          if (!(error instanceof UnavailableError) || attempt >= attempts) throw error;
          const wait =
            error.retryAfter !== undefined ? error.retryAfter * 1000 : backoff(attempt, baseDelay, maxDelay);
          if (wait > maxDelay) throw error;
          await sleep(wait, spec.signal);
        }
      }
    } catch (error) {
      throw this.#internal(operation, error);
    }
  }

  /** A BackendError or an abort as it is; anything else (our own bug, a chunk that did not load) an InternalBackendError. */
  #internal(operation: BackendOperation, error: unknown): unknown {
    if (error instanceof BackendError || isAbort(error)) return error;
    // Never an engine's message ("Invalid array length", "Failed to construct 'URL'") for the admin.
    return new InternalBackendError(
      `Something went wrong in this page while calling ${this.endpoint(operation)} (${errorText(error)}). Try again; if it keeps happening, contact your LMS support.`,
      operation,
      { cause: error },
    );
  }

  /** The request body as sent (rest-writes.ts: JSON, gzip when the LMS takes it, within its maxRequestBytes). */
  async #encode(operation: BackendOperation, value: unknown): Promise<Body> {
    return (await this.#writes(operation)).encode(this.#transport, operation, value);
  }

  /**
   * The write half, loaded on the first write (an internal failure when it does not load). What is done
   * with refusals loads with it: a refusal of the upload's own calls then needs nothing more from the network.
   */
  async #writes(operation: BackendOperation): Promise<typeof Writes> {
    void this.#failures(operation).catch(() => undefined);
    try {
      return (this.#writesModule ??= await import('./rest-writes.js'));
    } catch (error) {
      throw this.#internal(operation, error);
    }
  }

  /** Refusals and redirects (rest-failures.ts), loaded once (an internal failure when it does not load; tried again next time). */
  async #failures(operation: BackendOperation): Promise<typeof Failures> {
    this.#failuresLoad ??= import('./rest-failures.js').catch((error: unknown) => {
      this.#failuresLoad = undefined;
      throw error;
    });
    try {
      return await this.#failuresLoad;
    } catch (error) {
      throw this.#internal(operation, error);
    }
  }

  #gzipWanted(): boolean {
    if (this.#gzipRefused || this.#options.compressRequests === false || typeof CompressionStream !== 'function') return false;
    return this.#options.compressRequests === true || this.#capabilities?.acceptsGzip === true;
  }

  async #attempt(operation: BackendOperation, url: URL, read: Reader<unknown> | null, spec: CallSpec, body: Body | undefined): Promise<unknown> {
    const timeoutMs = positive(this.#options.timeoutMs, DEFAULTS.timeoutMs);
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new DOMException(`timed out after ${seconds(timeoutMs)}`, 'TimeoutError'));
    }, timeoutMs);
    const onAbort = () => controller.abort(spec.signal?.reason);
    spec.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const init = await this.#init(operation, spec, body, controller.signal);
      let response: Response;
      let redirected: boolean;
      let text: string;
      try {
        ({ response, redirected } = await this.#fetch(operation, url, init));
        // The body is read under the same timeout (an LMS may send headers and then stall) and up to the
        // operation's cap (an LMS may send without end).
        const cap = response.ok || response.status === 409 || response.status === 422 ? this.#cap(operation, spec) : ERROR_BODY_BYTES;
        const body = await readCapped(response, cap);
        if (body === undefined) {
          if (!response.ok && cap === ERROR_BODY_BYTES) {
            text = '';
          } else {
            throw new ContractError(
              `${this.endpoint(operation)} answered more than ${bytes(cap)}, far more than this call ever needs; the rest of the answer was not read. Contact your LMS support.`,
              operation,
              response.status,
              undefined,
              { code: 'response-too-large' },
            );
          }
        } else {
          text = body;
        }
      } catch (error) {
        if (error instanceof BackendError) throw error;
        if (spec.signal?.aborted) throw abortError(spec.signal);
        if (timedOut) {
          throw new UnavailableError(
            `The LMS did not answer in time: ${this.endpoint(operation)} timed out after ${seconds(timeoutMs)}. Try again in a moment.`,
            operation,
            undefined,
            undefined,
            { cause: error, code: 'timeout' },
          );
        }
        if (isAbort(error)) throw error;
        throw new UnavailableError(
          `The LMS could not be reached (${this.endpoint(operation)} failed: ${errorText(error)}). Check the network connection and try again.`,
          operation,
          undefined,
          undefined,
          { cause: error, code: 'offline' },
        );
      }
      if (redirected && looksLikeHtml(response, text)) throw this.#sessionEnded(operation, 'it was sent to a web page instead');
      if (!response.ok) {
        const refused = { operation, endpoint: this.endpoint(operation), tooLargeWrite: this.#writesModule?.TOO_LARGE_WRITE[operation], snippet };
        throw await (await this.#failures(operation)).refusal(refused, response, text);
      }
      if (read === null) return undefined;
      return this.#parse(operation, response, text, read);
    } finally {
      clearTimeout(timer);
      spec.signal?.removeEventListener('abort', onAbort);
    }
  }

  #cap(operation: BackendOperation, spec: CallSpec): number {
    const configured = this.#options.maxResponseBytes?.[operation];
    if (configured !== undefined && Number.isFinite(configured) && configured > 0) return configured;
    const perRecord = operation === 'dryRunChunk' || operation === 'commitUpload' ? RESPONSE_BYTES_PER_RECORD[operation] : 0;
    return RESPONSE_LIMITS[operation] + (spec.records ?? 0) * perRecord;
  }

  async #init(operation: BackendOperation, spec: CallSpec, body: Body | undefined, signal: AbortSignal): Promise<RequestInit> {
    let headers: Headers;
    try {
      headers = await this.#headers(spec);
      if (body?.gzip) headers.set('Content-Encoding', 'gzip');
    } catch (error) {
      throw new InternalBackendError(
        `The page could not prepare the headers for ${this.endpoint(operation)} (${errorText(error)}). Check the widget's backend settings (the headers option).`,
        operation,
        { cause: error, code: 'configuration' },
      );
    }
    return {
      method: REST_ROUTES[operation].method,
      headers,
      signal,
      // Never followed by fetch itself: #fetch decides, so nothing reaches another origin.
      redirect: 'manual',
      ...(body ? { body: body.bytes } : {}),
      ...(spec.keepalive ? { keepalive: true } : {}),
      ...(this.#options.credentials ? { credentials: this.#options.credentials } : {}),
    };
  }

  /**
   * fetch without trusting redirects: fetch itself follows none (`redirect: 'manual'`); a redirect is
   * followed, or refused, by rest-failures.ts followRedirects — reads within the page's origin only, writes
   * never — so nothing reaches another origin. A redirect elsewhere is the LMS sending the admin to sign in.
   */
  async #fetch(operation: BackendOperation, url: URL, init: RequestInit): Promise<{ response: Response; redirected: boolean }> {
    const fetchImpl = this.#options.fetch ?? globalThis.fetch;
    const response = await fetchImpl.call(globalThis, url.href, init);
    if (response.type !== 'opaqueredirect' && !REDIRECT_STATUSES.has(response.status)) return { response, redirected: false };
    const failures = await this.#failures(operation);
    return failures.followRedirects(
      {
        operation,
        endpoint: this.endpoint(operation),
        read: REST_ROUTES[operation].method === 'GET',
        fetch: fetchImpl,
        init,
        statuses: REDIRECT_STATUSES,
        sessionEnded: (how) => this.#sessionEnded(operation, how),
      },
      url,
      response,
    );
  }

  #sessionEnded(operation: BackendOperation, how: string): SessionEndedError {
    return new SessionEndedError(
      `Your LMS session has ended: ${this.endpoint(operation)} was not answered (${how}). Sign in to the LMS again, then reload this page. Nothing was sent elsewhere.`,
      operation,
    );
  }

  async #headers(spec: CallSpec): Promise<Headers> {
    const headers = new Headers({ Accept: 'application/json, application/problem+json' });
    if (spec.body !== undefined) headers.set('Content-Type', 'application/json');
    const host = this.#options.headers;
    const extra = typeof host === 'function' ? await host() : host;
    if (extra) new Headers(extra).forEach((value, name) => headers.set(name, value));
    for (const [name, value] of Object.entries(spec.headers ?? {})) headers.set(name, value);
    return headers;
  }

  #url(operation: BackendOperation, spec: CallSpec): URL {
    const route = REST_ROUTES[operation];
    const template = this.#options.paths?.[operation] ?? route.path;
    const path = template.replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = spec.pathParams?.[name];
      if (value === undefined || value === '') {
        throw new InternalBackendError(`${this.endpoint(operation)} needs a ${name}; none was given.`, operation, { code: 'internal' });
      }
      return encodeURIComponent(value);
    });
    let url: URL;
    try {
      if (/^[a-z][a-z\d+.-]*:/i.test(path)) {
        url = new URL(path);
      } else {
        const base = new URL(String(this.#options.baseUrl), globalThis.location?.href);
        url = new URL(`${base.pathname.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`, base);
      }
    } catch (error) {
      throw new InternalBackendError(
        `The widget's LMS address is not a valid URL (api-base "${snippet(String(this.#options.baseUrl))}", path "${snippet(template)}"). Check the widget's settings.`,
        operation,
        { cause: error, code: 'configuration' },
      );
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new InternalBackendError(
        `The widget's LMS address must be an http(s) address, not "${snippet(url.protocol)}" (api-base "${snippet(String(this.#options.baseUrl))}"). Check the widget's settings.`,
        operation,
        { code: 'configuration' },
      );
    }
    for (const [name, value] of Object.entries(spec.query ?? {})) {
      if (value !== undefined && value !== '') url.searchParams.set(name, String(value));
    }
    return url;
  }

  #parse(operation: BackendOperation, response: Response, text: string, read: Reader<unknown>): unknown {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new ContractError(
        `${this.endpoint(operation)} answered something that is not JSON${htmlHint(response, text)}: "${snippet(text)}"`,
        operation,
        response.status,
        undefined,
        { cause: error },
      );
    }
    try {
      return read(json);
    } catch (error) {
      if (!(error instanceof AnswerProblem)) throw error;
      throw new ContractError(
        `${this.endpoint(operation)} answered something unexpected: ${error.field || 'the answer'} — ${error.problem}`,
        operation,
        response.status,
        error.field || undefined,
        { cause: error },
      );
    }
  }

  #mismatch(operation: BackendOperation, field: string, problem: string): never {
    throw new ContractError(`${this.endpoint(operation)} answered something unexpected: ${field} — ${problem}`, operation, 200, field);
  }
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/**
 * Reads a body as it arrives, up to `cap` bytes: the text (decoded once, at the end), or undefined when
 * the body is larger (announced by Content-Length, or counted) — then the rest is not read.
 */
async function readCapped(response: Response, cap: number): Promise<string | undefined> {
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

/** Exponential back-off with equal jitter: half the delay fixed, half random, so retries spread out. */
function backoff(attempt: number, baseDelayMs: number, maxDelayMs: number): number {
  const delay = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
  return delay / 2 + Math.random() * (delay / 2);
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError(signal));
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError(signal!));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw abortError(signal);
}

/** Always an AbortError DOMException, whatever reason the caller aborted with. */
function abortError(signal: AbortSignal): DOMException {
  const reason: unknown = signal.reason;
  if (reason instanceof DOMException && reason.name === 'AbortError') return reason;
  return new DOMException(typeof reason === 'string' ? reason : 'The LMS call was cancelled.', 'AbortError');
}

function looksLikeHtml(response: Response, text: string): boolean {
  return (response.headers.get('Content-Type') ?? '').includes('html') || /^\s*</.test(text);
}

function htmlHint(response: Response, text: string): string {
  return looksLikeHtml(response, text) ? ' (an HTML page: check the API address, or sign in to the LMS again)' : '';
}

function snippet(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 79)}…` : flat;
}

function errorText(error: unknown): string {
  return error instanceof Error && error.message ? snippet(error.message) : 'network error';
}

function seconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
}

function bytes(n: number): string {
  return n >= MiB ? `${+(n / MiB).toFixed(1)} MB` : `${Math.round(n / KiB)} KB`;
}

function positive(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : fallback;
}

function nonNegative(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value >= 0 ? value : fallback;
}
