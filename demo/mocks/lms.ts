// The demo LMS as a plain class with state: the semantics an integrator's LMS must have (dry run that writes
// nothing, atomic re-checked commit, idempotency), without HTTP. handlers.ts puts it behind the REST contract.
import { recordsChecksum } from '../../src/backend/checksum.js';
import { LmsProblem } from '../../src/backend/problem.js';
import type { ServerIssue } from '../../src/backend/types.js';
import type {
  ActivityPage,
  ActivityQuery,
  ActivitySummary,
  Capabilities,
  Category,
  CommitRequest,
  CommitResult,
  Domain,
  DryRunChunk,
  DryRunResult,
  DryRunRow,
  Permissions,
  StageRequest,
  StagedUpload,
  TemplateQuery,
} from '../../src/backend/types.js';
import type { UploadRecord } from '../../src/core/records.js';
import type { TemplateColumn, TemplateSpec } from '../../src/core/spec.js';
import { ACTIVITIES, CATEGORIES, DOMAINS, SEED_RECORDS, USERS, templateSpecFor } from './data.js';
import type { LmsActivity, LmsRecord, LmsUser } from './data.js';

/** A refusal, as the REST layer turns it into application/problem+json (shared with the reference server). */
export { LmsProblem } from '../../src/backend/problem.js';

export interface LmsOptions {
  /** The LMS's today (`YYYY-MM-DD`): completion dates after it are refused. Defaults to the real date (UTC). */
  readonly today?: () => string;
  /** The LMS's clock for staged uploads' expiry and commit times. */
  readonly now?: () => Date;
  /** How long a staged upload that is never committed is kept (default 2 hours). */
  readonly uploadTtlMs?: number;
  /** Most records one upload may hold (default 10,000); advertised as `maxRecordsPerUpload`. */
  readonly maxRecords?: number;
  /** What `capabilities()` declares besides `maxRecordsPerUpload` (defaults in DEMO_CAPABILITIES). */
  readonly capabilities?: Omit<Capabilities, 'maxRecordsPerUpload'>;
  readonly permissions?: Permissions;
}

interface StagedState {
  readonly id: string;
  readonly activityId: string;
  readonly domainId: string;
  readonly identifierKind: string;
  readonly templateVersion: string;
  readonly totalRecords: number;
  readonly expiresAt: Date;
  /** Rows by chunkIndex; sending a chunk again replaces it. */
  readonly chunks: Map<number, readonly UploadRecord[]>;
  committedWith?: string;
}

interface IdempotencyEntry {
  readonly fingerprint: string;
  readonly result: CommitResult;
}

const DEFAULT_PERMISSIONS: Permissions = {
  canUpload: true,
  contactUrl: 'mailto:lms-support@northwind.example',
  contactEmail: 'lms-support@northwind.example',
};

/**
 * What the demo LMS declares by default: 25 MB files, 500 records per chunk (RestBackend's own default, so
 * the demo's request counts stay as they were), 5 MB request bodies, gzip request bodies accepted.
 */
export const DEMO_CAPABILITIES: Omit<Capabilities, 'maxRecordsPerUpload'> = {
  maxFileBytes: 25 * 1024 * 1024,
  maxRequestBytes: 5 * 1024 * 1024,
  chunkSize: 500,
  acceptsGzip: true,
};

/** What `Lms.commit` answers: 201 for a new commit, 200 for a replay. */
export interface CommitOutcome {
  readonly status: 200 | 201;
  readonly result: CommitResult;
}

export class Lms {
  #users = new Map<string, LmsUser>();
  /** `kind:identifier` → user id, for the dry run's per-row lookups (identifiers never change). */
  #userIds = new Map<string, string>();
  #activities = new Map<string, LmsActivity>();
  #records: LmsRecord[] = [];
  /** `activityId|userId` → that user's records for the activity, for the per-row record checks. */
  #recordsByUser = new Map<string, LmsRecord[]>();
  #uploads = new Map<string, StagedState>();
  #idempotency = new Map<string, IdempotencyEntry>();
  #permissions: Permissions = DEFAULT_PERMISSIONS;
  #uploadCounter = 0;
  #recordCounter = 0;
  readonly #options: LmsOptions;

  constructor(options: LmsOptions = {}) {
    this.#options = options;
    this.reset();
  }

  // ── Test and demo controls ──────────────────────────────────────────────────────────────────────────

  /** Back to the seed data: users, activities and records as shipped; no staged uploads, no keys. */
  reset(): void {
    this.#users = new Map(USERS.map((u) => [u.id, u]));
    this.#userIds = new Map(
      USERS.flatMap((u) => [
        [`email:${u.email.toLowerCase()}`, u.id],
        [`username:${u.username}`, u.id],
        ...(u.employeeId ? [[`employeeId:${u.employeeId}`, u.id] as const] : []),
      ]),
    );
    this.#activities = new Map(ACTIVITIES.map((x) => [x.id, x]));
    this.#records = [];
    this.#recordsByUser.clear();
    this.#addRecords(SEED_RECORDS);
    this.#uploads.clear();
    this.#idempotency.clear();
    this.#permissions = this.#options.permissions ?? DEFAULT_PERMISSIONS;
    this.#uploadCounter = 0;
    this.#recordCounter = SEED_RECORDS.length;
  }

  setPermissions(permissions: Permissions): void {
    this.#permissions = permissions;
  }

  /** Every record of an activity (seeded and uploaded), oldest first. */
  recordsFor(activityId: string): readonly LmsRecord[] {
    return this.#records.filter((r) => r.activityId === activityId);
  }

  /** Records created by uploads (optionally for one activity). */
  uploadedRecords(activityId?: string): readonly LmsRecord[] {
    return this.#records.filter((r) => r.uploadId !== undefined && (activityId === undefined || r.activityId === activityId));
  }

  get recordCount(): number {
    return this.#records.length;
  }

  /** Ids of staged uploads that are neither committed, discarded nor expired. */
  pendingUploads(): readonly string[] {
    const now = this.#now().getTime();
    return [...this.#uploads.values()].filter((u) => !u.committedWith && u.expiresAt.getTime() > now).map((u) => u.id);
  }

  /** A user by id, e-mail, username or employee number. */
  findUser(identifier: string): LmsUser | undefined {
    const needle = identifier.trim().toLowerCase();
    return (
      this.#users.get(identifier) ??
      [...this.#users.values()].find(
        (u) => u.email.toLowerCase() === needle || u.username === needle || u.employeeId?.toLowerCase() === needle,
      )
    );
  }

  deactivateUser(identifier: string): void {
    const user = this.#mustFindUser(identifier);
    this.#users.set(user.id, { ...user, active: false });
  }

  activateUser(identifier: string): void {
    const user = this.#mustFindUser(identifier);
    this.#users.set(user.id, { ...user, active: true });
  }

  /** The activity disappears: search, template and any commit for it are refused from now on. */
  removeActivity(activityId: string): void {
    if (!this.#activities.delete(activityId)) throw new Error(`No activity ${activityId} in the demo LMS.`);
  }

  // ── The contract (LmsBackend's semantics, in plain data) ────────────────────────────────────────────

  /** The limits this LMS enforces and declares up front. */
  capabilities(): Capabilities {
    return { maxRecordsPerUpload: this.#maxRecords(), ...(this.#options.capabilities ?? DEMO_CAPABILITIES) };
  }

  permissions(): Permissions {
    return this.#permissions;
  }

  categories(): readonly Category[] {
    return CATEGORIES;
  }

  /** Offline activities only; text matches name, code or location (case and accents ignored). */
  searchActivities(query: ActivityQuery): ActivityPage {
    const offset = query.offset ?? 0;
    const limit = Math.min(query.limit ?? 20, 100);
    const words = fold(query.text ?? '').split(/\s+/).filter(Boolean);
    const matches = [...this.#activities.values()]
      .filter((x) => x.kind !== 'online')
      .filter((x) => !query.categoryId || x.categoryId === query.categoryId)
      .filter((x) => {
        const haystack = fold(`${x.name} ${x.code} ${x.location ?? ''}`);
        return words.every((w) => haystack.includes(w));
      })
      .sort((p, q) => p.name.localeCompare(q.name, 'en'));
    return { items: matches.slice(offset, offset + limit).map((x) => this.#summary(x)), total: matches.length, offset, limit };
  }

  getActivity(activityId: string): ActivitySummary {
    return this.#summary(this.#offlineActivity(activityId));
  }

  domains(): readonly Domain[] {
    return DOMAINS;
  }

  templateSpec(query: TemplateQuery): TemplateSpec {
    const activity = this.#offlineActivity(query.activityId);
    const domain = this.#domain(query.domainId);
    const kind = domain.identifierKinds.find((k) => k.key === query.identifierKind);
    if (!kind) {
      throw new LmsProblem(404, 'identifier-not-offered', 'Identifier not offered', `The domain ${domain.name} does not identify users by "${query.identifierKind}". Choose one of: ${domain.identifierKinds.map((k) => k.label).join(', ')}.`);
    }
    return templateSpecFor(activity, domain, kind, CATEGORIES.find((c) => c.id === activity.categoryId)?.name);
  }

  stage(request: StageRequest): StagedUpload {
    const spec = this.templateSpec(request);
    const max = this.#maxRecords();
    if (request.templateVersion !== spec.version) {
      throw new LmsProblem(409, 'template-outdated', 'Template out of date', `The file was made with template version ${request.templateVersion}; the activity now uses ${spec.version}. Download the template again; nothing was created.`);
    }
    if (request.totalRecords > max) {
      throw new LmsProblem(422, 'too-many-records', 'Too many records', `One upload may hold at most ${max.toLocaleString('en')} records; this one has ${request.totalRecords.toLocaleString('en')}. Split the file.`);
    }
    const id = `upl-${String(++this.#uploadCounter).padStart(6, '0')}`;
    const expiresAt = new Date(this.#now().getTime() + (this.#options.uploadTtlMs ?? 2 * 3600_000));
    this.#uploads.set(id, {
      id,
      activityId: request.activityId,
      domainId: request.domainId,
      identifierKind: request.identifierKind,
      templateVersion: request.templateVersion,
      totalRecords: request.totalRecords,
      expiresAt,
      chunks: new Map(),
    });
    return { uploadId: id, expiresAt: expiresAt.toISOString() };
  }

  /** Stages the chunk's rows (replacing an earlier chunk with the same index) and checks them; writes no record. */
  dryRunChunk(uploadId: string, chunk: DryRunChunk): DryRunResult {
    const upload = this.#upload(uploadId);
    if (upload.committedWith) {
      throw new LmsProblem(409, 'upload-committed', 'Upload already committed', 'This upload was already committed; no more rows can be sent to it. Start a new upload.');
    }
    const others = [...upload.chunks.entries()].filter(([index]) => index !== chunk.chunkIndex).flatMap(([, rows]) => rows);
    const taken = new Set(others.map((r) => r.row));
    const seen = new Set<number>();
    for (const record of chunk.records) {
      if (taken.has(record.row) || seen.has(record.row)) {
        throw new LmsProblem(422, 'row-repeated', 'Row sent twice', `Row ${record.row} was sent twice in this upload. Each spreadsheet row may be sent once.`);
      }
      seen.add(record.row);
    }
    if (others.length + chunk.records.length > upload.totalRecords) {
      throw new LmsProblem(422, 'too-many-rows', 'More rows than announced', `This upload was staged for ${upload.totalRecords} records, but ${others.length + chunk.records.length} were sent. Start a new upload.`);
    }
    const spec = this.templateSpec(upload);
    upload.chunks.set(chunk.chunkIndex, [...chunk.records]);
    // Only this chunk's rows are checked; the rows staged before count for duplicates across chunks.
    return this.#check(spec, upload.domainId, chunk.records, [...others, ...chunk.records]);
  }

  /**
   * Creates every staged record or none. Re-checks everything against the LMS as it is now. The same key
   * with the same upload, count and checksum answers the first result again and creates nothing.
   */
  async commit(uploadId: string, request: CommitRequest): Promise<CommitOutcome> {
    const upload = this.#uploads.get(uploadId);
    const staged = upload ? this.#staged(upload) : [];
    const checksum = await recordsChecksum(staged);
    // From here on nothing awaits: checks and creation happen as one step, like a transaction.
    const fingerprint = `${uploadId}|${request.recordCount}|${request.checksum}`;
    const previous = this.#idempotency.get(request.idempotencyKey);
    if (previous) {
      if (previous.fingerprint !== fingerprint) {
        throw new LmsProblem(422, 'idempotency-key-reused', 'Idempotency key reused', 'This idempotency key was already used for a different commit. Nothing was created; commit again with a new key.');
      }
      return { status: 200, result: { ...previous.result, replayed: true } };
    }
    const live = this.#upload(uploadId);
    if (live.committedWith) {
      throw new LmsProblem(409, 'upload-committed', 'Upload already committed', 'This upload was already committed with another idempotency key. Nothing new was created.');
    }
    if (staged.length !== live.totalRecords) {
      throw new LmsProblem(409, 'upload-incomplete', 'Upload incomplete', `Only ${staged.length} of the ${live.totalRecords} records announced were dry-run. Send every chunk before committing; nothing was created.`);
    }
    if (request.recordCount !== staged.length || request.checksum !== checksum) {
      throw new LmsProblem(422, 'commit-mismatch', 'Not the records that were checked', `The commit names ${request.recordCount} records with checksum ${request.checksum.slice(0, 12)}…, but ${staged.length} records with checksum ${checksum.slice(0, 12)}… were dry-run. Nothing was created.`);
    }
    const activity = this.#activities.get(live.activityId);
    if (!activity) {
      const detail = 'The activity was removed from the LMS after the dry run.';
      throw new LmsProblem(409, 'activity-removed', 'Activity removed', `${detail} Nothing was created.`, staged.map((r) => ({ row: r.row, code: 'record-conflict', params: { detail }, detail })));
    }
    const spec = this.templateSpec(live);
    const { rows, issues } = this.#check(spec, live.domainId, staged);
    if (issues.length > 0) {
      const rows = new Set(issues.map((i) => i.row)).size;
      throw new LmsProblem(409, 'records-refused', 'Records refused', `${rows} ${rows === 1 ? 'row is' : 'rows are'} no longer acceptable (the LMS changed since the dry run). Nothing was created.`, issues);
    }
    const now = this.#now().toISOString();
    // Skip policy: a row labelled already-recorded without an issue is left as the LMS has it.
    const unchangedRows = new Set(rows.filter((r) => r.label === 'already-recorded').map((r) => r.row));
    const created = staged.filter((record) => !unchangedRows.has(record.row)).map((record): LmsRecord => {
      const user = this.#lookup(live.identifierKind, String(record.values['identifier'] ?? ''))!;
      return {
        id: `rec-${String(++this.#recordCounter).padStart(6, '0')}`,
        activityId: activity.id,
        userId: user.id,
        date: String(record.values['completionDate']),
        values: { ...record.values },
        uploadId,
        createdAt: now,
      };
    });
    this.#addRecords(created);
    live.committedWith = request.idempotencyKey;
    const result: CommitResult = {
      uploadId,
      activityId: activity.id,
      created: created.length,
      ...(spec.rules.existingRecords === 'skip' ? { unchanged: unchangedRows.size } : {}),
      committedAt: now,
    };
    this.#idempotency.set(request.idempotencyKey, { fingerprint, result });
    return { status: 201, result };
  }

  /** Forgets a staged upload. Records a commit created stay; an unknown id is 404. */
  discard(uploadId: string): void {
    const upload = this.#upload(uploadId);
    this.#uploads.delete(upload.id);
  }

  // ── Rules ────────────────────────────────────────────────────────────────────────────────────────

  /**
   * The domain's rules over `records`, some or all of the staged `upload` (whose first row of a user on a
   * date wins over later ones). Labels: `already-recorded` when the same user has a record for this
   * activity on the same date (with a `record-exists` issue when the activity refuses existing records,
   * without one when it skips them); `conflict` for any other issue; `create` otherwise. Every row whose
   * user the LMS knows carries the learner's name.
   */
  #check(
    spec: TemplateSpec,
    domainId: string,
    records: readonly UploadRecord[],
    upload: readonly UploadRecord[] = records,
  ): { rows: DryRunRow[]; issues: ServerIssue[] } {
    const activity = this.#activities.get(spec.activity.id)!;
    const domain = this.#domain(domainId);
    const today = this.#options.today?.() ?? new Date().toISOString().slice(0, 10);
    const rows: DryRunRow[] = [];
    const issues: ServerIssue[] = [];
    const byRow = (p: UploadRecord, q: UploadRecord) => p.row - q.row;
    const userDate = (record: UploadRecord): string | undefined => {
      const date = record.values['completionDate'];
      const identifier = String(record.values['identifier'] ?? '').trim();
      if (!identifier || typeof date !== 'string' || !isDate(date)) return undefined;
      const user = this.#lookup(spec.identifierKind.key, identifier);
      return user ? `${user.id}|${date}` : undefined;
    };
    const firstRowOf = new Map<string, number>();
    for (const record of [...upload].sort(byRow)) {
      const key = userDate(record);
      if (key !== undefined && !firstRowOf.has(key)) firstRowOf.set(key, record.row);
    }
    for (const record of [...records].sort(byRow)) {
      const found: ServerIssue[] = [];
      let exists = false;
      const issue = (code: ServerIssue['code'], columnKey?: string, params?: ServerIssue['params'], detail?: string) =>
        found.push({ row: record.row, ...(columnKey ? { columnKey } : {}), code, ...(params ? { params } : {}), ...(detail ? { detail } : {}) });

      for (const problem of valueProblems(spec, record)) issue('value-rejected', problem.columnKey, { detail: problem.detail }, problem.detail);

      const identifier = String(record.values['identifier'] ?? '').trim();
      const user = identifier ? this.#lookup(spec.identifierKind.key, identifier) : undefined;
      if (identifier && !user) issue('user-not-found', 'identifier');
      else if (user && !user.active) issue('user-inactive', 'identifier');
      else if (user && !user.domainIds.includes(domainId)) issue('user-outside-domain', 'identifier', { domain: domain.name });

      const date = record.values['completionDate'];
      if (typeof date === 'string' && isDate(date)) {
        if (date < activity.startDate || (activity.endDate && date > activity.endDate)) {
          issue('date-outside-activity', 'completionDate', { start: activity.startDate, ...(activity.endDate ? { end: activity.endDate } : {}) });
        } else if (date > today) {
          issue('value-rejected', 'completionDate', { detail: `a completion date cannot be after today (${today})` }, `a completion date cannot be after today (${today})`);
        }
        if (user) {
          const mine = this.#recordsByUser.get(`${activity.id}|${user.id}`) ?? [];
          const same = mine.find((r) => r.date === date);
          const passed = activity.kind === 'assessment' ? mine.find((r) => r.values['status'] === 'Passed') : undefined;
          if (same) {
            exists = true;
            if (spec.rules.existingRecords !== 'skip') issue('record-exists', undefined, { date });
          } else if (passed) {
            const detail = `this user already passed this assessment on ${passed.date}`;
            issue('record-conflict', undefined, { detail }, detail);
          }
          const first = firstRowOf.get(`${user.id}|${date}`);
          if (first !== undefined && first !== record.row) {
            const detail = `row ${first} already records this user on the same date`;
            issue('record-conflict', undefined, { detail }, detail);
          }
        }
      }
      const label =
        found.some((i) => i.code === 'record-exists') || (exists && found.length === 0) ? 'already-recorded' : found.length > 0 ? 'conflict' : 'create';
      rows.push({ row: record.row, label, ...(user ? { learner: `${user.firstName} ${user.lastName}` } : {}) });
      issues.push(...found);
    }
    return { rows, issues };
  }

  #maxRecords(): number {
    return this.#options.maxRecords ?? 10_000;
  }

  #lookup(kind: string, identifier: string): LmsUser | undefined {
    const value = identifier.trim();
    // E-mails and usernames match whatever their case; employee numbers are stored upper-case.
    const key = kind === 'employeeId' ? value.toUpperCase() : value.toLowerCase();
    const id = this.#userIds.get(`${kind}:${key}`);
    return id === undefined ? undefined : this.#users.get(id);
  }

  #addRecords(records: readonly LmsRecord[]): void {
    for (const record of records) {
      this.#records.push(record);
      const key = `${record.activityId}|${record.userId}`;
      const list = this.#recordsByUser.get(key);
      if (list) list.push(record);
      else this.#recordsByUser.set(key, [record]);
    }
  }

  #staged(upload: StagedState): UploadRecord[] {
    return [...upload.chunks.entries()].sort(([p], [q]) => p - q).flatMap(([, rows]) => rows);
  }

  #upload(uploadId: string): StagedState {
    const upload = this.#uploads.get(uploadId);
    if (!upload || upload.expiresAt.getTime() <= this.#now().getTime()) {
      if (upload) this.#uploads.delete(uploadId);
      throw new LmsProblem(404, 'upload-not-found', 'Upload not found', `The LMS holds no staged upload ${uploadId}: it expired, was discarded or never existed. Upload the file again; nothing was created.`);
    }
    return upload;
  }

  #offlineActivity(activityId: string): LmsActivity {
    const activity = this.#activities.get(activityId);
    if (!activity || activity.kind === 'online') {
      throw new LmsProblem(404, 'activity-not-found', 'Activity not found', activity ? `${activity.name} is an online activity; its records are made in the LMS, not uploaded.` : `There is no offline activity ${activityId} in the LMS. It may have been removed.`);
    }
    return activity;
  }

  #domain(domainId: string): Domain {
    const domain = DOMAINS.find((d) => d.id === domainId);
    if (!domain) throw new LmsProblem(404, 'domain-not-found', 'Domain not found', `There is no user domain ${domainId} in the LMS.`);
    return domain;
  }

  #summary(activity: LmsActivity): ActivitySummary {
    return {
      id: activity.id,
      name: activity.name,
      categoryId: activity.categoryId,
      categoryName: CATEGORIES.find((c) => c.id === activity.categoryId)?.name,
      code: activity.code,
      startDate: activity.startDate,
      ...(activity.endDate ? { endDate: activity.endDate } : {}),
      ...(activity.location ? { location: activity.location } : {}),
    };
  }

  #mustFindUser(identifier: string): LmsUser {
    const user = this.findUser(identifier);
    if (!user) throw new Error(`No user ${identifier} in the demo LMS.`);
    return user;
  }

  #now(): Date {
    return this.#options.now?.() ?? new Date();
  }
}

/** Case- and accent-insensitive text for search. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

export function isDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

/** The LMS does not trust the client's validation: every value is checked against the spec again. */
export function valueProblems(spec: TemplateSpec, record: UploadRecord): { columnKey: string; detail: string }[] {
  const problems: { columnKey: string; detail: string }[] = [];
  const known = new Set(spec.columns.map((c) => c.key));
  for (const key of Object.keys(record.values)) {
    if (!known.has(key)) problems.push({ columnKey: key, detail: `"${key}" is not a column of this template` });
  }
  for (const column of spec.columns) {
    const value = record.values[column.key];
    const empty = value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
    if (empty) {
      if (column.required) problems.push({ columnKey: column.key, detail: `${column.header} is required` });
      continue;
    }
    const problem = valueProblem(spec, column, value);
    if (problem) problems.push({ columnKey: column.key, detail: problem });
  }
  const score = record.values['score'];
  const status = record.values['status'];
  const passMark = spec.rules.passMark;
  if (passMark !== undefined && typeof score === 'number' && status === 'Passed' && score < passMark) {
    problems.push({ columnKey: 'status', detail: `a score of ${score} is below the pass mark of ${passMark}, so the result cannot be Passed` });
  }
  const completed = record.values['completionDate'];
  const expiry = record.values['expiryDate'];
  if (typeof completed === 'string' && typeof expiry === 'string' && isDate(expiry) && expiry <= completed) {
    problems.push({ columnKey: 'expiryDate', detail: 'the certificate must expire after the assessment date' });
  }
  return problems;
}

function valueProblem(spec: TemplateSpec, column: TemplateColumn, value: string | number): string | undefined {
  switch (column.type) {
    case 'identifier': {
      const pattern = spec.identifierKind.pattern;
      if (typeof value !== 'string') return `expected ${spec.identifierKind.label} as text`;
      if (pattern && !new RegExp(pattern).test(value.trim())) return `not a valid ${spec.identifierKind.label.toLowerCase()}${spec.identifierKind.patternHint ? ` (${spec.identifierKind.patternHint})` : ''}`;
      return undefined;
    }
    case 'date':
      return typeof value === 'string' && isDate(value) ? undefined : 'expected a date as YYYY-MM-DD';
    case 'number':
    case 'integer': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'expected a number';
      if (column.type === 'integer' && !Number.isInteger(value)) return 'expected a whole number';
      if (column.min !== undefined && value < column.min) return `below the minimum of ${column.min}`;
      if (column.max !== undefined && value > column.max) return `above the maximum of ${column.max}`;
      return undefined;
    }
    case 'choice':
      return typeof value === 'string' && column.choices?.includes(value) ? undefined : `expected one of ${column.choices?.join(', ')}`;
    case 'text':
      if (typeof value !== 'string') return 'expected text';
      return column.maxLength !== undefined && value.length > column.maxLength ? `longer than ${column.maxLength} characters` : undefined;
  }
}
