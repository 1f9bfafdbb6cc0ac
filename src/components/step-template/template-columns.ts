// What the template step says about each column: required or not, and what to enter, in the UI locale
// from the spec (types, bounds, choices, identifier pattern, the date order chosen by the host).
import type { DateOrder } from '../../core/read/types.js';
import type { TemplateColumn, TemplateSpec } from '../../core/spec.js';
import type { Localizer } from '../../i18n/localize.js';

export interface ColumnDescription {
  readonly header: string;
  readonly required: boolean;
  /** "A date, as DD/MM/YYYY or an Excel date" etc. */
  readonly format: string;
  /** The LMS's guidance for the column and the example, when there are. */
  readonly notes: readonly string[];
}

export function datePattern(l: Localizer, order: DateOrder = 'DMY'): string {
  return l.t(order === 'MDY' ? 'datePatternMDY' : order === 'YMD' ? 'datePatternYMD' : 'datePatternDMY');
}

function bounds(l: Localizer, column: TemplateColumn): string | undefined {
  const { min, max } = column;
  if (min !== undefined && max !== undefined) return l.t('formatRange', { min, max });
  if (min !== undefined) return l.t('formatMin', { min });
  if (max !== undefined) return l.t('formatMax', { max });
  return undefined;
}

export function describeColumn(l: Localizer, spec: TemplateSpec, column: TemplateColumn, dateOrder?: DateOrder): ColumnDescription {
  let format: string;
  switch (column.type) {
    case 'identifier': {
      const { label, patternHint } = spec.identifierKind;
      format = patternHint ? l.t('formatIdentifierHint', { label, hint: patternHint }) : l.t('formatIdentifier', { label });
      break;
    }
    case 'date':
      format = l.t('formatDate', { pattern: datePattern(l, dateOrder) });
      break;
    case 'number':
    case 'integer': {
      const kind = l.t(column.type === 'integer' ? 'formatInteger' : 'formatNumber');
      const range = bounds(l, column);
      format = range ? l.t('formatBounded', { kind, range }) : kind;
      break;
    }
    case 'choice':
      format = l.t('formatChoice', { choices: (column.choices ?? []).join(', ') });
      break;
    case 'text':
      format = column.maxLength ? l.t('formatTextMax', { max: column.maxLength }) : l.t('formatText');
      break;
  }
  const example = column.example ?? (column.type === 'identifier' ? spec.identifierKind.example : undefined);
  const notes = [column.help, example !== undefined && example !== '' ? l.t('formatExample', { example: String(example) }) : undefined].filter(
    (n): n is string => Boolean(n),
  );
  return { header: column.header, required: column.required, format, notes };
}

/** The activity's rules that limit what may be entered, as sentences. */
export function describeRules(l: Localizer, spec: TemplateSpec): string[] {
  const rules: string[] = [];
  const { startDate, endDate } = spec.activity;
  rules.push(endDate ? l.t('rulePeriod', { start: l.date(startDate), end: l.date(endDate) }) : l.t('ruleStart', { start: l.date(startDate) }));
  if (!spec.rules.allowFutureDates) rules.push(l.t('ruleNoFuture'));
  if (spec.rules.passMark !== undefined) rules.push(l.t('rulePassMark', { passMark: spec.rules.passMark }));
  return rules;
}
