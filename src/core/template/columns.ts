// Facts about a spec's columns that the template writer and the validator must agree on: which columns
// are required, which date is the completion date, and what the sample row holds.
import type { TemplateColumn, TemplateSpec } from '../spec.js';

/** Required as the admin must treat it: the spec's flag, or the activity's rule that a score is required. */
export function isRequired(column: TemplateColumn, spec: TemplateSpec): boolean {
  return column.required || (column.key === 'score' && spec.rules.scoreRequired);
}

/** The header as the template writes it: required columns end in ` *` (ignored when reading back). */
export function templateHeader(column: TemplateColumn, spec: TemplateSpec): string {
  return isRequired(column, spec) ? `${column.header} *` : column.header;
}

/** The completion date is the first date column; the activity's start/end and "not in the future" apply to it. */
export function completionDateColumn(spec: TemplateSpec): TemplateColumn | undefined {
  return spec.columns.find((c) => c.type === 'date');
}

/** An expiry-like date column (key or header mentions expiry): it must fall after the completion date. */
export function isExpiryColumn(column: TemplateColumn, spec: TemplateSpec): boolean {
  return column.type === 'date' && column !== completionDateColumn(spec) && /expir/i.test(`${column.key} ${column.header}`);
}

/** The first choice column: the record's status (Attended, Passed …), counted in the summary. */
export function statusColumn(spec: TemplateSpec): TemplateColumn | undefined {
  return spec.columns.find((c) => c.type === 'choice');
}

const DEFAULT_EMAIL_EXAMPLE = 'jane.doe@example.com';

/**
 * The template's sample row by column key. A column's own `example` wins; the identifier falls back to the
 * identifier kind's example (then a made-up e-mail address), the completion date to the activity's start,
 * a choice to its first value. Anything else without an example stays empty.
 */
export function sampleValues(spec: TemplateSpec): Readonly<Record<string, string | number | undefined>> {
  const completion = completionDateColumn(spec);
  const values: Record<string, string | number | undefined> = {};
  for (const column of spec.columns) {
    let value = column.example;
    if (value === undefined) {
      if (column.type === 'identifier') value = spec.identifierKind.example ?? (spec.identifierKind.key === 'email' ? DEFAULT_EMAIL_EXAMPLE : undefined);
      else if (column === completion) value = spec.activity.startDate;
      else if (column.type === 'choice') value = column.choices?.[0];
    }
    values[column.key] = value;
  }
  return values;
}
