// The file part of UploadSession, loaded with the first file (or when the wizard's upload step shows,
// UploadSession.prepareFile): read + validate (worker), column matching, the chunked dry run, fixing in
// the browser, the atomic commit and the files made from the upload. None of it, nor what it imports
// (the worker client, matching, server issues, retries, the preview, the issue words…), is needed by the
// first screens (access, choose, template). UploadSession keeps the public methods and hands them here;
// this module holds the file's state and changes the session's through FileHost. API: docs/session.md.
import { recordsChecksum } from '../../backend/checksum.js';
import { BackendError, NoAccessError, NotFoundError, RejectedError, SessionEndedError, isAbort } from '../../backend/errors.js';
import type { Capabilities, CommitResult, DryRunRow, LmsBackend } from '../../backend/types.js';
import type { Issue } from '../../core/issues.js';
import type { ValidationResult } from '../../core/pipeline.js';
import { ReadFailedError, type DateOrder } from '../../core/read/types.js';
import type { DryRunLabel, UploadRecord } from '../../core/records.js';
import type { TemplateSpec } from '../../core/spec.js';
import type { CellEdit, UploadChanges } from '../../core/edit/table.js';
import type { RowTexts } from '../../core/validate/validator.js';
import { RecordTally, type UploadSummary } from '../../core/summary.js';
import { PROBLEMS_HEADERS } from '../../i18n/problems-headers.js';
import { issueMessage } from '../../i18n/issue-message.js';
import { laterWordsEn } from '../../i18n/later-words.js';
import { useLaterWords } from '../../i18n/localize.js';
import { prewarmValidationWorker, validateInWorker, ValidatorUnavailableError } from '../../worker/client.js';
import { makeFailure } from '../failures.js';
import { attemptsOf, resolvePolicy, withRetries, type RetryStatus } from '../retry.js';
import { buildPreview, type RecordsPreview } from '../preview.js';
import { commitProgress, dryRunProgress, readProgress } from '../progress.js';
import { FileMatching, MatchMemory, type ColumnMapping } from '../matching.js';
import { mapDryRunIssues, mapServerIssue, mergeIssues, type IssueContext } from '../server-issues.js';
import { forEachSliced } from '../slicing.js';
import { isFileRefused } from '../file-refused.js';
import {
  DEFAULT_CHUNK_SIZE,
  DEFAULT_MAX_FILE_SIZE,
  DRY_RUN_CHUNK_CAP,
  activityOf,
  fileCleared,
  readingStarted,
  SessionError,
  wordsFor,
  type FileWordsOptions,
  type StatePatch,
} from '../session-basics.js';
import type { CellChange, Editing, EditStep, ResumeWork, SessionEventMap, SessionFailure, SessionOptions, SessionState } from '../types.js';

/** What the file part needs of its UploadSession: its backend, options and state, and its private setters. */
export interface FileHost {
  readonly backend: LmsBackend;
  readonly options: SessionOptions;
  readonly state: SessionState;
  readonly disposed: boolean;
  set(patch: StatePatch): void;
  emit<K extends keyof SessionEventMap>(type: K, detail: SessionEventMap[K]['detail']): void;
}

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

/** One session's file: made once, with the session's first file, and kept (dropped files leave it empty). */
export class FileWork {
  readonly #host: FileHost;
  #capabilitiesAsked: Promise<Capabilities> | undefined;
  /** The LMS's limits as last asked (empty until the first file). */
  #limits: Capabilities = {};
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

  constructor(host: FileHost) {
    this.#host = host;
    // The words of the failures only this part reports, and of what the shell shows only once it is here
    // (ui-later.en.ts uiFileEn), come with it (not on the first load): in the English table before the
    // session holds a file or reports one of them, so the wizard's words and the `failed` event's are never
    // missing. The later steps' words are already loaded with the failures' (one chunk, later-words).
    useLaterWords(laterWordsEn);
  }

  get #state(): SessionState {
    return this.#host.state;
  }

  get #options(): SessionOptions {
    return this.#host.options;
  }

  get #backend(): LmsBackend {
    return this.#host.backend;
  }

  #set(patch: StatePatch): void {
    this.#host.set(patch);
  }

  #emit<K extends keyof SessionEventMap>(type: K, detail: SessionEventMap[K]['detail']): void {
    this.#host.emit(type, detail);
  }

  /** Starts the validation worker ahead of the first file (unless the session reads on the page's thread). */
  prewarm(): void {
    if (this.#options.useWorker !== false) prewarmValidationWorker();
  }

  /** See UploadSession.fileRefused. */
  get fileRefused(): boolean {
    return isFileRefused(this.#state);
  }

  /** A commit is in flight: nothing may interrupt it. */
  get committing(): boolean {
    return this.#committing;
  }

  /** The current file's spec, if there is a file. */
  get spec(): TemplateSpec | undefined {
    return this.#file?.spec;
  }

  /** See UploadSession.preview. */
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

  /** See UploadSession.records. */
  get records(): readonly UploadRecord[] {
    return this.#file?.result.records ?? [];
  }

  /** See UploadSession.work. */
  get work(): ({ readonly blob: Blob } & ResumeWork) | undefined {
    const blob = this.#blob;
    if (!blob) return undefined;
    const staged = this.#staged;
    const matching = this.#matching?.work();
    return { blob, steps: [...this.#steps], ...(staged ? { staged: { uploadId: staged.uploadId, idempotencyKey: staged.idempotencyKey } } : {}), ...(matching ? { matching } : {}) };
  }

  // ── files made from the upload ──────────────────────────────────────────────────────────────────

  /**
   * What a file made from the upload starts from: the annotating code (its own chunk), the words, the
   * uploaded bytes and where the table sits in them.
   */
  async #fileSource(options: FileWordsOptions) {
    const blob = this.#blob;
    const file = this.#file;
    if (!blob || !file) throw new SessionError(makeFailure('spec-not-ready'));
    const [annotate, l, bytes] = await Promise.all([import('../../core/annotate.js'), wordsFor(options), blob.arrayBuffer()]);
    options.signal?.throwIfAborted();
    const { sheetName, headerRow, headers } = file.result.stats;
    return { annotate, l, bytes, source: { sheetName, headerRow: headerRow ?? 1, headers, fileName: this.#state.file?.name ?? 'upload' } };
  }

  /** See UploadSession.annotatedFile. */
  async annotatedFile(options: FileWordsOptions & { csvAs?: 'xlsx' | 'csv' } = {}): Promise<{ blob: Blob; fileName: string }> {
    const { annotate, l, bytes, source } = await this.#fileSource(options);
    const out = await annotate.annotateUpload(bytes, this.#state.issues, {
      ...source,
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

  /** See UploadSession.deletedRowsFile. */
  async deletedRowsFile(options: FileWordsOptions = {}): Promise<{ blob: Blob; fileName: string }> {
    const { annotate, l, bytes, source } = await this.#fileSource(options);
    const out = await annotate.deletedRowsFile(bytes, {
      ...source,
      fileSuffix: l.t('deletedFileSuffix'),
      changes: this.#changes(),
    });
    return { blob: new Blob([out.data as BlobPart], { type: out.mimeType }), fileName: out.fileName };
  }

  // ── the file: read, validate, dry run ───────────────────────────────────────────────────────────

  /**
   * See UploadSession.uploadFile; `spec` is ready. Synchronous up to `reading`, so that a cancel() right
   * after the call applies; `announced` says the session already set `reading` for this file.
   */
  async uploadFile(file: Blob, spec: TemplateSpec, name?: string, resume?: ResumeWork, announced = false): Promise<void> {
    if (this.#committing) throw new SessionError(makeFailure('upload-while-creating'));
    this.drop();
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
    if (!announced) this.#set(readingStarted(fileName, file.size));

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
      this.#fail({ ...fileCleared(), status: 'selecting' }, failure);
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
    const chunkSize = Math.max(1, Math.floor(this.#options.chunkSize ?? Math.min(DRY_RUN_CHUNK_CAP, this.#backend.chunkSize ?? DEFAULT_CHUNK_SIZE)));
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
      const staged = await this.#retrying(signal, (attempts) => this.#backend.stageUpload(request, { signal, attempts }), (e) => e.status !== undefined);
      if (signal.aborted) {
        this.#discard(staged.uploadId);
        return;
      }
      this.#staged = { uploadId: staged.uploadId, idempotencyKey: crypto.randomUUID(), records, commitTries: 0 };
      this.#reference = staged.uploadId;
      this.#set({ uploadId: staged.uploadId });
      for (let start = 0, chunkIndex = 0; start < total; start += chunkSize, chunkIndex++) {
        const chunk = records.slice(start, start + chunkSize);
        const answer = await this.#retrying(signal, (attempts) => this.#backend.dryRunChunk(staged.uploadId, { chunkIndex, records: chunk }, { signal, attempts }));
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
      this.#fail({ ...fileCleared(), status: error instanceof NoAccessError ? 'no-access' : 'selecting' }, failure);
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
    if (!this.#backend.getCapabilities) return {};
    this.#capabilitiesAsked ??= this.#backend.getCapabilities({ signal }).catch(() => {
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
    const fail = failed && this.referenced(failed);
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

  /** See UploadSession.editCells. */
  editCells(edits: readonly CellEdit[]): Promise<void> {
    const textOf = this.#texts();
    const fresh = edits.filter((e) => e.value !== textOf(e.row, e.columnKey));
    if (fresh.length === 0) return Promise.resolve();
    const changes = fresh.map((e) => this.#change(e.row, e.columnKey, textOf(e.row, e.columnKey), e.value));
    this.#steps.push({ kind: 'edit', edits: fresh, changes });
    this.#emit('edited', { changes });
    return this.#recheck();
  }

  /** See UploadSession.deleteRows. */
  deleteRows(rows: readonly number[]): Promise<void> {
    const deleted = new Set(this.#changes().deleted);
    const fresh = [...new Set(rows)].filter((r) => !deleted.has(r));
    if (fresh.length === 0) return Promise.resolve();
    this.#steps.push({ kind: 'delete', rows: fresh });
    return this.#recheck();
  }

  /** See UploadSession.restoreRows. */
  restoreRows(rows: readonly number[]): Promise<void> {
    const deleted = new Set(this.#changes().deleted);
    const back = rows.filter((r) => deleted.has(r));
    if (back.length === 0) return Promise.resolve();
    this.#steps.push({ kind: 'restore', rows: back });
    return this.#recheck();
  }

  /** See UploadSession.undoEdit. */
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

  /** See UploadSession.matchHeaderRow. */
  matchHeaderRow(row: number): void {
    const spec = this.#file?.spec;
    const { status } = this.#state;
    if (!(status === 'matching' || status === 'has-issues' || status === 'ready') || !spec || !this.#matching) return;
    const review = this.#matching.changeHeaderRow(spec, row);
    if (review) this.#set({ matching: review });
  }

  /** See UploadSession.confirmMatch. */
  confirmMatch(mapping: ColumnMapping): Promise<void> {
    const spec = this.#file?.spec;
    if (!spec || !this.#matching || this.#committing) return Promise.resolve();
    this.#matching.confirm(mapping);
    return this.#readAgain(spec);
  }

  /** See UploadSession.readDatesAs. */
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
      this.#fail({ ...fileCleared(), status: 'selecting' }, makeFailure('read-internal', error, { kind: 'unknown', retryable: true }));
      return;
    }
    if (signal.aborted) return;
    await this.#afterValidation(result, spec, signal);
  }

  // ── commit ──────────────────────────────────────────────────────────────────────────────────────

  /** See UploadSession.commit. */
  async commit(): Promise<void> {
    const { status, issues, failure: last } = this.#state;
    const staged = this.#staged;
    const retry = status === 'commit-failed' && last?.retryable === true;
    if (this.#host.disposed || this.#committing || !staged || issues.length > 0 || !(status === 'ready' || retry)) return;
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
        return this.#backend.commitUpload(staged.uploadId, { idempotencyKey: staged.idempotencyKey, recordCount: staged.records.length, checksum }, { signal, attempts });
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

  /** See UploadSession.retryCheck. */
  async retryCheck(): Promise<void> {
    const file = this.#file;
    const { status, failure } = this.#state;
    const failed = status === 'check-failed' || (status === 'has-issues' && failure?.retryable === true);
    if (this.#host.disposed || this.#committing || !file || !(failed || this.#abandoned)) return;
    this.#abandoned = false;
    this.#fileOp?.abort();
    this.#discardStaged();
    const op = new AbortController();
    this.#fileOp = op;
    this.#set({ failure: undefined, retrying: undefined, issues: [], summary: undefined });
    await this.#dryRun(file, op.signal);
  }

  /** See UploadSession.abandon (the session checked that it is not disposed and not committing). */
  abandon(): void {
    const { status } = this.#state;
    const staged = this.#staged;
    if (status === 'dry-run' || status === 'ready') {
      this.#fileOp?.abort();
      this.#abandoned = true;
    }
    this.#staged = undefined;
    if (staged) this.#discard(staged.uploadId, true);
  }

  /** See UploadSession.resume. */
  resume(): Promise<void> {
    return this.#abandoned ? this.retryCheck() : Promise.resolve();
  }

  /** The session is disposed: a commit in flight is left to finish on the server (it is atomic); discarding it would race it. */
  dispose(): void {
    if (this.#committing) {
      this.#fileOp?.abort();
      this.#staged = undefined;
    }
    this.drop();
  }

  /** Aborts the file's operation and discards its staged upload (the LMS keeps nothing). */
  drop(): void {
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
      const done = keepalive ? this.#backend.discardUpload(uploadId, { keepalive: true }) : this.#backend.discardUpload(uploadId);
      void Promise.resolve(done).catch(() => undefined);
    } catch {
      // nothing to do: see above
    }
  }

  #fail(patch: StatePatch, failed: SessionFailure): void {
    const fail = this.referenced(failed);
    this.#set({ ...patch, failure: fail });
    this.#emit('failed', { failure: fail });
  }

  /** The failure with the upload reference in its detail, when there is one. */
  referenced(failure: SessionFailure): SessionFailure {
    const uploadId = this.#reference;
    return uploadId ? { ...failure, detail: { ...failure.detail, uploadId } } : failure;
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

/** A `YYYY-MM-DD` date as typed in `order` (DD/MM/YYYY, MM/DD/YYYY, or as it is): digits only, no words. */
function typedDate(iso: string, order: DateOrder): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m || order === 'YMD') return iso;
  return order === 'DMY' ? `${m[3]}/${m[2]}/${m[1]}` : `${m[2]}/${m[3]}/${m[1]}`;
}
