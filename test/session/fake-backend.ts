// An in-memory LmsBackend for the session's state-machine tests: scripted answers, failures on demand,
// calls that can be held mid-flight (to cancel during them), and a log of what reached "the server".
import { recordsChecksum } from '../../src/backend/checksum.js';
import type {
  ActivityPage,
  ActivityQuery,
  ActivitySummary,
  CallOptions,
  Category,
  CommitRequest,
  CommitResult,
  Domain,
  DryRunChunk,
  DryRunResult,
  DryRunRow,
  LmsBackend,
  Permissions,
  ServerIssue,
  StagedUpload,
  StageRequest,
  TemplateQuery,
} from '../../src/backend/types.js';
import { NotFoundError, UnavailableError } from '../../src/backend/errors.js';
import type { UploadRecord } from '../../src/core/records.js';
import type { TemplateSpec } from '../../src/core/spec.js';
import { assessmentSpec, classroomSpec, practicalSpec } from '../fixtures/specs.js';

type Method = keyof LmsBackend;

export const categories: Category[] = [
  { id: 'cat-hse', name: 'Health & Safety' },
  { id: 'cat-ops', name: 'Operations' },
];

function summaryOf(spec: TemplateSpec, code: string): ActivitySummary {
  const a = spec.activity;
  return { id: a.id, name: a.name, categoryId: a.categoryId, code, startDate: a.startDate, ...(a.endDate ? { endDate: a.endDate } : {}) };
}

export const fireSafety = summaryOf(classroomSpec, 'HSE-101');
export const forklift = summaryOf(assessmentSpec, 'OPS-210');
export const firstAid = summaryOf(practicalSpec, 'HSE-140');

export const domains: Domain[] = [
  { id: 'dom-employees', name: 'Employees', identifierKinds: [{ key: 'email', label: 'Email' }, { key: 'employeeId', label: 'Employee number', pattern: '^E\\d{6}$' }] },
  { id: 'dom-warehouse', name: 'Warehouse staff', identifierKinds: [{ key: 'employeeId', label: 'Employee number', pattern: '^E\\d{6}$' }] },
  { id: 'dom-contractors', name: 'Contractors', identifierKinds: [{ key: 'username', label: 'Username' }] },
];

interface Hold {
  reached: Promise<void>;
  release: () => void;
}

interface StagedEntry {
  readonly request: StageRequest;
  readonly records: UploadRecord[];
  discarded: boolean;
  committed?: CommitResult;
}

export interface CommitCall {
  readonly uploadId: string;
  readonly request: CommitRequest;
}

export class FakeBackend implements LmsBackend {
  permissions: Permissions = { canUpload: true };
  /** Users the LMS knows (lower-case e-mails / ids); others get `user-not-found`. Empty set: all known. */
  knownUsers = new Set<string>();
  /** Users who already have a record for the activity: labelled `already-recorded`. */
  recorded = new Set<string>();
  /** Thrown by the next call of a method (once each). */
  readonly failNext = new Map<Method, Error>();
  /** Thrown by every call of a method until deleted. */
  readonly failAlways = new Map<Method, Error>();
  readonly calls: { method: Method; args: unknown[] }[] = [];
  readonly staged = new Map<string, StagedEntry>();
  readonly commits: CommitCall[] = [];
  /** Records created per idempotency key: a replay creates nothing. */
  readonly created = new Map<string, CommitResult>();
  /** Uploads discarded with `keepalive` (the page going away). */
  readonly keptAlive: string[] = [];
  /** The `attempts` each call asked of the backend (the session retries itself and asks for 1). */
  readonly askedAttempts: (number | undefined)[] = [];
  /** The next commit is applied, then its answer is lost (as when the connection drops). */
  loseNextCommitResponse = false;
  #holds = new Map<Method, { gate: Promise<void>; arrive: () => void; release: () => void; ignoreAbort: boolean }>();
  #nextUpload = 1;

  /**
   * The next call of `method` waits until `release()`; `reached` resolves when it is waiting. An abort
   * ends the wait, unless `ignoreAbort` (a host backend that answers late whatever the signal says).
   */
  hold(method: Method, { ignoreAbort = false } = {}): Hold {
    let arrive!: () => void;
    let release!: () => void;
    const reached = new Promise<void>((r) => (arrive = r));
    const gate = new Promise<void>((r) => (release = r));
    this.#holds.set(method, { gate, arrive, release, ignoreAbort });
    return { reached, release };
  }

  count(method: Method): number {
    return this.calls.filter((c) => c.method === method).length;
  }

  get discarded(): string[] {
    return [...this.staged].filter(([, e]) => e.discarded).map(([id]) => id);
  }

  /** Staged uploads neither committed nor discarded: what would be left behind on the server. */
  get leftOver(): string[] {
    return [...this.staged].filter(([, e]) => !e.discarded && !e.committed).map(([id]) => id);
  }

  get recordsCreated(): number {
    return [...this.created.values()].reduce((n, r) => n + r.created, 0);
  }

  async #enter(method: Method, args: unknown[], options?: CallOptions): Promise<void> {
    this.calls.push({ method, args });
    if (method === 'stageUpload' || method === 'dryRunChunk' || method === 'commitUpload') this.askedAttempts.push(options?.attempts);
    await Promise.resolve();
    const hold = this.#holds.get(method);
    const signal = hold?.ignoreAbort ? undefined : options?.signal;
    if (hold) {
      this.#holds.delete(method);
      hold.arrive();
      await new Promise<void>((resolve, reject) => {
        const onAbort = () => reject(new DOMException('Aborted', 'AbortError'));
        if (signal?.aborted) return onAbort();
        signal?.addEventListener('abort', onAbort, { once: true });
        void hold.gate.then(() => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        });
      });
    }
    if (signal?.aborted) throw new DOMException('Aborted', 'AbortError');
    const once = this.failNext.get(method);
    if (once) {
      this.failNext.delete(method);
      throw once;
    }
    const always = this.failAlways.get(method);
    if (always) throw always;
  }

  async getPermissions(options?: CallOptions): Promise<Permissions> {
    await this.#enter('getPermissions', [], options);
    return this.permissions;
  }

  async listCategories(options?: CallOptions): Promise<readonly Category[]> {
    await this.#enter('listCategories', [], options);
    return categories;
  }

  async searchActivities(query: ActivityQuery, options?: CallOptions): Promise<ActivityPage> {
    await this.#enter('searchActivities', [query], options);
    const all = [fireSafety, forklift, firstAid].filter(
      (a) => (!query.categoryId || a.categoryId === query.categoryId) && (!query.text || a.name.toLowerCase().includes(query.text.toLowerCase())),
    );
    const offset = query.offset ?? 0;
    const limit = query.limit ?? 20;
    return { items: all.slice(offset, offset + limit), total: all.length, offset, limit };
  }

  async getActivity(activityId: string, options?: CallOptions): Promise<ActivitySummary> {
    await this.#enter('getActivity', [activityId], options);
    const found = [fireSafety, forklift, firstAid].find((a) => a.id === activityId);
    if (!found) throw new NotFoundError(`The activity ${activityId} does not exist.`, 'getActivity', 404);
    return found;
  }

  async listDomains(options?: CallOptions): Promise<readonly Domain[]> {
    await this.#enter('listDomains', [], options);
    return domains;
  }

  async getTemplateSpec(query: TemplateQuery, options?: CallOptions): Promise<TemplateSpec> {
    await this.#enter('getTemplateSpec', [query], options);
    const spec = [classroomSpec, assessmentSpec, practicalSpec].find((s) => s.activity.id === query.activityId);
    if (!spec) throw new NotFoundError('No template for this activity.', 'getTemplateSpec', 404);
    // The fixtures each name one domain and identifier; answer for the asked ones like a real LMS would.
    const domain = domains.find((d) => d.id === query.domainId);
    const kind = domain?.identifierKinds.find((k) => k.key === query.identifierKind);
    if (!domain || !kind) throw new NotFoundError('No such domain or identifier.', 'getTemplateSpec', 404);
    if (spec.identifierKind.key !== kind.key) throw new NotFoundError('This activity has no template for that identifier.', 'getTemplateSpec', 404);
    return { ...spec, domain: { id: domain.id, name: domain.name } };
  }

  async stageUpload(request: StageRequest, options?: CallOptions): Promise<StagedUpload> {
    await this.#enter('stageUpload', [request], options);
    const uploadId = `up-${this.#nextUpload++}`;
    this.staged.set(uploadId, { request, records: [], discarded: false });
    return { uploadId };
  }

  async dryRunChunk(uploadId: string, chunk: DryRunChunk, options?: CallOptions): Promise<DryRunResult> {
    await this.#enter('dryRunChunk', [uploadId, chunk], options);
    const entry = this.staged.get(uploadId);
    if (!entry || entry.discarded) throw new NotFoundError('The upload is gone.', 'dryRunChunk', 404);
    entry.records.push(...chunk.records);
    const rows: DryRunRow[] = [];
    const issues: ServerIssue[] = [];
    for (const record of chunk.records) {
      const user = String(record.values['identifier']).toLowerCase();
      if (this.knownUsers.size > 0 && !this.knownUsers.has(user)) {
        rows.push({ row: record.row, label: 'conflict' });
        issues.push({ row: record.row, columnKey: 'identifier', code: 'user-not-found' });
      } else if (this.recorded.has(user)) {
        rows.push({ row: record.row, label: 'already-recorded' });
        issues.push({ row: record.row, code: 'record-exists', params: { date: '2025-01-10' } });
      } else {
        rows.push({ row: record.row, label: 'create' });
      }
    }
    return { rows, issues };
  }

  async commitUpload(uploadId: string, request: CommitRequest, options?: CallOptions): Promise<CommitResult> {
    this.commits.push({ uploadId, request });
    await this.#enter('commitUpload', [uploadId, request], options);
    const earlier = this.created.get(request.idempotencyKey);
    if (earlier) return { ...earlier, replayed: true };
    const entry = this.staged.get(uploadId);
    if (!entry || entry.discarded) throw new NotFoundError('The upload is gone.', 'commitUpload', 404);
    if (request.recordCount !== entry.records.length || request.checksum !== (await recordsChecksum(entry.records))) {
      throw new Error('checksum mismatch');
    }
    const result: CommitResult = {
      uploadId,
      activityId: entry.request.activityId,
      created: entry.records.length,
      committedAt: '2026-06-01T10:00:00Z',
    };
    entry.committed = result;
    this.created.set(request.idempotencyKey, result);
    if (this.loseNextCommitResponse) {
      this.loseNextCommitResponse = false;
      throw new UnavailableError('The connection to the LMS was lost.', 'commitUpload');
    }
    return result;
  }

  async discardUpload(uploadId: string, options?: CallOptions): Promise<void> {
    if (options?.keepalive) this.keptAlive.push(uploadId);
    await this.#enter('discardUpload', [uploadId], options);
    const entry = this.staged.get(uploadId);
    if (entry && !entry.committed) entry.discarded = true;
  }
}
