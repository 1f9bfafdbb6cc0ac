// The reference LMS under load (`npm run bench:lms`; not part of CI). Against the reference server
// (server/, real processes) on PGlite and, when CONFORMANCE_DATABASE_URL (or BENCH_DATABASE_URL) is set, on
// PostgreSQL, through the widget's own client (RestBackend: the advertised chunk size, gzip bodies):
//   1. one upload of 100,000 rows: dry run + commit — wall time, requests, server peak memory;
//   2. 10 concurrent uploads of 10,000 rows each;
//   3. SIGKILL during a commit of 100,000 rows, restart on the same database: the records are all there
//      or none are, and a retry with the same key ends with exactly one set.
// Options: --rows 100000 --concurrent 10 --concurrent-rows 10000 --kill-at 0.5,0.1 (fractions of the
// measured commit time) --targets pglite,postgres --only 1,2,3
// The PostgreSQL database is emptied and re-seeded (server/main.ts seed --reset): use a scratch database.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { recordsChecksum } from '../src/backend/checksum.js';
import { RestBackend } from '../src/backend/rest-backend.js';
import type { UploadRecord } from '../src/core/records.js';
import { SEED_RECORDS, USERS } from '../demo/mocks/data.js';
import { ADMIN_TOKEN, startServer } from '../conformance/targets.js';
import type { ServerProcess } from '../conformance/targets.js';

const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '100000' },
    concurrent: { type: 'string', default: '10' },
    'concurrent-rows': { type: 'string', default: '10000' },
    'kill-at': { type: 'string', default: '0.5,0.1' },
    targets: { type: 'string', default: 'pglite,postgres' },
    only: { type: 'string', default: '1,2,3' },
  },
});
const ROWS = Number(args.rows);
const CONCURRENT = Number(args.concurrent);
const CONCURRENT_ROWS = Number(args['concurrent-rows']);
const KILL_AT = args['kill-at'].split(',').map(Number);
const ONLY = new Set(args.only.split(','));
const SERVER_CWD = resolve(process.env['CONFORMANCE_SERVER_CWD'] ?? '.');
const PG_URL = process.env['BENCH_DATABASE_URL'] ?? process.env['CONFORMANCE_DATABASE_URL'];

const ACTIVITY = 'act-hse-101';
const DOMAIN = 'dom-employees';
const KIND = 'email';
const ENV = { LMS_UPLOADS_PER_MINUTE: '0', LOG_LEVEL: 'warn', LMS_MAX_RECORDS: String(Math.max(ROWS, 100_000)) };

// ── Records: distinct (learner, date) pairs with no record in the seed data ─────────────────────────────

const learners = USERS.filter((u) => u.active && u.domainIds.includes(DOMAIN));
const seeded = new Set(SEED_RECORDS.filter((r) => r.activityId === ACTIVITY).map((r) => `${r.userId}|${r.date}`));
const DAY = 86_400_000;
const firstDay = Date.parse('2024-01-08');
const lastDay = Date.now() - 2 * DAY;
let cursor = 0;

/** The next `n` unused pairs as records (rows 2…n+1), in a fixed order: every scenario gets its own. */
function takeRecords(n: number): UploadRecord[] {
  const out: UploadRecord[] = [];
  const days = Math.floor((lastDay - firstDay) / DAY);
  while (out.length < n) {
    const i = cursor++;
    const user = learners[i % learners.length]!;
    const day = Math.floor(i / learners.length);
    if (day > days) throw new Error('Out of distinct (learner, date) pairs for the bench.');
    const date = new Date(firstDay + day * DAY).toISOString().slice(0, 10);
    if (seeded.has(`${user.id}|${date}`)) continue;
    out.push({ row: out.length + 2, values: { identifier: user.email, completionDate: date, status: 'Completed' } });
  }
  return out;
}

// ── Measuring ────────────────────────────────────────────────────────────────────────────────────────────

function rssOf(pid: number): { rss: number; hwm: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) * 1024;
    return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
  } catch {
    return { rss: 0, hwm: 0 };
  }
}

/** Samples the servers' resident memory every 50 ms while `work` runs; the peak, in MB. */
async function withPeak<T>(servers: readonly ServerProcess[], work: () => Promise<T>): Promise<{ result: T; peakMb: number }> {
  let peak = 0;
  const sample = () => {
    peak = Math.max(peak, servers.reduce((sum, s) => sum + rssOf(s.child.pid!).rss, 0));
  };
  sample();
  const timer = setInterval(sample, 50);
  try {
    const result = await work();
    sample();
    return { result, peakMb: peak / 1048576 };
  } finally {
    clearInterval(timer);
  }
}

interface Counter {
  requests: number;
  bytes: number;
  backend: RestBackend;
}

function client(baseUrl: string): Counter {
  const counter = { requests: 0, bytes: 0 } as Counter;
  const counting: typeof fetch = async (input, init) => {
    counter.requests += 1;
    const body = init?.body;
    if (body instanceof Uint8Array || body instanceof ArrayBuffer) counter.bytes += body.byteLength;
    else if (typeof body === 'string') counter.bytes += Buffer.byteLength(body);
    else if (body instanceof Blob) counter.bytes += body.size;
    return fetch(input, init);
  };
  counter.backend = new RestBackend({ baseUrl, headers: { Authorization: `Bearer ${ADMIN_TOKEN}` }, fetch: counting, timeoutMs: 600_000, retries: { attempts: 3 } });
  return counter;
}

async function templateVersion(backend: RestBackend): Promise<string> {
  return (await backend.getTemplateSpec({ activityId: ACTIVITY, domainId: DOMAIN, identifierKind: KIND })).version;
}

/** Stage + dry-run every chunk as the session would (the client's chunk size); throws unless every row is new. */
async function dryRunAll(backend: RestBackend, records: readonly UploadRecord[], version: string): Promise<string> {
  const { uploadId } = await backend.stageUpload({ activityId: ACTIVITY, domainId: DOMAIN, identifierKind: KIND, templateVersion: version, totalRecords: records.length });
  const size = backend.chunkSize;
  for (let i = 0; i * size < records.length; i++) {
    const result = await backend.dryRunChunk(uploadId, { chunkIndex: i, records: records.slice(i * size, (i + 1) * size) });
    const bad = result.rows.find((r) => r.label !== 'create');
    if (bad) throw new Error(`row ${bad.row} was labelled ${bad.label}: ${JSON.stringify(result.issues.slice(0, 2))}`);
  }
  return uploadId;
}

/** Labels of `records` in a scratch upload (discarded): how many exist now. */
async function existing(backend: RestBackend, records: readonly UploadRecord[], version: string): Promise<{ create: number; recorded: number; other: number }> {
  const { uploadId } = await backend.stageUpload({ activityId: ACTIVITY, domainId: DOMAIN, identifierKind: KIND, templateVersion: version, totalRecords: records.length });
  const counts = { create: 0, recorded: 0, other: 0 };
  const size = backend.chunkSize;
  for (let i = 0; i * size < records.length; i++) {
    const result = await backend.dryRunChunk(uploadId, { chunkIndex: i, records: records.slice(i * size, (i + 1) * size) });
    for (const r of result.rows) {
      if (r.label === 'create') counts.create++;
      else if (r.label === 'already-recorded') counts.recorded++;
      else counts.other++;
    }
  }
  await backend.discardUpload(uploadId);
  return counts;
}

/** Records in the database created by `uploadId` (the server's own database module; run with the server stopped for PGlite). */
async function countInDatabase(target: Target, uploadId: string): Promise<number> {
  const { openDatabase } = (await import(pathToFileURL(join(SERVER_CWD, 'server/db/database.ts')).href)) as {
    openDatabase: (o: { url?: string; dataDir?: string }) => Promise<{ query: (sql: string, p: unknown[]) => Promise<{ rows: { n: number }[] }>; close: () => Promise<void> }>;
  };
  const db = await openDatabase(target.kind === 'postgres' ? { url: PG_URL! } : { dataDir: target.dataDir! });
  try {
    const { rows } = await db.query('SELECT count(*)::int AS n FROM completion_records WHERE upload_id = $1', [uploadId]);
    return Number(rows[0]?.n ?? 0);
  } finally {
    await db.close();
  }
}

// ── Targets ─────────────────────────────────────────────────────────────────────────────────────────────

interface Target {
  readonly kind: 'pglite' | 'postgres';
  readonly dataDir?: string;
}

function start(target: Target): Promise<ServerProcess> {
  return startServer({
    cwd: SERVER_CWD,
    env: ENV,
    ...(target.kind === 'postgres' ? { databaseUrl: PG_URL } : { dataDir: target.dataDir }),
    timeoutMs: 300_000,
  });
}

const table: string[][] = [];
const row = (...cells: (string | number)[]) => {
  table.push(cells.map(String));
  console.log(cells.join(' | '));
};
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function benchTarget(target: Target): Promise<void> {
  const label = target.kind === 'postgres' ? 'PostgreSQL' : 'PGlite';
  if (target.kind === 'postgres') {
    const reset = spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts', 'seed', '--reset'], { cwd: SERVER_CWD, env: { ...process.env, DATABASE_URL: PG_URL }, encoding: 'utf8' });
    if (reset.status !== 0) throw new Error(`seed --reset failed: ${reset.stderr || reset.stdout}`);
  }
  let server = await start(target);
  let commitMs = 0;
  /** Runs one scenario; a failure is reported (with the server's last log lines) and the run goes on. */
  const scenario = async (name: string, work: () => Promise<void>) => {
    try {
      await work();
    } catch (error) {
      const alive = server.child.exitCode === null && server.child.signalCode === null;
      const causes: string[] = [];
      for (let e: unknown = error; e instanceof Error; e = e.cause) causes.push(`${e.name}: ${e.message}${(e as { code?: string }).code ? ` (${(e as { code?: string }).code})` : ''}`);
      row(label, name, 'FAILED', causes.join(' ← '), alive ? 'server still running' : `server exited (${server.child.exitCode ?? server.child.signalCode})`, '');
      console.error(server.output().slice(-4000));
      if (!alive) server = await start(target);
    }
  };
  try {
    // 1. One upload of ROWS rows.
    if (ONLY.has('1')) await scenario(`${ROWS.toLocaleString('en')} rows, dry run + commit`, async () => {
      const c = client(server.baseUrl);
      const records = takeRecords(ROWS);
      const started = performance.now();
      const { result, peakMb } = await withPeak([server], async () => {
        await c.backend.getCapabilities();
        await c.backend.getPermissions();
        const version = await templateVersion(c.backend);
        const before = c.requests;
        const t0 = performance.now();
        const uploadId = await dryRunAll(c.backend, records, version);
        const dryMs = performance.now() - t0;
        const t1 = performance.now();
        const commit = await c.backend.commitUpload(uploadId, { idempotencyKey: `bench-${Date.now()}`, recordCount: records.length, checksum: await recordsChecksum(records) });
        const cMs = performance.now() - t1;
        if (commit.created !== records.length) throw new Error(`created ${commit.created} of ${records.length}`);
        return { dryMs, cMs, uploadRequests: c.requests - before };
      });
      commitMs = result.cMs;
      row(label, `${ROWS.toLocaleString('en')} rows, dry run + commit`, s(performance.now() - started), `dry run ${s(result.dryMs)}, commit ${s(result.cMs)}`, `${result.uploadRequests} (+3 reads), chunk ${c.backend.chunkSize}, ${(c.bytes / 1048576).toFixed(1)} MB sent`, `${peakMb.toFixed(0)} MB`);
    });

    // 2. CONCURRENT uploads of CONCURRENT_ROWS rows at once.
    if (ONLY.has('2')) await scenario(`${CONCURRENT} concurrent uploads × ${CONCURRENT_ROWS.toLocaleString('en')} rows`, async () => {
      const sets = Array.from({ length: CONCURRENT }, () => takeRecords(CONCURRENT_ROWS));
      const clients = sets.map(() => client(server.baseUrl));
      const version = await templateVersion(clients[0]!.backend);
      const started = performance.now();
      const { result, peakMb } = await withPeak([server], () =>
        Promise.all(
          sets.map(async (records, i) => {
            const b = clients[i]!.backend;
            await b.getCapabilities();
            const uploadId = await dryRunAll(b, records, version);
            const commit = await b.commitUpload(uploadId, { idempotencyKey: `bench-c${i}-${Date.now()}`, recordCount: records.length, checksum: await recordsChecksum(records) });
            return commit.created;
          }),
        ),
      );
      const created = result.reduce((a, b) => a + b, 0);
      const requests = clients.reduce((a, c) => a + c.requests, 0);
      if (created !== CONCURRENT * CONCURRENT_ROWS) throw new Error(`concurrent uploads created ${created}`);
      row(label, `${CONCURRENT} concurrent uploads × ${CONCURRENT_ROWS.toLocaleString('en')} rows`, s(performance.now() - started), `all ${CONCURRENT} created ${CONCURRENT_ROWS.toLocaleString('en')}`, `${requests} in all`, `${peakMb.toFixed(0)} MB`);
    });

    // 3. SIGKILL during a commit, restart, check, retry with the same key.
    if (ONLY.has('3')) {
      for (const fraction of KILL_AT) await scenario(`SIGKILL at ${fraction} of the commit time`, async () => {
        const c = client(server.baseUrl);
        const records = takeRecords(ROWS);
        const version = await templateVersion(c.backend);
        await c.backend.getCapabilities();
        const uploadId = await dryRunAll(c.backend, records, version);
        const key = `bench-kill-${Date.now()}`;
        const checksum = await recordsChecksum(records);
        const delay = Math.round((commitMs || 5000) * fraction);
        const commit = c.backend.commitUpload(uploadId, { idempotencyKey: key, recordCount: records.length, checksum }).then(
          () => 'answered',
          () => 'no answer',
        );
        await new Promise((r) => setTimeout(r, delay));
        await server.kill();
        const heard = await commit;
        // The server is down: PGlite's directory may be opened here (one process at a time).
        const afterKill = await countInDatabase(target, uploadId);
        server = await start(target);
        const c2 = client(server.baseUrl);
        await c2.backend.getCapabilities();
        const seen = await existing(c2.backend, records, version);
        const state = seen.recorded === records.length ? 'all created' : seen.create === records.length ? 'none created' : `MIXED (${seen.recorded} recorded, ${seen.create} new, ${seen.other} other)`;
        let retry: string;
        try {
          const result = await c2.backend.commitUpload(uploadId, { idempotencyKey: key, recordCount: records.length, checksum });
          retry = result.replayed ? `replayed (created ${result.created})` : `committed now (created ${result.created})`;
        } catch (error) {
          retry = `refused: ${error instanceof Error ? error.message : String(error)}`;
        }
        let final: number;
        if (target.kind === 'pglite') {
          await server.stop();
          final = await countInDatabase(target, uploadId);
          server = await start(target);
        } else final = await countInDatabase(target, uploadId);
        const ok = (afterKill === 0 || afterKill === records.length) && final === records.length && !state.startsWith('MIXED');
        row(
          label,
          `SIGKILL ${delay} ms into a commit of ${ROWS.toLocaleString('en')} (client: ${heard})`,
          ok ? 'OK' : 'FAILED',
          `after restart: ${state} (${afterKill.toLocaleString('en')} in the database)`,
          `retry, same key: ${retry}`,
          `${final.toLocaleString('en')} records of the upload in the end`,
        );
      });
    }
  } finally {
    await server.stop();
  }
}

async function main(): Promise<void> {
  const targets = args.targets.split(',');
  console.log(`Reference LMS load run: ${ROWS.toLocaleString('en')} rows; server from ${SERVER_CWD}`);
  console.log('target | scenario | wall time | detail | requests | server peak RSS / outcome');
  for (const t of targets) {
    if (t === 'postgres' && !PG_URL) {
      console.log('PostgreSQL: not run — set CONFORMANCE_DATABASE_URL or BENCH_DATABASE_URL (a scratch database: it is re-seeded)');
      continue;
    }
    const dataDir = t === 'pglite' ? mkdtempSync(join(tmpdir(), 'lms-bench-')) : undefined;
    try {
      await benchTarget({ kind: t === 'postgres' ? 'postgres' : 'pglite', ...(dataDir ? { dataDir } : {}) });
    } finally {
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    }
  }
  console.log('\n| target | scenario | wall time | detail | requests | server peak RSS / outcome |\n|---|---|---|---|---|---|');
  for (const cells of table) console.log(`| ${cells.join(' | ')} |`);
}

await main();
