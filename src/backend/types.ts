// LmsBackend: the one interface the session and the UI talk to. RestBackend implements it over HTTP
// (see openapi.json and src/backend/schemas.ts, which must agree); a host may pass any object that implements it.
import type { IssueCode, IssueParams } from '../core/issues.js';
import type { DryRunLabel, UploadRecord } from '../core/records.js';
import type { IdentifierKind, TemplateSpec } from '../core/spec.js';

export type { ExistingRecordPolicy } from '../core/spec.js';

export interface CallOptions {
  readonly signal?: AbortSignal;
  /**
   * Tries for this call, overriding the backend's own retry setting: the session passes 1 when it retries
   * the call itself (so that retries are not multiplied). A backend without retries may ignore it.
   */
  readonly attempts?: number;
  /**
   * The page is going away (pagehide): the request must outlive it. RestBackend sends it with fetch's
   * `keepalive`; a host backend should do the same (or `navigator.sendBeacon` where its route takes a POST).
   */
  readonly keepalive?: boolean;
}

export interface Permissions {
  readonly canUpload: boolean;
  /** Why not, in the LMS's words (shown under the no-access heading). */
  readonly reason?: string;
  /** Who grants the permission; the element's support-url/support-email win over these. */
  readonly contactUrl?: string;
  readonly contactEmail?: string;
}

/**
 * What the LMS declares up front (`getCapabilities`): its limits and how it likes to receive uploads.
 * Every field is optional; the wizard uses the lower of its own limit and the LMS's.
 */
export interface Capabilities {
  /** Most records one upload may hold; reading stops early once a file has more. */
  readonly maxRecordsPerUpload?: number;
  /** Largest spreadsheet, in bytes, the LMS wants admins to upload. */
  readonly maxFileBytes?: number;
  /** Largest request body the LMS accepts, in bytes as sent (after compression). */
  readonly maxRequestBytes?: number;
  /** Preferred records per dry-run chunk. */
  readonly chunkSize?: number;
  /** True when request bodies may be sent with `Content-Encoding: gzip`. */
  readonly acceptsGzip?: boolean;
}

export interface Category {
  readonly id: string;
  readonly name: string;
}

export interface ActivitySummary {
  readonly id: string;
  readonly name: string;
  readonly categoryId: string;
  readonly categoryName?: string;
  /** Short code the admin may know the activity by, e.g. `FS-101`. */
  readonly code?: string;
  readonly startDate: string;
  readonly endDate?: string;
  readonly location?: string;
}

export interface ActivityQuery {
  readonly categoryId?: string;
  readonly text?: string;
  readonly offset?: number;
  readonly limit?: number;
}

export interface ActivityPage {
  readonly items: readonly ActivitySummary[];
  readonly total: number;
  readonly offset: number;
  readonly limit: number;
}

export interface Domain {
  readonly id: string;
  readonly name: string;
  /** The user identifiers this domain offers, in the LMS's order of preference. */
  readonly identifierKinds: readonly IdentifierKind[];
}

export interface TemplateQuery {
  readonly activityId: string;
  readonly domainId: string;
  readonly identifierKind: string;
}

export interface StageRequest extends TemplateQuery {
  readonly templateVersion: string;
  /** How many records the client will send in chunks. */
  readonly totalRecords: number;
}

export interface StagedUpload {
  readonly uploadId: string;
  /** When the LMS forgets a staged upload that was never committed (ISO date-time). */
  readonly expiresAt?: string;
}

/** An issue as the LMS reports it; the session maps `columnKey` back to the admin's header. */
export interface ServerIssue {
  readonly row: number;
  readonly columnKey?: string;
  readonly code: IssueCode;
  readonly params?: IssueParams;
  /** The LMS's own wording, used only when the client has no message for the code. */
  readonly detail?: string;
}

export interface DryRunRow {
  readonly row: number;
  /**
   * `already-recorded` with a `record-exists` issue when the activity refuses existing records; without
   * an issue when it skips them (the record is left unchanged at commit, the rest is created).
   */
  readonly label: DryRunLabel;
  /** The learner's display name when the LMS knows the user, e.g. `Amelia Hughes`. */
  readonly learner?: string;
}

export interface DryRunChunk {
  /** 0-based; chunks may be sent again (same index, same rows) after a failure. */
  readonly chunkIndex: number;
  readonly records: readonly UploadRecord[];
}

export interface DryRunResult {
  /** One entry per record of the chunk. */
  readonly rows: readonly DryRunRow[];
  readonly issues: readonly ServerIssue[];
}

export interface CommitRequest {
  /** Same key + same upload = the first result again, nothing new created. */
  readonly idempotencyKey: string;
  /** Count and SHA-256 (hex) of the staged records, so the LMS commits exactly what was checked. */
  readonly recordCount: number;
  readonly checksum: string;
}

export interface CommitResult {
  readonly uploadId: string;
  readonly activityId: string;
  readonly created: number;
  /** Records left unchanged because the LMS already had them (existing-record policy `skip`); absent means 0. */
  readonly unchanged?: number;
  /** ISO date-time of the commit. */
  readonly committedAt: string;
  /** True when this answer repeats an earlier commit with the same key. */
  readonly replayed?: boolean;
}

export interface LmsBackend {
  /** Records per dry-run chunk this backend prefers (RestBackend's `chunkSize`); used when the session sets none. */
  readonly chunkSize?: number;
  /**
   * The LMS's limits and preferences. Optional: a backend without it declares nothing, and the wizard's
   * own limits apply.
   */
  getCapabilities?(options?: CallOptions): Promise<Capabilities>;
  getPermissions(options?: CallOptions): Promise<Permissions>;
  listCategories(options?: CallOptions): Promise<readonly Category[]>;
  searchActivities(query: ActivityQuery, options?: CallOptions): Promise<ActivityPage>;
  getActivity(activityId: string, options?: CallOptions): Promise<ActivitySummary>;
  listDomains(options?: CallOptions): Promise<readonly Domain[]>;
  getTemplateSpec(query: TemplateQuery, options?: CallOptions): Promise<TemplateSpec>;
  stageUpload(request: StageRequest, options?: CallOptions): Promise<StagedUpload>;
  dryRunChunk(uploadId: string, chunk: DryRunChunk, options?: CallOptions): Promise<DryRunResult>;
  commitUpload(uploadId: string, request: CommitRequest, options?: CallOptions): Promise<CommitResult>;
  discardUpload(uploadId: string, options?: CallOptions): Promise<void>;
}
