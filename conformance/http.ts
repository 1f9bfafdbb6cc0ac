// The kit's HTTP client: one LMS (or several instances of it, taken in turn), the caller's credentials,
// every exchange counted. Answers are read as text and parsed by the checks, so a malformed answer is a
// finding, never a crash.
import { gzipSync } from 'node:zlib';

/** Credentials as the LMS expects them: a bearer token, or a session cookie (+ CSRF header on writes). */
export type Auth =
  | { readonly kind: 'bearer'; readonly token: string }
  | { readonly kind: 'cookie'; readonly cookie: string; readonly csrf?: { readonly header: string; readonly value: string } }
  | { readonly kind: 'none' };

/** `bearer:TOKEN` · `cookie:NAME=VALUE` · `cookie:NAME=VALUE;csrf=HEADER:VALUE` · `none`. */
export function parseAuth(text: string): Auth {
  if (text === 'none') return { kind: 'none' };
  const bearer = /^bearer:(.+)$/i.exec(text);
  if (bearer) return { kind: 'bearer', token: bearer[1]!.trim() };
  const cookie = /^cookie:([^;]+?)(?:;\s*csrf=([^:]+):(.+))?$/i.exec(text);
  if (cookie && cookie[1]!.includes('=')) {
    return {
      kind: 'cookie',
      cookie: cookie[1]!.trim(),
      ...(cookie[2] ? { csrf: { header: cookie[2].trim(), value: cookie[3]!.trim() } } : {}),
    };
  }
  throw new Error(`--auth "${text}" is not understood: use bearer:TOKEN, cookie:NAME=VALUE or cookie:NAME=VALUE;csrf=HEADER:VALUE.`);
}

export interface Exchange {
  readonly method: string;
  readonly url: string;
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  readonly json: unknown;
  readonly ms: number;
}

export interface CallOptions {
  readonly query?: Record<string, string | number | undefined>;
  /** A JSON body (serialised here), or raw text/bytes sent as they are. */
  readonly body?: unknown;
  readonly raw?: string | Uint8Array;
  readonly contentType?: string;
  readonly headers?: Record<string, string>;
  /** Override the credentials for this call (`{ kind: 'none' }` = anonymous). */
  readonly auth?: Auth;
  /** Leave the CSRF header out even when the credentials have one. */
  readonly omitCsrf?: boolean;
  /** gzip the body and send `Content-Encoding: gzip`. */
  readonly gzip?: boolean;
  /** Which instance to call (index into the base URLs); default: the next one in turn. */
  readonly instance?: number;
  readonly timeoutMs?: number;
}

export class Api {
  #next = 0;
  requests = 0;
  bytesSent = 0;

  constructor(
    readonly baseUrls: readonly string[],
    readonly auth: Auth,
    readonly extraHeaders: Readonly<Record<string, string>> = {},
    readonly timeoutMs = 60_000,
  ) {
    if (baseUrls.length === 0) throw new Error('At least one --base-url is needed.');
  }

  get instances(): number {
    return this.baseUrls.length;
  }

  url(path: string, query?: CallOptions['query'], instance?: number): string {
    const index = instance ?? this.#next++ % this.baseUrls.length;
    const base = this.baseUrls[index % this.baseUrls.length]!.replace(/\/+$/, '');
    const url = new URL(base + path);
    for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
    return url.href;
  }

  async call(method: string, path: string, options: CallOptions = {}): Promise<Exchange> {
    const url = this.url(path, options.query, options.instance);
    const headers: Record<string, string> = { Accept: 'application/json, application/problem+json', ...this.extraHeaders };
    const auth = options.auth ?? this.auth;
    if (auth.kind === 'bearer') headers['Authorization'] = `Bearer ${auth.token}`;
    if (auth.kind === 'cookie') {
      headers['Cookie'] = auth.cookie;
      if (auth.csrf && method !== 'GET' && !options.omitCsrf) headers[auth.csrf.header] = auth.csrf.value;
    }
    let body: Uint8Array | string | undefined;
    if (options.raw !== undefined) body = options.raw;
    else if (options.body !== undefined) body = JSON.stringify(options.body);
    if (body !== undefined) {
      headers['Content-Type'] = options.contentType ?? 'application/json';
      if (options.gzip) {
        body = gzipSync(typeof body === 'string' ? Buffer.from(body) : body);
        headers['Content-Encoding'] = 'gzip';
      }
    }
    Object.assign(headers, options.headers);
    const started = performance.now();
    this.requests += 1;
    this.bytesSent += body === undefined ? 0 : typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength;
    const response = await fetch(url, {
      method,
      headers,
      ...(body !== undefined ? { body: typeof body === 'string' ? body : new Uint8Array(body) } : {}),
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs ?? this.timeoutMs),
    });
    const text = await response.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { method, url, status: response.status, headers: response.headers, text, json, ms: performance.now() - started };
  }
}
