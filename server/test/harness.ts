// Shared set-up of the server tests: one database per test file (PGlite in memory, started once: it takes
// seconds; or PostgreSQL at LMS_TEST_DATABASE_URL, emptied and seeded), servers on ephemeral ports over it,
// a movable clock, and a small HTTP helper that returns status, headers and the parsed body.
import { gzipSync } from 'node:zlib';
import { recordsChecksum } from '../../src/backend/checksum.js';
import type { UploadRecord } from '../../src/core/records.js';
import { DEMO, TEMPLATE_VERSIONS } from '../../demo/mocks/data.js';
import { buildApp } from '../app.js';
import { DEFAULT_CONFIG } from '../config.js';
import type { ServerConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import type { Database } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { seed } from '../db/seed.js';

export const ADMIN = 'demo-admin-token';
export const ADMIN2 = 'demo-admin2-token';
export const VIEWER = 'demo-viewer-token';

export interface Clock {
  now: () => Date;
  /** Moves the clock forward by `ms`. */
  advance(ms: number): void;
}

export interface TestServer {
  readonly url: string;
  readonly base: string;
  close(): Promise<void>;
}

const closers: Array<() => Promise<unknown>> = [];

/** Registers something for closeAll to close (after the servers, before the file's database). */
export function atClose(close: () => Promise<unknown>): void {
  closers.splice(closers.length - 1, 0, close);
}

/** Closes the file's servers, then its database: `after(closeAll)` in every test file. */
export async function closeAll(): Promise<void> {
  for (const close of closers.splice(0)) await close();
}

const TABLES = 'rate_windows, api_tokens, sessions, idempotency_keys, completion_records, staged_rows, staged_uploads, user_identifiers, user_domains, users, domain_identifier_kinds, domains, activities, categories';

/** The file's database, migrated and seeded; closed by closeAll. */
export async function testDatabase(): Promise<Database> {
  const url = process.env['LMS_TEST_DATABASE_URL'];
  const db = await openDatabase(url ? { url } : {});
  await migrate(db);
  if (url) await db.query(`TRUNCATE ${TABLES}`);
  await seed(db);
  closers.push(() => db.close());
  return db;
}

export function testClock(start = Date.now()): Clock {
  let offset = 0;
  return {
    now: () => new Date(start + offset + (Date.now() - start)),
    advance(ms) {
      offset += ms;
    },
  };
}

export function testConfig(overrides: Partial<ServerConfig> = {}, limits: Partial<ServerConfig['limits']> = {}): ServerConfig {
  return { ...DEFAULT_CONFIG, sweepIntervalMs: 0, ...overrides, limits: { ...DEFAULT_CONFIG.limits, uploadsPerMinute: 0, ...limits } };
}

/** A server on 127.0.0.1 and an ephemeral port over `db`; closed by closeAll. */
export async function startServer(db: Database, config: ServerConfig = testConfig(), clock?: Clock): Promise<TestServer> {
  const app = buildApp({ db, config, logger: process.env['LMS_TEST_LOG'] ? { level: 'error' } : false, ...(clock ? { now: clock.now } : {}) });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  const server = { url, base: `${url}${config.basePath}`, close: () => app.close() };
  closers.unshift(() => app.close());
  return server;
}

export interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: Record<string, unknown> & { issues?: Array<Record<string, unknown>> };
}

export interface CallOptions {
  readonly token?: string | null;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  /** Send the JSON body gzip-compressed (Content-Encoding: gzip). */
  readonly gzip?: boolean;
  readonly raw?: Uint8Array | string;
}

/** One HTTP call to the server's API (`path` relative to the base path), bearer ADMIN unless `token` says otherwise. */
export async function call(server: TestServer, method: string, path: string, options: CallOptions = {}): Promise<Answer> {
  const headers: Record<string, string> = { ...options.headers };
  const token = options.token === undefined ? ADMIN : options.token;
  if (token) headers['Authorization'] = `Bearer ${token}`;
  let body: BodyInit | undefined;
  if (options.raw !== undefined) body = options.raw as BodyInit;
  else if (options.body !== undefined) {
    headers['Content-Type'] ??= 'application/json';
    const json = JSON.stringify(options.body);
    if (options.gzip) {
      headers['Content-Encoding'] = 'gzip';
      body = gzipSync(json);
    } else body = json;
  }
  const response = await fetch(`${server.base}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as Answer['body']) : {} };
}

export const CLASSROOM = {
  activityId: DEMO.activities.classroom,
  domainId: DEMO.domains.employees,
  identifierKind: 'email',
  templateVersion: TEMPLATE_VERSIONS.classroom,
} as const;

/** Clean classroom records for published employees `from`…`from+count-1`, rows 2… */
export function classroomRecords(from: number, count: number, date = '2026-03-14'): UploadRecord[] {
  return DEMO.employees.slice(from, from + count).map((employee, i) => ({
    row: 2 + i,
    values: { identifier: employee.email, completionDate: date, status: 'Completed', trainer: 'Sam Lee', comments: null },
  }));
}

/** Stages and dry-runs `records` (one chunk) for `stage` as `token`; returns the upload id and the commit request. */
export async function staged(
  server: TestServer,
  records: readonly UploadRecord[],
  token = ADMIN,
  stage: Record<string, unknown> = CLASSROOM,
): Promise<{ uploadId: string; dryRun: Answer; commit: { idempotencyKey: string; recordCount: number; checksum: string } }> {
  const staging = await call(server, 'POST', '/uploads', { token, body: { ...stage, totalRecords: records.length } });
  if (staging.status !== 201) throw new Error(`stageUpload answered ${staging.status}: ${JSON.stringify(staging.body)}`);
  const uploadId = String(staging.body['uploadId']);
  const dryRun = await call(server, 'POST', `/uploads/${uploadId}/chunks`, { token, body: { chunkIndex: 0, records } });
  return { uploadId, dryRun, commit: { idempotencyKey: `key-${crypto.randomUUID()}`, recordCount: records.length, checksum: await recordsChecksum(records) } };
}

export async function recordCount(db: Database, activityId?: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM completion_records WHERE $1::text IS NULL OR activity_id = $1', [activityId ?? null]);
  return rows[0]!.n;
}
