// English words of the files the admin downloads: the template (Instructions sheet, column help, the sample
// row's note, Excel's validation prompts) and the issues report. Core writes them; it has none of its own.
import type { ErrorReportTexts } from '../core/error-report.js';
import type { TemplateTexts } from '../core/template/texts.js';

/** How a date typed as text is written in each order (issues.en.ts's messages say the same). */
export const DATE_PATTERNS_EN = { DMY: 'DD/MM/YYYY', MDY: 'MM/DD/YYYY', YMD: 'YYYY-MM-DD' } as const;

const eg = (example: string | undefined) => (example ? `, e.g. ${example}` : '');

export const templateTextsEn: TemplateTexts = {
  fileSuffix: ' - offline records template',
  sheets: { records: 'Records', instructions: 'Instructions' },
  datePatterns: DATE_PATTERNS_EN,
  sampleNote: 'Sample row — delete it before uploading',
  title: (activity) => `Offline records template: ${activity}`,
  intro: 'Fill in one row per learner on the Records sheet, then upload the file. This template is made for the activity, domain and identifier below.',
  labels: {
    activity: 'Activity',
    category: 'Category',
    activityDates: 'Activity dates',
    domain: 'Domain',
    identifierKind: 'Users identified by',
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
    date: (example, typed, iso) => `Date${eg(example)}; typed as text, write ${typed} or ${iso}`,
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
  steps: ({ records, identifierKind, typedDate, isoDate }) => [
    `1. On the "${records}" sheet, delete the sample row (row 2, in grey italics).`,
    '2. Keep the header row as it is. Columns marked * are required; the others may stay empty.',
    `3. Write one row per learner, identified by ${identifierKind}. Each learner may appear only once.`,
    `4. Enter dates as Excel dates, or type them as ${typedDate} or ${isoDate}.`,
    '5. Save the file as Excel Workbook (.xlsx) or CSV UTF-8 and upload it in "Upload Offline Records".',
    '6. Every problem is listed by row and column. Fix the file and upload it again: nothing is created until every row is correct.',
  ],
  validation: {
    errorTitle: 'Not accepted',
    date: (typed, iso) => `Enter a date, e.g. as ${typed} or ${iso}.`,
    number: (limits) => `Enter a number${limits ? ` (${limits.toLowerCase()})` : ''}, without units.`,
    integer: (limits) => `Enter a whole number${limits ? ` (${limits.toLowerCase()})` : ''}.`,
    choice: 'Choose a value from the list.',
    length: (n) => `Use at most ${n} characters.`,
  },
};

export const errorReportTextsEn: ErrorReportTexts = {
  sheetName: 'Issues',
  fileSuffix: ' - upload issues',
  headers: ['Row', 'Column', 'Value', 'Problem'],
  codeHeader: 'Reference for support',
  wholeFile: 'File',
};
