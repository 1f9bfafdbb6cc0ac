// English strings of the elements: the typed message table every other language (and every host
// override) fills in. `{name}` marks a parameter; plural messages pick their form by `count`.
import type { IssueCode } from '../core/issues.js';
import type { DryRunLabel } from '../core/records.js';
import type { FailureCode, NoticeCode } from '../session/failures.js';
import { uiChooseEn } from './ui-choose.en.js';
import { uiFailureEn } from './ui-failure.en.js';
import { uiFirstEn } from './ui-first.en.js';
import { laterFailuresEn, uiLaterEn } from './ui-later.en.js';
import { uiNoAccessEn } from './ui-no-access.en.js';
import { uiTemplateEn } from './ui-template.en.js';

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

export { uiLaterEn };

/** Every English word of the elements: the first screens' and the later steps'. */
export const uiMessagesEn: UiMessages = { ...uiFirstEn, ...uiFailureEn, ...uiNoAccessEn, ...uiTemplateEn, ...uiChooseEn, ...uiLaterEn, failures: { ...uiFirstEn.failures, ...laterFailuresEn } };
