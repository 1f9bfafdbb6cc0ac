// LmsBackend: the one interface the session and the UI talk to. RestBackend implements it over HTTP
// (see openapi.json and src/backend/schemas.ts, which must agree); a host may pass any object that implements it.
import type { IssueCode, IssueParams } from '../core/issues.js';
import type { DryRunLabel, UploadRecord } from '../core/records.js';
import type { IdentifierKind, TemplateSpec } from '../core/spec.js';

export interface CallOptions {
  readonly signal?: AbortSignal;
}

export interface Permissions {
  readonly canUpload: boolean;
  /** Why not, in the LMS's words (shown under the no-access heading). */
  readonly reason?: string;
  /** Who grants the permission; the element's support-url/support-email win over these. */
  readonly contactUrl?: string;
  readonly contactEmail?: string;
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
  readonly label: DryRunLabel;
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
  /** ISO date-time of the commit. */
  readonly committedAt: string;
  /** True when this answer repeats an earlier commit with the same key. */
  readonly replayed?: boolean;
}

export interface LmsBackend {
  /** Records per dry-run chunk this backend prefers (RestBackend's `chunkSize`); used when the session sets none. */
  readonly chunkSize?: number;
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
