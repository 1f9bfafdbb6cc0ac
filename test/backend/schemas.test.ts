// The wire schemas and the TypeScript contract agree (checked by the type-check step of `npm test`), and
// the schemas turn what an LMS may send into what the widget can show.
import { expect } from '@open-wc/testing';
import type { z } from 'zod';
import type {
  ActivityPageSchema,
  ActivitySummarySchema,
  CategorySchema,
  CommitRequestSchema,
  CommitResultSchema,
  DomainSchema,
  DryRunChunkSchema,
  DryRunResultSchema,
  DryRunRowSchema,
  PermissionsSchema,
  ServerIssueSchema,
  StageRequestSchema,
  StagedUploadSchema,
} from '../../src/backend/schemas.js';
import { ActivityPageSchema as ActivityPageRuntime, ProblemSchema, ServerIssueSchema as ServerIssueRuntime, describeZodIssue } from '../../src/backend/schemas.js';
import type {
  ActivityPage,
  ActivitySummary,
  Category,
  CommitRequest,
  CommitResult,
  Domain,
  DryRunChunk,
  DryRunResult,
  DryRunRow,
  Permissions,
  ServerIssue,
  StageRequest,
  StagedUpload,
} from '../../src/backend/types.js';
import { TemplateSpec } from '../../src/core/spec.js';

// ── Type level: z.output of each schema and the hand-written interface are the same shape (readonly aside).

type DeepReadonly<T> = T extends readonly (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;
type Same<A, B> = [DeepReadonly<A>] extends [DeepReadonly<B>] ? ([DeepReadonly<B>] extends [DeepReadonly<A>] ? true : false) : false;
type Agrees<S extends z.ZodType, T> = Same<z.output<S>, T>;

/** Each entry is `true` only when the schema and the interface agree; otherwise this file does not compile. */
export const schemasMatchTypes: {
  permissions: Agrees<typeof PermissionsSchema, Permissions>;
  category: Agrees<typeof CategorySchema, Category>;
  activitySummary: Agrees<typeof ActivitySummarySchema, ActivitySummary>;
  activityPage: Agrees<typeof ActivityPageSchema, ActivityPage>;
  domain: Agrees<typeof DomainSchema, Domain>;
  stageRequest: Agrees<typeof StageRequestSchema, StageRequest>;
  stagedUpload: Agrees<typeof StagedUploadSchema, StagedUpload>;
  dryRunChunk: Agrees<typeof DryRunChunkSchema, DryRunChunk>;
  dryRunRow: Agrees<typeof DryRunRowSchema, DryRunRow>;
  serverIssue: Agrees<typeof ServerIssueSchema, ServerIssue>;
  dryRunResult: Agrees<typeof DryRunResultSchema, DryRunResult>;
  commitRequest: Agrees<typeof CommitRequestSchema, CommitRequest>;
  commitResult: Agrees<typeof CommitResultSchema, CommitResult>;
} = {
  permissions: true,
  category: true,
  activitySummary: true,
  activityPage: true,
  domain: true,
  stageRequest: true,
  stagedUpload: true,
  dryRunChunk: true,
  dryRunRow: true,
  serverIssue: true,
  dryRunResult: true,
  commitRequest: true,
  commitResult: true,
};

describe('wire schemas', () => {
  it('keep a known issue code as it is', () => {
    const issue = ServerIssueRuntime.parse({ row: 7, columnKey: 'identifier', code: 'user-inactive' });
    expect(issue).to.deep.equal({ row: 7, columnKey: 'identifier', code: 'user-inactive' });
  });

  it('turn an unknown issue code into value-rejected carrying the LMS\'s detail', () => {
    const issue = ServerIssueRuntime.parse({ row: 4, columnKey: 'hours', code: 'quota-exceeded', detail: 'Annual training quota exceeded' });
    expect(issue).to.deep.equal({ row: 4, columnKey: 'hours', code: 'value-rejected', params: { detail: 'Annual training quota exceeded' }, detail: 'Annual training quota exceeded' });
  });

  it('an unknown code without a detail still tells the admin what the LMS said', () => {
    const issue = ServerIssueRuntime.parse({ row: 4, code: 'quota-exceeded' });
    expect(issue.params).to.deep.equal({ detail: 'the LMS reported "quota-exceeded"' });
  });

  it('refuse an issue whose row is not a spreadsheet row', () => {
    const result = ServerIssueRuntime.safeParse({ row: 0, code: 'user-inactive' });
    expect(result.success).to.equal(false);
  });

  it('a problem document keeps extension members and defaults type to about:blank', () => {
    const problem = ProblemSchema.parse({ title: 'Conflict', status: 409, traceId: 'abc-123' });
    expect(problem).to.deep.include({ type: 'about:blank', title: 'Conflict', status: 409, traceId: 'abc-123' });
  });

  it('a template spec without rules gets the default rules', () => {
    const spec = TemplateSpec.parse({
      version: 'v1',
      activity: { id: 'a', name: 'A', categoryId: 'c', startDate: '2025-01-01' },
      domain: { id: 'd', name: 'D' },
      identifierKind: { key: 'email', label: 'Email' },
      columns: [{ key: 'identifier', header: 'Email', type: 'identifier', required: true }],
    });
    expect(spec.rules).to.deep.equal({ scoreRequired: false, allowFutureDates: false });
  });

  it('describe a mismatch by field path and what was expected', () => {
    const result = ActivityPageRuntime.safeParse({ items: [{ id: 'a', name: 'A', categoryId: 'c', startDate: '03/14/2026' }], total: 1, offset: 0, limit: 20 });
    expect(result.success).to.equal(false);
    expect(describeZodIssue(result.error!.issues[0]!)).to.deep.equal({ field: 'items.0.startDate', problem: 'expected a date as YYYY-MM-DD' });
    const missing = ActivityPageRuntime.safeParse({ items: [], offset: 0, limit: 20 });
    expect(describeZodIssue(missing.error!.issues[0]!)).to.deep.equal({ field: 'total', problem: 'missing (expected number)' });
  });
});
