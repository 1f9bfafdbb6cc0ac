// One loopback origin for a consumer app: its production build (static files) and the demo LMS under
// /api/lms, served through the very msw handlers the browser demo uses (demo/mocks/handlers.ts) over
// real HTTP, so the packed RestBackend talks to it as to any LMS. Optional response headers (a strict
// CSP with Trusted Types for the hardening page). Kept tiny on purpose: the conformance kit has the full
// Node adapter of the demo LMS.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { getResponse } from 'msw';
import { createLmsHandlers, defaultSettings } from '../../demo/mocks/handlers.js';
import { Lms } from '../../demo/mocks/lms.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.map': 'application/json',
};

export interface ConsumerServer {
  readonly origin: string;
  readonly lms: Lms;
  /** Paths requested, with their status (to tell which chunks a page loaded). */
  readonly requests: { path: string; status: number }[];
  close(): Promise<void>;
}

async function body(req: IncomingMessage): Promise<Uint8Array<ArrayBuffer> | undefined> {
  if (req.method === 'GET' || req.method === 'HEAD') return undefined;
  const parts: Buffer[] = [];
  for await (const part of req as AsyncIterable<Buffer>) parts.push(part);
  return parts.length ? new Uint8Array(Buffer.concat(parts)) as Uint8Array<ArrayBuffer> : undefined;
}

/**
 * Serves `dir` (index.html for `/`) and the demo LMS at `/api/lms`; `headers` go on every HTML answer;
 * `cors` answers every origin (what a CDN does for its files).
 */
export async function serveApp(dir: string, headers: Record<string, string> = {}, { cors = false } = {}): Promise<ConsumerServer> {
  const root = resolve(dir);
  const lms = new Lms();
  const requests: { path: string; status: number }[] = [];
  let handlers: ReturnType<typeof createLmsHandlers> = [];
  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (url.pathname.startsWith('/api/lms/')) {
        const h = new Headers();
        for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string' && name !== 'content-length') h.set(name, value);
        const data = await body(req);
        const request = new Request(`${origin}${url.pathname}${url.search}`, { method: req.method ?? 'GET', headers: h, ...(data ? { body: data } : {}) });
        const response = await getResponse(handlers, request);
        if (!response || response.type === 'error') {
          res.writeHead(404).end();
          return;
        }
        const out: Record<string, string> = {};
        response.headers.forEach((value, name) => (out[name] = value));
        res.writeHead(response.status, out).end(Buffer.from(await response.arrayBuffer()));
        return;
      }
      const path = normalize(join(root, decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname)));
      const file = path.startsWith(root) && (await stat(path).catch(() => undefined))?.isFile() ? path : undefined;
      requests.push({ path: url.pathname, status: file ? 200 : 404 });
      if (!file) {
        res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
        return;
      }
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store', ...(cors ? { 'Access-Control-Allow-Origin': '*' } : {}), ...(type.startsWith('text/html') ? headers : {}) });
      res.end(await readFile(file));
    })().catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' }).end(String(error));
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  handlers = createLmsHandlers({ lms, baseUrl: `${origin}/api/lms`, settings: defaultSettings() });
  return {
    origin,
    lms,
    requests,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

export interface CdnDemo {
  /** The page's origin: demo/cdn.html at `/`, the demo LMS at /api/lms. */
  readonly page: ConsumerServer;
  /** Another origin serving dist/cdn/ with CORS, as a CDN would. */
  readonly cdn: ConsumerServer;
  close(): Promise<void>;
}

/**
 * demo/cdn.html as a host page would use the CDN build: its one script tag pointed at `cdnDir` (a
 * dist/cdn/ folder) served from a second origin, the page and the demo LMS from the first.
 */
export async function serveCdnDemo(cdnDir: string, workDir: string): Promise<CdnDemo> {
  const cdn = await serveApp(cdnDir, {}, { cors: true });
  const pageDir = join(workDir, 'cdn-page');
  await mkdir(pageDir, { recursive: true });
  const html = await readFile(resolve(import.meta.dirname, '../../demo/cdn.html'), 'utf8');
  const local = '../dist/cdn/offline-upload.js';
  if (!html.includes(local)) throw new Error(`demo/cdn.html no longer loads ${local}`);
  await writeFile(join(pageDir, 'index.html'), html.replace(local, `${cdn.origin}/offline-upload.js`));
  const page = await serveApp(pageDir);
  return { page, cdn, close: async () => void (await Promise.all([page.close(), cdn.close()])) };
}
