// The notice that goes with reading a date column in the other day/month order (see the validator's
// decideDates): one per column, with the order used and the configured one (the way back).
import { dateOrderPattern } from '../dates.js';
import type { ReadingNotice } from '../issues.js';
import type { DateOrder } from '../read/types.js';
import type { TemplateSpec } from '../spec.js';
import type { DateExample, ValidationResult } from './validator.js';

/**
 * `result` (read with `switched` as its dateOrders) with a `date-order-switched` notice per switched column,
 * carrying a few of its dates as typed and as read (`examples`, from the first read's stats.dateExamples).
 */
export function withDateOrderNotices(
  result: ValidationResult,
  switched: Readonly<Record<string, DateOrder>>,
  spec: TemplateSpec,
  configured: DateOrder = 'DMY',
  examples: Readonly<Record<string, readonly DateExample[]>> = {},
): ValidationResult {
  const notices: ReadingNotice[] = Object.entries(switched).map(([columnKey, order]) => {
    const column = result.stats.headers[columnKey] ?? spec.columns.find((c) => c.key === columnKey)?.header ?? columnKey;
    const typed = examples[columnKey];
    return {
      code: 'date-order-switched',
      column,
      columnKey,
      params: { column, order, configured, format: dateOrderPattern(order) },
      ...(typed && typed.length > 0 ? { examples: typed } : {}),
    };
  });
  return notices.length === 0 ? result : { ...result, notices: [...(result.notices ?? []), ...notices] };
}
