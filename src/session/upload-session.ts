// UploadSession: the whole upload flow as a headless state machine over an LmsBackend and the core —
// access, choice, template, read + validate (worker), chunked dry run, atomic commit. Elements render
// `state` and call the methods; nothing else holds business state. API: docs/session.md.
import { recordsChecksum } from '../backend/checksum.js';
import { BackendError, NoAccessError, NotFoundError, RejectedError, SessionEndedError, isAbort } from '../backend/errors.js';
import type {
  Capabilities,
  ActivityPage,
  ActivitySummary,
  Category,
  CommitResult,
  Domain,
  DryRunRow,
  LmsBackend,
} from '../backend/types.js';
import type { Issue } from '../core/issues.js';
import type { ValidationResult } from '../core/pipeline.js';
import { ReadFailedError } from '../core/read/types.js';
import type { UploadRecord } from '../core/records.js';
import type { TemplateSpec } from '../core/spec.js';
import type { CellEdit, UploadChanges } from '../core/edit/table.js';
import type { RowTexts } from '../core/validate/validator.js';
import { RecordTally, type UploadSummary } from '../core/summary.js';
import type { DryRunLabel } from '../core/records.js';
import { PROBLEMS_HEADERS } from '../i18n/problems-headers.js';
import { issueMessage } from '../i18n/issue-message.js';
import type { Localizer } from '../i18n/localize.js';
import { prewarmValidationWorker, validateInWorker, ValidatorUnavailableError } from '../worker/client.js';
import { makeFailure, type Notice } from './failures.js';
import { attemptsOf, resolvePolicy, withRetries, type RetryStatus } from './retry.js';
import { buildPreview, type RecordsPreview } from './preview.js';
import { commitProgress, dryRunProgress, readProgress } from './progress.js';
import { FileMatching, MatchMemory, type ColumnMapping } from './matching.js';
import type { DateOrder } from '../core/read/types.js';
import { mapDryRunIssues, mapServerIssue, mergeIssues, type IssueContext } from './server-issues.js';
import { forEachSliced } from './slicing.js';
import type {
  CellChange,
  Editing,
  EditStep,
  Preset,
  ResumeWork,
  Selection,
  SessionEventMap,
  SessionFailure,
  SessionOptions,
  SessionState,
  SessionStatus,
} from './types.js';

export type { Preset } from './types.js';

/** Records per dry-run request unless SessionOptions.chunkSize says otherwise. */
export const DEFAULT_CHUNK_SIZE = 500;
/**
 * Most records per dry-run request unless SessionOptions.chunkSize says otherwise, whatever the backend
 * prefers: each request's body (JSON, encoding, gzip copy) and answer (parse, contract check) are made on
 * the page's thread, and 5,000 records a request made tasks of 50–340 ms on a busy machine
 * (bench/longtask.chromium.ts). Quiet machine, 100,000-row .xlsx on the reference server (medians of 3):
 * 5,000 → 14.8 s and one 63 ms task in 3 runs; 2,500 → 17.2 s, none; 1,000 → 25.7 s, none (each request
 * has a fixed cost). 2,500 keeps the tasks short without making the check much slower.
 */
export const DRY_RUN_CHUNK_CAP = 2_500;
/**
 * The reader's default size limit (DEFAULT_MAX_BYTES in core/read), repeated here so that the page never
 * loads the readers just to know it; a test keeps the two equal.
 */
export const DEFAULT_MAX_FILE_SIZE = 50 * 1024 * 1024;

/** The staged upload of the current clean file: what a commit (and every retry of it) sends. */
interface Staged {
  readonly uploadId: string;
  /** Made once per staged upload, reused on every retry, so a retry can never create records twice. */
  readonly idempotencyKey: string;
  readonly records: readonly UploadRecord[];
  checksum?: string;
  /** Commit tries sent for this upload, automatic and Try again alike (said when they all fail). */
  commitTries: number;
}

/** What the current file left behind, to map later server issues and recompute the summary. */
interface FileContext extends IssueContext {
  readonly result: ValidationResult;
  labels: Map<number, DryRunRow['label']>;
  /** Row → the learner's name, from the dry run. */
  learners?: Map<number, string>;
  /** The records' learners, dates and statuses, counted once (the summary of any issue list is then cheap). */
  readonly tally: RecordTally;
  /** The records by the dry run's label (empty before the dry run). */
  byLabel: Partial<Record<DryRunLabel, number>>;
}

const FILE_STATUSES: ReadonlySet<SessionStatus> = new Set(['reading', 'matching', 'dry-run', 'check-failed', 'has-issues', 'ready', 'commit-failed', 'created']);

const initialState: SessionState = Object.freeze<SessionState>({
  status: 'checking-access',
  categories: { status: 'idle' },
  domains: { status: 'idle' },
  selection: {},
  spec: { status: 'idle' },
  issues: [],
  notices: [],
});

function sameSelection(a: Selection, b: Selection): boolean {
  return a.categoryId === b.categoryId && a.activity?.id === b.activity?.id && a.domainId === b.domainId && a.identifierKind === b.identifierKind;
}

function specKeyOf(selection: Selection): string | undefined {
  const { activity, domainId, identifierKind } = selection;
  return activity && domainId && identifierKind ? JSON.stringify([activity.id, domainId, identifierKind]) : undefined;
}

/**
 * A size, row or chunk limit that is not a positive number (NaN from a mistyped attribute, 0, -1) is
 * dropped, so the default applies: a NaN limit would switch the file-size and zip-bomb checks off.
 */
function cleanOptions(options: SessionOptions): SessionOptions {
  const out: { -readonly [K in keyof SessionOptions]: SessionOptions[K] } = { ...options };
  for (const key of ['maxFileSize', 'maxRows', 'chunkSize'] as const) {
    const value = out[key];
    if (value !== undefined && !(Number.isFinite(value) && value > 0)) delete out[key];
  }
  return out;
}

/** Typed listeners for SessionEventMap (declaration merging with the class below: types only). */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface UploadSession {
  addEventListener<K extends keyof SessionEventMap>(
    type: K,
    listener: (this: UploadSession, event: SessionEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof SessionEventMap>(
    type: K,
    listener: (this: UploadSession, event: SessionEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions): void;
}

/**
 * The upload flow, headless. Every change replaces `state` (an immutable snapshot) and fires
 * `statechange`; `validated`, `created` and `failed` mark the moments a host may care about.
 *
 * @fires statechange - any change of `state`
 * @fires validated - a file was read, validated and (when clean) dry-run
 * @fires created - every record was created
 * @fires failed - a step failed; nothing was created
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class UploadSession extends EventTarget {
  readonly backend: LmsBackend;
  #options: SessionOptions;
  #capabilitiesAsked: Promise<Capabilities> | undefined;
  /** The LMS's limits as last asked (empty until the first file). */
  #limits: Capabilities = {};
  #state: SessionState = initialState;
  #disposed = false;

  /** start(): access check and lists. */
  #startOp?: AbortController;
  /** The template spec's load. */
  #specOp?: AbortController;
  #specKey?: string;
  #specLoad?: Promise<void>;
  /** The file's read, dry run or commit: one at a time. */
  #fileOp?: AbortController;
  #committing = false;
  #staged?: Staged;
  #file?: FileContext;
  /** The uploaded file, read again for each re-check of the admin's fixes. */
  #blob?: Blob;
  /** The admin's fixes, step by step (undo pops the last). */
  #steps: EditStep[] = [];
  /** The current file's staged upload id, kept after a failure discards it: the reference support asks for. */
  #reference?: string;
  /** abandon() discarded the staged upload of a file being checked or ready: resume() checks it again. */
  #abandoned = false;
  /** The preview made for one summary (a clean file's), kept while that summary stands. */
  #previewOf?: { readonly summary: object; readonly preview: RecordsPreview };
  /** The current file's column matching and date orders (session/matching.ts). */
  #matching?: FileMatching;
  #matchMemory?: MatchMemory;

  constructor(backend: LmsBackend, options: SessionOptions = {}) {
    super();
    this.backend = backend;
    this.#options = cleanOptions(options);
  }

  get state(): SessionState {
    return this.#state;
  }

  get options(): SessionOptions {
    return this.#options;
  }

  /**
   * The records preview of a clean file (`ready`, and while it is being created): every record with its
   * learner as the LMS resolved it and the dry run's label, paged on demand (session/preview.ts).
   */
  get preview(): RecordsPreview | undefined {
    const file = this.#file;
    const { status, summary } = this.#state;
    if (!file || !summary || !(status === 'ready' || status === 'committing' || status === 'commit-failed')) return undefined;
    if (this.#previewOf?.summary !== summary) {
      const { spec, result, labels, learners, headers, byLabel } = file;
      const alreadyRecorded = byLabel['already-recorded'] ?? 0;
      this.#previewOf = { summary, preview: buildPreview({ spec, records: result.records, labels, headers, alreadyRecorded, ...(learners ? { learners } : {}) }) };
    }
    return this.#previewOf.preview;
  }

  setOptions(options: SessionOptions): void {
    this.#options = cleanOptions({ ...this.#options, ...options });
  }

  // ── access and lists ────────────────────────────────────────────────────────────────────────────

  async start(preset?: Preset): Promise<void> {
    // A commit in flight is never interrupted: its outcome must reach the admin.
    if (this.#disposed || this.#committing) return;
    this.#startOp?.abort();
    this.#dropFile();
    this.#abortSpec();
    const op = new AbortController();
    this.#startOp = op;
    const { signal } = op;
    const current = this.#state.selection;
    const wanted: Preset = preset ?? {
      ...(current.categoryId ? { categoryId: current.categoryId } : {}),
      ...(current.activity ? { activityId: current.activity.id } : {}),
      ...(current.domainId ? { domainId: current.domainId } : {}),
      ...(current.identifierKind ? { identifierKind: current.identifierKind } : {}),
    };
    this.#set({ ...this.#fileCleared(), status: 'checking-access', failure: undefined, notices: [], spec: { status: 'idle' } });

    let permissions;
    try {
      permissions = await this.backend.getPermissions({ signal });
    } catch (error) {
      if (signal.aborted || isAbort(error)) return;
      if (error instanceof NoAccessError) {
        // 401/403: the LMS's problem detail is the "why not" the no-access panel shows.
        this.#set({ status: 'no-access', permissions: { canUpload: false, reason: error.message } });
        return;
      }
      this.#fail({ status: 'access-error' }, makeFailure('access-check-failed', error, { retryable: true }));
      return;
    }
    if (signal.aborted) return;
    if (!permissions.canUpload) {
      this.#set({ status: 'no-access', permissions });
      return;
    }
    this.#set({ status: 'selecting', permissions, categories: { status: 'loading' }, domains: { status: 'loading' } });
    const untouched = this.#state.selection;

    const categories = this.#loadList<Category>('categories', () => this.backend.listCategories({ signal }), signal);
    const domains = this.#loadList<Domain>('domains', () => this.backend.listDomains({ signal }), signal);
    const activity = wanted.activityId
      ? this.backend.getActivity(wanted.activityId, { signal }).then(
          (a): ActivitySummary | undefined => a,
          (error: unknown) => {
            if (signal.aborted || isAbort(error) || error instanceof NotFoundError) return undefined;
            throw error;
          },
        )
      : Promise.resolve(undefined);
    let presetActivity: ActivitySummary | undefined;
    let activityFailed = false;
    try {
      presetActivity = await activity;
    } catch {
      activityFailed = true;
    }
    const [categoryList, domainList] = await Promise.all([categories, domains]);
    if (signal.aborted || this.#state.status === 'no-access') return;
    // The admin already chose while the lists were loading: their choice wins over the presets.
    if (!sameSelection(this.#state.selection, untouched)) return;

    const notes: Notice[] = [];
    let categoryId = wanted.categoryId;
    if (categoryId && categoryList && !categoryList.some((c) => c.id === categoryId)) {
      notes.push({ code: 'preset-category-missing', params: { id: categoryId } });
      categoryId = undefined;
    }
    if (wanted.activityId && !presetActivity) {
      notes.push({ code: activityFailed ? 'preset-activity-failed' : 'preset-activity-missing', params: { id: wanted.activityId } });
    }
    // A preset activity is the most specific choice: its own category wins over a conflicting preset one.
    if (presetActivity && categoryId !== presetActivity.categoryId) categoryId = presetActivity.categoryId;
    let domainId = wanted.domainId;
    let domain: Domain | undefined;
    if (domainId && domainList) {
      domain = domainList.find((d) => d.id === domainId);
      if (!domain) {
        notes.push({ code: 'preset-domain-missing', params: { id: domainId } });
        domainId = undefined;
      }
    }
    let identifierKind = wanted.identifierKind;
    if (domain) {
      const offered = domain.identifierKinds.map((k) => k.key);
      if (identifierKind && !offered.includes(identifierKind)) notes.push({ code: 'preset-identifier-kind-missing', params: { id: identifierKind } });
      if (!identifierKind || !offered.includes(identifierKind)) identifierKind = offered[0];
    } else if (!domainId) {
      identifierKind = undefined;
    }
    const selection: Selection = {
      ...(categoryId ? { categoryId } : {}),
      ...(presetActivity ? { activity: presetActivity } : {}),
      ...(domainId ? { domainId } : {}),
      ...(identifierKind ? { identifierKind } : {}),
    };
    this.#set({ selection, notices: notes });
    this.#loadSpec();
  }

  async #loadList<T>(key: 'categories' | 'domains', load: () => Promise<readonly T[]>, signal: AbortSignal): Promise<readonly T[] | undefined> {
    try {
      const value = await load();
      if (!signal.aborted) this.#set({ [key]: { status: 'ready', value } });
      return value;
    } catch (error) {
      if (signal.aborted || isAbort(error)) return undefined;
      if (error instanceof NoAccessError) {
        this.#set({ status: 'no-access', permissions: { canUpload: false, reason: error.message } });
        return undefined;
      }
      this.#set({ [key]: { status: 'error', failure: makeFailure(key === 'categories' ? 'categories-failed' : 'domains-failed', error, { retryable: true }) } });
      return undefined;
    }
  }

  // ── choices ─────────────────────────────────────────────────────────────────────────────────────

  selectCategory(categoryId: string | undefined): void {
    const { selection } = this.#state;
    const activity = selection.activity && categoryId && selection.activity.categoryId !== categoryId ? undefined : selection.activity;
    this.#select({ ...selection, categoryId, activity });
  }

  searchActivities(text: string, options: { offset?: number; limit?: number; signal?: AbortSignal } = {}): Promise<ActivityPage> {
    const { categoryId } = this.#state.selection;
    const query = {
      ...(categoryId ? { categoryId } : {}),
      ...(text.trim() ? { text: text.trim() } : {}),
      ...(options.offset !== undefined ? { offset: options.offset } : {}),
      ...(options.limit !== undefined ? { limit: options.limit } : {}),
    };
    return this.backend.searchActivities(query, options.signal ? { signal: options.signal } : {});
  }

  selectActivity(activity: ActivitySummary | undefined): void {
    this.#select({ ...this.#state.selection, activity });
  }

  selectDomain(domainId: string | undefined): void {
    const { selection, domains } = this.#state;
    let identifierKind = selection.identifierKind;
    if (!domainId) identifierKind = undefined;
    else {
      const domain = domains.value?.find((d) => d.id === domainId);
      const offered = domain?.identifierKinds.map((k) => k.key);
      if (offered && (!identifierKind || !offered.includes(identifierKind))) identifierKind = offered[0];
    }
    this.#select({ ...selection, domainId, identifierKind });
  }

  /** Chooses how the spreadsheet identifies each learner: the key of one of the domain's identifier kinds. */
  selectIdentifierKind(identifierKind: string | undefined): void {
    this.#select({ ...this.#state.selection, identifierKind });
  }

  #select(next: Selection): void {
    if (this.#disposed || this.#committing) return;
    const clean: Selection = {
      ...(next.categoryId ? { categoryId: next.categoryId } : {}),
      ...(next.activity ? { activity: next.activity } : {}),
      ...(next.domainId ? { domainId: next.domainId } : {}),
      ...(next.identifierKind ? { identifierKind: next.identifierKind } : {}),
    };
    // The same choice again is a no-op, except that it retries a template spec that failed to load.
    if (sameSelection(clean, this.#state.selection) && this.#state.spec.status !== 'error') return;
    const hadFile = FILE_STATUSES.has(this.#state.status);
    this.#dropFile();
    this.#set({ selection: clean, notices: [], ...(hadFile ? { ...this.#fileCleared(), status: 'selecting' } : {}) });
    this.#loadSpec();
  }

  #abortSpec(): void {
    this.#specOp?.abort();
    this.#specOp = undefined;
    this.#specKey = undefined;
    this.#specLoad = undefined;
  }

  #loadSpec(): void {
    const { selection } = this.#state;
    const key = specKeyOf(selection);
    if (key !== undefined && key === this.#specKey) return;
    this.#abortSpec();
    if (key === undefined) {
      if (this.#state.spec.status !== 'idle') this.#set({ spec: { status: 'idle' } });
      return;
    }
    this.#specKey = key;
    const op = new AbortController();
    this.#specOp = op;
    const query = { activityId: selection.activity!.id, domainId: selection.domainId!, identifierKind: selection.identifierKind! };
    this.#set({ spec: { status: 'loading' } });
    this.#specLoad = this.backend.getTemplateSpec(query, { signal: op.signal }).then(
      (spec) => {
        if (op.signal.aborted) return;
        if (spec.activity.id !== query.activityId || spec.domain.id !== query.domainId || spec.identifierKind.key !== query.identifierKind) {
          this.#specKey = undefined;
          this.#set({ spec: { status: 'error', failure: makeFailure('spec-mismatch', undefined, { kind: 'contract' }) } });
          return;
        }
        this.#set({ spec: { status: 'ready', value: spec } });
        // The admin will upload a file for this spec: have the worker loaded by then.
        if (this.#options.useWorker !== false) prewarmValidationWorker();
      },
      (error: unknown) => {
        if (op.signal.aborted || isAbort(error)) return;
        // Forget the key so that start() or the same choice made again loads it anew.
        this.#specKey = undefined;
        if (error instanceof NoAccessError) {
          this.#set({ status: 'no-access', permissions: { canUpload: false, reason: error.message }, spec: { status: 'idle' } });
          return;
        }
        const code = error instanceof NotFoundError ? 'spec-not-found' : 'spec-failed';
        this.#set({ spec: { status: 'error', failure: makeFailure(code, error, { retryable: code === 'spec-failed' }) } });
      },
    );
  }

  // ── template and error report ───────────────────────────────────────────────────────────────────

  /**
   * The template for the current choice, in the words of `locale` (BCP 47; its table is loaded if need be)
   * or of the `localizer` given (the wizard's, with the host's overrides). The locale also formats the
   * Instructions' dates and, for a decimal-comma locale, makes a `;`-separated CSV. Drop-downs and formats
   * cover `maxRows` rows.
   */
  async downloadTemplate(format: 'xlsx' | 'csv' = 'xlsx', options: FileWordsOptions = {}): Promise<{ blob: Blob; fileName: string }> {
    const spec = await this.#readySpec();
    options.signal?.throwIfAborted();
    const [{ buildTemplate }, l] = await Promise.all([import('../core/template/index.js'), wordsFor(options)]);
    options.signal?.throwIfAborted();
    const { dateOrder, maxRows } = this.#options;
    const out = await buildTemplate(spec, {
      format,
      texts: l.templateTexts,
      locale: l.locale,
      ...(dateOrder ? { dateOrder } : {}),
      ...(maxRows !== undefined ? { maxRows } : {}),
    });
    return { blob: new Blob([out.data as BlobPart], { type: out.mimeType }), fileName: out.fileName };
  }

  /** The issues as a spreadsheet, every word (headers, problems) in `locale` or the `localizer`'s language. */
  async errorReport(format: 'xlsx' | 'csv' = 'xlsx', options: FileWordsOptions = {}): Promise<{ blob: Blob; fileName: string }> {
    const spec = this.#file?.spec ?? (await this.#readySpec());
    options.signal?.throwIfAborted();
    const [{ buildErrorReport }, l] = await Promise.all([import('../core/error-report.js'), wordsFor(options)]);
    options.signal?.throwIfAborted();
    const out = await buildErrorReport(this.#state.issues, spec, { format, texts: l.reportTexts, describe: (issue) => l.issue(issue) });
    return { blob: new Blob([out.data as BlobPart], { type: out.mimeType }), fileName: out.fileName };
  }

  /**
   * The uploaded file handed back with its problems marked, in the admin's words: problem cells filled
   * and noted, a Problems column at the end of each affected row (core/annotate.ts). A CSV upload comes
   * back as .xlsx unless `csvAs` says csv. Uploaded again after fixing, it is checked like the original.
   */
  async annotatedFile(options: FileWordsOptions & { csvAs?: 'xlsx' | 'csv' } = {}): Promise<{ blob: Blob; fileName: string }> {
    const blob = this.#blob;
    const file = this.#file;
    if (!blob || !file) throw new SessionError(makeFailure('spec-not-ready'));
    const [{ annotateUpload }, l, bytes] = await Promise.all([import('../core/annotate.js'), wordsFor(options), blob.arrayBuffer()]);
    options.signal?.throwIfAborted();
    const { sheetName, headerRow, headers } = file.result.stats;
    const out = await annotateUpload(bytes, this.#state.issues, {
      sheetName,
      headerRow: headerRow ?? 1,
      headers,
      fileName: this.#state.file?.name ?? 'upload',
      ...(options.csvAs ? { csvAs: options.csvAs } : {}),
      describe: (issue) => l.issue(issue),
      texts: {
        problemsHeader: l.t('gridProblems'),
        fileSuffix: l.t('markedFileSuffix'),
        cellProblem: (column, message) => l.t('markedCellProblem', { column, message }),
      },
      problemHeaders: PROBLEMS_HEADERS,
      // The admin's fixes made in the browser: edited cells written in, deleted rows taken out.
      changes: this.#changes(),
    });
    return { blob: new Blob([out.data as BlobPart], { type: out.mimeType }), fileName: out.fileName };
  }

  /**
   * The rows deleted from this upload on purpose, as a file of their own to finish later: the upload's
   * columns and format (.xlsx for .xlsx, .csv for .csv) with the admin's edits, named in `locale`'s words.
   */
  async deletedRowsFile(options: FileWordsOptions = {}): Promise<{ blob: Blob; fileName: string }> {
    const blob = this.#blob;
    const file = this.#file;
    if (!blob || !file) throw new SessionError(makeFailure('spec-not-ready'));
    const [{ deletedRowsFile }, l, bytes] = await Promise.all([import('../core/annotate.js'), wordsFor(options), blob.arrayBuffer()]);
    options.signal?.throwIfAborted();
    const { sheetName, headerRow, headers } = file.result.stats;
    const out = await deletedRowsFile(bytes, {
      sheetName,
      headerRow: headerRow ?? 1,
      headers,
      fileName: this.#state.file?.name ?? 'upload',
      fileSuffix: l.t('deletedFileSuffix'),
      changes: this.#changes(),
    });
    return { blob: new Blob([out.data as BlobPart], { type: out.mimeType }), fileName: out.fileName };
  }

  /** The current file's rows that passed the checks, as records (the review's all-rows view shows them). */
  get records(): readonly UploadRecord[] {
    return this.#file?.result.records ?? [];
  }

  async #readySpec(): Promise<TemplateSpec> {
    if (this.#state.spec.status === 'loading') await this.#specLoad;
    const spec = this.#state.spec;
    if (spec.status !== 'ready' || !spec.value) {
      throw new SessionError(makeFailure('spec-not-ready'));
    }
    return spec.value;
  }

  // ── the file: read, validate, dry run ───────────────────────────────────────────────────────────

  /**
   * Reads, checks and dry-runs `file`. `resume` (work kept across a reload, session/persistence.ts) lays
   * the admin's saved fixes over it, and for a commit the reload cut off, settles that staged upload.
   */
  async uploadFile(file: Blob, name?: string, resume?: ResumeWork): Promise<void> {
    if (this.#disposed) return;
    if (this.#committing) throw new SessionError(makeFailure('upload-while-creating'));
    // Synchronous up to `reading` when the spec is there, so that a cancel() right after this call applies.
    const ready = this.#state.spec;
    const spec = ready.status === 'ready' && ready.value ? ready.value : await this.#readySpec();
    if (this.#disposed) return;
    this.#dropFile();
    this.#blob = file;
    this.#steps = resume ? [...resume.steps] : [];
    this.#matchMemory ??= this.#options.matchMemory ?? new MatchMemory();
    this.#matching = new FileMatching(this.#matchMemory, spec.activity.id);
    if (resume?.matching) this.#matching.restore(resume.matching);
    const op = new AbortController();
    this.#fileOp = op;
    const { signal } = op;
    const fileName = name ?? (file instanceof File ? file.name : 'upload');
    const opts = this.#options;
    this.#set({
      ...this.#fileCleared(),
      status: 'reading',
      file: { name: fileName, size: file.size },
      progress: { phase: 'reading', fraction: 0, done: 0, total: file.size },
    });

    let result: ValidationResult;
    try {
      // The LMS's limits, declared up front: the lower of the wizard's and the LMS's applies.
      const limits = await this.#capabilities(signal);
      if (signal.aborted) return;
      this.#limits = limits;
      const own = opts.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
      const maxBytes = limits.maxFileBytes !== undefined && limits.maxFileBytes < own ? limits.maxFileBytes : own;
      if (file.size > maxBytes) {
        // Refused before reading (as the reader would): a 2 GB file must not be loaded into memory first.
        const params = { sizeBytes: file.size, limitBytes: maxBytes };
        const issue: Issue = { code: 'file-too-large', message: issueMessage('file-too-large', params), params };
        result = { records: [], issues: [issue], stats: emptyStats() };
      } else {
        const buffer = await file.arrayBuffer();
        if (signal.aborted) return;
        result = await this.#validate(buffer, spec, signal, fileName);
      }
    } catch (error) {
      if (signal.aborted || isAbort(error)) return;
      // Our own code failing to load or to run is internal and retryable: never blamed on the admin's file.
      const failure =
        error instanceof ValidatorUnavailableError
          ? makeFailure('validator-unavailable', error, { kind: 'unknown', retryable: true })
          : error instanceof ReadFailedError
            ? makeFailure('read-internal', error, { kind: 'unknown', retryable: true })
            : makeFailure('file-unreadable', error, { kind: 'file' });
      this.#fail({ ...this.#fileCleared(), status: 'selecting' }, failure);
      return;
    }
    if (signal.aborted) return;
    if (resume?.staged && resume.summary && result.issues.length === 0 && result.records.length > 0) {
      this.#resumeCommit(resume.staged, resume.summary, result, spec);
      return;
    }
    await this.#afterValidation(result, spec, signal);
    if (resume && !signal.aborted && this.#fileOp === op) this.#set({ editing: this.#editing() });
  }

  /**
   * A commit the reload cut off: the same staged upload and key, shown as a commit whose answer was lost,
   * so that Try again settles it (the LMS replays a commit it already made: nothing is created twice).
   */
  #resumeCommit(staged: NonNullable<ResumeWork['staged']>, summary: UploadSummary, result: ValidationResult, spec: TemplateSpec): void {
    const tally = new RecordTally(spec);
    for (const record of result.records) tally.add(record);
    this.#file = { spec, result, headers: headersOf(result, spec), recordsByRow: new Map(result.records.map((r) => [r.row, r])), labels: new Map(), tally, byLabel: {} };
    this.#staged = { ...staged, records: result.records, commitTries: 0 };
    this.#reference = staged.uploadId;
    this.#fileOp = undefined;
    const patch = { rows: result.rows ?? [], issues: [], summary, progress: undefined, uploadId: staged.uploadId, editing: this.#editing() };
    this.#fail({ ...patch, status: 'commit-failed' }, makeFailure('commit-unavailable', undefined, { retryable: true }));
  }

  /**
   * @internal What is kept across a reload: the file as uploaded, the fixes step by step, the staged
   * upload with its idempotency key, and the columns as matched. Undefined without a file.
   */
  get work(): ({ readonly blob: Blob } & ResumeWork) | undefined {
    const blob = this.#blob;
    if (!blob) return undefined;
    const staged = this.#staged;
    const matching = this.#matching?.work();
    return { blob, steps: [...this.#steps], ...(staged ? { staged: { uploadId: staged.uploadId, idempotencyKey: staged.idempotencyKey } } : {}), ...(matching ? { matching } : {}) };
  }

  /** Reads and checks the file in the worker, with the admin's fixes laid over it when there are any. */
  #validate(buffer: ArrayBuffer, spec: TemplateSpec, signal: AbortSignal, fileName: string, onProgress = true): Promise<ValidationResult> {
    const opts = this.#options;
    const changes = this.#changes();
    // The lower of the wizard's limits and the LMS's (declared by getCapabilities) applies.
    const limits = this.#limits;
    const own = opts.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
    const maxBytes = limits.maxFileBytes !== undefined && limits.maxFileBytes < own ? limits.maxFileBytes : own;
    return validateInWorker(buffer, spec, {
      signal,
      fileName,
      rowTexts: 'problems',
      // The Problems column of a file handed back with its problems marked is not data.
      ignoredHeaders: PROBLEMS_HEADERS,
      ...(changes.edits.length > 0 || changes.deleted.length > 0 ? { changes } : {}),
      ...(opts.dateOrder ? { dateOrder: opts.dateOrder } : {}),
      ...(opts.maxFileSize !== undefined || limits.maxFileBytes !== undefined ? { maxBytes } : {}),
      ...(opts.maxRows !== undefined ? { maxRows: opts.maxRows } : {}),
      ...(limits.maxRecordsPerUpload !== undefined ? { lmsMaxRows: limits.maxRecordsPerUpload } : {}),
      ...(opts.useWorker !== undefined ? { useWorker: opts.useWorker } : {}),
      // The admin's column mapping (or one remembered) and the date orders they chose.
      ...this.#matching?.options(),
      // Throttled by validateInWorker, in the worker and on the main thread alike.
      ...(onProgress
        ? {
            onProgress: ({ done, total }: { done: number; total: number }) => {
              if (signal.aborted) return;
              this.#set({ progress: readProgress(done, total) });
            },
          }
        : {}),
    });
  }

  async #afterValidation(result: ValidationResult, spec: TemplateSpec, signal: AbortSignal): Promise<void> {
    const matching = this.#matching;
    const decision = matching?.decide(result, spec) ?? 'accept';
    // A remembered mapping for these very columns: read again with it (the admin confirmed it before).
    if (decision === 'reread') return this.#readAgain(spec, false);
    const dateOrders = matching && Object.keys(matching.dateOrders).length > 0 ? { ...matching.dateOrders } : undefined;
    this.#set({ matching: matching?.review, readingNotices: result.notices ?? [], dateOrders });
    // A re-check after an edit keeps the rows on screen until the issues they go with are known
    // (#showIssues): set now, the rows only the LMS refused would vanish during its dry run and come back.
    if (!this.#state.editing?.checking) this.#set({ rows: result.rows ?? [] });
    // One pass over the records (by row, and counted for the summary), in slices: 100,000 records in one
    // go would hold the page's thread for hundreds of milliseconds.
    const context = await fileContext(result, spec, signal);
    if (!context) return;
    this.#file = context;
    if (decision === 'show') {
      // The headers are not the template's: the admin confirms the columns before any row is trusted.
      this.#set({ status: 'matching', progress: undefined, issues: [], summary: undefined });
      return;
    }
    if (result.issues.length === 0 && result.records.length === 0) {
      // The validator reports an empty sheet itself; this guards a host's own pipeline: never stage nothing.
      this.#showIssues([{ code: 'file-empty', message: issueMessage('file-empty') }]);
      return;
    }
    if (result.issues.length > 0 && result.records.length === 0) {
      // Nothing passed the client's checks (or the file itself is refused): nothing to ask the LMS about.
      this.#showIssues(mergeIssues(spec, result.issues));
      return;
    }
    // One pass: the rows that passed go to the LMS's dry run even when others have issues, so the admin
    // sees the client's and the LMS's problems together. A dry run creates nothing; with any issue left,
    // the staged upload is discarded and nothing can be committed.
    await this.#dryRun(context, signal);
  }

  async #dryRun(context: FileContext, signal: AbortSignal): Promise<void> {
    const { spec, result } = context;
    const records = result.records;
    const total = records.length;
    const chunkSize = Math.max(1, Math.floor(this.#options.chunkSize ?? Math.min(DRY_RUN_CHUNK_CAP, this.backend.chunkSize ?? DEFAULT_CHUNK_SIZE)));
    this.#set({ status: 'dry-run', progress: dryRunProgress(0, total, chunkSize) });
    // What the LMS says is taken in as each part's answer arrives (a short task each), and kept only once
    // the whole file is answered: a failure halfway leaves the context as it was.
    const labels = new Map<number, DryRunLabel>();
    const learners = new Map<number, string>();
    const byLabel: Partial<Record<DryRunLabel, number>> = {};
    const lmsIssues: Issue[] = [];
    const partContext: IssueContext = { spec, headers: context.headers, recordsByRow: context.recordsByRow };
    const request = {
      activityId: spec.activity.id,
      domainId: spec.domain.id,
      identifierKind: spec.identifierKind.key,
      templateVersion: spec.version,
      totalRecords: total,
    };
    try {
      // Staging is retried only when the LMS answered busy or unavailable (it staged nothing); after a lost
      // answer it may have staged an upload, which then expires on its own.
      const staged = await this.#retrying(signal, (attempts) => this.backend.stageUpload(request, { signal, attempts }), (e) => e.status !== undefined);
      if (signal.aborted) {
        this.#discard(staged.uploadId);
        return;
      }
      this.#staged = { uploadId: staged.uploadId, idempotencyKey: crypto.randomUUID(), records, commitTries: 0 };
      this.#reference = staged.uploadId;
      this.#set({ uploadId: staged.uploadId });
      for (let start = 0, chunkIndex = 0; start < total; start += chunkSize, chunkIndex++) {
        const chunk = records.slice(start, start + chunkSize);
        const answer = await this.#retrying(signal, (attempts) => this.backend.dryRunChunk(staged.uploadId, { chunkIndex, records: chunk }, { signal, attempts }));
        if (signal.aborted) return;
        for (const { row, label, learner } of answer.rows) {
          if (context.recordsByRow.has(row)) {
            const before = labels.get(row);
            if (before !== undefined) byLabel[before] = (byLabel[before] ?? 1) - 1;
            byLabel[label] = (byLabel[label] ?? 0) + 1;
          }
          labels.set(row, label);
          if (learner !== undefined) learners.set(row, learner);
        }
        // A part's issues name rows of that part: its own rows carry their learners' names.
        for (const issue of mapDryRunIssues(answer.issues, answer.rows, partContext)) lmsIssues.push(issue);
        const done = Math.min(total, start + chunk.length);
        this.#set({ progress: dryRunProgress(done, total, chunkSize) });
      }
    } catch (error) {
      if (signal.aborted || isAbort(error)) return;
      this.#discardStaged();
      // A refusal that names rows is shown on those rows; one that names none (an outdated template, too
      // many records…) is a failure in the LMS's own words: an empty issue list would explain nothing.
      if (error instanceof RejectedError && error.issues.length > 0) {
        this.#showIssues(mergeIssues(spec, result.issues, error.issues.map((i) => mapServerIssue(i, context))));
        return;
      }
      const failure = this.#dryRunFailure(error);
      const sessionEnded = failure.code === 'dry-run-session-ended';
      if (result.issues.length > 0 && (sessionEnded || !(error instanceof NoAccessError))) {
        // The file's own problems still stand: show them, with why the LMS could not check the rest.
        this.#showIssues(mergeIssues(spec, result.issues), failure);
        return;
      }
      if (failure.retryable) {
        // Worth asking again (the LMS was down or slow, the sign-in ended…): the file and its checked rows
        // are kept, and retryCheck() sends them again without the admin picking the file again.
        this.#fail({ status: 'check-failed', progress: undefined, uploadId: undefined, retrying: undefined, rows: result.rows ?? [] }, failure);
        return;
      }
      this.#fail({ ...this.#fileCleared(), status: error instanceof NoAccessError ? 'no-access' : 'selecting' }, failure);
      return;
    }
    context.labels = labels;
    context.learners = learners;
    context.byLabel = byLabel;
    const issues = mergeIssues(spec, result.issues, lmsIssues);
    if (issues.length > 0) {
      // Nothing can be committed from here; the corrected file gets a staged upload of its own.
      this.#discardStaged();
      this.#showIssues(issues);
      return;
    }
    const summary = this.#summary([]);
    this.#set({ status: 'ready', issues: [], summary, progress: undefined, uploadId: this.#staged?.uploadId, failure: undefined, retrying: undefined, rows: result.rows ?? [] });
    this.#emit('validated', { summary, issues: [] });
  }

  /** The LMS's declared limits, asked once per session; an LMS that declares nothing (or fails to) has none. */
  async #capabilities(signal: AbortSignal): Promise<Capabilities> {
    if (!this.backend.getCapabilities) return {};
    this.#capabilitiesAsked ??= this.backend.getCapabilities({ signal }).catch(() => {
      this.#capabilitiesAsked = undefined;
      return {};
    });
    return this.#capabilitiesAsked;
  }

  #dryRunFailure(error: unknown): SessionFailure {
    // Signing in again (in another tab) and trying again keeps the file: retryable, unlike other no-access.
    if (error instanceof SessionEndedError) return makeFailure('dry-run-session-ended', error, { retryable: true });
    if (error instanceof NoAccessError) return makeFailure('no-access', error);
    if (error instanceof NotFoundError) return makeFailure('dry-run-not-found', error);
    // A refusal that names no row: the LMS's own words (its problem detail) are what the admin can act on.
    if (error instanceof RejectedError) return makeFailure('dry-run-refused', error, { params: { reason: error.message } });
    if (error instanceof BackendError) {
      if (error.kind === 'contract') return makeFailure('dry-run-contract', error);
      if (error.kind === 'too-large') return makeFailure('dry-run-too-large', error);
      if (error.kind === 'internal') return makeFailure('dry-run-internal', error);
      const attempts = attemptsOf(error);
      return makeFailure('dry-run-unavailable', error, attempts > 1 ? { params: { attempts } } : {});
    }
    return makeFailure('unexpected', error, { retryable: true });
  }

  /**
   * A call to the LMS with the session's bounded automatic retries (retry.ts): the backend is asked for one
   * try per call, the wait before each retry is shown in `state.retrying`. `only` narrows which transient
   * failures are retried.
   */
  #retrying<T>(signal: AbortSignal, call: (attempts: number) => Promise<T>, only?: (error: BackendError) => boolean): Promise<T> {
    const policy = resolvePolicy(this.#options.retries);
    return withRetries(
      async (attempt) => {
        try {
          return await call(1);
        } finally {
          if (attempt > 1 && !signal.aborted) this.#set({ retrying: undefined });
        }
      },
      {
        policy,
        signal,
        onRetry: (status: RetryStatus) => this.#set({ retrying: status }),
        ...(only ? { retryIf: (error: unknown) => error instanceof BackendError && only(error) } : {}),
      },
    );
  }

  #summary(issues: readonly Issue[]): UploadSummary {
    const { result, labels, tally, byLabel, recordsByRow } = this.#file!;
    const summary = tally.summary(issues, { rows: result.stats.rows, byLabel, recordRows: () => recordsByRow.keys() });
    // Rows the LMS refused stay in the counts by label and status, but they are not records to create; nor
    // are rows it already has when the activity skips them (left unchanged at commit). Counted from the
    // issues' rows and the label counts: the cost of the issues, not of the records.
    let refused = 0;
    let refusedAlready = 0;
    for (const row of new Set(issues.map((i) => i.row))) {
      if (row === undefined || !recordsByRow.has(row)) continue;
      refused += 1;
      if (labels.get(row) === 'already-recorded') refusedAlready += 1;
    }
    return { ...summary, records: result.records.length - refused - ((byLabel['already-recorded'] ?? 0) - refusedAlready) };
  }

  #showIssues(issues: Issue[], failed?: SessionFailure): void {
    const fail = failed && this.#referenced(failed);
    const summary = this.#summary(issues);
    this.#set({ status: 'has-issues', issues, summary, progress: undefined, uploadId: undefined, failure: fail, rows: this.#rowsWithProblems(issues) });
    this.#emit('validated', { summary, issues });
    if (fail) this.#emit('failed', { failure: fail });
  }

  /**
   * The cells of every row with a problem: the reader's texts for rows the client checks refused, and for
   * rows only the LMS refused (they passed those checks) the record's values as read — dates written back
   * as the admin types them in that column's order (15/01/2027, not 2027-01-15).
   */
  #rowsWithProblems(issues: readonly Issue[]): readonly RowTexts[] {
    const file = this.#file;
    const known = file?.result.rows ?? [];
    const have = new Set(known.map((r) => r.row));
    const records = file?.recordsByRow;
    const orderOf = this.#dateOrderOf();
    const extra: RowTexts[] = [];
    for (const row of new Set(issues.flatMap((i) => (i.row === undefined || have.has(i.row) ? [] : [i.row])))) {
      const record = records?.get(row);
      if (!record) continue;
      const text = (key: string, v: unknown): string => {
        if (v === null || v === undefined) return '';
        const order = orderOf(key);
        return order && typeof v === 'string' ? typedDate(v, order) : String(v);
      };
      extra.push({ row, cells: Object.fromEntries(Object.entries(record.values).map(([k, v]) => [k, text(k, v)])) });
    }
    return extra.length === 0 ? known : [...known, ...extra].sort((a, b) => a.row - b.row);
  }

  /** For a date column's key, the order its text dates are read in (the admin's choice, a switch, or the setting). */
  #dateOrderOf(): (key: string) => DateOrder | undefined {
    const dates = new Set((this.#file?.spec.columns ?? []).filter((c) => c.type === 'date').map((c) => c.key));
    const switched = new Map((this.#file?.result.notices ?? []).filter((n) => n.code === 'date-order-switched' && n.columnKey).map((n) => [n.columnKey!, n.params?.['order'] as DateOrder]));
    const chosen: Readonly<Record<string, DateOrder>> = this.#matching?.dateOrders ?? {};
    return (key) => (dates.has(key) ? (chosen[key] ?? switched.get(key) ?? this.#options.dateOrder ?? 'DMY') : undefined);
  }

  // ── fixing in the browser ───────────────────────────────────────────────────────────────────────

  /**
   * Changes cells of the current file (one undoable step: a single edit or a column-wide fix) and checks
   * the edited file again, exactly as the same changes saved from a spreadsheet would be checked.
   */
  editCells(edits: readonly CellEdit[]): Promise<void> {
    const textOf = this.#texts();
    const fresh = edits.filter((e) => e.value !== textOf(e.row, e.columnKey));
    if (fresh.length === 0) return Promise.resolve();
    const changes = fresh.map((e) => this.#change(e.row, e.columnKey, textOf(e.row, e.columnKey), e.value));
    this.#steps.push({ kind: 'edit', edits: fresh, changes });
    this.#emit('edited', { changes });
    return this.#recheck();
  }

  /** Deletes rows from this upload on purpose (what deleting them in the spreadsheet would do). */
  deleteRows(rows: readonly number[]): Promise<void> {
    const deleted = new Set(this.#changes().deleted);
    const fresh = [...new Set(rows)].filter((r) => !deleted.has(r));
    if (fresh.length === 0) return Promise.resolve();
    this.#steps.push({ kind: 'delete', rows: fresh });
    return this.#recheck();
  }

  /** Puts rows deleted on purpose back into the upload. */
  restoreRows(rows: readonly number[]): Promise<void> {
    const deleted = new Set(this.#changes().deleted);
    const back = rows.filter((r) => deleted.has(r));
    if (back.length === 0) return Promise.resolve();
    this.#steps.push({ kind: 'restore', rows: back });
    return this.#recheck();
  }

  /** Takes back the last fix (edit, column-wide fix, deletion or restoration). */
  undoEdit(): Promise<void> {
    const step = this.#steps.pop();
    if (!step) return Promise.resolve();
    if (step.kind === 'edit') {
      this.#emit('edited', { changes: step.changes.map((c) => ({ ...c, oldValue: c.newValue, newValue: c.oldValue })) });
    }
    return this.#recheck();
  }

  /** The latest value per cell and the rows deleted, folded from the steps. */
  #changes(): UploadChanges {
    const cells = new Map<string, CellEdit>();
    const deleted = new Set<number>();
    for (const step of this.#steps) {
      if (step.kind === 'edit') for (const e of step.edits) cells.set(`${e.row}\u0000${e.columnKey}`, e);
      else if (step.kind === 'delete') for (const r of step.rows) deleted.add(r);
      else for (const r of step.rows) deleted.delete(r);
    }
    return { edits: [...cells.values()], deleted: [...deleted].sort((a, b) => a - b) };
  }

  #editing(): Editing | undefined {
    if (this.#steps.length === 0 && !this.#state.editing) return undefined;
    const { edits, deleted } = this.#changes();
    const gone = new Set(deleted);
    const editedRows = [...new Set(edits.map((e) => e.row))].filter((r) => !gone.has(r)).sort((a, b) => a - b);
    return { edits, deleted, editedRows, canUndo: this.#steps.length > 0, checking: false };
  }

  /**
   * What a cell now holds: the admin's latest edit, else the file's text. Lookups built once per call, so
   * a column-wide fix of thousands of cells stays linear.
   */
  #texts(): (row: number, columnKey: string) => string {
    const edited = new Map(this.#changes().edits.map((e) => [`${e.row}\u0000${e.columnKey}`, e.value]));
    const rows = new Map((this.#state.rows ?? []).map((r) => [r.row, r.cells]));
    // A row without problems (edited in the all-rows view) is known by its record: the value as read.
    const records = this.#file?.recordsByRow;
    const recorded = (row: number, columnKey: string): string => {
      const value = records?.get(row)?.values[columnKey];
      return value === null || value === undefined ? '' : String(value);
    };
    return (row, columnKey) => edited.get(`${row}\u0000${columnKey}`) ?? rows.get(row)?.[columnKey] ?? recorded(row, columnKey);
  }

  #change(row: number, columnKey: string, oldValue: string, newValue: string): CellChange {
    const column = this.#file?.headers.get(columnKey) ?? columnKey;
    return { row, columnKey, column, oldValue, newValue };
  }

  /** Checks the edited file again off the main thread; the review stays on screen until the answer. */
  async #recheck(): Promise<void> {
    const blob = this.#blob;
    const spec = this.#file?.spec;
    if (!blob || !spec || this.#committing) return;
    this.#fileOp?.abort();
    this.#discardStaged();
    const op = new AbortController();
    this.#fileOp = op;
    const { signal } = op;
    this.#set({ editing: { ...this.#editing()!, checking: true } });
    let result: ValidationResult;
    try {
      const buffer = await blob.arrayBuffer();
      if (signal.aborted) return;
      result = await this.#validate(buffer, spec, signal, this.#state.file?.name ?? 'upload', false);
    } catch (error) {
      if (signal.aborted || isAbort(error)) return;
      this.#set({ editing: { ...this.#editing()!, checking: false } });
      this.#fail({}, makeFailure('read-internal', error, { kind: 'unknown', retryable: true }));
      return;
    }
    if (signal.aborted) return;
    await this.#afterValidation(result, spec, signal);
    if (!signal.aborted && this.#fileOp === op) this.#set({ editing: this.#editing() });
  }

  // ── columns and dates ───────────────────────────────────────────────────────────────────────────

  /** On the matching screen: proposes the columns of another header row (one of `state.matching.topRows`). */
  matchHeaderRow(row: number): void {
    const spec = this.#file?.spec;
    const { status } = this.#state;
    if (!(status === 'matching' || status === 'has-issues' || status === 'ready') || !spec || !this.#matching) return;
    const review = this.#matching.changeHeaderRow(spec, row);
    if (review) this.#set({ matching: review });
  }

  /**
   * The admin confirmed (or changed) the columns: the file is read again with `mapping`, which is also
   * remembered for the next upload of this activity with the same headers. Also from the review, to change
   * a mapping already confirmed.
   */
  confirmMatch(mapping: ColumnMapping): Promise<void> {
    const spec = this.#file?.spec;
    if (!spec || !this.#matching || this.#committing) return Promise.resolve();
    this.#matching.confirm(mapping);
    return this.#readAgain(spec);
  }

  /**
   * Reads the text dates of the date column `columnKey` in `order` (the review's switch back to the
   * configured order, or to the other one): the file is checked again.
   */
  readDatesAs(columnKey: string, order: DateOrder): Promise<void> {
    const spec = this.#file?.spec;
    if (!spec || !this.#matching || this.#committing) return Promise.resolve();
    this.#matching.dateOrders[columnKey] = order;
    return this.#readAgain(spec);
  }

  /** Reads the current file again (a new mapping, a date order): progress, then the review. */
  async #readAgain(spec: TemplateSpec, fresh = true): Promise<void> {
    const blob = this.#blob;
    if (!blob) return;
    if (fresh) {
      this.#fileOp?.abort();
      this.#discardStaged();
    }
    const op = fresh ? new AbortController() : this.#fileOp!;
    this.#fileOp = op;
    const { signal } = op;
    if (fresh) this.#set({ status: 'reading', issues: [], summary: undefined, failure: undefined, progress: { phase: 'reading', fraction: 0, done: 0, total: blob.size } });
    let result: ValidationResult;
    try {
      const buffer = await blob.arrayBuffer();
      if (signal.aborted) return;
      result = await this.#validate(buffer, spec, signal, this.#state.file?.name ?? 'upload');
    } catch (error) {
      if (signal.aborted || isAbort(error)) return;
      this.#fail({ ...this.#fileCleared(), status: 'selecting' }, makeFailure('read-internal', error, { kind: 'unknown', retryable: true }));
      return;
    }
    if (signal.aborted) return;
    await this.#afterValidation(result, spec, signal);
  }

  /** Stops reading or the dry run now and discards the staged upload; back to choosing, no file. */
  cancel(): void {
    if (this.#disposed || this.#committing) return;
    if (!FILE_STATUSES.has(this.#state.status)) return;
    this.#dropFile();
    this.#set({ ...this.#fileCleared(), status: 'selecting' });
  }

  // ── commit ──────────────────────────────────────────────────────────────────────────────────────

  async commit(): Promise<void> {
    const { status, issues, failure: last } = this.#state;
    const staged = this.#staged;
    const retry = status === 'commit-failed' && last?.retryable === true;
    if (this.#disposed || this.#committing || !staged || issues.length > 0 || !(status === 'ready' || retry)) return;
    const file = this.#file!;
    const op = new AbortController();
    this.#fileOp = op;
    const { signal } = op;
    this.#committing = true;
    this.#set({ status: 'committing', failure: undefined, progress: commitProgress(this.#state.summary?.records ?? staged.records.length) });
    let result: CommitResult;
    try {
      const checksum = (staged.checksum ??= await recordsChecksum(staged.records));
      // Every try, automatic or Try again, sends the same key: a commit that landed is answered again, not doubled.
      result = await this.#retrying(signal, (attempts) => {
        staged.commitTries += 1;
        return this.backend.commitUpload(staged.uploadId, { idempotencyKey: staged.idempotencyKey, recordCount: staged.records.length, checksum }, { signal, attempts });
      });
    } catch (error) {
      this.#committing = false;
      if (signal.aborted || isAbort(error)) return;
      this.#commitFailed(error, file);
      return;
    } finally {
      if (this.#fileOp === op) this.#fileOp = undefined;
    }
    this.#committing = false;
    if (signal.aborted) return;
    // Committed: nothing is staged any more, and nothing must be discarded.
    this.#staged = undefined;
    this.#set({ status: 'created', result, progress: undefined, uploadId: undefined, failure: undefined, retrying: undefined });
    const changes = this.#editing();
    this.#emit('created', { result, activity: activityOf(this.#state, file.spec)!, editedRows: changes?.editedRows ?? [], deletedRows: changes?.deleted ?? [] });
  }

  #commitFailed(error: unknown, file: FileContext): void {
    if (error instanceof RejectedError) {
      this.#discardStaged();
      if (error.issues.length === 0) {
        // Refused as a whole (e.g. a reused key, an incomplete upload): this staged upload cannot be committed.
        this.#fail({ status: 'commit-failed', progress: undefined, uploadId: undefined }, makeFailure('commit-refused', error, { params: { reason: error.message } }));
        return;
      }
      const issues = mergeIssues(file.spec, error.issues.map((i) => mapServerIssue(i, file)));
      const rows = new Set(issues.map((i) => i.row)).size;
      this.#showIssues(issues, makeFailure('commit-rejected', error, { params: { count: rows } }));
      return;
    }
    if (error instanceof NoAccessError) {
      this.#discardStaged();
      this.#fail({ status: 'no-access', progress: undefined, uploadId: undefined }, makeFailure('no-access', error));
      return;
    }
    if (error instanceof NotFoundError) {
      // The LMS no longer has the staged upload: there is nothing to discard or retry.
      this.#staged = undefined;
      this.#fail({ status: 'commit-failed', progress: undefined, uploadId: undefined }, makeFailure('commit-not-found', error));
      return;
    }
    // Unavailable, a garbled answer, or anything else: the commit may or may not have run. A retry with
    // the same key is safe either way, so the failure is retryable. After the automatic retries the
    // session stops and says how many tries were sent (with the reference to quote), never looping on.
    const contract = error instanceof BackendError && error.kind === 'contract';
    const attempts = this.#staged?.commitTries ?? 1;
    this.#fail(
      { status: 'commit-failed', progress: undefined, retrying: undefined },
      makeFailure(contract ? 'commit-contract' : 'commit-unavailable', error, { retryable: true, ...(attempts > 1 ? { params: { attempts } } : {}) }),
    );
  }

  // ── the LMS could not check: again, without picking the file again ─────────────────────────────

  /**
   * Asks the LMS to check the current file again — a new dry run of the rows already read and checked, the
   * file not read again — after the check failed (`check-failed`, or `has-issues` with a retryable failure).
   */
  async retryCheck(): Promise<void> {
    const file = this.#file;
    const { status, failure } = this.#state;
    const failed = status === 'check-failed' || (status === 'has-issues' && failure?.retryable === true);
    if (this.#disposed || this.#committing || !file || !(failed || this.#abandoned)) return;
    this.#abandoned = false;
    this.#fileOp?.abort();
    this.#discardStaged();
    const op = new AbortController();
    this.#fileOp = op;
    this.#set({ failure: undefined, retrying: undefined, issues: [], summary: undefined });
    await this.#dryRun(file, op.signal);
  }

  /**
   * The page is going away (pagehide): discards the staged upload with a request that outlives the page
   * (CallOptions.keepalive). A commit in flight is left to finish. The file stays in memory: should the
   * page come back from the back-forward cache, resume() checks it with the LMS again.
   */
  abandon(): void {
    if (this.#disposed || this.#committing) return;
    const { status } = this.#state;
    const staged = this.#staged;
    if (status === 'dry-run' || status === 'ready') {
      this.#fileOp?.abort();
      this.#abandoned = true;
    }
    this.#staged = undefined;
    if (staged) this.#discard(staged.uploadId, true);
  }

  /** The page came back (pageshow from the back-forward cache): a file abandon() left unstaged is checked again. */
  resume(): Promise<void> {
    return this.#abandoned ? this.retryCheck() : Promise.resolve();
  }

  // ── starting again ──────────────────────────────────────────────────────────────────────────────

  uploadAnother(): void {
    if (this.#disposed || this.#committing) return;
    this.#dropFile();
    const status = FILE_STATUSES.has(this.#state.status) ? 'selecting' : this.#state.status;
    this.#set({ ...this.#fileCleared(), status });
  }

  startOver(): void {
    if (this.#disposed || this.#committing) return;
    this.#dropFile();
    this.#abortSpec();
    const status = FILE_STATUSES.has(this.#state.status) ? 'selecting' : this.#state.status;
    this.#set({ ...this.#fileCleared(), status, selection: {}, spec: { status: 'idle' }, notices: [] });
  }

  dispose(): void {
    if (this.#disposed) return;
    this.#startOp?.abort();
    this.#abortSpec();
    // A commit in flight is left to finish on the server (it is atomic); discarding it would race it.
    if (this.#committing) {
      this.#fileOp?.abort();
      this.#staged = undefined;
    }
    this.#dropFile();
    this.#disposed = true;
  }

  // ── internals ───────────────────────────────────────────────────────────────────────────────────

  /** Aborts the file's operation and discards its staged upload (the LMS keeps nothing). */
  #dropFile(): void {
    this.#fileOp?.abort();
    this.#fileOp = undefined;
    this.#blob = undefined;
    this.#steps = [];
    this.#discardStaged();
    this.#file = undefined;
    this.#reference = undefined;
    this.#abandoned = false;
    this.#matching = undefined;
  }

  #discardStaged(): void {
    const staged = this.#staged;
    this.#staged = undefined;
    if (staged) this.#discard(staged.uploadId);
  }

  #discard(uploadId: string, keepalive = false): void {
    // Best effort, fire and forget: a staged upload the LMS could not discard expires on its own
    // (StagedUpload.expiresAt). A host backend whose discardUpload throws at once is no reason to fail.
    try {
      const done = keepalive ? this.backend.discardUpload(uploadId, { keepalive: true }) : this.backend.discardUpload(uploadId);
      void Promise.resolve(done).catch(() => undefined);
    } catch {
      // nothing to do: see above
    }
  }

  #fileCleared(): Partial<SessionState> {
    return { file: undefined, progress: undefined, issues: [], summary: undefined, uploadId: undefined, result: undefined, failure: undefined, rows: undefined, editing: undefined, retrying: undefined, matching: undefined, readingNotices: undefined, dateOrders: undefined };
  }

  #fail(patch: Partial<SessionState>, failed: SessionFailure): void {
    const fail = this.#referenced(failed);
    this.#set({ ...patch, failure: fail });
    this.#emit('failed', { failure: fail });
  }

  /** The failure with the upload reference in its detail, when there is one. */
  #referenced(failure: SessionFailure): SessionFailure {
    const uploadId = this.#reference;
    return uploadId ? { ...failure, detail: { ...failure.detail, uploadId } } : failure;
  }

  #set(patch: Partial<{ -readonly [K in keyof SessionState]: SessionState[K] | undefined }>): void {
    const previous = this.#state;
    const next: Record<string, unknown> = { ...previous };
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) delete next[key];
      else next[key] = value;
    }
    const state = Object.freeze(next) as unknown as SessionState;
    this.#state = state;
    this.#emit('statechange', { state, previous });
  }

  #emit<K extends keyof SessionEventMap>(type: K, detail: SessionEventMap[K]['detail']): void {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }
}

/**
 * The activity of the upload, in one shape: the one chosen, else the spec's (a preset activity the LMS
 * described only in the spec). Undefined before either is known.
 */
export function activityOf(state: SessionState, spec: TemplateSpec | undefined = state.spec.value): ActivitySummary | undefined {
  if (state.selection.activity) return state.selection.activity;
  if (!spec) return undefined;
  const { id, name, categoryId, categoryName, startDate, endDate } = spec.activity;
  return { id, name, categoryId, startDate, ...(categoryName ? { categoryName } : {}), ...(endDate ? { endDate } : {}) };
}

/** A call the session refuses in its state (a template before the choice is complete, a file while creating). */
export class SessionError extends Error {
  constructor(readonly failure: SessionFailure) {
    super(failure.code);
    this.name = 'SessionError';
  }
}

/** columnKey → the header as the admin wrote it, from the validator's header match (spec headers otherwise). */
function headersOf(result: ValidationResult, spec: TemplateSpec): Map<string, string> {
  const headers = new Map(spec.columns.map((c) => [c.key, c.header]));
  for (const [key, header] of Object.entries(result.stats.headers)) headers.set(key, header);
  return headers;
}

/** The file's context after a check: its records by row and counted for the summary, in slices; undefined when aborted. */
async function fileContext(result: ValidationResult, spec: TemplateSpec, signal: AbortSignal): Promise<FileContext | undefined> {
  const recordsByRow = new Map<number, UploadRecord>();
  const tally = new RecordTally(spec);
  const visited = await forEachSliced(
    result.records,
    (record) => {
      recordsByRow.set(record.row, record);
      tally.add(record);
    },
    signal,
  );
  if (!visited) return undefined;
  return { spec, result, headers: headersOf(result, spec), recordsByRow, labels: new Map(), tally, byLabel: {} };
}

function emptyStats(): ValidationResult['stats'] {
  return { rows: 0, records: 0, rowsWithIssues: 0, sheetName: '', format: null, headerRow: null, headers: {}, columns: {} };
}

/** Whose words a downloaded file is written in: a Localizer (the wizard's), else a locale (default English). */
export interface FileWordsOptions {
  readonly locale?: string;
  readonly localizer?: Localizer;
  readonly signal?: AbortSignal;
}

async function wordsFor(options: FileWordsOptions): Promise<Localizer> {
  if (options.localizer) return options.localizer;
  const { loadLocalizer } = await import('../i18n/localize.js');
  return loadLocalizer(options.locale);
}

/** A `YYYY-MM-DD` date as typed in `order` (DD/MM/YYYY, MM/DD/YYYY, or as it is): digits only, no words. */
function typedDate(iso: string, order: DateOrder): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m || order === 'YMD') return iso;
  return order === 'DMY' ? `${m[3]}/${m[2]}/${m[1]}` : `${m[2]}/${m[3]}/${m[1]}`;
}
