// The wire contract with the LMS as zod schemas: RestBackend parses every answer with them, the demo LMS
// checks every request with them, and openapi.json's `components.schemas` are generated from them.
import { z } from 'zod';
import { isIssueCode } from '../core/issues.js';
import { plainEmail } from './plain-email.js';
import { IdentifierKind, IsoDate, TemplateSpec } from '../core/spec.js';

const Id = z.string().min(1, 'expected a non-empty id');
const DateTime = z.iso.datetime({ offset: true, error: 'expected a date and time such as 2026-03-14T09:30:00Z' });
const Count = z.number().int().min(0);
/** A spreadsheet row number: the header row is row 1, so records start at 2 (1 is tolerated for header-less CSV). */
const RowNumber = z.number().int().positive();

export const PermissionsSchema = z
  .object({
    canUpload: z.boolean(),
    reason: z.string().optional().describe('Why not, in the LMS\'s words (shown under the no-access heading).'),
    contactUrl: z.string().optional().describe('Where to ask for the permission (a page or a mailto: link).'),
    contactEmail: z
      .string()
      .transform(plainEmail)
      .optional()
      .describe('One plain e-mail address, e.g. lms-support@example.org. Anything else (a mailto: link, several addresses, ?cc= or ?bcc=) is ignored.'),
  })
  .describe('Whether the signed-in admin may upload offline records.');

export const CapabilitiesSchema = z
  .object({
    maxRecordsPerUpload: z
      .number()
      .int()
      .positive()
      .optional()
      .describe('Most records one upload may hold; staging more is refused (422). The wizard stops reading a longer file early.'),
    maxFileBytes: z
      .number()
      .int()
      .positive()
      .optional()
      .describe('Largest spreadsheet, in bytes, the LMS wants admins to upload; the wizard refuses a larger file before reading it.'),
    maxRequestBytes: z
      .number()
      .int()
      .positive()
      .optional()
      .describe('Largest request body the LMS accepts, in bytes as sent (after compression); a dry-run chunk is kept under it.'),
    chunkSize: z
      .number()
      .int()
      .positive()
      .optional()
      .describe('Preferred records per dry-run chunk; the client follows it (within maxRequestBytes).'),
    acceptsGzip: z
      .boolean()
      .optional()
      .describe('True when request bodies may be sent with Content-Encoding: gzip. Absent or false: send them uncompressed.'),
  })
  .describe('What the LMS declares up front: its limits and how it likes to receive uploads. Every field is optional; an LMS that does not serve this operation (404) declares nothing.');

export const CategorySchema = z.object({ id: Id, name: z.string().min(1) });

export const CategoryListSchema = z
  .object({ items: z.array(CategorySchema) })
  .describe('Every category that holds offline activities, in display order.');

export const ActivitySummarySchema = z.object({
  id: Id,
  name: z.string().min(1),
  categoryId: Id,
  categoryName: z.string().optional(),
  code: z.string().optional().describe('Short code the admin may know the activity by, e.g. HSE-101.'),
  startDate: IsoDate,
  endDate: IsoDate.optional(),
  location: z.string().optional(),
});

export const ActivityPageSchema = z
  .object({
    items: z.array(ActivitySummarySchema),
    total: Count.describe('Matching offline activities in all pages.'),
    offset: Count,
    limit: z.number().int().positive(),
  })
  .describe('One page of offline activities; online activities never appear.');

export const DomainSchema = z.object({
  id: Id,
  name: z.string().min(1),
  identifierKinds: z
    .array(IdentifierKind)
    .min(1, 'expected at least one identifier kind')
    .describe('The user identifiers this domain offers, in the LMS\'s order of preference.'),
});

export const DomainListSchema = z.object({ items: z.array(DomainSchema) });

export const StagedUploadSchema = z
  .object({
    uploadId: Id,
    expiresAt: DateTime.optional().describe('When the LMS forgets the staged upload if it is never committed.'),
  })
  .describe('A staged upload: rows are sent to it in chunks, then it is committed or discarded.');

const IssueParamsSchema = z.record(z.string(), z.union([z.string(), z.number()], { error: 'expected a text or a number' }));

/**
 * An issue as the LMS reports it. An issue code this client does not know becomes `value-rejected`
 * carrying the LMS's own wording, so a newer LMS never breaks an older widget.
 */
export const ServerIssueSchema = z
  .object({
    row: RowNumber.describe('The spreadsheet row number the record was sent with.'),
    columnKey: z.string().optional().describe('Key of the column (TemplateColumn.key) the issue is about; absent for a whole row.'),
    code: z.string().min(1).describe('An issue code from the README\'s table (user-not-found, user-inactive, user-outside-domain, record-exists, record-conflict, date-outside-activity, value-rejected, …); unknown codes are shown as value-rejected with `detail`.'),
    params: IssueParamsSchema.optional(),
    detail: z.string().optional().describe('The LMS\'s own wording, shown when the client has no message for the code.'),
  })
  .transform((issue) => {
    if (isIssueCode(issue.code)) return { ...issue, code: issue.code };
    const detail = issue.detail ?? `the LMS reported "${issue.code}"`;
    return { ...issue, code: 'value-rejected' as const, params: { ...issue.params, detail }, detail };
  });

export const DryRunLabelSchema = z.enum(['create', 'already-recorded', 'conflict']);

export const DryRunRowSchema = z.object({
  row: RowNumber,
  label: DryRunLabelSchema.describe(
    'create: will be created. already-recorded: the LMS has this record already — with a record-exists issue when the activity refuses existing records, without one (left unchanged at commit) when it skips them. conflict: any other issue.',
  ),
  learner: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe('The learner\'s display name when the LMS knows the user (e.g. "Amelia Hughes"), shown beside the row\'s issues and in the preview.'),
});

export const DryRunResultSchema = z
  .object({
    rows: z.array(DryRunRowSchema).describe('One entry per record of the chunk.'),
    issues: z.array(ServerIssueSchema),
  })
  .describe('The verdict on one chunk: a label per record and the issues found. Nothing was written.');

export const CommitResultSchema = z.object({
  uploadId: Id,
  activityId: Id,
  created: Count.describe('Records created by this commit (the first one, when replayed).'),
  unchanged: Count.optional().describe('Records left unchanged because the LMS already had them (activities whose existingRecords policy is skip); absent means 0.'),
  committedAt: DateTime,
  replayed: z.boolean().optional().describe('True when this answer repeats an earlier commit with the same idempotency key.'),
});

/** RFC 9457 problem details, plus `issues` on 409/422. Extension members are kept. */
export const ProblemSchema = z
  .looseObject({
    type: z.string().default('about:blank'),
    title: z.string(),
    status: z.number().int().min(400).max(599),
    detail: z.string().optional(),
    instance: z.string().optional(),
    issues: z.array(ServerIssueSchema).optional().describe('Per-row issues (409/422): what stops the upload, by row and column.'),
  })
  .describe('application/problem+json (RFC 9457).');
export type Problem = z.output<typeof ProblemSchema>;

// Requests: what the client sends. The demo LMS refuses anything else with 400.

export const StageRequestSchema = z.object({
  activityId: Id,
  domainId: Id,
  identifierKind: Id,
  templateVersion: Id.describe('TemplateSpec.version the records were validated against; an outdated one is refused (409).'),
  totalRecords: z.number().int().positive().describe('How many records the client will send in chunks.'),
});

export const UploadRecordSchema = z.object({
  row: RowNumber,
  values: z
    .record(z.string(), z.union([z.string(), z.number(), z.null()], { error: 'expected a text, a number or null' }))
    .describe('Values by column key: dates as YYYY-MM-DD, numbers as numbers, choices in canonical spelling.'),
});

export const DryRunChunkSchema = z.object({
  chunkIndex: z.number().int().min(0).describe('0-based. Sending the same index again replaces that chunk\'s rows.'),
  records: z.array(UploadRecordSchema).min(1, 'expected at least one record'),
});

export const CommitRequestSchema = z.object({
  idempotencyKey: z.string().min(8, 'expected an idempotency key of at least 8 characters').max(255),
  recordCount: z.number().int().positive(),
  checksum: z
    .string()
    .regex(/^[0-9a-f]{64}$/, 'expected a SHA-256 as 64 lower-case hex digits')
    .describe('SHA-256 (hex) of the canonical JSON of every staged record (src/backend/checksum.ts).'),
});

/**
 * Every schema of the wire format by its name in openapi.json (`#/components/schemas/<name>`).
 * The OpenAPI test checks that the document's components are exactly these, generated.
 */
export const WIRE_SCHEMAS = {
  Capabilities: CapabilitiesSchema,
  Permissions: PermissionsSchema,
  Category: CategorySchema,
  CategoryList: CategoryListSchema,
  ActivitySummary: ActivitySummarySchema,
  ActivityPage: ActivityPageSchema,
  IdentifierKind,
  Domain: DomainSchema,
  DomainList: DomainListSchema,
  TemplateSpec,
  StageRequest: StageRequestSchema,
  StagedUpload: StagedUploadSchema,
  UploadRecord: UploadRecordSchema,
  DryRunChunk: DryRunChunkSchema,
  DryRunLabel: DryRunLabelSchema,
  DryRunRow: DryRunRowSchema,
  ServerIssue: ServerIssueSchema,
  DryRunResult: DryRunResultSchema,
  CommitRequest: CommitRequestSchema,
  CommitResult: CommitResultSchema,
  Problem: ProblemSchema,
} as const;
export type WireSchemaName = keyof typeof WIRE_SCHEMAS;

/** `items.3.startDate — expected a date as YYYY-MM-DD`: one zod issue as a sentence fragment an admin can pass on. */
export function describeZodIssue(issue: z.core.$ZodIssue): { field: string; problem: string } {
  const field = issue.path.map(String).join('.');
  let problem = issue.message.replace(/^Invalid input: /, '');
  if (issue.code === 'invalid_type' && /received undefined$/.test(issue.message)) {
    problem = `missing (${problem.replace(/, received undefined$/, '')})`;
  } else if (issue.code === 'unrecognized_keys') {
    problem = `unexpected ${issue.keys.length === 1 ? 'field' : 'fields'} ${issue.keys.join(', ')}`;
  } else if (issue.code === 'invalid_value') {
    problem = `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  }
  return { field, problem: problem.charAt(0).toLowerCase() + problem.slice(1) };
}
