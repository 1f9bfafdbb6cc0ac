// English strings of the elements: the typed message table every other language (and every host
// override) fills in. `{name}` marks a parameter; plural messages pick their form by `count`.
import type { IssueCode } from '../core/issues.js';
import type { DryRunLabel } from '../core/records.js';
import type { FailureCode, NoticeCode } from '../session/failures.js';

/** A message whose form depends on `count` (Intl.PluralRules categories; `other` is required). */
export type PluralMessage = { readonly [K in Intl.LDMLPluralRule]?: string } & { readonly other: string };
export type Message = string | PluralMessage;

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
  /** The collapsed disclosure under a failure: the technical detail for whoever the admin asks for help. */
  readonly supportDetails: string;
  readonly supportReference: string;
  readonly supportTime: string;
  readonly supportCode: string;
  readonly supportDetail: string;
  /** An LMS's own words about a refusal, quoted under ours. */
  readonly lmsSays: string;

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
  readonly identifierKindLabel: string;
  readonly identifierKindHint: string;
  readonly identifierKindNone: string;
  readonly change: string;
  readonly changeField: string;
  readonly specLoading: string;
  readonly chooseIncomplete: string;
  /** Next pressed while the template is still being prepared. */
  readonly chooseWaiting: string;

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

  // Column matching (the matching screen) and how the file was read (the review's notes) — [matching]
  readonly stepMatch: string;
  readonly matchHeading: string;
  readonly matchGuidance: string;
  readonly matchHeaderRow: string;
  readonly matchHeaderRowOption: string;
  readonly matchCaption: string;
  readonly matchTemplateColumn: string;
  readonly matchFileColumn: string;
  readonly matchSample: string;
  readonly matchRequired: string;
  readonly matchNotInFile: string;
  readonly matchChooseColumn: string;
  readonly matchColumnOption: string;
  readonly matchHowSimilar: string;
  readonly matchHowSynonym: string;
  readonly matchHowRemembered: string;
  readonly matchHowMissing: string;
  readonly matchIgnoredHeading: string;
  readonly matchIgnoredNone: string;
  readonly matchMissingRequired: string;
  readonly matchUsedTwice: string;
  readonly matchContinue: string;
  readonly matchRememberNote: string;
  readonly reviewColumnsMemory: string;
  readonly reviewColumnsConfirmed: string;
  readonly reviewColumnsMatched: string;
  readonly reviewCheckColumns: string;
  readonly reviewDatesMonthFirst: string;
  readonly reviewDatesDayFirst: string;
  readonly reviewDatesExamples: string;
  readonly reviewDateExample: string;
  readonly reviewDatesChosen: string;
  readonly reviewDatesReadAs: string;
  // Work never lost (persist): the offer to continue saved work; the question before a choice discards a checked file
  readonly resumeHeading: string;
  readonly resumeBody: string;
  readonly resumeBodyFile: string;
  readonly resumeChanges: PluralMessage;
  readonly resumeCommitting: string;
  readonly resumeContinue: string;
  readonly resumeStartOver: string;
  readonly announceRestored: string;
  readonly discardHeading: string;
  readonly discardBody: string;
  readonly discardConfirm: string;

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
  /** One pass: the rows that passed every check, and the rows with problems. */
  readonly rowsReady: PluralMessage;
  readonly rowsWithProblems: PluralMessage;
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
  /** A count chip above the issues table that filters it (`{label} ({count})`); said as a filter. */
  readonly filterChip: string;
  readonly clearFilters: string;
  readonly downloadIssues: string;
  readonly uploadCorrected: string;

  // Review: all rows on demand and the rows deleted from an upload (grid)
  readonly viewLegend: string;
  readonly viewProblemRows: string;
  readonly viewAllRows: string;
  readonly fixGridLabelAll: string;
  readonly deletedGuidance: string;
  readonly deletedRowsList: string;
  readonly deletedMore: PluralMessage;
  readonly downloadDeleted: string;
  /** Appended to the upload's name for the file of deleted rows. */
  readonly deletedFileSuffix: string;

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

  // Records preview, progress by phase, skip-policy counts (issue 8, [preview])
  readonly previewGuidance: string;
  /** The preview's region and table caption. */
  readonly previewLabel: string;
  /** The "every row" filter chip. */
  readonly previewAll: string;
  /** A row the commit creates. */
  readonly previewNew: string;
  /** A row the LMS already has, left unchanged (existing-record policy `skip`). */
  readonly previewUnchanged: string;
  readonly previewColumnLearner: string;
  /** The column with the dry run's verdict per row. */
  readonly previewColumnLabel: string;
  /** In place of a learner's name the LMS did not give. */
  readonly previewNoLearner: string;
  readonly previewPageSize: string;
  readonly previewPages: string;
  readonly previewNone: string;
  readonly previewShown: PluralMessage;
  readonly announcePreviewPage: string;
  /** What "Create records" will do, said under the preview and in the confirmation. */
  readonly planCreate: PluralMessage;
  readonly planUnchanged: PluralMessage;
  readonly planDeleted: PluralMessage;
  readonly doneUnchanged: PluralMessage;
  /** Under the progress bar during the LMS's check: the part in flight. */
  readonly progressPart: string;
  /** Under the progress bar while creating. */
  readonly progressCommit: string;

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

  // Review: the editable problem grid
  readonly gridNoRows: string;
  readonly gridKeyboardHint: string;
  readonly gridRow: string;
  readonly gridSelect: string;
  readonly gridSelectRow: string;
  readonly gridProblems: string;
  readonly gridEditLabel: string;
  readonly gridCellProblem: string;
  readonly gridCardRow: string;
  readonly gridShowMore: PluralMessage;
  readonly gridEdit: string;
  readonly gridSave: string;

  // Review: fixing in the browser
  readonly fixChecking: string;
  readonly fixUndo: string;
  readonly fixDeleteSelected: PluralMessage;
  readonly fixDeleted: PluralMessage;
  readonly fixRestoreDeleted: string;
  readonly fixGridLabel: string;
  readonly fixGuidance: string;
  readonly bulkLegend: string;
  readonly bulkColumn: string;
  readonly bulkAction: string;
  readonly bulkTrim: string;
  readonly bulkLower: string;
  readonly bulkUpper: string;
  readonly bulkTitle: string;
  readonly bulkReplace: string;
  readonly bulkSet: string;
  readonly bulkFind: string;
  readonly bulkReplaceWith: string;
  readonly bulkValue: string;
  readonly bulkApply: string;
  readonly bulkNothing: string;
  readonly bulkNoSelection: string;
  readonly bulkChanged: PluralMessage;
  readonly downloadMarked: string;
  readonly markedFileSuffix: string;
  readonly markedCellProblem: string;
  readonly announceIssues: PluralMessage;
  readonly announceReady: PluralMessage;
  readonly announceCreated: PluralMessage;
  readonly announceFailed: string;

  /** What went wrong, by SessionFailure.code: what happened, whether anything was created, what to do. */
  readonly failures: { readonly [K in FailureCode]: Message };
  // Failures: automatic retries, the check asked again, the reference to quote ([failures], docs/failures.md)
  /** Shown while the session tries again on its own after the LMS did not answer. */
  readonly retryingNow: string;
  /** Under a failure that ended a round of automatic retries: how many tries were sent. */
  readonly retriesEnded: PluralMessage;
  /** Under a failure with a staged upload: the reference to give support, in plain sight. */
  readonly supportQuote: string;
  /** The upload step after the LMS could not check the file: the file is kept. */
  readonly checkFailedKept: string;
  /** Notes that block nothing, by Notice.code (a preset that could not be applied). */
  readonly notices: { readonly [K in NoticeCode]: string };
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
  supportDetails: 'Details for support',
  supportReference: 'Upload reference: {id}',
  supportTime: 'Time: {time}',
  supportCode: 'Code: {code}',
  supportDetail: 'Detail: {detail}',
  lmsSays: 'The LMS says: {reason}',

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
  activityLabel: 'Offline activity',
  activityHint: 'Type part of the name or code. Only existing offline activities are listed.',
  activityPlaceholder: 'Search activities',
  activitySearching: 'Searching…',
  activityNoMatch: 'No offline activity matches “{text}”.',
  activityNone: 'No offline activity in this category.',
  activitySearchError: 'The activities could not be loaded.',
  activityMore: 'Show more results ({shown} of {total})',
  activityResults: { one: '{count} activity found', other: '{count} activities found' },
  activityFrom: 'from {start}',
  activityPeriod: '{start} – {end}',
  domainLabel: 'User domain',
  domainPlaceholder: 'Choose a domain',
  identifierKindLabel: 'User unique identifier',
  identifierKindHint: 'The first column of the template: how each learner is found in the LMS.',
  identifierKindNone: 'Choose a domain first.',
  change: 'Change',
  changeField: 'Change {field}',
  specLoading: 'Preparing the template…',
  chooseIncomplete: 'Choose an activity, a domain and an identifier to continue.',
  chooseWaiting: 'Preparing the template: the next step opens as soon as it is ready.',

  templateHeading: 'Download the template',
  templateGuidance: 'Fill in one row per learner who completed the activity, save the file, then upload it in the next step.',
  templateFor: 'For {activity} · {domain} · learners identified by {identifierKind}',
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

  // Column matching (the matching screen) and how the file was read (the review's notes) — [matching]
  stepMatch: 'Columns',
  matchHeading: 'Check the columns of your file',
  matchGuidance: 'Your file’s headers are not the template’s. Check which column of your file holds each column of the template, then continue. Nothing is created until you confirm.',
  matchHeaderRow: 'Row with the column headers',
  matchHeaderRowOption: 'Row {row}: {cells}',
  matchCaption: 'Each template column and the column of your file that holds it',
  matchTemplateColumn: 'Template column',
  matchFileColumn: 'Column in your file',
  matchSample: 'First value',
  matchRequired: 'required',
  matchNotInFile: 'Not in my file',
  matchChooseColumn: 'Choose a column…',
  matchColumnOption: 'Column {letter}: {header}',
  matchHowSimilar: 'Similar name: check it',
  matchHowSynonym: 'Found by another name',
  matchHowRemembered: 'As you matched it before',
  matchHowMissing: 'Not found',
  matchIgnoredHeading: 'Columns of your file that will be ignored',
  matchIgnoredNone: 'Every column of your file is used.',
  matchMissingRequired: 'Choose the column that holds “{column}”: it is required.',
  matchUsedTwice: 'Column {letter} is chosen for both “{first}” and “{second}”. Choose one column for each.',
  matchContinue: 'Continue with these columns',
  matchRememberNote: 'Your choice is remembered in this browser for the next upload of this activity.',
  reviewColumnsMemory: 'Your file’s columns were matched as you confirmed them for this activity on {date}.',
  reviewColumnsConfirmed: 'Your file’s columns were read as you matched them.',
  reviewColumnsMatched: 'Your file’s columns were matched to the template’s automatically.',
  reviewCheckColumns: 'Check the columns',
  reviewDatesMonthFirst: 'Dates in “{column}” were read as month/day ({pattern}): some of them are impossible day first, and all of them fit month first.',
  reviewDatesDayFirst: 'Dates in “{column}” were read as day/month ({pattern}): some of them are impossible month first, and all of them fit day first.',
  reviewDatesExamples: 'As typed → as read:',
  reviewDateExample: 'row {row}: {typed} → {read}',
  reviewDatesChosen: 'Dates typed as text in “{column}” are read as {pattern}, as you chose.',
  reviewDatesReadAs: 'Read them as {pattern} instead',
  // Work never lost (persist)
  resumeHeading: 'Continue where you left off?',
  resumeBody: 'You were checking “{file}” for {activity}. Your work was saved on {time}.',
  resumeBodyFile: 'You were checking “{file}”. Your work was saved on {time}.',
  resumeChanges: { one: 'The change you made in the browser is kept.', other: 'The {count} changes you made in the browser are kept.' },
  resumeCommitting: 'The records were being created when the page closed. Continue to finish: they can never be created twice.',
  resumeContinue: 'Continue where I left off',
  resumeStartOver: 'Start over',
  announceRestored: 'Your work is back: “{file}”, as you left it.',
  discardHeading: 'Put away the checked file?',
  discardBody: 'Changing this choice puts away “{file}” and the changes you made to it. Nothing has been created. Cancel keeps everything as it is.',
  discardConfirm: 'Change and put the file away',

  reviewIssuesHeading: 'Fix the issues in your file',
  reviewIssuesGuidance: 'Nothing has been created. Correct these cells in your spreadsheet, save it, and upload the corrected file.',
  fileRefusedHeading: 'This file can’t be used',
  fileRefusedGuidance: 'Nothing has been created. Do what the message below says, then upload the file again.',
  uploadDifferent: 'Upload another file',
  reviewReadyHeading: 'Check the records',
  reviewReadyGuidance: 'No issues found. Check these figures before you create the records.',
  issuesTotal: { one: '{count} issue', other: '{count} issues' },
  issuesInRows: { one: 'in {count} row', other: 'in {count} rows' },
  rowsReady: { one: '{count} row ready', other: '{count} rows ready' },
  rowsWithProblems: { one: '{count} row with problems', other: '{count} rows with problems' },
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
  filterChip: 'Show only {label} ({count})',
  clearFilters: 'Show all issues',
  downloadIssues: 'Download issues (.xlsx)',
  uploadCorrected: 'Upload a corrected file',
  // Review: all rows on demand and the rows deleted from an upload (grid)
  viewLegend: 'Show',
  viewProblemRows: 'Rows with problems ({count})',
  viewAllRows: 'All rows ({count})',
  fixGridLabelAll: 'All rows of {file}',
  deletedGuidance: 'They will not be created. Download them to finish them later, or put them back.',
  deletedRowsList: 'Rows {rows}',
  deletedMore: { one: 'and {count} more', other: 'and {count} more' },
  downloadDeleted: 'Download the deleted rows',
  deletedFileSuffix: ' - deleted rows',

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

  // Records preview, progress by phase, skip-policy counts (issue 8, [preview])
  previewGuidance: 'No issues found. Check who gets a record, then create them: nothing is created until you confirm.',
  previewLabel: 'Records preview',
  previewAll: 'All rows',
  previewNew: 'New record',
  previewUnchanged: 'Already recorded — left unchanged',
  previewColumnLearner: 'Learner',
  previewColumnLabel: 'In the LMS',
  previewNoLearner: 'Not named by the LMS',
  previewPageSize: 'Rows per page',
  previewPages: 'Pages of records',
  previewNone: 'No rows with this label.',
  previewShown: { one: '{count} row shown', other: '{count} rows shown' },
  announcePreviewPage: 'Rows {from} to {to} of {total}',
  planCreate: { one: '{count} new record will be created.', other: '{count} new records will be created.' },
  planUnchanged: {
    one: '{count} row the LMS already has will be left unchanged.',
    other: '{count} rows the LMS already has will be left unchanged.',
  },
  planDeleted: {
    one: '{count} row deleted in the browser will not be created.',
    other: '{count} rows deleted in the browser will not be created.',
  },
  doneUnchanged: {
    one: '{count} record the LMS already had was left unchanged.',
    other: '{count} records the LMS already had were left unchanged.',
  },
  progressPart: 'Part {chunk} of {chunks} · {done} of {total} records checked',
  progressCommit: 'All at once, all or none: the bar fills when the LMS answers.',

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
  gridNoRows: 'No rows to show.',
  gridKeyboardHint: 'Move with the arrow keys. Enter or F2 edits a cell, Escape cancels, Ctrl+Z undoes the last change.',
  gridRow: 'Row',
  gridSelect: 'Select',
  gridSelectRow: 'Select row {row}',
  gridProblems: 'Problems',
  gridEditLabel: 'New value for {column} in row {row}',
  gridCellProblem: 'Row {row}, {column}: {message}',
  gridCardRow: 'Row {row}',
  gridShowMore: { one: 'Show {count} more row', other: 'Show {count} more rows' },
  gridEdit: 'Edit {column}',
  gridSave: 'Save',
  fixChecking: 'Checking your changes…',
  fixUndo: 'Undo last change',
  fixDeleteSelected: { one: 'Delete {count} selected row', other: 'Delete {count} selected rows' },
  fixDeleted: { one: '{count} row deleted from this upload', other: '{count} rows deleted from this upload' },
  fixRestoreDeleted: 'Put them back',
  fixGridLabel: 'Rows with problems in {file}',
  fixGuidance: 'Fix the cells here, or in your file and upload it again. Nothing is created until every problem is solved.',
  bulkLegend: 'Fix a whole column',
  bulkColumn: 'Column',
  bulkAction: 'Change',
  bulkTrim: 'Remove extra spaces',
  bulkLower: 'Make lower case',
  bulkUpper: 'Make upper case',
  bulkTitle: 'Capitalise each word',
  bulkReplace: 'Find and replace',
  bulkSet: 'Set one value for the selected rows',
  bulkFind: 'Find',
  bulkReplaceWith: 'Replace with',
  bulkValue: 'Value',
  bulkApply: 'Apply',
  bulkNothing: 'Nothing to change in that column.',
  bulkNoSelection: 'Select the rows first (the boxes at the start of each row).',
  bulkChanged: { one: '{count} cell changed', other: '{count} cells changed' },
  downloadMarked: 'Download my file with problems marked',
  markedFileSuffix: ' - problems marked',
  markedCellProblem: '{column}: {message}',
  announceIssues: { one: '{count} issue found. Nothing was created.', other: '{count} issues found. Nothing was created.' },
  announceReady: { one: 'No issues: {count} record ready to create.', other: 'No issues: {count} records ready to create.' },
  announceCreated: { one: '{count} record created.', other: '{count} records created.' },
  announceFailed: '{message}',

  failures: {
    'access-check-failed': 'Your permission to upload offline records could not be checked: the LMS did not answer. Nothing was created. Try again in a moment.',
    'categories-failed': 'The categories could not be loaded. Nothing was created. Try again in a moment.',
    'domains-failed': 'The user domains could not be loaded. Nothing was created. Try again in a moment.',
    'no-access': 'You no longer have permission to upload offline records, or your sign-in expired. Nothing was created. Sign in again, or ask for the permission.',
    'spec-not-found': 'No template is available for this activity, domain and identifier. Nothing was created. Choose another activity or identifier.',
    'spec-failed': 'The template for this choice could not be prepared. Nothing was created. Try again in a moment.',
    'spec-mismatch': 'The LMS sent a template made for another choice. Nothing was created. Choose the activity again, or contact your LMS support.',
    'spec-not-ready': 'Choose the activity, the user domain and the identifier first: the template is made for that choice.',
    'file-unreadable': 'The file could not be read. Nothing was created. Save it again as .xlsx or .csv and upload it again.',
    'read-internal': 'The file could not be checked because of a problem in the uploader, not in your file. Nothing was created. Upload it again; if this keeps happening, contact your LMS support.',
    'validator-unavailable': 'Part of the upload tool could not be loaded. Your file is not the problem and nothing was created. Reload the page and upload the file again; contact your LMS support if this keeps happening.',
    'upload-while-creating': 'The records are being created. Wait for the result before uploading another file.',
    'dry-run-unavailable': 'The LMS could not check the records just now. Nothing was created. Try again in a moment.',
    'dry-run-refused': 'The LMS refused this upload. Nothing was created. Put right what the LMS says, then upload the file again.',
    'dry-run-not-found': 'The activity is no longer available in the LMS, or the upload expired while it was being checked. Nothing was created. Choose the activity again and upload the file again.',
    'dry-run-contract': 'The LMS answered the check in an unexpected way. Nothing was created. Contact your LMS support if this keeps happening.',
    'dry-run-session-ended': 'Your LMS sign-in ended while the records were being checked. Nothing was created. Sign in to the LMS again in another tab, then come back and choose Try again: your file is kept.',
    'dry-run-too-large': 'The LMS refused the records as too large, even when sent in small parts. Nothing was created. Split the file into smaller files and upload them one by one; contact your LMS support if this keeps happening.',
    'dry-run-internal': 'The records could not be sent to the LMS because of a problem in the uploader, not in your file. Nothing was created. Try again; if this keeps happening, reload the page and contact your LMS support.',
    'commit-rejected': {
      one: 'The LMS refused 1 row at the final check, so nothing was created. Fix the row shown and upload the file again.',
      other: 'The LMS refused {count} rows at the final check, so nothing was created. Fix the rows shown and upload the file again.',
    },
    'commit-refused': 'The LMS refused to create the records. Nothing was created by this attempt. Upload the file again to have it checked anew.',
    'commit-not-found': 'The upload expired or the activity was removed; nothing was created. Upload the file again.',
    'commit-unavailable': 'The LMS did not confirm that the records were created. Nothing was created unless the LMS finished just as the connection failed; Try again is safe either way — the same upload can never create its records twice.',
    'commit-contract': 'The LMS answered in an unexpected way when asked to create the records. Try again to ask again: the same upload can never create its records twice. Contact your LMS support if this keeps happening.',
    unexpected: 'Something went wrong. Nothing was created. Try again; contact your LMS support if this keeps happening.',
    'not-configured': 'This uploader is not connected to an LMS: set its api-base attribute or its backend property. Nothing can be created until it is.',
    'connect-failed': 'The connection to the LMS could not be set up. Nothing was created. Try again, or reload the page.',
    'download-failed': 'The download failed. Nothing was created. Try again in a moment.',
  },
  // Failures: automatic retries, the check asked again, the reference to quote ([failures])
  retryingNow: 'The LMS did not answer. Trying again ({attempt} of {attempts})…',
  retriesEnded: { one: 'Tried once, then stopped.', other: 'Tried {count} times, then stopped.' },
  supportQuote: 'If you contact your LMS support, give them this upload reference: {id}',
  checkFailedKept: 'Your file {name} is kept: Try again does not need it picked again.',
  notices: {
    'preset-category-missing': 'The category chosen for you was not found. Choose a category.',
    'preset-activity-missing': 'The activity chosen for you was not found among the offline activities. Choose an activity.',
    'preset-activity-failed': 'The activity chosen for you could not be loaded just now. Choose an activity, or try again later.',
    'preset-domain-missing': 'The user domain chosen for you was not found. Choose a user domain.',
    'preset-identifier-kind-missing': 'The identifier chosen for you is not offered by this user domain; its first identifier was chosen instead.',
  },
  kinds: {
    'file-unsupported-format': 'Unsupported file',
    'file-encrypted': 'Password-protected file',
    'file-corrupt': 'Damaged file',
    'file-too-large': 'File too large',
    'file-inflates-too-large': 'File too large when unpacked',
    'file-too-many-rows': 'Too many records',
    'file-too-many-blank-rows': 'Too many rows',
    'file-row-too-large': 'Row too large',
    'file-cell-too-long': 'Cell too long',
    'file-too-many-columns': 'Too many columns',
    'file-too-much-text': 'Too much text',
    'file-more-issues': 'More problems not listed',
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
    'cell-date-ambiguous': 'Ambiguous date',
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
