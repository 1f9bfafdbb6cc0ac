// UploadSession: the whole upload flow as a headless state machine over an LmsBackend and the core —
// access, choice, template, read + validate (worker), chunked dry run, atomic commit. Elements render
// `state` and call the methods; nothing else holds business state. API: docs/session.md.
// This module is the first screens' part (access, lists, choices, the template spec and its download); the
// file's part (read, check, dry run, fixes, commit, the files made from the upload) is later/file-work.ts,
// loaded with the first file or by prepareFile(), so that none of it is in a page's first load.
import { NoAccessError, NotFoundError, isAbort } from '../backend/errors.js';
import type { ActivityPage, ActivitySummary, Category, Domain, LmsBackend } from '../backend/types.js';
import type { UploadRecord } from '../core/records.js';
import type { TemplateSpec } from '../core/spec.js';
import type { CellEdit } from '../core/edit/table.js';
import type { DateOrder } from '../core/read/types.js';
import { makeFailure, type Notice } from './failures.js';
import type { RecordsPreview } from './preview.js';
import type { ColumnMapping } from './matching.js';
import type { FileHost, FileWork } from './later/file-work.js';
import { FILE_STATUSES, fileCleared, readingStarted, SessionError, type FileWordsOptions, type StatePatch } from './session-basics.js';
import type { Preset, ResumeWork, Selection, SessionEventMap, SessionFailure, SessionOptions, SessionState } from './types.js';

export type { Preset } from './types.js';
export { DEFAULT_CHUNK_SIZE, DRY_RUN_CHUNK_CAP, DEFAULT_MAX_FILE_SIZE, SessionError, activityOf, type FileWordsOptions } from './session-basics.js';

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
  #state: SessionState = initialState;
  #disposed = false;

  /** start(): access check and lists. */
  #startOp?: AbortController;
  /** The template spec's load. */
  #specOp?: AbortController;
  #specKey?: string;
  #specLoad?: Promise<void>;
  /** The file's part (later/file-work.ts), once loaded; it holds the file, its staged upload and fixes. */
  #work?: FileWork;
  #workLoad?: Promise<FileWork>;
  /** The first file while the file's part loads: aborted by anything that puts the file away. */
  #pending?: AbortController;

  /**
   * @internal What loads with the file's part, before any file is read (a load that fails fails as the
   * part would): the wizard's listeners for the events of a file (validated, edited, created,
   * before-create), which thus never miss one.
   */
  fileCompanion?: () => Promise<unknown>;

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
    return this.#work?.preview;
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
    this.#set({ ...fileCleared(), status: 'checking-access', failure: undefined, notices: [], spec: { status: 'idle' } });

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
    this.#set({ selection: clean, notices: [], ...(hadFile ? { ...fileCleared(), status: 'selecting' } : {}) });
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
        // The worker is started ahead of the first file by prepareFile() (the wizard's upload step), not
        // here: the first screens load nothing the file needs.
        this.#set({ spec: { status: 'ready', value: spec } });
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
    return (await import('./later/downloads.js')).templateFile(spec, format, options, this.#options);
  }

  /** The issues as a spreadsheet, every word (headers, problems) in `locale` or the `localizer`'s language. */
  async errorReport(format: 'xlsx' | 'csv' = 'xlsx', options: FileWordsOptions = {}): Promise<{ blob: Blob; fileName: string }> {
    const spec = this.#work?.spec ?? (await this.#readySpec());
    options.signal?.throwIfAborted();
    return (await import('./later/downloads.js')).issuesReport(this.#state.issues, spec, format, options);
  }

  /**
   * The uploaded file handed back with its problems marked, in the admin's words: problem cells filled
   * and noted, a Problems column at the end of each affected row (core/annotate.ts). A CSV upload comes
   * back as .xlsx unless `csvAs` says csv. Uploaded again after fixing, it is checked like the original.
   */
  annotatedFile(options: FileWordsOptions & { csvAs?: 'xlsx' | 'csv' } = {}): Promise<{ blob: Blob; fileName: string }> {
    return this.#work ? this.#work.annotatedFile(options) : Promise.reject(new SessionError(makeFailure('spec-not-ready')));
  }

  /**
   * The rows deleted from this upload on purpose, as a file of their own to finish later: the upload's
   * columns and format (.xlsx for .xlsx, .csv for .csv) with the admin's edits, named in `locale`'s words.
   */
  deletedRowsFile(options: FileWordsOptions = {}): Promise<{ blob: Blob; fileName: string }> {
    return this.#work ? this.#work.deletedRowsFile(options) : Promise.reject(new SessionError(makeFailure('spec-not-ready')));
  }

  /**
   * @internal Whether the file was refused as a whole (WizardFlow.fileRefused, isFileRefused): only a
   * file the session's file part read can be, so the rule loads with that part.
   */
  get fileRefused(): boolean {
    return this.#work?.fileRefused ?? false;
  }

  /** The current file's rows that passed the checks, as records (the review's all-rows view shows them). */
  get records(): readonly UploadRecord[] {
    return this.#work?.records ?? [];
  }

  async #readySpec(): Promise<TemplateSpec> {
    if (this.#state.spec.status === 'loading') await this.#specLoad;
    const spec = this.#state.spec;
    if (spec.status !== 'ready' || !spec.value) {
      throw new SessionError(makeFailure('spec-not-ready'));
    }
    return spec.value;
  }

  // ── the file: read, validate, dry run (later/file-work.ts) ──────────────────────────────────────

  /**
   * Loads what reading a file needs — the file's part of the session and the validation worker — ahead of
   * the first file, so that the file is read at once (the wizard calls it when its upload step shows). Never
   * fails: a part that cannot load is reported by uploadFile().
   */
  prepareFile(): Promise<void> {
    if (this.#disposed) return Promise.resolve();
    return this.#fileWork().then(
      (work) => work.prewarm(),
      () => undefined,
    );
  }

  /** The file's part of the session, loaded once (a load that failed is tried again on the next call). */
  #fileWork(): Promise<FileWork> {
    this.#workLoad ??= Promise.all([import('./later/file-work.js'), this.fileCompanion?.()]).then(
      ([{ FileWork }]) => (this.#work ??= new FileWork(this.#fileHost())),
      (error: unknown) => {
        this.#workLoad = undefined;
        throw error;
      },
    );
    return this.#workLoad;
  }

  /** What the file's part may see and do of this session. */
  #fileHost(): FileHost {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const session = this;
    return {
      backend: this.backend,
      get options() {
        return session.#options;
      },
      get state() {
        return session.#state;
      },
      get disposed() {
        return session.#disposed;
      },
      set: (patch) => this.#set(patch),
      emit: (type, detail) => this.#emit(type, detail),
    };
  }

  /**
   * Reads, checks and dry-runs `file`. `resume` (work kept across a reload, session/persistence.ts) lays
   * the admin's saved fixes over it, and for a commit the reload cut off, settles that staged upload.
   */
  async uploadFile(file: Blob, name?: string, resume?: ResumeWork): Promise<void> {
    if (this.#disposed) return;
    // Synchronous up to `reading` when the spec is there, so that a cancel() right after this call applies.
    // A file while creating is refused by the file part (it holds the records being created).
    const ready = this.#state.spec;
    const spec = ready.status === 'ready' && ready.value ? ready.value : await this.#readySpec();
    if (this.#disposed) return;
    if (this.#work) return this.#work.uploadFile(file, spec, name, resume);
    // The first file while the file's part is not loaded yet: `reading` at once all the same (a cancel()
    // meanwhile applies), then the part loads. Our own code failing to load is internal and retryable.
    this.#dropFile();
    const pending = new AbortController();
    this.#pending = pending;
    this.#set(readingStarted(name ?? (file instanceof File ? file.name : 'upload'), file.size));
    let work: FileWork;
    try {
      work = await this.#fileWork();
    } catch (error) {
      if (pending.signal.aborted || this.#disposed) return;
      this.#pending = undefined;
      this.#fail({ ...fileCleared(), status: 'selecting' }, makeFailure('validator-unavailable', error, { kind: 'unknown', retryable: true }));
      return;
    }
    if (pending.signal.aborted || this.#disposed) return;
    this.#pending = undefined;
    return work.uploadFile(file, spec, name, resume, true);
  }

  /**
   * @internal What is kept across a reload: the file as uploaded, the fixes step by step, the staged
   * upload with its idempotency key, and the columns as matched. Undefined without a file.
   */
  get work(): ({ readonly blob: Blob } & ResumeWork) | undefined {
    return this.#work?.work;
  }

  // ── fixing in the browser ───────────────────────────────────────────────────────────────────────

  /**
   * Changes cells of the current file (one undoable step: a single edit or a column-wide fix) and checks
   * the edited file again, exactly as the same changes saved from a spreadsheet would be checked.
   */
  editCells(edits: readonly CellEdit[]): Promise<void> {
    return this.#work?.editCells(edits) ?? Promise.resolve();
  }

  /** Deletes rows from this upload on purpose (what deleting them in the spreadsheet would do). */
  deleteRows(rows: readonly number[]): Promise<void> {
    return this.#work?.deleteRows(rows) ?? Promise.resolve();
  }

  /** Puts rows deleted on purpose back into the upload. */
  restoreRows(rows: readonly number[]): Promise<void> {
    return this.#work?.restoreRows(rows) ?? Promise.resolve();
  }

  /** Takes back the last fix (edit, column-wide fix, deletion or restoration). */
  undoEdit(): Promise<void> {
    return this.#work?.undoEdit() ?? Promise.resolve();
  }

  // ── columns and dates ───────────────────────────────────────────────────────────────────────────

  /** On the matching screen: proposes the columns of another header row (one of `state.matching.topRows`). */
  matchHeaderRow(row: number): void {
    this.#work?.matchHeaderRow(row);
  }

  /**
   * The admin confirmed (or changed) the columns: the file is read again with `mapping`, which is also
   * remembered for the next upload of this activity with the same headers. Also from the review, to change
   * a mapping already confirmed.
   */
  confirmMatch(mapping: ColumnMapping): Promise<void> {
    return this.#work?.confirmMatch(mapping) ?? Promise.resolve();
  }

  /**
   * Reads the text dates of the date column `columnKey` in `order` (the review's switch back to the
   * configured order, or to the other one): the file is checked again.
   */
  readDatesAs(columnKey: string, order: DateOrder): Promise<void> {
    return this.#work?.readDatesAs(columnKey, order) ?? Promise.resolve();
  }

  /** Stops reading or the dry run now and discards the staged upload; back to choosing, no file. */
  cancel(): void {
    if (this.#disposed || this.#committing) return;
    if (!FILE_STATUSES.has(this.#state.status)) return;
    this.#dropFile();
    this.#set({ ...fileCleared(), status: 'selecting' });
  }

  // ── commit ──────────────────────────────────────────────────────────────────────────────────────

  /** Creates the records of the staged upload, all or none (again after a retryable failure: the same key). */
  commit(): Promise<void> {
    return this.#work?.commit() ?? Promise.resolve();
  }

  // ── the LMS could not check: again, without picking the file again ─────────────────────────────

  /**
   * Asks the LMS to check the current file again — a new dry run of the rows already read and checked, the
   * file not read again — after the check failed (`check-failed`, or `has-issues` with a retryable failure).
   */
  retryCheck(): Promise<void> {
    return this.#work?.retryCheck() ?? Promise.resolve();
  }

  /**
   * The page is going away (pagehide): discards the staged upload with a request that outlives the page
   * (CallOptions.keepalive). A commit in flight is left to finish. The file stays in memory: should the
   * page come back from the back-forward cache, resume() checks it with the LMS again.
   */
  abandon(): void {
    if (this.#disposed || this.#committing) return;
    this.#work?.abandon();
  }

  /** The page came back (pageshow from the back-forward cache): a file abandon() left unstaged is checked again. */
  resume(): Promise<void> {
    return this.#work?.resume() ?? Promise.resolve();
  }

  // ── starting again ──────────────────────────────────────────────────────────────────────────────

  uploadAnother(): void {
    if (this.#disposed || this.#committing) return;
    this.#dropFile();
    const status = FILE_STATUSES.has(this.#state.status) ? 'selecting' : this.#state.status;
    this.#set({ ...fileCleared(), status });
  }

  startOver(): void {
    if (this.#disposed || this.#committing) return;
    this.#dropFile();
    this.#abortSpec();
    const status = FILE_STATUSES.has(this.#state.status) ? 'selecting' : this.#state.status;
    this.#set({ ...fileCleared(), status, selection: {}, spec: { status: 'idle' }, notices: [] });
  }

  dispose(): void {
    if (this.#disposed) return;
    this.#startOp?.abort();
    this.#abortSpec();
    this.#pending?.abort();
    this.#pending = undefined;
    // A commit in flight is left to finish on the server (it is atomic); discarding it would race it.
    this.#work?.dispose();
    this.#disposed = true;
  }

  // ── internals ───────────────────────────────────────────────────────────────────────────────────

  /** A commit is in flight: nothing may interrupt it. */
  get #committing(): boolean {
    return this.#work?.committing === true;
  }

  /** Aborts the file's operation and discards its staged upload (the LMS keeps nothing). */
  #dropFile(): void {
    this.#pending?.abort();
    this.#pending = undefined;
    this.#work?.drop();
  }

  #fail(patch: StatePatch, failed: SessionFailure): void {
    const fail = this.#work?.referenced(failed) ?? failed;
    this.#set({ ...patch, failure: fail });
    this.#emit('failed', { failure: fail });
  }

  #set(patch: StatePatch): void {
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
