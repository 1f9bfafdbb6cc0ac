// The conformance kit: the contract's behavioural tests (openapi.json), run over HTTP against any LMS.
// Every answer is checked with the zod schemas the widget itself parses answers with
// (src/backend/schemas.ts); what the LMS must do is checked only through the API, so the kit works on an
// LMS it knows nothing about beyond the flags it is given.
import { recordsChecksum } from '../src/backend/checksum.js';
import {
  ActivityPageSchema,
  CapabilitiesSchema,
  CommitResultSchema,
  DomainListSchema,
  DryRunResultSchema,
  PermissionsSchema,
  ProblemSchema,
  StagedUploadSchema,
  describeZodIssue,
} from '../src/backend/schemas.js';
import type { ActivitySummary, Capabilities, CommitResult, Domain, DryRunResult } from '../src/backend/types.js';
import type { UploadRecord } from '../src/core/records.js';
import { TemplateSpec as TemplateSpecSchema } from '../src/core/spec.js';
import type { TemplateSpec } from '../src/core/spec.js';
import type { z } from 'zod';
import { CHECKS } from './checks.js';
import { Api } from './http.js';
import type { Auth, Exchange } from './http.js';

export interface KitOptions {
  readonly baseUrls: readonly string[];
  readonly auth: Auth;
  /** Credentials of a signed-in user who may NOT upload (the no-access path); tests skipped without. */
  readonly otherAuth?: Auth;
  readonly headers?: Readonly<Record<string, string>>;
  readonly activityId?: string;
  readonly domainId?: string;
  readonly identifierKind?: string;
  /** Identifiers of active users of the domain; the kit finds unused (user, date) pairs among them. */
  readonly identifiers?: readonly string[];
  /** Longest the kit waits for a staged upload to expire (ms, default 60 s); longer expiries are "not testable". */
  readonly expiryWaitMs?: number;
  /** Most records per upload, when the LMS does not advertise it. */
  readonly maxRecords?: number;
  /** Only run checks whose name contains one of these. */
  readonly only?: readonly string[];
  readonly log?: (line: string) => void;
}

export type Outcome = 'pass' | 'fail' | 'skip';

export interface CheckResult {
  readonly name: string;
  readonly outcome: Outcome;
  readonly detail: string;
  readonly ms: number;
}

class Failure extends Error {}
class NotTestable extends Error {}

function fail(message: string): never {
  throw new Failure(message);
}

function notTestable(message: string): never {
  throw new NotTestable(message);
}

function describe(res: Exchange): string {
  const p = res.json as { title?: string; detail?: string; type?: string } | undefined;
  const what = p && typeof p === 'object' ? [p.type, p.title, p.detail].filter(Boolean).join(' — ') : res.text.slice(0, 200);
  return `${res.method} ${new URL(res.url).pathname} answered ${res.status}${what ? ` (${what})` : ''}`;
}

function expectStatus(res: Exchange, expected: number | readonly number[], what: string): void {
  const list = typeof expected === 'number' ? [expected] : expected;
  if (!list.includes(res.status)) fail(`${what}: expected ${list.join(' or ')}, but ${describe(res)}`);
}

function parse<S extends z.ZodType>(res: Exchange, schema: S, what: string): z.output<S> {
  if (res.json === undefined) fail(`${what}: the answer is not JSON: ${JSON.stringify(res.text.slice(0, 120))}`);
  const parsed = schema.safeParse(res.json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const { field, problem } = describeZodIssue(issue);
    fail(`${what}: the answer does not follow the contract: ${field || 'body'} — ${problem}`);
  }
  return parsed.data;
}

/** An error answer: the status, application/problem+json, a valid problem whose `status` matches, and (optionally) its type slug. */
function expectProblem(res: Exchange, status: number | readonly number[], what: string, slug?: string): z.output<typeof ProblemSchema> {
  expectStatus(res, status, what);
  const type = res.headers.get('content-type') ?? '';
  if (!/^application\/problem\+json\b/i.test(type)) fail(`${what}: an error must be application/problem+json, got "${type || 'no Content-Type'}"`);
  const problem = parse(res, ProblemSchema, what);
  if (problem.status !== res.status) fail(`${what}: the problem says status ${problem.status} but the answer is ${res.status}`);
  if (slug && problem.type !== `urn:problem:offline-upload:${slug}`) {
    fail(`${what}: expected problem type urn:problem:offline-upload:${slug}, got ${problem.type}`);
  }
  return problem;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);
const DAY = 86_400_000;

/** Fisher–Yates with a small seeded PRNG (mulberry32), so one run's order can be reproduced from its seed. */
function shuffle<T>(items: T[], seed: number): T[] {
  let a = seed >>> 0;
  const random = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

interface Pair {
  readonly identifier: string;
  readonly date: string;
}

/** What the kit found out about the LMS before the checks. */
export interface World {
  readonly activity: ActivitySummary;
  readonly domain: Domain;
  readonly kind: string;
  readonly spec: TemplateSpec;
  readonly dateKey: string;
  readonly identifierKey: string;
  /** What GET /capabilities declared; undefined when the LMS does not serve it (404). */
  readonly capabilities: Capabilities | undefined;
  /** Records per dry-run chunk: the advertised chunkSize, else 500. */
  readonly chunkSize: number;
  /** Every offline activity with a template for the domain (for the existing-record policy check). */
  readonly specs: readonly TemplateSpec[];
}

/** The values of one record for `spec`: the identifier, the date, and a valid value for every other required column. */
export function recordValues(spec: TemplateSpec, dateKey: string, pair: Pair): Record<string, string | number | null> {
  const values: Record<string, string | number | null> = {};
  for (const column of spec.columns) {
    if (column.type === 'identifier') values[column.key] = pair.identifier;
    else if (column.key === dateKey) values[column.key] = pair.date;
    else if (!column.required) continue;
    else if (column.type === 'choice') values[column.key] = column.choices?.[0] ?? '';
    else if (column.type === 'number' || column.type === 'integer') values[column.key] = column.max ?? column.min ?? 1;
    else if (column.type === 'date') values[column.key] = pair.date;
    else values[column.key] = 'Conformance kit'.slice(0, column.maxLength ?? 100);
  }
  return values;
}

export class Kit {
  readonly api: Api;
  readonly results: CheckResult[] = [];
  world!: World;
  #pool: Pair[] = [];
  #candidates: Pair[] = [];
  #row = 2;
  readonly #log: (line: string) => void;

  constructor(readonly options: KitOptions) {
    this.api = new Api(options.baseUrls, options.auth, options.headers);
    this.#log = options.log ?? (() => {});
  }

  // ── Helpers the checks share ──────────────────────────────────────────────────────────────────────

  records(pairs: readonly Pair[]): UploadRecord[] {
    return pairs.map((pair) => ({ row: this.#row++, values: recordValues(this.world.spec, this.world.dateKey, pair) }));
  }

  /** `n` (user, date) pairs the LMS has no record for: found by a dry run, so also right on a database that kept earlier runs. */
  async fresh(n: number): Promise<Pair[]> {
    while (this.#pool.length < n) {
      const batch = this.#candidates.splice(0, Math.max(50, Math.min(this.world.chunkSize, (n - this.#pool.length) * 2)));
      if (batch.length === 0) {
        fail(`the kit ran out of unused (user, date) pairs for ${this.world.activity.id}: pass more --identifiers (active users of ${this.world.domain.id}).`);
      }
      const records = this.records(batch);
      const upload = await this.stage(records.length);
      const result = await this.dryRun(upload, 0, records);
      const created = new Set(result.rows.filter((r) => r.label === 'create').map((r) => r.row));
      records.forEach((r, i) => created.has(r.row) && this.#pool.push(batch[i]!));
      await this.api.call('DELETE', `/uploads/${encodeURIComponent(upload)}`);
    }
    return this.#pool.splice(0, n);
  }

  stageBody(totalRecords: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
    const w = this.world;
    return { activityId: w.activity.id, domainId: w.domain.id, identifierKind: w.kind, templateVersion: w.spec.version, totalRecords, ...overrides };
  }

  async stage(totalRecords: number, instance?: number): Promise<string> {
    const res = await this.api.call('POST', '/uploads', { body: this.stageBody(totalRecords), instance });
    expectStatus(res, 201, 'staging an upload');
    return parse(res, StagedUploadSchema, 'staging an upload').uploadId;
  }

  async dryRun(uploadId: string, chunkIndex: number, records: readonly UploadRecord[], instance?: number): Promise<DryRunResult> {
    const res = await this.api.call('POST', `/uploads/${encodeURIComponent(uploadId)}/chunks`, { body: { chunkIndex, records }, instance });
    expectStatus(res, 200, `dry-running chunk ${chunkIndex}`);
    const result = parse(res, DryRunResultSchema, `dry-running chunk ${chunkIndex}`);
    const rows = result.rows.map((r) => r.row).sort((p, q) => p - q).join(',');
    const sent = records.map((r) => r.row).sort((p, q) => p - q).join(',');
    if (rows !== sent) fail(`dry-running chunk ${chunkIndex}: expected one label per record sent (rows ${sent.slice(0, 60)}), got rows ${rows.slice(0, 60)}`);
    return result;
  }

  /** Stage + dry-run `records` in chunks; fails unless every row is labelled `create`. */
  async prepared(records: readonly UploadRecord[], chunkSize = this.world.chunkSize, instance?: number): Promise<{ uploadId: string; checksum: string }> {
    const uploadId = await this.stage(records.length, instance);
    for (let i = 0; i * chunkSize < records.length; i++) {
      const result = await this.dryRun(uploadId, i, records.slice(i * chunkSize, (i + 1) * chunkSize), instance);
      const bad = result.rows.filter((r) => r.label !== 'create');
      if (bad.length > 0) {
        const issue = result.issues.find((x) => x.row === bad[0]!.row);
        fail(`dry run: row ${bad[0]!.row} of fresh records was labelled ${bad[0]!.label}${issue ? ` (${issue.code}${issue.detail ? `: ${issue.detail}` : ''})` : ''}`);
      }
    }
    return { uploadId, checksum: await recordsChecksum(records) };
  }

  commitCall(uploadId: string, key: string, recordCount: number, checksum: string, instance?: number, headerKey: string = key): Promise<Exchange> {
    return this.api.call('POST', `/uploads/${encodeURIComponent(uploadId)}/commit`, {
      body: { idempotencyKey: key, recordCount, checksum },
      headers: { 'Idempotency-Key': headerKey },
      instance,
    });
  }

  async commit(uploadId: string, key: string, recordCount: number, checksum: string, instance?: number): Promise<CommitResult> {
    const res = await this.commitCall(uploadId, key, recordCount, checksum, instance);
    expectStatus(res, 201, 'committing');
    const result = parse(res, CommitResultSchema, 'committing');
    if (result.created !== recordCount) fail(`committing ${recordCount} records: the LMS says it created ${result.created}`);
    if (result.uploadId !== uploadId) fail(`committing: the answer names upload ${result.uploadId}, not ${uploadId}`);
    return result;
  }

  /** The labels a fresh dry run gives `pairs` now (in a scratch upload that is discarded): how the kit sees what exists. */
  async labelsNow(pairs: readonly Pair[]): Promise<string[]> {
    const records = this.records(pairs);
    const uploadId = await this.stage(records.length);
    const result = await this.dryRun(uploadId, 0, records);
    await this.api.call('DELETE', `/uploads/${encodeURIComponent(uploadId)}`);
    const byRow = new Map(result.rows.map((r) => [r.row, r.label]));
    return records.map((r) => byRow.get(r.row) ?? 'missing');
  }

  key(label: string): string {
    return `conformance-${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
  }

  // ── Discovery ────────────────────────────────────────────────────────────────────────────────────

  async discover(): Promise<void> {
    const o = this.options;
    const perm = await this.api.call('GET', '/permissions');
    expectStatus(perm, 200, 'reading the permissions');
    if (!parse(perm, PermissionsSchema, 'reading the permissions').canUpload) {
      fail('the credentials given may not upload (canUpload is false): pass --auth for an admin who may.');
    }
    const capsRes = await this.api.call('GET', '/capabilities');
    let capabilities: Capabilities | undefined;
    if (capsRes.status === 200) capabilities = parse(capsRes, CapabilitiesSchema, 'reading the capabilities');
    else expectProblem(capsRes, 404, 'reading the capabilities (200, or 404 when the LMS declares nothing)');
    const domainsRes = await this.api.call('GET', '/domains');
    expectStatus(domainsRes, 200, 'listing the domains');
    const domains = parse(domainsRes, DomainListSchema, 'listing the domains').items;
    const domain = o.domainId ? domains.find((d) => d.id === o.domainId) : domains[0];
    if (!domain) fail(o.domainId ? `no domain ${o.domainId} among ${domains.map((d) => d.id).join(', ')}` : 'the LMS lists no domain');
    const kind = o.identifierKind ?? domain.identifierKinds[0]!.key;
    if (!domain.identifierKinds.some((k) => k.key === kind)) fail(`domain ${domain.id} offers no identifier kind ${kind}`);

    let activities: ActivitySummary[];
    if (o.activityId) {
      const res = await this.api.call('GET', `/activities/${encodeURIComponent(o.activityId)}`);
      expectStatus(res, 200, `reading activity ${o.activityId}`);
      activities = [parse(res, ActivityPageSchema.shape.items.element, `reading activity ${o.activityId}`)];
    } else {
      const res = await this.api.call('GET', '/activities', { query: { limit: 100 } });
      expectStatus(res, 200, 'searching activities');
      activities = [...parse(res, ActivityPageSchema, 'searching activities').items];
    }
    const today = iso(new Date());
    const candidates: { activity: ActivitySummary; spec: TemplateSpec; days: number }[] = [];
    for (const activity of activities) {
      const res = await this.api.call('GET', '/template-spec', { query: { activityId: activity.id, domainId: domain.id, identifierKind: kind } });
      if (res.status !== 200) continue;
      const spec = parse(res, TemplateSpecSchema, `reading the template of ${activity.id}`);
      const last = [activity.endDate ?? today, iso(new Date(Date.now() - DAY))].sort()[0]!;
      const days = Math.round((Date.parse(last) - Date.parse(activity.startDate)) / DAY) + 1;
      // Activities where one pass ends the learner's records (scoreRequired) make poor test beds: prefer the others.
      // …and activities that skip existing records, whose labels differ (checked on their own).
      candidates.push({ activity, spec, days: spec.rules.scoreRequired || spec.rules.existingRecords === 'skip' ? days / 100 : days });
    }
    candidates.sort((p, q) => q.days - p.days);
    const chosen = candidates[0];
    if (!chosen || chosen.days < 1) fail('no offline activity with a template for this domain and a date range up to yesterday: pass --activity.');
    const { activity, spec } = chosen;
    const dateColumn = spec.columns.find((c) => c.key === 'completionDate') ?? spec.columns.find((c) => c.type === 'date' && c.required);
    const identifierColumn = spec.columns.find((c) => c.type === 'identifier');
    if (!dateColumn || !identifierColumn) fail(`the template of ${activity.id} has no required date column or no identifier column`);
    this.world = {
      activity,
      domain,
      kind,
      spec,
      dateKey: dateColumn.key,
      identifierKey: identifierColumn.key,
      capabilities,
      chunkSize: capabilities?.chunkSize ?? 500,
      specs: candidates.map((c) => c.spec),
    };

    const identifiers = o.identifiers && o.identifiers.length > 0 ? o.identifiers : spec.identifierKind.example ? [spec.identifierKind.example] : [];
    if (identifiers.length === 0) fail(`pass --identifiers: ${kind} identifiers of active users in ${domain.id}.`);
    this.identifiers = identifiers;
    this.#candidates = this.candidatePairs(spec);
    this.#log(`Testing with activity ${activity.id} (${activity.name}), domain ${domain.id}, identifier ${kind}, ${identifiers.length} users, ${this.#candidates.length} (user, date) pairs to draw from.`);
  }

  identifiers: readonly string[] = [];

  /** Every (user, date) pair for `spec`'s activity, dates up to yesterday (at most 3,000 days), shuffled. */
  candidatePairs(spec: TemplateSpec): Pair[] {
    const today = iso(new Date());
    const first = Date.parse(spec.activity.startDate);
    const last = Date.parse([spec.activity.endDate ?? today, iso(new Date(Date.now() - DAY))].sort()[0]!);
    const dates: string[] = [];
    for (let t = last; t >= first && dates.length < 3000; t -= DAY) dates.push(iso(new Date(t)));
    const pairs: Pair[] = [];
    for (const identifier of this.identifiers) for (const date of dates) pairs.push({ identifier, date });
    return shuffle(pairs, Date.now());
  }

  /** The next spreadsheet row number (unique within the run). */
  nextRow(): number {
    return this.#row++;
  }

  // ── Running ───────────────────────────────────────────────────────────────────────────────────────

  async run(): Promise<CheckResult[]> {
    const started = performance.now();
    try {
      await this.discover();
      this.results.push({ name: 'discovery: permission, domain, activity, template, users', outcome: 'pass', detail: `${this.world.activity.id} / ${this.world.domain.id} / ${this.world.kind}`, ms: performance.now() - started });
    } catch (error) {
      this.results.push({ name: 'discovery: permission, domain, activity, template, users', outcome: 'fail', detail: error instanceof Error ? error.message : String(error), ms: performance.now() - started });
      return this.results;
    }
    // Expiry is started first and finished last, so its wait overlaps the other checks.
    const expiry = this.#wanted('expiry') ? await this.#startExpiry() : undefined;
    for (const check of CHECKS) {
      if (!this.#wanted(check.name)) continue;
      await this.#one(check.name, () => check.run(this));
    }
    if (expiry) await this.#one('expiry: a staged upload past expiresAt is gone (404)', expiry);
    return this.results;
  }

  #wanted(name: string): boolean {
    return !this.options.only || this.options.only.some((part) => name.includes(part));
  }

  async #one(name: string, run: () => Promise<string | void>): Promise<void> {
    const started = performance.now();
    let outcome: Outcome = 'pass';
    let detail: string;
    try {
      detail = (await run()) ?? '';
    } catch (error) {
      outcome = error instanceof NotTestable ? 'skip' : 'fail';
      detail = error instanceof Error ? (error instanceof Failure || error instanceof NotTestable ? error.message : `${error.name}: ${error.message}`) : String(error);
    }
    const result = { name, outcome, detail, ms: performance.now() - started };
    this.results.push(result);
    this.#log(`${outcome === 'pass' ? 'PASS' : outcome === 'fail' ? 'FAIL' : 'SKIP'}  ${name}${detail ? ` — ${detail}` : ''}`);
  }

  async #startExpiry(): Promise<() => Promise<string>> {
    const wait = this.options.expiryWaitMs ?? 60_000;
    let uploadId: string | undefined;
    let expiresAt: number | undefined;
    let problem: string | undefined;
    const stagedAt = Date.now();
    try {
      const res = await this.api.call('POST', '/uploads', { body: this.stageBody(1) });
      expectStatus(res, 201, 'staging an upload');
      const staged = parse(res, StagedUploadSchema, 'staging an upload');
      uploadId = staged.uploadId;
      expiresAt = staged.expiresAt ? Date.parse(staged.expiresAt) : undefined;
    } catch (error) {
      problem = error instanceof Error ? error.message : String(error);
    }
    return async () => {
      if (problem) fail(problem);
      if (expiresAt === undefined) notTestable('not testable: the LMS gives no expiresAt for staged uploads');
      const left = expiresAt - Date.now();
      if (left > wait) {
        notTestable(`not testable: staged uploads expire after ${Math.round(left / 60_000)} min here; run the LMS with a shorter staging time (under ${Math.round(wait / 1000)} s) or raise --expiry-wait`);
      }
      // A sweeper may run on a period: allow it a little longer than the expiry itself.
      await new Promise((r) => setTimeout(r, Math.max(0, left) + 1500));
      const records = this.records([{ identifier: 'expired@example.invalid', date: this.world.activity.startDate }]);
      const res = await this.api.call('POST', `/uploads/${encodeURIComponent(uploadId!)}/chunks`, { body: { chunkIndex: 0, records } });
      expectProblem(res, 404, 'a chunk sent to an expired upload', 'upload-not-found');
      return `staged for ${Math.round((expiresAt - stagedAt) / 1000)} s, gone after`;
    };
  }
}

export { expectProblem, expectStatus, fail, notTestable, parse, describe };
export type { Pair };
