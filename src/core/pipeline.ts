// Read + validate in one call: the reader streams rows into the validator, and a file-level problem
// becomes an issue in the result instead of an exception. The same function runs in the page, a worker and Node.
import { validateForEditing, type UploadChanges } from './edit/table.js';
import { readSpreadsheet } from './read/index.js';
import { asReadFailure, FileIssueError, type ReadOptions } from './read/types.js';
import type { TemplateSpec } from './spec.js';
import { withDateOrderNotices } from './validate/date-notices.js';
import { createValidator, type ValidationResult, type ValidatorOptions } from './validate/validator.js';

export type { ValidationResult, ValidationStats, ValidatorOptions } from './validate/validator.js';

export type ValidateOptions = ReadOptions &
  ValidatorOptions & {
    /** The admin's edits and deletions made in the browser (core/edit), laid over the file's rows before they are checked. */
    readonly changes?: UploadChanges;
    /** `problems`: also return the cells of the rows with problems (at most MAX_ROW_TEXTS rows), to fix in place. */
    readonly rowTexts?: 'problems';
  };

/** Most rows whose cells a result carries for fixing in place (ValidateOptions.rowTexts). */
export const MAX_ROW_TEXTS = 10_000;

/**
 * Reads an .xlsx or .csv upload and validates every row against `spec`. A date column whose text dates
 * only fit the other day/month order is read again in that order, with a `date-order-switched` notice. File problems (unsupported
 * format, damaged file, too large, wrong template …) come back as issues with no records; only a
 * cancellation (`options.signal`, an AbortError) is thrown as it is. Anything else that goes wrong
 * (a fault, the engine out of memory) is thrown as a ReadFailedError (`code: 'read-internal'`, retryable).
 */
export async function validateSpreadsheet(input: ArrayBuffer | Uint8Array, spec: TemplateSpec, options: ValidateOptions = {}): Promise<ValidationResult> {
  const result = await readAndValidate(input, spec, options);
  const suggested = result.stats.suggestedDateOrders;
  if (!suggested) return result;
  // Some text dates of a column only make sense in the other day/month order, and all of them fit it: the
  // whole column is read that way (a second read of the file), and the admin is told, with the way back.
  const again = await readAndValidate(input, spec, { ...options, dateOrders: { ...options.dateOrders, ...suggested } });
  return withDateOrderNotices(again, suggested, spec, options.dateOrder, result.stats.dateExamples);
}

async function readAndValidate(input: ArrayBuffer | Uint8Array, spec: TemplateSpec, options: ValidateOptions): Promise<ValidationResult> {
  if (options.changes || options.rowTexts) return readEditAndValidate(input, spec, options);
  try {
    const validator = createValidator(spec, options);
    try {
      await readSpreadsheet(input, validator, options);
    } catch (error) {
      if (error instanceof FileIssueError) return validator.finish(error.issue);
      throw error;
    }
    return validator.finish();
  } catch (error) {
    throw asReadFailure(error);
  }
}

/**
 * The path for an upload being fixed in the browser: the rows are kept as read, the admin's changes laid
 * over them, and the edited table checked as a whole — as the same changes saved from a spreadsheet would be.
 */
async function readEditAndValidate(input: ArrayBuffer | Uint8Array, spec: TemplateSpec, options: ValidateOptions): Promise<ValidationResult> {
  try {
    const { result, upload } = await validateForEditing(input, spec, options);
    if (!upload) return result;
    let checked = result;
    if (options.changes && (options.changes.edits.length > 0 || options.changes.deleted.length > 0)) {
      upload.restore(options.changes);
      checked = upload.validate(spec, options);
    }
    if (!options.rowTexts) return checked;
    const problemRows = [...new Set(checked.issues.flatMap((i) => (i.row === undefined ? [] : [i.row])))].slice(0, MAX_ROW_TEXTS);
    const keys = Object.keys(checked.stats.columns);
    const rows = problemRows.map((row) => ({ row, cells: Object.fromEntries(keys.map((key) => [key, upload.text(row, key)])) }));
    return { ...checked, rows };
  } catch (error) {
    throw asReadFailure(error);
  }
}
