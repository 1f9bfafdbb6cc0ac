// zod schemas built from a template spec: the constraints a record's typed values must meet (identifier
// format, date window, bounds, allowed values, length). The validator runs them per cell and maps zod's
// issues to our issue codes; hosts and the backend can parse a record's values with recordValuesSchema.
import { z } from 'zod';
import type { IssueCode, IssueParams } from '../issues.js';
import type { TemplateColumn, TemplateSpec } from '../spec.js';
import { completionDateColumn, isRequired } from '../template/columns.js';
import { isEmail } from './convert.js';

export interface SchemaOptions {
  /** `YYYY-MM-DD`: completion dates after it are refused unless the activity allows future dates. */
  readonly today: string;
}

/** Our code and parameters, carried by a zod custom check. */
interface CodedParams {
  code: IssueCode;
  params?: IssueParams;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A spec pattern anchored as a whole-value match; JavaScript syntax, Unicode mode when it allows. */
export function identifierPattern(pattern: string): RegExp {
  const source = `^(?:${pattern})$`;
  try {
    return new RegExp(source, 'u');
  } catch {
    try {
      return new RegExp(source);
    } catch {
      throw new Error(`The template spec's identifier pattern is not a valid regular expression: ${pattern}`);
    }
  }
}

function coded(code: IssueCode, params?: IssueParams): { params: CodedParams } {
  return { params: params ? { code, params } : { code } };
}

/** The schema of one column's typed value (never null: blanks are handled before, as "required"). */
export function columnValueSchema(column: TemplateColumn, spec: TemplateSpec, options: SchemaOptions): z.ZodType<string | number> {
  switch (column.type) {
    case 'identifier': {
      const kind = spec.identifierKind;
      const params: Record<string, string> = { kind: kind.key, label: kind.label };
      if (kind.patternHint) params['hint'] = kind.patternHint;
      const example = kind.example ?? (typeof column.example === 'string' ? column.example : undefined);
      if (example) params['example'] = example;
      if (kind.key === 'email') return z.string().check(z.refine(isEmail, coded('cell-identifier-format', params)));
      if (kind.pattern) {
        const re = identifierPattern(kind.pattern);
        return z.string().check(z.refine((v) => re.test(v), coded('cell-identifier-format', params)));
      }
      return z.string().min(1);
    }
    case 'date': {
      let schema = z.string().regex(ISO_DATE);
      if (column === completionDateColumn(spec)) {
        const { startDate, endDate } = spec.activity;
        if (!spec.rules.allowFutureDates) {
          schema = schema.check(z.refine((v) => v <= options.today, coded('cell-date-future', { today: options.today })));
        }
        schema = schema.check(z.refine((v) => v >= startDate, coded('cell-date-before-start', { start: startDate })));
        if (endDate) schema = schema.check(z.refine((v) => v <= endDate, coded('cell-date-after-end', { end: endDate })));
      }
      return schema;
    }
    case 'number':
    case 'integer': {
      let schema = column.type === 'integer' ? z.number().int() : z.number();
      if (column.min !== undefined) schema = schema.min(column.min);
      if (column.max !== undefined) schema = schema.max(column.max);
      return schema;
    }
    case 'choice':
      return z.enum((column.choices ?? []) as [string, ...string[]]);
    case 'text':
      return column.maxLength !== undefined ? z.string().max(column.maxLength) : z.string();
  }
}

/** `/^\d{4}-\d{2}-\d{2}$/` read from the character codes. */
export function isIsoDateShape(v: string): boolean {
  if (v.length !== 10 || v.charCodeAt(4) !== 0x2d || v.charCodeAt(7) !== 0x2d) return false;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const c = v.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

/**
 * The verdict of `columnValueSchema(column, spec, options).safeParse(value).success`, computed without
 * zod's per-call objects. The validator runs it on every value and asks the schema only when it says no,
 * to learn which issue to report; a test holds the two together over generated values of every type.
 */
export function columnValueCheck(column: TemplateColumn, spec: TemplateSpec, options: SchemaOptions): (value: string | number) => boolean {
  switch (column.type) {
    case 'identifier': {
      const kind = spec.identifierKind;
      if (kind.key === 'email') return (v) => typeof v === 'string' && isEmail(v);
      if (kind.pattern) {
        const re = identifierPattern(kind.pattern);
        return (v) => typeof v === 'string' && re.test(v);
      }
      return (v) => typeof v === 'string' && v.length >= 1;
    }
    case 'date': {
      if (column !== completionDateColumn(spec)) return (v) => typeof v === 'string' && isIsoDateShape(v);
      const latest = spec.rules.allowFutureDates ? spec.activity.endDate : minDate(options.today, spec.activity.endDate);
      const earliest = spec.activity.startDate;
      return (v) => typeof v === 'string' && isIsoDateShape(v) && v >= earliest && (latest === undefined || v <= latest);
    }
    case 'number':
    case 'integer': {
      const { min, max } = column;
      const integer = column.type === 'integer';
      return (v) =>
        typeof v === 'number' &&
        Number.isFinite(v) &&
        (!integer || Number.isSafeInteger(v)) &&
        (min === undefined || v >= min) &&
        (max === undefined || v <= max);
    }
    case 'choice': {
      const choices = new Set(column.choices ?? []);
      return (v) => typeof v === 'string' && choices.has(v);
    }
    case 'text': {
      const { maxLength } = column;
      // zod measures text in code points: a pair of surrogates (an emoji) is one character.
      return (v) => typeof v === 'string' && (maxLength === undefined || v.length <= maxLength || codePoints(v) <= maxLength);
    }
  }
}

function codePoints(text: string): number {
  let count = text.length;
  for (let i = 0; i < text.length - 1; i++) {
    if ((text.charCodeAt(i) & 0xfc00) === 0xd800 && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      count--;
      i++;
    }
  }
  return count;
}

function minDate(a: string, b: string | undefined): string {
  return b !== undefined && b < a ? b : a;
}

/** The schema of a whole record's values: every spec key, null where an optional cell was empty. */
export function recordValuesSchema(spec: TemplateSpec, options: SchemaOptions): z.ZodObject {
  const shape: Record<string, z.ZodType> = {};
  for (const column of spec.columns) {
    const schema = columnValueSchema(column, spec, options);
    shape[column.key] = isRequired(column, spec) ? schema : schema.nullable();
  }
  return z.object(shape);
}

/** Our issue for the first zod issue of a column's value. */
export function codeOfZodIssue(column: TemplateColumn, issue: z.core.$ZodIssue, value: string | number): CodedParams {
  const bounds: Record<string, number> = {};
  if (column.min !== undefined) bounds['min'] = column.min;
  if (column.max !== undefined) bounds['max'] = column.max;
  switch (issue.code) {
    case 'custom':
      return (issue.params as CodedParams | undefined) ?? { code: 'cell-identifier-format' };
    case 'too_small':
      return column.type === 'identifier' ? { code: 'cell-required' } : { code: 'cell-number-too-small', params: bounds };
    case 'too_big':
      return column.type === 'text'
        ? { code: 'cell-text-too-long', params: { max: column.maxLength ?? 0, length: String(value).length } }
        : { code: 'cell-number-too-large', params: bounds };
    case 'invalid_type':
      return { code: column.type === 'integer' ? 'cell-integer-invalid' : column.type === 'number' ? 'cell-number-invalid' : 'cell-date-invalid' };
    case 'invalid_value':
      return { code: 'cell-choice-invalid', params: { choices: (column.choices ?? []).join(', ') } };
    default:
      return { code: column.type === 'date' ? 'cell-date-invalid' : 'cell-identifier-format' };
  }
}
