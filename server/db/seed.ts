// Loads the demo's world (demo/mocks/data.ts: categories, activities, domains, ~2,450 users, their records)
// into the database, plus three admin accounts with known demo tokens. Runs when the database is empty.
import { createHash } from 'node:crypto';
import { ACTIVITIES, CATEGORIES, DOMAINS, SEED_RECORDS, USERS, templateSpecFor } from '../../demo/mocks/data.js';
import type { Queryable } from './database.js';
import type { Database } from './database.js';

/** Admin accounts of the demo world, with their API tokens (demo data only: anyone can read them here). */
export const DEMO_ADMINS = [
  { id: 'adm-00001', firstName: 'Dana', lastName: 'Whitfield', canUpload: true, token: 'demo-admin-token' },
  { id: 'adm-00002', firstName: 'Ravi', lastName: 'Menon', canUpload: true, token: 'demo-admin2-token' },
  { id: 'adm-00003', firstName: 'Elsa', lastName: 'Moreno', canUpload: false, token: 'demo-viewer-token' },
] as const;

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Inserts `rows` (plain objects) into `table` with one statement: a JSON array read by jsonb_to_recordset. */
async function insertJson(db: Queryable, table: string, columns: string, rows: readonly object[]): Promise<void> {
  const names = columns.split(',').map((c) => c.trim().split(/\s+/)[0]!);
  const sql = `INSERT INTO ${table} (${names.map((n) => (n === 'values' ? '"values"' : n)).join(', ')})
    SELECT ${names.map((n) => (n === 'values' ? 'r."values"' : `r.${n}`)).join(', ')} FROM jsonb_to_recordset($1::jsonb) AS r(${columns.replace(/\bvalues\b/, '"values"')})`;
  await db.query(sql, [JSON.stringify(rows)]);
}

export async function isSeeded(db: Queryable): Promise<boolean> {
  const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM categories');
  return (rows[0]?.n ?? 0) > 0;
}

/** Loads the demo data set into empty tables, in one transaction. */
export async function seed(db: Database): Promise<{ users: number; records: number }> {
  return db.transaction(async (tx) => {
    await insertJson(tx, 'categories', 'id text, name text, position int', CATEGORIES.map((c, position) => ({ ...c, position })));
    await insertJson(tx, 'domains', 'id text, name text, position int', DOMAINS.map((d, position) => ({ id: d.id, name: d.name, position })));
    const probe = ACTIVITIES.find((a) => a.kind !== 'online')!;
    await insertJson(
      tx,
      'domain_identifier_kinds',
      'domain_id text, kind text, position int, label text, pattern text, pattern_hint text, example text, help text',
      DOMAINS.flatMap((d) =>
        d.identifierKinds.map((k, position) => ({
          domain_id: d.id,
          kind: k.key,
          position,
          label: k.label,
          pattern: k.pattern ?? null,
          pattern_hint: k.patternHint ?? null,
          example: k.example ?? null,
          // The identifier column's guidance as the demo's template gives it for this domain and kind.
          help: templateSpecFor(probe, d, k).columns[0]?.help ?? null,
        })),
      ),
    );
    await insertJson(
      tx,
      'activities',
      'id text, code text, name text, category_id text, kind text, delivery text, start_date date, end_date date, location text, template_version text, columns jsonb, rules jsonb, existing_record_policy text',
      ACTIVITIES.map((a) => {
        const spec = a.kind === 'online' ? undefined : templateSpecFor(a, DOMAINS[0]!, DOMAINS[0]!.identifierKinds[0]!);
        return {
          id: a.id,
          code: a.code,
          name: a.name,
          category_id: a.categoryId,
          kind: a.kind,
          delivery: a.kind === 'online' ? 'online' : 'offline',
          start_date: a.startDate,
          end_date: a.endDate ?? null,
          location: a.location ?? null,
          template_version: spec?.version ?? null,
          columns: spec ? spec.columns.filter((c) => c.type !== 'identifier') : [],
          rules: spec ? { ...spec.rules, existingRecords: undefined } : {},
          existing_record_policy: a.existingRecords ?? 'refuse',
        };
      }),
    );
    const people = [
      ...USERS.map((u) => ({ id: u.id, first_name: u.firstName, last_name: u.lastName, active: u.active, can_upload: false })),
      ...DEMO_ADMINS.map((a) => ({ id: a.id, first_name: a.firstName, last_name: a.lastName, active: true, can_upload: a.canUpload })),
    ];
    await insertJson(tx, 'users', 'id text, first_name text, last_name text, active boolean, can_upload boolean', people);
    await insertJson(tx, 'user_domains', 'user_id text, domain_id text', USERS.flatMap((u) => u.domainIds.map((domain_id) => ({ user_id: u.id, domain_id }))));
    await insertJson(
      tx,
      'user_identifiers',
      'kind text, value text, user_id text',
      USERS.flatMap((u) => [
        { kind: 'email', value: u.email.toLowerCase(), user_id: u.id },
        { kind: 'username', value: u.username.toLowerCase(), user_id: u.id },
        ...(u.employeeId ? [{ kind: 'employeeId', value: u.employeeId.toUpperCase(), user_id: u.id }] : []),
      ]),
    );
    await insertJson(
      tx,
      'completion_records',
      'activity_id text, user_id text, completion_date date, status text, values jsonb, created_at timestamptz',
      SEED_RECORDS.map((r) => ({
        activity_id: r.activityId,
        user_id: r.userId,
        completion_date: r.date,
        status: typeof r.values['status'] === 'string' ? r.values['status'] : null,
        values: r.values,
        created_at: r.createdAt,
      })),
    );
    await insertJson(tx, 'api_tokens', 'token_hash text, user_id text, label text', DEMO_ADMINS.map((a) => ({ token_hash: tokenHash(a.token), user_id: a.id, label: 'demo' })));
    return { users: people.length, records: SEED_RECORDS.length };
  });
}
