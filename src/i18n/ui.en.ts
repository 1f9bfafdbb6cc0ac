// English strings of the elements: the typed message table every other language (and every host
// override) fills in. `{name}` marks a parameter; plural messages pick their form by `count`.
import type { IssueCode } from '../core/issues.js';
import type { DryRunLabel } from '../core/records.js';

/** A message whose form depends on `count` (Intl.PluralRules categories; `other` is required). */
export type PluralMessage = { readonly [K in Intl.LDMLPluralRule]?: string } & { readonly other: string };
export type Message = string | PluralMessage;
/** SessionFailure.kind values the UI words itself. */
export type FailureKind = 'no-access' | 'not-found' | 'rejected' | 'unavailable' | 'contract' | 'file' | 'unknown';

export interface UiMessages {
  readonly wizardLabel: string;
  readonly stepsLabel: string;
  readonly stepOf: string;
  readonly stepDone: string;
  readonly stepAccess: string;
  readonly stepChoose: string;
  readonly stepTemplate: string;
  readonly stepUpload: string;
  readonly stepReview: string;
  readonly stepCreate: string;
  readonly stepDoneName: string;
  readonly back: string;
  readonly next: string;
  readonly retry: string;
  readonly cancel: string;
  readonly notConfigured: string;
  /** The REST client for `api-base` could not be made (it did not load, or refused the URL). */
  readonly connectError: string;
  /** The session's own sentence (English) shown under a translated one, in locales other than English. */
  readonly details: string;
  readonly noticeGeneric: string;

  // 1. Access
  readonly accessHeading: string;
  readonly accessGuidance: string;
  readonly noAccessHeading: string;
  readonly noAccessGuidance: string;
  readonly noAccessHowTo: string;
  readonly noAccessReason: string;
  readonly noAccessContact: string;
  readonly contactLink: string;
  readonly contactEmail: string;
  readonly accessErrorHeading: string;

  // 2. Choose
  readonly chooseHeading: string;
  readonly chooseGuidance: string;
  readonly categoryLabel: string;
  readonly categoryAll: string;
  readonly listLoading: string;
  readonly listError: string;
  readonly activityLabel: string;
  readonly activityHint: string;
  readonly activityPlaceholder: string;
  readonly activitySearching: string;
  readonly activityNoMatch: string;
  readonly activityNone: string;
  readonly activitySearchError: string;
  readonly activityMore: string;
  readonly activityResults: PluralMessage;
  readonly activityFrom: string;
  readonly activityPeriod: string;
  readonly domainLabel: string;
  readonly domainPlaceholder: string;
  readonly identifierLabel: string;
  readonly identifierHint: string;
  readonly identifierNone: string;
  readonly change: string;
  readonly changeField: string;
  readonly specLoading: string;
  readonly specError: string;
  readonly chooseIncomplete: string;

  // 3. Template
  readonly templateHeading: string;
  readonly templateGuidance: string;
  readonly templateFor: string;
  readonly templateColumnsCaption: string;
  readonly columnHeader: string;
  readonly columnFormat: string;
  readonly required: string;
  readonly optional: string;
  readonly formatIdentifier: string;
  /** The identifier with the LMS's hint on its pattern. */
  readonly formatIdentifierHint: string;
  readonly formatDate: string;
  readonly formatNumber: string;
  readonly formatInteger: string;
  /** A number kind (`formatNumber`, `formatInteger`) with its bounds (`formatRange`, `formatMin`, `formatMax`). */
  readonly formatBounded: string;
  readonly formatRange: string;
  readonly formatMin: string;
  readonly formatMax: string;
  readonly formatChoice: string;
  readonly formatText: string;
  readonly formatTextMax: string;
  readonly formatExample: string;
  readonly datePatternDMY: string;
  readonly datePatternMDY: string;
  readonly datePatternYMD: string;
  readonly ruleStart: string;
  readonly rulePeriod: string;
  readonly ruleNoFuture: string;
  readonly rulePassMark: string;
  readonly templateSample: string;
  readonly downloadXlsx: string;
  readonly downloadCsv: string;
  readonly downloadError: string;
  readonly templateNext: string;

  // 4. Upload
  readonly uploadHeading: string;
  readonly uploadGuidance: string;
  readonly dropHere: string;
  readonly chooseFile: string;
  readonly dropLimits: string;
  readonly dropLimitsRows: string;
  readonly dropOneFile: string;
  readonly fileInfo: string;
  readonly phaseReading: string;
  readonly phaseValidating: string;
  readonly phaseDryRun: string;
  readonly phaseCommitting: string;
  readonly cancelUpload: string;
  readonly uploadCancelled: string;

  // 5. Review
  readonly reviewIssuesHeading: string;
  readonly reviewIssuesGuidance: string;
  readonly fileRefusedHeading: string;
  readonly fileRefusedGuidance: string;
  readonly uploadDifferent: string;
  readonly reviewReadyHeading: string;
  readonly reviewReadyGuidance: string;
  readonly issuesTotal: PluralMessage;
  readonly issuesInRows: PluralMessage;
  readonly issuesCaption: string;
  readonly columnRow: string;
  readonly columnColumn: string;
  readonly columnValue: string;
  readonly columnMessage: string;
  readonly wholeFile: string;
  readonly wholeRow: string;
  readonly emptyValue: string;
  readonly filterColumn: string;
  readonly filterKind: string;
  readonly filterAll: string;
  readonly filterOption: string;
  readonly countsByColumn: string;
  readonly countsByKind: string;
  readonly pagination: string;
  readonly pageInfo: string;
  readonly previousPage: string;
  readonly nextPage: string;
  readonly noIssuesForFilter: string;
  readonly downloadIssues: string;
  readonly uploadCorrected: string;

  // <upload-summary>
  readonly summaryLabel: string;
  readonly summaryRecordsReady: PluralMessage;
  readonly summaryRows: string;
  readonly summaryUsers: string;
  readonly summaryDates: string;
  readonly summaryDateRange: string;
  readonly summaryNoDates: string;
  readonly summaryByStatus: string;
  readonly summaryByLabel: string;
  readonly summaryIssues: string;
  readonly summaryNoIssues: string;
  readonly summaryIssuesByKind: string;
  readonly summaryEmpty: string;

  // 6. Create
  readonly createHeading: string;
  readonly createGuidance: string;
  readonly createButton: string;
  readonly confirmHeading: PluralMessage;
  readonly confirmBody: PluralMessage;
  readonly confirmCreate: PluralMessage;
  readonly creating: PluralMessage;
  /** Heading when the LMS refused the commit or the upload is gone: certainly nothing was created. */
  readonly createFailedHeading: string;
  /** Heading when the LMS's answer to the commit was lost or garbled: the outcome is not known. */
  readonly createUnconfirmedHeading: string;
  readonly createFailedNothing: string;

  // 7. Done
  readonly doneHeading: string;
  readonly doneGuidance: string;
  readonly doneMessage: PluralMessage;
  readonly doneReplayed: string;
  readonly uploadAnother: string;
  readonly startOver: string;

  // Announcements (the one live region)
  readonly announceProgress: string;
  /** The rows the issues table shows after paging. */
  readonly announcePage: string;
  readonly announceIssues: PluralMessage;
  readonly announceReady: PluralMessage;
  readonly announceCreated: PluralMessage;
  readonly announceFailed: string;

  /** What went wrong, by SessionFailure.kind (used in locales other than English, whose session text is English). */
  readonly failures: { readonly [K in FailureKind]: string };
  /** Short names of the kinds of issue, for filters and counts. */
  readonly kinds: { readonly [C in IssueCode]: string };
  /** The LMS's verdicts in a dry run. */
  readonly labels: { readonly [L in DryRunLabel]: string };
}

export const uiMessagesEn: UiMessages = {
  wizardLabel: 'Upload offline records',
  stepsLabel: 'Steps',
  stepOf: 'Step {current} of {total}',
  stepDone: '(done)',
  stepAccess: 'Access',
  stepChoose: 'Choose',
  stepTemplate: 'Template',
  stepUpload: 'Upload',
  stepReview: 'Review',
  stepCreate: 'Create',
  stepDoneName: 'Done',
  back: 'Back',
  next: 'Next',
  retry: 'Try again',
  cancel: 'Cancel',
  notConfigured: 'This uploader is not connected to an LMS: set its api-base attribute or its backend property.',
  connectError: 'The connection to the LMS could not be set up ({message}). Try again, or reload the page.',
  details: 'Details: {message}',
  noticeGeneric: 'Some preset choices could not be applied. Check the choices below.',

  accessHeading: 'Checking your access',
  accessGuidance: 'One moment while we check that you may upload offline records.',
  noAccessHeading: 'You can’t upload offline records',
  noAccessGuidance: 'Your account lacks the permission to upload offline activity records.',
  noAccessHowTo: 'Ask for the “Upload offline records” permission, then reload this page.',
  noAccessReason: 'The LMS says: {reason}',
  noAccessContact: 'Need the permission? Contact us:',
  contactLink: 'Send us a message',
  contactEmail: 'E-mail {email}',
  accessErrorHeading: 'We could not check your access',

  chooseHeading: 'Choose the activity',
  chooseGuidance: 'Pick the offline activity the records belong to, and how your spreadsheet identifies each learner.',
  categoryLabel: 'Category',
  categoryAll: 'All categories',
  listLoading: 'Loading…',
  listError: 'This list could not be loaded. {message}',
  activityLabel: 'Offline activity',
  activityHint: 'Type part of the name or code. Only existing offline activities are listed.',
  activityPlaceholder: 'Search activities',
  activitySearching: 'Searching…',
  activityNoMatch: 'No offline activity matches “{text}”.',
  activityNone: 'No offline activity in this category.',
  activitySearchError: 'The activities could not be loaded. {message}',
  activityMore: 'Show more results ({shown} of {total})',
  activityResults: { one: '{count} activity found', other: '{count} activities found' },
  activityFrom: 'from {start}',
  activityPeriod: '{start} – {end}',
  domainLabel: 'User domain',
  domainPlaceholder: 'Choose a domain',
  identifierLabel: 'User unique identifier',
  identifierHint: 'The first column of the template: how each learner is found in the LMS.',
  identifierNone: 'Choose a domain first.',
  change: 'Change',
  changeField: 'Change {field}',
  specLoading: 'Preparing the template…',
  specError: 'The template could not be prepared. {message}',
  chooseIncomplete: 'Choose an activity, a domain and an identifier to continue.',

  templateHeading: 'Download the template',
  templateGuidance: 'Fill in one row per learner who completed the activity, save the file, then upload it in the next step.',
  templateFor: 'For {activity} · {domain} · learners identified by {identifier}',
  templateColumnsCaption: 'What the template contains',
  columnHeader: 'Column',
  columnFormat: 'What to enter',
  required: 'Required',
  optional: 'Optional',
  formatIdentifier: 'The learner’s {label}',
  formatIdentifierHint: 'The learner’s {label}: {hint}',
  formatDate: 'A date, as {pattern} or an Excel date',
  formatNumber: 'A number',
  formatInteger: 'A whole number',
  formatBounded: '{kind}, {range}',
  formatRange: 'from {min} to {max}',
  formatMin: 'at least {min}',
  formatMax: 'at most {max}',
  formatChoice: 'One of: {choices}',
  formatText: 'Text',
  formatTextMax: 'Text, up to {max} characters',
  formatExample: 'e.g. {example}',
  datePatternDMY: 'DD/MM/YYYY',
  datePatternMDY: 'MM/DD/YYYY',
  datePatternYMD: 'YYYY-MM-DD',
  ruleStart: 'Dates from {start} onward.',
  rulePeriod: 'Dates from {start} to {end}.',
  ruleNoFuture: 'Dates in the future are refused.',
  rulePassMark: 'Pass mark: {passMark}.',
  templateSample: 'Row 2 holds a sample record: replace it or delete it before uploading.',
  downloadXlsx: 'Download template (.xlsx)',
  downloadCsv: 'Download as CSV (.csv)',
  downloadError: 'The download failed. {message}',
  templateNext: 'Next: upload the file',

  uploadHeading: 'Upload your spreadsheet',
  uploadGuidance: 'Drop the filled-in template here, or choose it from your computer. It is checked before anything is created.',
  dropHere: 'Drop your file here, or',
  chooseFile: 'Choose a file',
  dropLimits: 'Excel (.xlsx) or CSV (.csv), up to {size}.',
  dropLimitsRows: 'Excel (.xlsx) or CSV (.csv), up to {size} and {rows} records.',
  dropOneFile: 'Drop one file at a time.',
  fileInfo: '{name} ({size})',
  phaseReading: 'Reading the file…',
  phaseValidating: 'Checking the records…',
  phaseDryRun: 'Checking the records with the LMS…',
  phaseCommitting: 'Creating the records…',
  cancelUpload: 'Cancel',
  uploadCancelled: 'Upload cancelled. Nothing was created.',

  reviewIssuesHeading: 'Fix the issues in your file',
  reviewIssuesGuidance: 'Nothing has been created. Correct these cells in your spreadsheet, save it, and upload the corrected file.',
  fileRefusedHeading: 'This file can’t be used',
  fileRefusedGuidance: 'Nothing has been created. Do what the message below says, then upload the file again.',
  uploadDifferent: 'Upload another file',
  reviewReadyHeading: 'Check the records',
  reviewReadyGuidance: 'No issues found. Check these figures before you create the records.',
  issuesTotal: { one: '{count} issue', other: '{count} issues' },
  issuesInRows: { one: 'in {count} row', other: 'in {count} rows' },
  issuesCaption: 'Issues in {file}',
  columnRow: 'Row',
  columnColumn: 'Column',
  columnValue: 'Value',
  columnMessage: 'Problem and how to fix it',
  wholeFile: 'Whole file',
  wholeRow: 'Whole row',
  emptyValue: '(empty)',
  filterColumn: 'Show column',
  filterKind: 'Show kind',
  filterAll: 'All ({count})',
  filterOption: '{label} ({count})',
  countsByColumn: 'Issues by column',
  countsByKind: 'Issues by kind',
  pagination: 'Pages of issues',
  pageInfo: '{from}–{to} of {total}',
  previousPage: 'Previous',
  nextPage: 'Next',
  noIssuesForFilter: 'No issue matches these filters.',
  downloadIssues: 'Download issues (.xlsx)',
  uploadCorrected: 'Upload a corrected file',

  summaryLabel: 'Summary',
  summaryRecordsReady: { one: '{count} record ready to create', other: '{count} records ready to create' },
  summaryRows: 'Rows read',
  summaryUsers: 'Learners',
  summaryDates: 'Completion dates',
  summaryDateRange: '{from} – {to}',
  summaryNoDates: 'No dates',
  summaryByStatus: 'By {column}',
  summaryByLabel: 'LMS check',
  summaryIssues: 'Issues',
  summaryNoIssues: 'None',
  summaryIssuesByKind: 'Issues by kind',
  summaryEmpty: 'No summary yet.',

  createHeading: 'Create the records',
  createGuidance: 'The records are created together, all or none. You can safely try again if something goes wrong.',
  createButton: 'Create records',
  confirmHeading: { one: 'Create {count} record?', other: 'Create {count} records?' },
  confirmBody: {
    one: '{count} record will be created for “{activity}”. It will appear in the learner’s history.',
    other: '{count} records will be created for “{activity}”. They will appear in the learners’ histories.',
  },
  confirmCreate: { one: 'Create {count} record', other: 'Create {count} records' },
  creating: { one: 'Creating {count} record…', other: 'Creating {count} records…' },
  createFailedHeading: 'The records were not created',
  createUnconfirmedHeading: 'The LMS did not confirm the records',
  createFailedNothing: 'Trying again is safe: the same upload can never create its records twice.',

  doneHeading: 'Records created',
  doneGuidance: 'The records are now in the LMS.',
  doneMessage: {
    one: '{count} record was created for “{activity}”.',
    other: '{count} records were created for “{activity}”.',
  },
  doneReplayed: 'These records had already been created by an earlier attempt; nothing was created twice.',
  uploadAnother: 'Upload another file for this activity',
  startOver: 'Start over',

  announceProgress: '{phase} {percent}',
  announcePage: 'Issues {from} to {to} of {total}',
  announceIssues: { one: '{count} issue found. Nothing was created.', other: '{count} issues found. Nothing was created.' },
  announceReady: { one: 'No issues: {count} record ready to create.', other: 'No issues: {count} records ready to create.' },
  announceCreated: { one: '{count} record created.', other: '{count} records created.' },
  announceFailed: '{message}',

  failures: {
    'no-access': 'You no longer have permission to upload offline records, or your sign-in expired. Nothing was created.',
    'not-found': 'The upload expired or the activity was removed. Nothing was created. Upload the file again.',
    rejected: 'The LMS refused some rows at the final check, so nothing was created. Fix the rows shown and upload the file again.',
    unavailable: 'The LMS did not answer in time. Nothing was created twice; try again in a moment.',
    contract: 'The LMS answered in an unexpected way. Nothing was created twice; try again, or contact your LMS support.',
    file: 'The file could not be read. Nothing was created. Save it again as .xlsx or .csv and upload it again.',
    unknown: 'Something went wrong. Nothing was created twice; try again, or contact your LMS support.',
  },
  kinds: {
    'file-unsupported-format': 'Unsupported file',
    'file-encrypted': 'Password-protected file',
    'file-corrupt': 'Damaged file',
    'file-too-large': 'File too large',
    'file-inflates-too-large': 'File too large when unpacked',
    'file-too-many-rows': 'Too many records',
    'file-empty': 'No records',
    'file-no-header': 'No header row',
    'file-template-mismatch': 'Template for another choice',
    'file-template-outdated': 'Outdated template',
    'column-missing': 'Missing column',
    'column-unknown': 'Unknown column',
    'column-duplicate': 'Duplicate column',
    'row-sample-left-in': 'Sample row left in',
    'row-duplicate-user': 'Learner listed twice',
    'cell-required': 'Required value missing',
    'cell-identifier-format': 'Invalid identifier',
    'cell-date-invalid': 'Invalid date',
    'cell-date-future': 'Date in the future',
    'cell-date-before-start': 'Date before the activity',
    'cell-date-after-end': 'Date after the activity',
    'cell-date-not-after-completion': 'Date before the completion date',
    'cell-number-invalid': 'Not a number',
    'cell-integer-invalid': 'Not a whole number',
    'cell-number-too-small': 'Number too small',
    'cell-number-too-large': 'Number too large',
    'cell-choice-invalid': 'Value not allowed',
    'cell-text-too-long': 'Text too long',
    'cell-formula-no-result': 'Formula without result',
    'cell-formula-error': 'Formula error',
    'user-not-found': 'Unknown learner',
    'user-inactive': 'Inactive learner',
    'user-outside-domain': 'Learner outside the domain',
    'record-exists': 'Already recorded',
    'record-conflict': 'Conflict in the LMS',
    'date-outside-activity': 'Date refused by the LMS',
    'value-rejected': 'Value refused by the LMS',
  },
  labels: {
    create: 'New records',
    'already-recorded': 'Already recorded',
    conflict: 'Conflicts',
  },
};
