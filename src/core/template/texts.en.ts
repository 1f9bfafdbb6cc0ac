// The words written into a template (Instructions sheet, cell notes, Excel's validation prompts), English by
// default; a host may pass its own table to make templates in another language.

export interface TemplateTexts {
  /** Suffix of the file name after the activity name (no extension). */
  readonly fileSuffix: string;
  readonly sampleNote: string;
  readonly title: (activity: string) => string;
  readonly intro: string;
  readonly labels: {
    readonly activity: string;
    readonly category: string;
    readonly activityDates: string;
    readonly domain: string;
    readonly identifier: string;
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
    readonly date: (example: string | undefined, typed: string) => string;
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
  readonly steps: (ctx: { records: string; identifier: string; typedDate: string }) => readonly string[];
  /** Excel's messages when a typed value breaks a column's data validation. */
  readonly validation: {
    readonly errorTitle: string;
    readonly date: (typed: string) => string;
    readonly number: (limits: string) => string;
    readonly integer: (limits: string) => string;
    readonly choice: string;
    readonly length: (n: number) => string;
  };
}

const eg = (example: string | undefined) => (example ? `, e.g. ${example}` : '');

export const templateTextsEn: TemplateTexts = {
  fileSuffix: ' - offline records template',
  sampleNote: 'Sample row — delete it before uploading',
  title: (activity) => `Offline records template: ${activity}`,
  intro: 'Fill in one row per learner on the Records sheet, then upload the file. This template is made for the activity, domain and identifier below.',
  labels: {
    activity: 'Activity',
    category: 'Category',
    activityDates: 'Activity dates',
    domain: 'Domain',
    identifier: 'Users identified by',
    templateVersion: 'Template version',
    rules: 'Rules',
  },
  dates: (from, to) => (to ? `${from} to ${to}` : `from ${from}`),
  columnsHeading: 'Columns',
  columnHeaders: ['Column', 'Required', 'Format', 'Allowed values', 'Limits', 'Help'],
  yes: 'Yes',
  no: 'No',
  format: {
    email: (example) => `E-mail address${eg(example)}`,
    identifier: (label, hint, example) => `${label}${hint ? `: ${hint}` : ''}${eg(example)}`,
    date: (example, typed) => `Date${eg(example)}; typed as text, write ${typed} or YYYY-MM-DD`,
    number: (example) => `Number${eg(example)}; no units or % sign`,
    integer: (example) => `Whole number${eg(example)}`,
    choice: (example) => `One of the allowed values${eg(example)}`,
    text: (example) => `Text${eg(example)}`,
  },
  limits: {
    between: (min, max) => `From ${min} to ${max}`,
    atLeast: (min) => `At least ${min}`,
    atMost: (max) => `At most ${max}`,
    maxLength: (n) => `Up to ${n} characters`,
    dateWindow: (start, end, noFuture) => `On or after ${start}${end ? `, on or before ${end}` : ''}${noFuture ? '; not in the future' : ''}`,
    after: (header) => `After ${header}`,
  },
  rules: {
    scoreRequired: 'A score is required for every record.',
    passMark: (mark) => `Pass mark: ${mark}.`,
    expiry: (months) => `Certificates expire ${months} months after completion unless an expiry date is given.`,
    futureAllowed: 'Dates in the future are accepted.',
  },
  howToHeading: 'How to fill in and upload',
  steps: ({ records, identifier, typedDate }) => [
    `1. On the "${records}" sheet, delete the sample row (row 2, in grey italics).`,
    '2. Keep the header row as it is. Columns marked * are required; the others may stay empty.',
    `3. Write one row per learner, identified by ${identifier}. Each learner may appear only once.`,
    `4. Enter dates as Excel dates, or type them as ${typedDate} or YYYY-MM-DD.`,
    '5. Save the file as Excel Workbook (.xlsx) or CSV UTF-8 and upload it in "Upload Offline Records".',
    '6. Every problem is listed by row and column. Fix the file and upload it again: nothing is created until every row is correct.',
  ],
  validation: {
    errorTitle: 'Not accepted',
    date: (typed) => `Enter a date, e.g. as ${typed} or YYYY-MM-DD.`,
    number: (limits) => `Enter a number${limits ? ` (${limits.toLowerCase()})` : ''}, without units.`,
    integer: (limits) => `Enter a whole number${limits ? ` (${limits.toLowerCase()})` : ''}.`,
    choice: 'Choose a value from the list.',
    length: (n) => `Use at most ${n} characters.`,
  },
};
