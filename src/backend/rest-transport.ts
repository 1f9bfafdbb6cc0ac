// RestBackend's full transport, loaded with the first write or discard, or with the first read whose lean
// attempt (rest-backend.ts) did not end in a checked answer: it ends that attempt where it stopped, then
// tries again by the retry policy (timeouts, network failures, 429 and 5xx; Retry-After). Every attempt is
// under the timeout, every answer read up to its cap, no request follows a redirect to another origin
// (nothing — headers, idempotency key, body — is ever sent there), writes follow no redirect at all, and a
// 413 on a dry-run chunk is retried in smaller parts. The write half (stage, dry run, commit, request
// bodies: rest-writes.ts) loads with the first write; what is done with a refusal or a redirect
// (rest-failures.ts) loads with the first one, or with the first write.
import { AnswerProblem } from './answers.js';
import { BackendError, ContractError, InternalBackendError, NotFoundError, SessionEndedError, UnavailableError, isAbort } from './errors.js';
import {
  Clock,
  REST_ROUTES,
  abortError,
  answerCap,
  endpointOf,
  errorText,
  internalError,
  isHttp,
  readCapped,
  requestInit,
  requestUrl,
  seconds,
  snippet,
  throwIfAborted,
  type BackendOperation,
  type CallSpec,
  type Handover,
  type Reader,
  type RestBackendOptions,
} from './rest-backend.js';
import type * as Failures from './rest-failures.js';
import type * as Writes from './rest-writes.js';
import type { Body, UploadState } from './rest-writes.js';
import type { CallOptions, Capabilities, CommitRequest, CommitResult, DryRunChunk, DryRunResult, StageRequest, StagedUpload } from './types.js';

const DEFAULTS = { attempts: 3, baseDelayMs: 300, maxDelayMs: 8_000 } as const;

const KiB = 1024;
const MiB = 1024 * KiB;

/** A failed answer other than 409/422 is read up to this size; the rest is left unread (it is not needed). */
const ERROR_BODY_BYTES = 64 * KiB;

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

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

/** @internal One RestBackend's calls beyond the first screens' lean reads. */
export class FullTransport implements RestTransport {
  readonly #options: RestBackendOptions;
  /** What the LMS declared, once RestBackend asked it. */
  readonly #capabilities: () => Capabilities | undefined;
  readonly uploads = new Map<string, UploadState>();
  /** Set when the LMS refused a gzip body with 415: bodies go plain from then on. */
  #gzipRefused = false;
  /** The write half, once a write loaded it. */
  #writesModule: typeof Writes | undefined;
  /** Refusals and redirects (rest-failures.ts), once one came or a write loaded it. */
  #failuresLoad: Promise<typeof Failures> | undefined;
  readonly bytes = bytes;

  constructor(options: RestBackendOptions, capabilities: () => Capabilities | undefined) {
    this.#options = options;
    this.#capabilities = capabilities;
  }

  async stageUpload(request: StageRequest, options?: CallOptions): Promise<StagedUpload> {
    return (await this.#writes('stageUpload')).stageUpload(this, request, options);
  }

  async dryRunChunk(uploadId: string, chunk: DryRunChunk, options?: CallOptions): Promise<DryRunResult> {
    return (await this.#writes('dryRunChunk')).dryRunChunk(this, uploadId, chunk, options);
  }

  async commitUpload(uploadId: string, request: CommitRequest, options?: CallOptions): Promise<CommitResult> {
    return (await this.#writes('commitUpload')).commitUpload(this, uploadId, request, options);
  }

  async discardUpload(uploadId: string, options?: CallOptions): Promise<void> {
    this.uploads.delete(uploadId);
    try {
      await this.call('discardUpload', null, { pathParams: { uploadId }, signal: options?.signal, keepalive: options?.keepalive === true });
    } catch (error) {
      // Discarding is about leaving nothing staged: an upload that is already gone is just that.
      if (error instanceof NotFoundError) return;
      throw error;
    }
  }

  endpoint(operation: BackendOperation): string {
    return endpointOf(this.#options, operation);
  }

  gzipWanted(): boolean {
    if (this.#gzipRefused || this.#options.compressRequests === false || typeof CompressionStream !== 'function') return false;
    return this.#options.compressRequests === true || this.#capabilities()?.acceptsGzip === true;
  }

  maxRequestBytes(): number | undefined {
    return this.#capabilities()?.maxRequestBytes;
  }

  /** A call, its retries included; `first`: a read's lean first attempt, ended here as attempt 1. */
  async call<T = void>(operation: BackendOperation, read: Reader<T> | null, spec: CallSpec, first?: Handover): Promise<T> {
    const route = REST_ROUTES[operation];
    const attempts = route.retry === 'never' ? 1 : positive(spec.attempts ?? this.#options.retries?.attempts, DEFAULTS.attempts);
    const baseDelay = nonNegative(this.#options.retries?.baseDelayMs, DEFAULTS.baseDelayMs);
    const maxDelay = nonNegative(this.#options.retries?.maxDelayMs, DEFAULTS.maxDelayMs);
    let from = first;
    try {
      const url = this.#url(operation, spec);
      let body = spec.body === undefined ? undefined : await this.#encode(operation, spec.body);
      for (let attempt = 1; ; attempt++) {
        try {
          const started = from;
          from = undefined;
          return (await this.#attempt(operation, url, read, spec, body, started)) as T;
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
      // A first attempt not reached (the URL refused by now, an abort): its clock stops here.
      from?.clock.end();
      throw this.#internal(operation, error);
    }
  }

  mismatch(operation: BackendOperation, field: string, problem: string): never {
    throw new ContractError(`${this.endpoint(operation)} answered something unexpected: ${field} — ${problem}`, operation, 200, field);
  }

  /** A BackendError or an abort as it is; anything else (our own bug, a chunk that did not load) an InternalBackendError. */
  #internal(operation: BackendOperation, error: unknown): unknown {
    if (error instanceof BackendError || isAbort(error)) return error;
    return internalError(this.#options, operation, error);
  }

  /** The request body as sent (rest-writes.ts: JSON, gzip when the LMS takes it, within its maxRequestBytes). */
  async #encode(operation: BackendOperation, value: unknown): Promise<Body> {
    return (await this.#writes(operation)).encode(this, operation, value);
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

  /** One attempt under its own clock, or the rest of a read's lean first attempt (`from`) under that one's. */
  async #attempt(operation: BackendOperation, url: URL, read: Reader<unknown> | null, spec: CallSpec, body: Body | undefined, from?: Handover): Promise<unknown> {
    const clock = from?.clock ?? new Clock(this.#options.timeoutMs, spec.signal);
    try {
      throwIfAborted(spec.signal);
      const init = from?.init ?? (await this.#init(operation, spec, body, clock.signal));
      let response: Response;
      let redirected: boolean;
      let text: string;
      try {
        if (from?.failed) throw from.failed.error;
        ({ response, redirected } = await this.#fetch(operation, url, init, from?.response));
        // The body is read under the same timeout (an LMS may send headers and then stall) and up to the
        // operation's cap (an LMS may send without end).
        const cap = response.ok || response.status === 409 || response.status === 422 ? answerCap(this.#options, operation, spec) : ERROR_BODY_BYTES;
        const body = from?.read ? from.read.text : await readCapped(response, cap);
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
        if (clock.timedOut) {
          throw new UnavailableError(
            `The LMS did not answer in time: ${this.endpoint(operation)} timed out after ${seconds(clock.ms)}. Try again in a moment.`,
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
      clock.end();
    }
  }

  /** The call's URL, or the failure that says why the host's settings (api-base, paths) make none. */
  #url(operation: BackendOperation, spec: CallSpec): URL {
    const options = this.#options;
    const template = options.paths?.[operation] ?? REST_ROUTES[operation].path;
    let url: URL;
    try {
      url = requestUrl(options, operation, spec);
    } catch (error) {
      if (error instanceof BackendError) throw error;
      throw new InternalBackendError(
        `The widget's LMS address is not a valid URL (api-base "${snippet(String(options.baseUrl))}", path "${snippet(template)}"). Check the widget's settings.`,
        operation,
        { cause: error, code: 'configuration' },
      );
    }
    if (!isHttp(url)) {
      throw new InternalBackendError(
        `The widget's LMS address must be an http(s) address, not "${snippet(url.protocol)}" (api-base "${snippet(String(options.baseUrl))}"). Check the widget's settings.`,
        operation,
        { code: 'configuration' },
      );
    }
    return url;
  }

  /**
   * The request: a read's (requestInit), with a write's body and headers; or the failure that says the
   * host's headers option could not give its headers.
   */
  async #init(operation: BackendOperation, spec: CallSpec, body: Body | undefined, signal: AbortSignal): Promise<RequestInit> {
    let init: RequestInit & { headers: Headers };
    try {
      init = await requestInit(this.#options, operation, signal);
    } catch (error) {
      throw new InternalBackendError(
        `The page could not prepare the headers for ${this.endpoint(operation)} (${errorText(error)}). Check the widget's backend settings (the headers option).`,
        operation,
        { cause: error, code: 'configuration' },
      );
    }
    const { headers } = init;
    // The host's headers may set the Content-Type; the call's own (Idempotency-Key) and the encoding win.
    if (spec.body !== undefined && !headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
    for (const [name, value] of Object.entries(spec.headers ?? {})) headers.set(name, value);
    if (body?.gzip) headers.set('Content-Encoding', 'gzip');
    return { ...init, ...(body ? { body: body.bytes } : {}), ...(spec.keepalive ? { keepalive: true } : {}) };
  }

  /**
   * fetch without trusting redirects (`answered`: the answer a lean first attempt already has): fetch
   * itself follows none (`redirect: 'manual'`); a redirect is followed, or refused, by rest-failures.ts
   * followRedirects — reads within the page's origin only, writes never — so nothing reaches another
   * origin. A redirect elsewhere is the LMS sending the admin to sign in.
   */
  async #fetch(operation: BackendOperation, url: URL, init: RequestInit, answered?: Response): Promise<{ response: Response; redirected: boolean }> {
    const fetchImpl = this.#options.fetch ?? globalThis.fetch;
    const response = answered ?? (await fetchImpl.call(globalThis, url.href, init));
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
}

/** Exponential back-off with equal jitter: half the delay fixed, half random, so retries spread out. */
function backoff(attempt: number, baseDelayMs: number, maxDelayMs: number): number {
  const delay = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
  return delay / 2 + Math.random() * (delay / 2);
}

// Twin of session/retry.ts's sleep, on purpose: the two live in lazy chunks that must not import each other,
// and one shared module is a chunk of its own or a part of the first load (measured +36 / +92 B gzip there).
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

function looksLikeHtml(response: Response, text: string): boolean {
  return (response.headers.get('Content-Type') ?? '').includes('html') || /^\s*</.test(text);
}

function htmlHint(response: Response, text: string): string {
  return looksLikeHtml(response, text) ? ' (an HTML page: check the API address, or sign in to the LMS again)' : '';
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
