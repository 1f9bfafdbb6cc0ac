// One small interface over the two databases the reference LMS runs on: PGlite (PostgreSQL in WASM,
// embedded, persisted to a directory) by default, PostgreSQL through `pg` when DATABASE_URL is set.
// Same SQL for both; transactions are real transactions on either.
import type { PGlite } from '@electric-sql/pglite';
import type { Pool, PoolClient } from 'pg';

export interface Queryable {
  query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<{ rows: R[]; rowCount: number }>;
}

export interface Database extends Queryable {
  /** `pglite` or `postgres`: for logs and the readiness answer. */
  readonly kind: 'pglite' | 'postgres';
  /** Runs `work` in one transaction (READ COMMITTED): committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres://… — PostgreSQL through a connection pool. Wins over `dataDir`. */
  readonly url?: string;
  /** PGlite's data directory; absent means in memory (tests). */
  readonly dataDir?: string;
  /** Pool size for PostgreSQL (default 10). */
  readonly poolSize?: number;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const db = options.url ? await openPostgres(options.url, options.poolSize ?? 10) : await openPglite(options.dataDir);
  const slowMs = Number(process.env['LMS_SLOW_QUERY_MS'] ?? '');
  return slowMs > 0 ? logSlow(db, slowMs) : db;
}

/** LMS_SLOW_QUERY_MS=N: every statement slower than N ms is logged (one JSON line on stderr). */
function logSlow(db: Database, slowMs: number): Database {
  const timed = (q: Queryable): Queryable => ({
    async query<R>(sql: string, params?: readonly unknown[]) {
      const start = performance.now();
      try {
        return await q.query<R>(sql, params);
      } finally {
        const ms = performance.now() - start;
        if (ms >= slowMs) console.error(JSON.stringify({ level: 40, msg: 'slow query', ms: Math.round(ms), sql: sql.replace(/\s+/g, ' ').slice(0, 160) }));
      }
    },
  });
  return { ...db, ...timed(db), kind: db.kind, transaction: (work) => db.transaction((tx) => work(timed(tx))), close: () => db.close() };
}

async function openPglite(dataDir: string | undefined): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  // DATE as the 'YYYY-MM-DD' text it is (no Date at local midnight), BIGINT as a number: as with `pg` below.
  const parsers = { 1082: (v: string) => v, 20: (v: string) => Number(v) };
  const db: PGlite = await PGlite.create(dataDir ? { dataDir, parsers } : { parsers });
  const wrap = (q: Pick<PGlite, 'query'>): Queryable => ({
    async query<R>(sql: string, params: readonly unknown[] = []) {
      const result = await q.query<R>(sql, params as unknown[]);
      return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
    },
  });
  return {
    kind: 'pglite',
    ...wrap(db),
    // PGlite has one connection: its transaction() queues every other query until this one ends.
    transaction: (work) => db.transaction((tx) => work(wrap(tx))),
    close: () => db.close(),
  };
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pg = await import('pg');
  // DATE columns come back as the 'YYYY-MM-DD' text they are (no Date at local midnight); BIGINT as numbers.
  pg.default.types.setTypeParser(1082, (v: string) => v);
  pg.default.types.setTypeParser(20, (v: string) => Number(v));
  const pool: Pool = new pg.default.Pool({ connectionString: url, max: poolSize });
  // An idle client that loses its connection must not crash the server; the next query reconnects.
  pool.on('error', () => undefined);
  const wrap = (q: Pool | PoolClient): Queryable => ({
    async query<R>(sql: string, params: readonly unknown[] = []) {
      const result = await q.query(sql, params as unknown[]);
      return { rows: result.rows as R[], rowCount: result.rowCount ?? result.rows.length };
    },
  });
  return {
    kind: 'postgres',
    ...wrap(pool),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/** PostgreSQL's SQLSTATE of a failed query (`23505` unique violation, …), from either driver. */
export function sqlState(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
