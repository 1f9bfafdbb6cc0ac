// The English words of the first screens — the shell (steps, failures, live region), access, the
// no-access panel's and the template step's headings, the date patterns: built into the first load. The
// choose step's words (ui-choose.en.ts), the no-access panel's (ui-no-access.en.ts), the template step's
// (ui-template.en.ts) and a failure's support details (ui-failure.en.ts) arrive with their chunks;
// the later steps' words (ui-later.en.ts) with the later steps' chunk, and with the chunks that show them
// earlier: <upload-summary>'s view and the restore offer (the persistence controller) call useLaterWords too.
// A key used by a first-screen module must be here (test/node/first-words.node.test.ts checks it), unless the
// shell shows it only once the session's file part is here: those words, and the failures only that part
// reports, are in ui-later.en.ts, which comes with it (uiFileEn, laterFailuresEn).
import type { ChooseScreenKey } from './ui-choose.en.js';
import type { FailureDetailsKey } from './ui-failure.en.js';
import type { NoAccessScreenKey } from './ui-no-access.en.js';
import type { TemplateScreenKey } from './ui-template.en.js';
import type { UiMessages } from './ui.en.js';

export const uiFirstEn = {
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
  lmsSays: 'The LMS says: {reason}',

  accessHeading: 'Checking your access',
  accessGuidance: 'One moment while we check that you may upload offline records.',
  noAccessHeading: 'You can’t upload offline records',
  accessErrorHeading: 'We could not check your access',

  chooseHeading: 'Choose the activity',
  listLoading: 'Loading…',

  change: 'Change',

  templateHeading: 'Download the template',
  datePatternDMY: 'DD/MM/YYYY',
  datePatternMDY: 'MM/DD/YYYY',
  datePatternYMD: 'YYYY-MM-DD',

  uploadHeading: 'Upload your spreadsheet',
  phaseReading: 'Reading the file…',
  phaseValidating: 'Checking the records…',
  phaseDryRun: 'Checking the records with the LMS…',
  phaseCommitting: 'Creating the records…',
  // Column matching (the matching screen) and how the file was read (the review's notes) — [matching]
  stepMatch: 'Columns',
  matchHeading: 'Check the columns of your file',
  reviewReadyHeading: 'Check the records',

  createHeading: 'Create the records',
  doneHeading: 'Records created',

  announceProgress: '{phase} {percent}',

  failures: {
    'access-check-failed': 'Your permission to upload offline records could not be checked: the LMS did not answer. Nothing was created. Try again in a moment.',
    'categories-failed': 'The categories could not be loaded. Nothing was created. Try again in a moment.',
    'domains-failed': 'The user domains could not be loaded. Nothing was created. Try again in a moment.',
    'no-access': 'You no longer have permission to upload offline records, or your sign-in expired. Nothing was created. Sign in again, or ask for the permission.',
    'spec-not-found': 'No template is available for this activity, domain and identifier. Nothing was created. Choose another activity or identifier.',
    'spec-failed': 'The template for this choice could not be prepared. Nothing was created. Try again in a moment.',
    'spec-mismatch': 'The LMS sent a template made for another choice. Nothing was created. Choose the activity again, or contact your LMS support.',
    'spec-not-ready': 'Choose the activity, the user domain and the identifier first: the template is made for that choice.',
    'validator-unavailable': 'Part of the upload tool could not be loaded. Your file is not the problem and nothing was created. Reload the page and upload the file again; contact your LMS support if this keeps happening.',
    unexpected: 'Something went wrong. Nothing was created. Try again; contact your LMS support if this keeps happening.',
    'not-configured': 'This uploader is not connected to an LMS: set its api-base attribute or its backend property. Nothing can be created until it is.',
    'connect-failed': 'The connection to the LMS could not be set up. Nothing was created. Try again, or reload the page.',
    'download-failed': 'The download failed. Nothing was created. Try again in a moment.',
  },
} satisfies { readonly [K in keyof UiMessages]?: K extends 'failures' ? Partial<UiMessages[K]> : UiMessages[K] };

/**
 * The keys of the first screens: the English words on the first load, the choose step's, the no-access
 * panel's, the template step's and the support details' (with their chunks). Another language's first part
 * (ui-first.fr.ts) holds them all.
 */
export type FirstScreenKey = keyof typeof uiFirstEn | ChooseScreenKey | NoAccessScreenKey | TemplateScreenKey | FailureDetailsKey;
