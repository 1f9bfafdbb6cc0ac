// The template spec: what the LMS sends for one choice of (activity, domain, identifier kind), and what every
// template, reader and validation rule in core is built from. The zod schema is also the wire contract.
import { z } from 'zod';
import { normaliseHeader, templateSpecProblems } from './spec-rules.js';

export { normaliseHeader };

/** A calendar date with no time and no zone, as everywhere in this project: `YYYY-MM-DD`. */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');
export type IsoDate = z.infer<typeof IsoDate>;

export const ColumnType = z.enum(['identifier', 'date', 'number', 'integer', 'choice', 'text']);
export type ColumnType = z.infer<typeof ColumnType>;

export const TemplateColumn = z.object({
  /** Stable key of the field in a record, e.g. `completionDate`. */
  key: z.string().min(1),
  /** The header the admin sees in the spreadsheet, e.g. `Completion date`. */
  header: z.string().min(1),
  type: ColumnType,
  required: z.boolean(),
  /** Allowed values of a `choice` column, in their canonical spelling. */
  choices: z.array(z.string().min(1)).min(1).optional(),
  /** Bounds of a `number`/`integer` column (inclusive). */
  min: z.number().optional(),
  max: z.number().optional(),
  /** Longest text accepted in a `text` column, in characters. */
  maxLength: z.number().int().positive().optional(),
  /** One line of guidance for the admin (Instructions sheet, UI). */
  help: z.string().optional(),
  /** The value written into the template's sample row. */
  example: z.union([z.string(), z.number()]).optional(),
});
export type TemplateColumn = z.infer<typeof TemplateColumn>;

export const IdentifierKind = z.object({
  /** e.g. `email`, `username`, `employeeId`. */
  key: z.string().min(1),
  /** e.g. `Email`, `Username`, `Employee number`: also the identifier column's header. */
  label: z.string().min(1),
  /** A regular expression (JavaScript syntax, anchored by us) that every identifier must match. */
  pattern: z.string().optional(),
  /** What the pattern means, for messages: e.g. `E followed by 6 digits`. */
  patternHint: z.string().optional(),
  example: z.string().optional(),
});
export type IdentifierKind = z.infer<typeof IdentifierKind>;

export const ActivityRef = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  categoryId: z.string().min(1),
  categoryName: z.string().optional(),
  /** Records dated before this are refused. */
  startDate: IsoDate,
  /** Records dated after this are refused. */
  endDate: IsoDate.optional(),
});
export type ActivityRef = z.infer<typeof ActivityRef>;

export const DomainRef = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
});
export type DomainRef = z.infer<typeof DomainRef>;

export const ActivityRules = z.object({
  /** The score column must be filled on every record. */
  scoreRequired: z.boolean().default(false),
  /** Score at or above which a record counts as passed (informative; the LMS decides). */
  passMark: z.number().optional(),
  /** Months after completion at which a certificate expires, when the activity certifies. */
  expiryMonths: z.number().int().positive().optional(),
  /** Whether completion dates in the future are accepted (default false: they are refused). */
  allowFutureDates: z.boolean().default(false),
  /**
   * What the LMS does with a row whose record it already has (same learner, activity and date):
   * `refuse` — an issue (`record-exists`) that stops the upload until the row is removed; `skip` — the row
   * is labelled `already-recorded` with no issue, left unchanged at commit, and the rest is created.
   * Absent means `refuse`.
   */
  existingRecords: z
    .enum(['refuse', 'skip'])
    .optional()
    .describe('What happens to a row the LMS already has a record for: refuse (an issue; the default) or skip (left unchanged, the rest is created).'),
});
export type ActivityRules = z.infer<typeof ActivityRules>;
export type ExistingRecordPolicy = NonNullable<ActivityRules['existingRecords']>;

export const TemplateSpec = z
  .object({
    /** Changes whenever the columns change; part of the fingerprint. */
    version: z.string().min(1),
    activity: ActivityRef,
    domain: DomainRef,
    /** The kind of identifier the LMS knows learners by (e.g. e-mail); the learner's own value is the identifier. */
    identifierKind: IdentifierKind.describe(
      'The kind of identifier learners are known by in this template (e-mail, username, employee number); a learner\'s own value is the identifier. Called `identifier` before contract 2.0.0.',
    ),
    /** Ordered columns; the first is the identifier column (type `identifier`). */
    columns: z.array(TemplateColumn).min(1),
    rules: ActivityRules.default({ scoreRequired: false, allowFutureDates: false }),
  })
  .superRefine((spec, ctx) => {
    for (const { path, message } of templateSpecProblems(spec)) ctx.addIssue({ code: 'custom', path: [...path], message });
  });
export type TemplateSpec = z.infer<typeof TemplateSpec>;

/** Identifies the choice a template was made for; written hidden into the template, checked on upload. */
export interface Fingerprint {
  activityId: string;
  domainId: string;
  identifierKind: string;
  templateVersion: string;
}

export function fingerprintOf(spec: TemplateSpec): Fingerprint {
  return {
    activityId: spec.activity.id,
    domainId: spec.domain.id,
    identifierKind: spec.identifierKind.key,
    templateVersion: spec.version,
  };
}
