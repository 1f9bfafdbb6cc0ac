// The demo LMS (demo/mocks/lms.ts, the class behind the in-browser mock) served over real HTTP on
// 127.0.0.1, through the very msw handlers the browser demo uses (demo/mocks/handlers.ts): same routes,
// same request checks, same problem documents. For the conformance kit, the consumer smoke suite and
// anyone who wants the demo LMS outside a browser.
//
//   npx tsx conformance/demo-lms.ts [--port 8788] [--ttl-ms 7200000] [--max-records 10000] [--csrf TOKEN] [--presets slow,…]
//
// Bodies reach the handlers as sent (gzip included: the handlers inflate it and enforce maxRequestBytes).
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { getResponse } from 'msw';
import { applyPresets, createLmsHandlers, defaultSettings } from '../demo/mocks/handlers.js';
import type { LmsSettings } from '../demo/mocks/handlers.js';
import { Lms } from '../demo/mocks/lms.js';
import type { LmsOptions } from '../demo/mocks/lms.js';

export interface DemoLmsServerOptions extends LmsOptions {
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  readonly host?: string;
  /** Where the API is mounted (default `/api/lms`). */
  readonly basePath?: string;
  /** When set, POST and DELETE must carry it in `X-CSRF-Token` (403 otherwise). */
  readonly csrfToken?: string;
  /** Failure presets by name (see LMS_PRESETS in demo/mocks/handlers.ts). */
  readonly presets?: readonly string[];
  /** Largest request body read at all (default 64 MiB; the LMS's own maxRequestBytes is checked by the handlers); bigger gets 413. */
  readonly maxBodyBytes?: number;
  /** Serve this Lms instead of a new one. */
  readonly lms?: Lms;
  /**
   * A middleware around the handlers, for tests that need an LMS which breaks the contract in a given way
   * (the conformance kit's own tests): gets the request and `next`, which answers it as the demo LMS would.
   */
  readonly intercept?: (request: Request, next: (request: Request) => Promise<Response>) => Promise<Response>;
}

export interface DemoLmsServer {
  /** e.g. `http://127.0.0.1:41234/api/lms` */
  readonly baseUrl: string;
  readonly port: number;
  readonly lms: Lms;
  readonly settings: LmsSettings;
  readonly server: Server;
  close(): Promise<void>;
}

function problem(res: ServerResponse, status: number, title: string, detail: string): void {
  res.writeHead(status, { 'Content-Type': 'application/problem+json' });
  res.end(JSON.stringify({ type: 'about:blank', title, status, detail }));
}

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const part of req as AsyncIterable<Buffer>) {
    size += part.length;
    if (size > limit) return 'too-large';
    parts.push(part);
  }
  return Buffer.concat(parts);
}

export async function startDemoLms(options: DemoLmsServerOptions = {}): Promise<DemoLmsServer> {
  const lms = options.lms ?? new Lms(options);
  const settings = defaultSettings();
  if (options.csrfToken !== undefined) settings.csrfToken = options.csrfToken;
  const unknown = applyPresets(options.presets ?? [], settings, lms);
  if (unknown.length > 0) throw new Error(`Unknown demo LMS preset(s): ${unknown.join(', ')}`);
  const basePath = (options.basePath ?? '/api/lms').replace(/\/+$/, '');
  const host = options.host ?? '127.0.0.1';
  const limit = options.maxBodyBytes ?? 64 * 1024 * 1024;
  let handlers: ReturnType<typeof createLmsHandlers> = [];

  const server = createServer((req, res) => {
    void (async () => {
      const origin = `http://${req.headers.host ?? host}`;
      const url = new URL(req.url ?? '/', origin);
      let body: Buffer | undefined;
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        const raw = await readBody(req, limit);
        if (raw === 'too-large') return problem(res, 413, 'Content too large', `The request body is larger than ${limit} bytes.`);
        body = raw;
      }
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        if (value === undefined || name === 'content-length') continue;
        for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
      }
      const request = new Request(url, { method: req.method, headers, ...(body && body.length > 0 ? { body: new Uint8Array(body) } : {}) });
      const next = async (r: Request): Promise<Response> =>
        (await getResponse(handlers, r)) ??
        new Response(JSON.stringify({ type: 'about:blank', title: 'Not found', status: 404, detail: `Nothing is served at ${url.pathname}.` }), {
          status: 404,
          headers: { 'Content-Type': 'application/problem+json' },
        });
      const response = options.intercept ? await options.intercept(request, next) : await next(request);
      if (response.type === 'error') {
        // A "network error" fault: the connection drops without an answer.
        req.socket.destroy();
        return;
      }
      const out: Record<string, string> = {};
      response.headers.forEach((value, name) => (out[name] = value));
      const bytes = Buffer.from(await response.arrayBuffer());
      res.writeHead(response.status, out);
      res.end(bytes);
    })().catch((error: unknown) => {
      if (!res.headersSent) problem(res, 500, 'Internal server error', error instanceof Error ? error.message : String(error));
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const baseUrl = `http://${host}:${port}${basePath}`;
  handlers = createLmsHandlers({ lms, baseUrl, settings });
  return {
    baseUrl,
    port,
    lms,
    settings,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8788' },
      host: { type: 'string', default: '127.0.0.1' },
      'ttl-ms': { type: 'string' },
      'max-records': { type: 'string' },
      csrf: { type: 'string' },
      presets: { type: 'string' },
    },
  });
  const number = (name: string, raw: string | undefined): number | undefined => {
    if (raw === undefined) return undefined;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} takes a whole number, not "${raw}".`);
    return n;
  };
  const lms = await startDemoLms({
    port: number('port', values.port),
    host: values.host,
    uploadTtlMs: number('ttl-ms', values['ttl-ms']),
    maxRecords: number('max-records', values['max-records']),
    csrfToken: values.csrf,
    presets: values.presets?.split(',').filter(Boolean),
  });
  console.log(`Demo LMS listening: ${lms.baseUrl}`);
  const stop = () => void lms.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
