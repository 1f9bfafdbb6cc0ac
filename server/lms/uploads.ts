// The write side of the contract, with its semantics held by the database: a dry run writes staging rows
// only; a commit re-checks every staged row against the data as it is now and creates every record or none
// in one transaction; the idempotency key replays the stored answer; two commits that race for the same
// records serialise on a per-activity advisory lock (and a unique constraint), so exactly one wins.
import { createHash, randomUUID } from 'node:crypto';
import { recordsChecksum } from '../../src/backend/checksum.js';
import type { CommitRequest, CommitResult, DryRunChunk, DryRunResult, DryRunRow, ServerIssue, StageRequest, StagedUpload } from '../../src/backend/types.js';
import type { UploadRecord } from '../../src/core/records.js';
import type { TemplateSpec } from '../../src/core/spec.js';
import { isDate, valueProblems } from '../../demo/mocks/lms.js';
import { sqlState } from '../db/database.js';
import type { Database, Queryable } from '../db/database.js';
import { domainName, findActivity, offlineActivity, templateSpec } from './catalogue.js';
import type { ActivityRow } from './catalogue.js';
import { ServerProblem, notFound } from './problem.js';

export interface UploadLimits {
  /** Most records one upload may hold. */
  readonly maxRecords: number;
  /** Most records one dry-run chunk may hold. */
  readonly maxChunkRecords: number;
  /** How long a staged upload that is never committed is kept, in ms. */
  readonly uploadTtlMs: number;
}

export interface UploadContext {
  readonly db: Database;
  readonly limits: UploadLimits;
  /** The server's clock (tests move it). */
  readonly now: () => Date;
}

interface UploadRow {
  id: string;
  user_id: string;
  activity_id: string;
  domain_id: string;
  identifier_kind: string;
  template_version: string;
  total_records: number;
  expires_at: Date;
  committed_at: Date | null;
}

interface UserFound {
  id: string;
  name: string;
  active: boolean;
  domain_ids: string[];
}

interface ExistingRecord {
  user_id: string;
  completion_date: string;
  status: string | null;
}

/** What one round of checks needs to know about the LMS: the users behind the identifiers, their records. */
interface Facts {
  readonly users: ReadonlyMap<string, UserFound>;
  readonly recordsByUser: ReadonlyMap<string, ExistingRecord[]>;
  /** `userId|date` → the first spreadsheet row of the upload with that user on that date. */
  readonly firstRowOf: ReadonlyMap<string, number>;
}

/** E-mails and usernames match whatever their case; employee numbers are stored upper-case. */
export function normaliseIdentifier(kind: string, identifier: string): string {
  const value = identifier.trim();
  return kind === 'employeeId' ? value.toUpperCase() : value.toLowerCase();
}

const MAX_INT = 2_147_483_647;

const uploadNotFound = (uploadId: string) =>
  notFound('upload-not-found', 'Upload not found', `The LMS holds no staged upload ${uploadId}: it expired, was discarded or never existed. Upload the file again; nothing was created.`);

export async function stageUpload(ctx: UploadContext, userId: string, request: StageRequest): Promise<StagedUpload> {
  const spec = await templateSpec(ctx.db, request);
  if (request.templateVersion !== spec.version) {
    throw new ServerProblem(409, 'template-outdated', 'Template out of date', `The file was made with template version ${request.templateVersion}; the activity now uses ${spec.version}. Download the template again; nothing was created.`);
  }
  const max = ctx.limits.maxRecords;
  if (request.totalRecords > max) {
    throw new ServerProblem(422, 'too-many-records', 'Too many records', `One upload may hold at most ${max.toLocaleString('en')} records; this one has ${request.totalRecords.toLocaleString('en')}. Split the file.`);
  }
  const id = `upl-${randomUUID()}`;
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + ctx.limits.uploadTtlMs);
  await ctx.db.query(
    `INSERT INTO staged_uploads (id, user_id, activity_id, domain_id, identifier_kind, template_version, total_records, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [id, userId, request.activityId, request.domainId, request.identifierKind, request.templateVersion, request.totalRecords, now.toISOString(), expiresAt.toISOString()],
  );
  return { uploadId: id, expiresAt: expiresAt.toISOString() };
}

/** The live upload of this user, locked for the rest of the transaction; 404 when absent, expired or someone else's. */
async function lockedUpload(tx: Queryable, ctx: UploadContext, userId: string, uploadId: string): Promise<UploadRow> {
  const { rows } = await tx.query<UploadRow>(
    `SELECT id, user_id, activity_id, domain_id, identifier_kind, template_version, total_records, expires_at, committed_at
     FROM staged_uploads WHERE id = $1 AND user_id = $2 FOR UPDATE`,
    [uploadId, userId],
  );
  const upload = rows[0];
  if (!upload || (!upload.committed_at && upload.expires_at.getTime() <= ctx.now().getTime())) throw uploadNotFound(uploadId);
  return upload;
}

/** A NUL character cannot be stored in PostgreSQL's jsonb: refused with the row and column, before anything is written. */
function refuseUnstorable(records: readonly UploadRecord[]): void {
  for (const record of records) {
    for (const [key, value] of Object.entries(record.values)) {
      if (typeof value === 'string' && value.includes('\u0000')) {
        throw new ServerProblem(400, 'value-unstorable', 'Value cannot be stored', `Row ${record.row}, column ${key} contains a NUL character, which the LMS cannot store. Remove it from the cell.`);
      }
    }
  }
}

/** Stages the chunk's rows (replacing an earlier chunk with the same index) and checks them; creates no record. */
export async function dryRunChunk(ctx: UploadContext, userId: string, uploadId: string, chunk: DryRunChunk): Promise<DryRunResult> {
  if (chunk.records.length > ctx.limits.maxChunkRecords) {
    throw new ServerProblem(413, 'chunk-too-large', 'Chunk too large', `One request may carry at most ${ctx.limits.maxChunkRecords.toLocaleString('en')} records; this one has ${chunk.records.length.toLocaleString('en')}. Send smaller chunks.`);
  }
  refuseUnstorable(chunk.records);
  // Row numbers and chunk indexes are stored as PostgreSQL integers; no spreadsheet has more rows than that.
  const tooBig = chunk.records.find((r) => r.row > MAX_INT);
  if (tooBig || chunk.chunkIndex > MAX_INT) {
    throw new ServerProblem(400, 'bad-request', 'Bad request', tooBig ? `Row ${tooBig.row} is beyond any spreadsheet's last row.` : `Chunk index ${chunk.chunkIndex} is out of range.`);
  }
  return ctx.db.transaction(async (tx) => {
    const upload = await lockedUpload(tx, ctx, userId, uploadId);
    if (upload.committed_at) {
      throw new ServerProblem(409, 'upload-committed', 'Upload already committed', 'This upload was already committed; no more rows can be sent to it. Start a new upload.');
    }
    const seen = new Set<number>();
    for (const record of chunk.records) {
      if (seen.has(record.row)) throw rowRepeated(record.row);
      seen.add(record.row);
    }
    const rowNumbers = chunk.records.map((r) => r.row);
    const { rows: taken } = await tx.query<{ row_number: number }>(
      'SELECT row_number FROM staged_rows WHERE upload_id = $1 AND chunk_index <> $2 AND row_number = ANY($3::int[]) ORDER BY row_number LIMIT 1',
      [uploadId, chunk.chunkIndex, rowNumbers],
    );
    if (taken[0]) throw rowRepeated(taken[0].row_number);
    const { rows: counted } = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM staged_rows WHERE upload_id = $1 AND chunk_index <> $2', [uploadId, chunk.chunkIndex]);
    const others = counted[0]?.n ?? 0;
    if (others + chunk.records.length > upload.total_records) {
      throw new ServerProblem(422, 'too-many-rows', 'More rows than announced', `This upload was staged for ${upload.total_records} records, but ${others + chunk.records.length} were sent. Start a new upload.`);
    }
    const activity = await offlineActivity(tx, upload.activity_id);
    const spec = await templateSpec(tx, { activityId: upload.activity_id, domainId: upload.domain_id, identifierKind: upload.identifier_kind }, activity);
    // An upload being sent is not forgotten half-way: each chunk keeps it at least one staging time from now
    // (never earlier than the expiresAt announced at staging).
    const keepUntil = new Date(ctx.now().getTime() + ctx.limits.uploadTtlMs);
    if (keepUntil > upload.expires_at) await tx.query('UPDATE staged_uploads SET expires_at = $2 WHERE id = $1', [uploadId, keepUntil.toISOString()]);
    const users = await findUsers(tx, spec.identifierKind.key, chunk.records);
    await tx.query('DELETE FROM staged_rows WHERE upload_id = $1 AND chunk_index = $2', [uploadId, chunk.chunkIndex]);
    await tx.query(
      `INSERT INTO staged_rows (upload_id, row_number, chunk_index, "values", user_id, completion_date)
       SELECT $1, r.row_number, $2, r."values", r.user_id, r.completion_date FROM jsonb_to_recordset($3::jsonb) AS r(row_number int, "values" jsonb, user_id text, completion_date date)`,
      [
        uploadId,
        chunk.chunkIndex,
        JSON.stringify(
          chunk.records.map((r) => {
            const key = userDateKey(spec, users, r);
            return { row_number: r.row, values: r.values, user_id: key?.userId ?? null, completion_date: key?.date ?? null };
          }),
        ),
      ],
    );
    // The first row of every (user, date) the upload holds more than once, across all its chunks. One hash
    // aggregate over the upload's rows (a semi-join against this chunk's pairs took seconds on PostgreSQL
    // for 5,000 rows without statistics on the fresh rows).
    const { rows: firsts } = await tx.query<{ user_id: string; completion_date: string; first_row: number }>(
      `SELECT user_id, completion_date, min(row_number)::int AS first_row FROM staged_rows
       WHERE upload_id = $1 AND user_id IS NOT NULL
       GROUP BY user_id, completion_date HAVING count(*) > 1`,
      [uploadId],
    );
    const firstRowOf = new Map(firsts.map((f) => [`${f.user_id}|${f.completion_date}`, f.first_row]));
    const recordsByUser = await existingRecords(tx, activity.id, [...new Set([...users.values()].map((u) => u.id))]);
    return check(ctx, spec, activity, upload.domain_id, await domainName(tx, upload.domain_id), chunk.records, { users, recordsByUser, firstRowOf });
  });
}

const rowRepeated = (row: number) =>
  new ServerProblem(422, 'row-repeated', 'Row sent twice', `Row ${row} was sent twice in this upload. Each spreadsheet row may be sent once.`);

/**
 * Creates every staged record or none, in one transaction. The same key with the same request answers the
 * stored result again (200) and creates nothing; the same key with another request is refused (422).
 */
export async function commitUpload(ctx: UploadContext, userId: string, uploadId: string, request: CommitRequest): Promise<{ status: 200 | 201; result: CommitResult }> {
  const requestHash = createHash('sha256').update(`${uploadId}|${request.recordCount}|${request.checksum}`).digest('hex');
  try {
    return await ctx.db.transaction(async (tx) => {
      // Claim the key first. A concurrent commit holding the same key makes this insert wait until it ends:
      // if it committed, nothing is inserted here and its stored answer is read below; if it rolled back, the
      // key is ours.
      const now = ctx.now();
      const claimed = await tx.query(
        `INSERT INTO idempotency_keys (user_id, key, request_hash, upload_id, created_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (user_id, key) DO NOTHING RETURNING key`,
        [userId, request.idempotencyKey, requestHash, uploadId, now.toISOString()],
      );
      if (claimed.rows.length === 0) {
        const { rows } = await tx.query<{ request_hash: string; response: CommitResult | null }>(
          'SELECT request_hash, response FROM idempotency_keys WHERE user_id = $1 AND key = $2',
          [userId, request.idempotencyKey],
        );
        const previous = rows[0];
        if (previous && previous.request_hash === requestHash && previous.response) {
          return { status: 200 as const, result: { ...previous.response, replayed: true } };
        }
        throw new ServerProblem(422, 'idempotency-key-reused', 'Idempotency key reused', 'This idempotency key was already used for a different commit. Nothing was created; commit again with a new key.');
      }
      const upload = await lockedUpload(tx, ctx, userId, uploadId);
      if (upload.committed_at) {
        throw new ServerProblem(409, 'upload-committed', 'Upload already committed', 'This upload was already committed with another idempotency key. Nothing new was created.');
      }
      const { rows: stagedRows } = await tx.query<{ row_number: number; values: UploadRecord['values'] }>(
        'SELECT row_number, "values" FROM staged_rows WHERE upload_id = $1 ORDER BY row_number',
        [uploadId],
      );
      const staged: UploadRecord[] = stagedRows.map((r) => ({ row: r.row_number, values: r.values }));
      if (staged.length !== upload.total_records) {
        throw new ServerProblem(409, 'upload-incomplete', 'Upload incomplete', `Only ${staged.length} of the ${upload.total_records} records announced were dry-run. Send every chunk before committing; nothing was created.`);
      }
      const checksum = await recordsChecksum(staged);
      if (request.recordCount !== staged.length || request.checksum !== checksum) {
        throw new ServerProblem(422, 'commit-mismatch', 'Not the records that were checked', `The commit names ${request.recordCount} records with checksum ${request.checksum.slice(0, 12)}…, but ${staged.length} records with checksum ${checksum.slice(0, 12)}… were dry-run. Nothing was created.`);
      }
      // Commits for one activity take turns (across every server instance on this database): the re-check
      // below then sees the records any earlier commit created.
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`activity:${upload.activity_id}`]);
      const activity = await findActivity(tx, upload.activity_id);
      if (!activity || activity.removed_at || activity.delivery !== 'offline') {
        const detail = 'The activity was removed from the LMS after the dry run.';
        throw new ServerProblem(409, 'activity-removed', 'Activity removed', `${detail} Nothing was created.`, staged.map((r) => ({ row: r.row, code: 'record-conflict', params: { detail }, detail })));
      }
      const spec = await templateSpec(tx, { activityId: upload.activity_id, domainId: upload.domain_id, identifierKind: upload.identifier_kind }, activity);
      if (spec.version !== upload.template_version) {
        throw new ServerProblem(409, 'template-outdated', 'Template out of date', `The activity's template changed to version ${spec.version} since the dry run. Download the template again; nothing was created.`);
      }
      const users = await findUsers(tx, spec.identifierKind.key, staged);
      const firstRowOf = new Map<string, number>();
      for (const record of staged) {
        const key = userDateKey(spec, users, record);
        if (key && !firstRowOf.has(`${key.userId}|${key.date}`)) firstRowOf.set(`${key.userId}|${key.date}`, record.row);
      }
      const recordsByUser = await existingRecords(tx, activity.id, [...new Set([...users.values()].map((u) => u.id))]);
      const { rows: verdicts, issues } = check(ctx, spec, activity, upload.domain_id, await domainName(tx, upload.domain_id), staged, { users, recordsByUser, firstRowOf });
      if (issues.length > 0) {
        const rows = new Set(issues.map((i) => i.row)).size;
        throw new ServerProblem(409, 'records-refused', 'Records refused', `${rows} ${rows === 1 ? 'row is' : 'rows are'} no longer acceptable (the LMS changed since the dry run). Nothing was created.`, issues);
      }
      const committedAt = now.toISOString();
      // Skip policy: a row labelled already-recorded without an issue is left as the LMS has it.
      const unchanged = new Set(verdicts.filter((r) => r.label === 'already-recorded').map((r) => r.row));
      const created = staged.filter((record) => !unchanged.has(record.row)).map((record) => {
        const key = userDateKey(spec, users, record)!;
        const status = record.values['status'];
        return { user_id: key.userId, completion_date: key.date, status: typeof status === 'string' ? status : null, values: record.values };
      });
      const inserted = await tx.query(
        `INSERT INTO completion_records (activity_id, user_id, completion_date, status, "values", upload_id, created_by, created_at)
         SELECT $1, r.user_id, r.completion_date, r.status, r."values", $2, $3, $4
         FROM jsonb_to_recordset($5::jsonb) AS r(user_id text, completion_date date, status text, "values" jsonb)`,
        [activity.id, uploadId, userId, committedAt, JSON.stringify(created)],
      );
      const result: CommitResult = {
        uploadId,
        activityId: activity.id,
        created: inserted.rowCount,
        ...(activity.existing_record_policy === 'skip' ? { unchanged: unchanged.size } : {}),
        committedAt,
      };
      await tx.query('UPDATE staged_uploads SET committed_at = $2, idempotency_key = $3 WHERE id = $1', [uploadId, committedAt, request.idempotencyKey]);
      // The staged rows have become records; the upload row stays (committed) until the sweep.
      await tx.query('DELETE FROM staged_rows WHERE upload_id = $1', [uploadId]);
      await tx.query('UPDATE idempotency_keys SET response = $3::jsonb WHERE user_id = $1 AND key = $2', [userId, request.idempotencyKey, JSON.stringify(result)]);
      return { status: 201 as const, result };
    });
  } catch (error) {
    // The unique (activity, user, date) constraint is the last word should two commits ever get past the lock
    // together: the loser's transaction is rolled back whole.
    if (sqlState(error) === '23505') {
      throw new ServerProblem(409, 'records-refused', 'Records refused', 'Another upload created some of these records at the same moment. Nothing was created; upload the file again to see which rows.');
    }
    throw error;
  }
}

/** Forgets a staged upload and its rows. Records a commit created stay; an unknown id is 404. */
export async function discardUpload(ctx: UploadContext, userId: string, uploadId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await lockedUpload(tx, ctx, userId, uploadId);
    await tx.query('DELETE FROM staged_uploads WHERE id = $1', [uploadId]);
  });
}

/** Deletes uploads past their expiry that were never committed (rows go with them), committed uploads and idempotency keys older than `keepMs`. */
export async function sweep(db: Queryable, now: Date, keepMs: number): Promise<{ uploads: number; keys: number }> {
  const before = new Date(now.getTime() - keepMs).toISOString();
  const uploads = await db.query(
    'DELETE FROM staged_uploads WHERE (committed_at IS NULL AND expires_at <= $1) OR (committed_at IS NOT NULL AND committed_at <= $2)',
    [now.toISOString(), before],
  );
  const keys = await db.query('DELETE FROM idempotency_keys WHERE created_at <= $1', [before]);
  await db.query('DELETE FROM rate_windows WHERE window_start <= $1', [new Date(now.getTime() - 3600_000).toISOString()]);
  return { uploads: uploads.rowCount, keys: keys.rowCount };
}

// ── Checks ────────────────────────────────────────────────────────────────────────────────────────────

async function findUsers(db: Queryable, kind: string, records: readonly UploadRecord[]): Promise<Map<string, UserFound>> {
  const values = [...new Set(records.map((r) => r.values['identifier']).filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => normaliseIdentifier(kind, v)))];
  if (values.length === 0) return new Map();
  const { rows } = await db.query<UserFound & { value: string }>(
    `SELECT ui.value, u.id, u.first_name || ' ' || u.last_name AS name, u.active,
       coalesce(array_agg(ud.domain_id) FILTER (WHERE ud.domain_id IS NOT NULL), '{}') AS domain_ids
     FROM user_identifiers ui JOIN users u ON u.id = ui.user_id LEFT JOIN user_domains ud ON ud.user_id = u.id
     WHERE ui.kind = $1 AND ui.value = ANY($2::text[])
     GROUP BY ui.value, u.id, u.first_name, u.last_name, u.active`,
    [kind, values],
  );
  return new Map(rows.map((r) => [r.value, { id: r.id, name: r.name, active: r.active, domain_ids: r.domain_ids }]));
}

async function existingRecords(db: Queryable, activityId: string, userIds: readonly string[]): Promise<Map<string, ExistingRecord[]>> {
  const byUser = new Map<string, ExistingRecord[]>();
  if (userIds.length === 0) return byUser;
  const { rows } = await db.query<ExistingRecord>(
    'SELECT user_id, completion_date, status FROM completion_records WHERE activity_id = $1 AND user_id = ANY($2::text[]) ORDER BY completion_date, id',
    [activityId, userIds],
  );
  for (const row of rows) {
    const list = byUser.get(row.user_id);
    if (list) list.push(row);
    else byUser.set(row.user_id, [row]);
  }
  return byUser;
}

function lookup(spec: TemplateSpec, users: ReadonlyMap<string, UserFound>, record: UploadRecord): UserFound | undefined {
  const identifier = record.values['identifier'];
  if (typeof identifier !== 'string' || identifier.trim() === '') return undefined;
  return users.get(normaliseIdentifier(spec.identifierKind.key, identifier));
}

function userDateKey(spec: TemplateSpec, users: ReadonlyMap<string, UserFound>, record: UploadRecord): { userId: string; date: string } | undefined {
  const date = record.values['completionDate'];
  const user = lookup(spec, users, record);
  return user && typeof date === 'string' && isDate(date) ? { userId: user.id, date } : undefined;
}

/**
 * The LMS's rules over `records`: every value against the template, the learner (found, active, in the
 * domain), the date (inside the activity, not after today), and the existing-record policy. Labels:
 * `already-recorded` when the learner has a record for this activity on that date (with a record-exists
 * issue when the activity refuses existing records, without one when it skips them); `conflict` for any
 * other issue; `create` otherwise. Rows of known learners carry their name. The same rules as the demo LMS
 * (demo/mocks/lms.ts), over the database's facts.
 */
function check(
  ctx: UploadContext,
  spec: TemplateSpec,
  activity: ActivityRow,
  domainId: string,
  domain: string,
  records: readonly UploadRecord[],
  facts: Facts,
): { rows: DryRunRow[]; issues: ServerIssue[] } {
  const today = ctx.now().toISOString().slice(0, 10);
  const rows: DryRunRow[] = [];
  const issues: ServerIssue[] = [];
  for (const record of [...records].sort((p, q) => p.row - q.row)) {
    const found: ServerIssue[] = [];
    let exists = false;
    const issue = (code: ServerIssue['code'], columnKey?: string, params?: ServerIssue['params'], detail?: string) =>
      found.push({ row: record.row, ...(columnKey ? { columnKey } : {}), code, ...(params ? { params } : {}), ...(detail ? { detail } : {}) });

    for (const problem of valueProblems(spec, record)) issue('value-rejected', problem.columnKey, { detail: problem.detail }, problem.detail);

    const identifier = record.values['identifier'];
    const hasIdentifier = typeof identifier === 'string' ? identifier.trim() !== '' : identifier !== null && identifier !== undefined;
    const user = lookup(spec, facts.users, record);
    if (hasIdentifier && !user) issue('user-not-found', 'identifier');
    else if (user && !user.active) issue('user-inactive', 'identifier');
    else if (user && !user.domain_ids.includes(domainId)) issue('user-outside-domain', 'identifier', { domain });

    const date = record.values['completionDate'];
    if (typeof date === 'string' && isDate(date)) {
      if (date < activity.start_date || (activity.end_date && date > activity.end_date)) {
        issue('date-outside-activity', 'completionDate', { start: activity.start_date, ...(activity.end_date ? { end: activity.end_date } : {}) });
      } else if (date > today && !spec.rules.allowFutureDates) {
        const detail = `a completion date cannot be after today (${today})`;
        issue('value-rejected', 'completionDate', { detail }, detail);
      }
      if (user) {
        const mine = facts.recordsByUser.get(user.id) ?? [];
        const same = mine.find((r) => r.completion_date === date);
        const passed = activity.kind === 'assessment' ? mine.find((r) => r.status === 'Passed') : undefined;
        if (same) {
          exists = true;
          if (activity.existing_record_policy !== 'skip') issue('record-exists', undefined, { date });
        } else if (passed) {
          const detail = `this user already passed this assessment on ${passed.completion_date}`;
          issue('record-conflict', undefined, { detail }, detail);
        }
        const first = facts.firstRowOf.get(`${user.id}|${date}`);
        if (first !== undefined && first !== record.row) {
          const detail = `row ${first} already records this user on the same date`;
          issue('record-conflict', undefined, { detail }, detail);
        }
      }
    }
    const label = found.some((i) => i.code === 'record-exists') || (exists && found.length === 0) ? 'already-recorded' : found.length > 0 ? 'conflict' : 'create';
    rows.push({ row: record.row, label, ...(user ? { learner: user.name } : {}) });
    issues.push(...found);
  }
  return { rows, issues };
}
