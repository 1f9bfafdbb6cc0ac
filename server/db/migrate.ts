// Applies server/db/migrations/*.sql in name order, each once, recorded in schema_migrations. All pending
// migrations run in one transaction under an advisory lock, so two instances starting together on one
// PostgreSQL do not both migrate.
import { readFileSync, readdirSync } from 'node:fs';
import type { Database } from './database.js';

const DIRECTORY = new URL('./migrations/', import.meta.url);
const LOCK = 72_011; // any constant: the migration lock's id

export function migrationNames(): string[] {
  return readdirSync(DIRECTORY).filter((f) => f.endsWith('.sql')).sort();
}

/** Returns the names of the migrations it applied (empty when the schema was current). */
export async function migrate(db: Database): Promise<string[]> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK]);
    await tx.query('CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
    const done = new Set((await tx.query<{ name: string }>('SELECT name FROM schema_migrations')).rows.map((r) => r.name));
    const applied: string[] = [];
    for (const name of migrationNames()) {
      if (done.has(name)) continue;
      const sql = readFileSync(new URL(name, DIRECTORY), 'utf8');
      // Statements one by one: PostgreSQL's extended protocol (pg with parameters, PGlite's query) takes one at a time.
      for (const statement of splitStatements(sql)) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (name) VALUES ($1)', [name]);
      applied.push(name);
    }
    return applied;
  });
}

/** Splits a migration on the semicolons that end statements (our migrations have no functions or quoted `;`). */
function splitStatements(sql: string): string[] {
  return sql
    .replace(/--[^\n]*/g, '')
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
}
