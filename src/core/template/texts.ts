// The shape of the words written into a template (Instructions sheet, cell notes, Excel's validation
// prompts). Core has no words: the tables live in src/i18n (files.en.ts, fr, ar) and the caller passes one.
import type { DateOrder } from '../read/types.js';

export interface TemplateTexts {
  /** Suffix of the file name after the activity name (no extension). */
  readonly fileSuffix: string;
  /** Right-to-left language: the sheets open right to left in Excel. */
  readonly rtl?: boolean;
  /** Names of the visible sheets (at most 31 characters, none of `[]:*?/\`). */
  readonly sheets: { readonly records: string; readonly instructions: string };
  /** How a date typed as text is written in each order, in the admin's letters (`DD/MM/YYYY`, `JJ/MM/AAAA`). */
  readonly datePatterns: { readonly [O in DateOrder]: string };
  readonly sampleNote: string;
  readonly title: (activity: string) => string;
  readonly intro: string;
  readonly labels: {
    readonly activity: string;
    readonly category: string;
    readonly activityDates: string;
    readonly domain: string;
    readonly identifierKind: string;
    readonly templateVersion: string;
    readonly rules: string;
  };
  readonly dates: (from: string, to: string | undefined) => string;
  readonly columnsHeading: string;
  /** Column, Required, Format, Allowed values, Limits, Help. */
  readonly columnHeaders: readonly [string, string, string, string, string, string];
  readonly yes: string;
  readonly no: string;
  readonly format: {
    readonly email: (example: string | undefined) => string;
    readonly identifier: (label: string, hint: string | undefined, example: string | undefined) => string;
    /** `typed`: the pattern of the admin's date order; `iso`: the year-first pattern, always accepted. */
    readonly date: (example: string | undefined, typed: string, iso: string) => string;
    readonly number: (example: string | undefined) => string;
    readonly integer: (example: string | undefined) => string;
    readonly choice: (example: string | undefined) => string;
    readonly text: (example: string | undefined) => string;
  };
  readonly limits: {
    readonly between: (min: string, max: string) => string;
    readonly atLeast: (min: string) => string;
    readonly atMost: (max: string) => string;
    readonly maxLength: (n: number) => string;
    readonly dateWindow: (start: string, end: string | undefined, noFuture: boolean) => string;
    readonly after: (header: string) => string;
  };
  readonly rules: {
    readonly scoreRequired: string;
    readonly passMark: (mark: string) => string;
    readonly expiry: (months: number) => string;
    readonly futureAllowed: string;
  };
  readonly howToHeading: string;
  readonly steps: (ctx: { records: string; identifierKind: string; typedDate: string; isoDate: string }) => readonly string[];
  /** Excel's messages when a typed value breaks a column's data validation. */
  readonly validation: {
    readonly errorTitle: string;
    readonly date: (typed: string, iso: string) => string;
    readonly number: (limits: string) => string;
    readonly integer: (limits: string) => string;
    readonly choice: string;
    readonly length: (n: number) => string;
  };
}
