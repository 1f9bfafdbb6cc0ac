// The reference server (server/) as the gate and the load run start it: real processes (`node --import tsx
// server/main.ts`), on PGlite, on PostgreSQL, and as two instances over one PostgreSQL. The server's own
// settings come from its environment variables (server/config.ts).
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Auth } from './http.js';

export interface RunningTarget {
  readonly baseUrls: readonly string[];
  readonly auth: Auth;
  readonly otherAuth?: Auth;
  readonly processes: readonly ServerProcess[];
  stop(): Promise<void>;
}

export interface ReferenceTarget {
  readonly label: string;
  readonly postgres: boolean;
  /** Why it cannot run here (e.g. no PostgreSQL), or undefined when it can. */
  unavailable(): string | undefined;
  start(): Promise<RunningTarget>;
}

/** The demo data's API tokens (server/db/seed.ts DEMO_ADMINS): an admin who may upload, and one who may not. */
export const ADMIN_TOKEN = 'demo-admin-token';
export const VIEWER_TOKEN = 'demo-viewer-token';

export interface ServerProcess {
  readonly child: ChildProcess;
  /** `http://127.0.0.1:PORT` */
  readonly origin: string;
  readonly baseUrl: string;
  /** Everything the process wrote, for failure reports. */
  readonly output: () => string;
  /** SIGTERM and wait (SIGKILL after 10 s). */
  stop(): Promise<void>;
  /** SIGKILL: no shutdown at all. */
  kill(): Promise<void>;
}

export interface StartOptions {
  readonly databaseUrl?: string;
  /** PGlite's data directory; `memory` for none. */
  readonly dataDir?: string;
  readonly port?: number;
  readonly env?: Readonly<Record<string, string>>;
  readonly timeoutMs?: number;
  /** The checkout to run the server from (default: this one). */
  readonly cwd?: string;
}

/** A port nobody listens on now (the OS's choice), for a server that must be told its port up front. */
export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Settings for kit runs: a short staging time, so expiry is testable (long enough for a 5,000-record chunk on
 * a loaded machine; the wait overlaps the other checks), no per-minute upload cap (the kit stages ~100).
 */
export const KIT_ENV: Readonly<Record<string, string>> = {
  LMS_UPLOAD_TTL_SECONDS: '30',
  LMS_SWEEP_SECONDS: '5',
  LMS_UPLOADS_PER_MINUTE: '0',
  LOG_LEVEL: 'warn',
};

export const SERVER_ENTRY = 'server/main.ts';

/** Starts `server/main.ts serve` and waits until /readyz answers. */
export async function startServer(options: StartOptions = {}): Promise<ServerProcess> {
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    HOST: '127.0.0.1',
    PORT: String(options.port ?? (await freePort())),
    ...options.env,
  };
  delete env['DATABASE_URL'];
  if (options.databaseUrl) env['DATABASE_URL'] = options.databaseUrl;
  env['LMS_DATA_DIR'] = options.dataDir ?? 'memory';
  const child = spawn(process.execPath, ['--import', 'tsx', SERVER_ENTRY, 'serve'], { env, cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const origin = `http://127.0.0.1:${env['PORT']}`;
  let exited: number | null | undefined;
  const exit = new Promise<void>((resolve) => child.once('exit', (code) => ((exited = code), resolve())));
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    if (output.length > 200_000) output = output.slice(-100_000);
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  const basePath = (options.env?.['LMS_BASE_PATH'] ?? '/api/lms').replace(/\/+$/, '');
  for (;;) {
    if (exited !== undefined) throw new Error(`the server exited (code ${exited}) before it was ready:\n${output.slice(-3000)}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the server was not ready after ${Math.round((options.timeoutMs ?? 120_000) / 1000)} s:\n${output.slice(-3000)}`);
    }
    const ready = await fetch(`${origin}/readyz`).then((r) => r.ok, () => false);
    if (ready) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const o = origin;
  const kill = async (signal: NodeJS.Signals) => {
    if (exited !== undefined) return;
    child.kill(signal);
    const timer = signal === 'SIGKILL' ? undefined : setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exit;
    if (timer) clearTimeout(timer);
  };
  return { child, origin: o, baseUrl: `${o}${basePath}`, output: () => output, stop: () => kill('SIGTERM'), kill: () => kill('SIGKILL') };
}

/** A signed-in session through the server's demo sign-in (LMS_DEV_SIGNIN=on): cookie + CSRF credentials for the kit. */
export async function devSession(baseUrl: string, userId: string): Promise<Auth> {
  const res = await fetch(`${baseUrl}/dev/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ userId }) });
  if (!res.ok) throw new Error(`demo sign-in as ${userId} answered ${res.status}: ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { kind: 'cookie', cookie, csrf: { header: 'X-CSRF-Token', value: csrfToken } };
}

export function postgresUrl(): string | undefined {
  return process.env['CONFORMANCE_DATABASE_URL']?.trim() || undefined;
}

const NO_PG = 'PostgreSQL not available: set CONFORMANCE_DATABASE_URL=postgres://… (bash .ci/run sets it up)';
const SERVER_CWD = process.env['CONFORMANCE_SERVER_CWD'];
const NO_SERVER = `the reference server (${SERVER_ENTRY}) is not in this checkout`;
export const hasServer = (): boolean => existsSync(join(SERVER_CWD ?? '.', SERVER_ENTRY));

function stopAll(processes: readonly ServerProcess[], cleanup?: () => void): () => Promise<void> {
  return async () => {
    await Promise.all(processes.map((p) => p.stop()));
    cleanup?.();
  };
}

export const REFERENCE_TARGETS: readonly ReferenceTarget[] = [
  {
    label: 'reference server on PGlite (cookie session + CSRF)',
    postgres: false,
    unavailable: () => (hasServer() ? undefined : NO_SERVER),
    async start() {
      const dir = mkdtempSync(join(tmpdir(), 'lms-pglite-'));
      const server = await startServer({ cwd: SERVER_CWD, dataDir: dir, env: { ...KIT_ENV, LMS_DEV_SIGNIN: 'on' } });
      try {
        const auth = await devSession(server.baseUrl, 'adm-00001');
        const otherAuth = await devSession(server.baseUrl, 'adm-00003');
        return { baseUrls: [server.baseUrl], auth, otherAuth, processes: [server], stop: stopAll([server], () => rmSync(dir, { recursive: true, force: true })) };
      } catch (error) {
        await server.stop();
        throw error;
      }
    },
  },
  {
    label: 'reference server on PostgreSQL (bearer token)',
    postgres: true,
    unavailable: () => (!hasServer() ? NO_SERVER : postgresUrl() ? undefined : NO_PG),
    async start() {
      const server = await startServer({ cwd: SERVER_CWD, databaseUrl: postgresUrl(), env: KIT_ENV });
      return {
        baseUrls: [server.baseUrl],
        auth: { kind: 'bearer', token: ADMIN_TOKEN },
        otherAuth: { kind: 'bearer', token: VIEWER_TOKEN },
        processes: [server],
        stop: stopAll([server]),
      };
    },
  },
  {
    label: 'two reference servers on one PostgreSQL, requests spread across both',
    postgres: true,
    unavailable: () => (!hasServer() ? NO_SERVER : postgresUrl() ? undefined : NO_PG),
    async start() {
      // One after the other: the first migrates (and seeds an empty database), the second finds it done.
      const first = await startServer({ cwd: SERVER_CWD, databaseUrl: postgresUrl(), env: KIT_ENV });
      const second = await startServer({ cwd: SERVER_CWD, databaseUrl: postgresUrl(), env: KIT_ENV }).catch(async (error: unknown) => {
        await first.stop();
        throw error;
      });
      return {
        baseUrls: [first.baseUrl, second.baseUrl],
        auth: { kind: 'bearer', token: ADMIN_TOKEN },
        otherAuth: { kind: 'bearer', token: VIEWER_TOKEN },
        processes: [first, second],
        stop: stopAll([first, second]),
      };
    },
  },
];
