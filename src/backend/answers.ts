// The LMS's answers on the wizard's first screens (permissions, capabilities, categories, activities,
// domains, the template spec) checked without zod. zod is 26 kB gzip of the first load (whose budget is
// 35 kB, issue 10) and zod/mini still 8.7 kB for these schemas, measured in a production Vite build; these
// checks are about 2 kB. They follow the zod schemas of schemas.ts and core/spec.ts exactly — same
// answers accepted, same output (unknown keys dropped, defaults filled in, contactEmail made plain), same
// first problem named — which test/node/answers.node.test.ts proves on every demo answer and on
// thousands of damaged ones. The zod schemas stay the contract (openapi.json, the demo LMS, the server);
// RestBackend loads them only for the upload's own calls (stage, dry run, commit, refusals with issues).
// The checks' building blocks also read a refusal's plain problem document (rest-failures.ts).
import { templateSpecProblems } from '../core/spec-rules.js';
import type { TemplateSpec } from '../core/spec.js';
import { plainEmail } from './plain-email.js';
import type { ActivityPage, ActivitySummary, Capabilities, Category, Domain, Permissions } from './types.js';

/** The first thing wrong with an answer: a dotted field path and what is wrong, as describeZodIssue words it. */
export class AnswerProblem extends Error {
  constructor(
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${field || 'the answer'} — ${problem}`);
    this.name = 'AnswerProblem';
  }
}

type Path = readonly (string | number)[];
/** Checks one value at `path`: returns the value as the contract gives it, or throws an AnswerProblem. */
export type Check<T> = (value: unknown, path: Path) => T;

const fail = (path: Path, problem: string): never => {
  throw new AnswerProblem(path.join('.'), problem);
};

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value === 'number' && Number.isNaN(value) ? 'NaN' : typeof value;
}

function expect(path: Path, expected: string, value: unknown): never {
  return fail(path, value === undefined ? `missing (expected ${expected})` : `expected ${expected}, received ${typeOf(value)}`);
}

interface StringRules {
  readonly min?: number;
  readonly max?: number;
  readonly pattern?: RegExp;
  /** The schema's own message for a failed min/pattern, else zod's words. */
  readonly message?: string;
}

export const string =
  ({ min, max, pattern, message }: StringRules = {}): Check<string> =>
  (value, path) => {
    if (typeof value !== 'string') return expect(path, 'string', value);
    if (min !== undefined && value.length < min) fail(path, message ?? `too small: expected string to have >=${min} characters`);
    if (max !== undefined && value.length > max) fail(path, message ?? `too big: expected string to have <=${max} characters`);
    if (pattern && !pattern.test(value)) fail(path, message ?? `invalid string: must match pattern ${pattern}`);
    return value;
  };

interface NumberRules {
  readonly int?: boolean;
  /** Inclusive lower bound. */
  readonly min?: number;
  /** Exclusive lower bound (zod's positive() is `above: 0`). */
  readonly above?: number;
  readonly max?: number;
}

export const number =
  ({ int, min, above, max }: NumberRules = {}): Check<number> =>
  (value, path) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) return expect(path, 'number', value);
    if (int && !Number.isSafeInteger(value)) fail(path, 'expected int, received number');
    if (above !== undefined && !(value > above)) fail(path, `too small: expected number to be >${above}`);
    if (min !== undefined && value < min) fail(path, `too small: expected number to be >=${min}`);
    if (max !== undefined && value > max) fail(path, `too big: expected number to be <=${max}`);
    return value;
  };

const boolean: Check<boolean> = (value, path) => (typeof value === 'boolean' ? value : expect(path, 'boolean', value));

const oneOf =
  <const T extends string>(values: readonly T[]): Check<T> =>
  (value, path) =>
    (values as readonly unknown[]).includes(value) ? (value as T) : fail(path, `expected one of ${values.map((v) => JSON.stringify(v)).join(', ')}`);

const stringOrNumber: Check<string | number> = (value, path) =>
  typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)) ? value : fail(path, 'invalid input');

function array<T>(item: Check<T>, { min, message }: { readonly min?: number; readonly message?: string } = {}): Check<T[]> {
  return (value, path) => {
    if (!Array.isArray(value)) return expect(path, 'array', value);
    const out = value.map((v, i) => item(v, [...path, i]));
    if (min !== undefined && out.length < min) fail(path, message ?? `too small: expected array to have >=${min} items`);
    return out;
  };
}

/** Marks a field that may be absent; `fallback` fills it in when it is (zod's `.default`). */
interface Optional<T> {
  readonly optional: Check<T>;
  readonly fallback?: () => T;
}
export const optional = <T>(check: Check<T>): Optional<T | undefined> => ({ optional: check });
export const withDefault = <T>(check: Check<T>, fallback: () => T): Optional<T> => ({ optional: check, fallback });

type Shape = Record<string, Check<unknown> | Optional<unknown>>;
type Out<S extends Shape> = { [K in keyof S]: S[K] extends Check<infer T> ? T : S[K] extends Optional<infer T> ? T : never };

/** An object: its own fields checked in order, keys it does not name dropped (as zod's z.object does). */
export function object<S extends Shape>(shape: S): Check<Out<S>> {
  const fields = Object.entries(shape);
  return (value, path) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return expect(path, 'object', value);
    const input = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [key, rule] of fields) {
      const v = input[key];
      if (typeof rule === 'function') {
        out[key] = rule(v, [...path, key]);
      } else if (v !== undefined) {
        out[key] = rule.optional(v, [...path, key]);
      } else if (rule.fallback) {
        out[key] = rule.fallback();
      } else if (key in input) {
        out[key] = undefined;
      }
    }
    return out as Out<S>;
  };
}

// ── The answers (schemas.ts and core/spec.ts, field by field) ─────────────────────────────────────────

const Id = string({ min: 1, message: 'expected a non-empty id' });
const Name = string({ min: 1 });
const IsoDate = string({ pattern: /^\d{4}-\d{2}-\d{2}$/, message: 'expected a date as YYYY-MM-DD' });
const Count = number({ int: true, min: 0 });
const Positive = number({ int: true, above: 0 });

const contactEmail: Check<string | undefined> = (value, path) => plainEmail(string()(value, path));

const permissions: Check<Permissions> = object({
  canUpload: boolean,
  reason: optional(string()),
  contactUrl: optional(string()),
  contactEmail: optional(contactEmail),
});

const capabilities: Check<Capabilities> = object({
  maxRecordsPerUpload: optional(Positive),
  maxFileBytes: optional(Positive),
  maxRequestBytes: optional(Positive),
  chunkSize: optional(Positive),
  acceptsGzip: optional(boolean),
});

const category = object({ id: Id, name: Name });
const categoryList: Check<{ items: Category[] }> = object({ items: array(category) });

const activitySummary: Check<ActivitySummary> = object({
  id: Id,
  name: Name,
  categoryId: Id,
  categoryName: optional(string()),
  code: optional(string()),
  startDate: IsoDate,
  endDate: optional(IsoDate),
  location: optional(string()),
});

const activityPage: Check<ActivityPage> = object({
  items: array(activitySummary),
  total: Count,
  offset: Count,
  limit: Positive,
});

const identifierKind = object({
  key: Name,
  label: Name,
  pattern: optional(string()),
  patternHint: optional(string()),
  example: optional(string()),
});

const domainList: Check<{ items: Domain[] }> = object({
  items: array(object({ id: Id, name: Name, identifierKinds: array(identifierKind, { min: 1, message: 'expected at least one identifier kind' }) })),
});

const templateColumn = object({
  key: Name,
  header: Name,
  type: oneOf(['identifier', 'date', 'number', 'integer', 'choice', 'text']),
  required: boolean,
  choices: optional(array(Name, { min: 1 })),
  min: optional(number()),
  max: optional(number()),
  maxLength: optional(Positive),
  help: optional(string()),
  example: optional(stringOrNumber),
});

const activityRules = object({
  scoreRequired: withDefault(boolean, () => false),
  passMark: optional(number()),
  expiryMonths: optional(Positive),
  allowFutureDates: withDefault(boolean, () => false),
  existingRecords: optional(oneOf(['refuse', 'skip'])),
});

const templateSpecShape = object({
  version: Name,
  activity: object({ id: Name, name: Name, categoryId: Name, categoryName: optional(string()), startDate: IsoDate, endDate: optional(IsoDate) }),
  domain: object({ id: Name, name: Name }),
  identifierKind,
  columns: array(templateColumn, { min: 1 }),
  rules: withDefault(activityRules, () => ({ scoreRequired: false, allowFutureDates: false })),
});

const templateSpec: Check<TemplateSpec> = (value, path) => {
  const spec = templateSpecShape(value, path) as TemplateSpec;
  const [first] = templateSpecProblems(spec);
  if (first) fail([...path, ...first.path], first.message);
  return spec;
};

/** The answers checked without zod, by the LmsBackend operation that receives them. */
export const ANSWERS = {
  getPermissions: permissions,
  getCapabilities: capabilities,
  listCategories: categoryList,
  searchActivities: activityPage,
  getActivity: activitySummary,
  listDomains: domainList,
  getTemplateSpec: templateSpec,
} as const;
export type CheckedOperation = keyof typeof ANSWERS;

