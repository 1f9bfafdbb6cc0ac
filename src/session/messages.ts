// The session's own sentences for the admin (failures and notes), in English. Each says what happened,
// what to do, and whether anything was created; the UI may show its own words keyed by `failure.kind`.

/** The error's own sentence without its final full stop, to be quoted inside ours. */
export function detailOf(error: unknown): string {
  const text = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  return text.trim().replace(/[.\s]+$/, '') || 'no details were given';
}

export const sessionMessagesEn = {
  accessError: (error: unknown) =>
    `Your permission to upload offline records could not be checked (${detailOf(error)}). Nothing was created. Try again in a moment.`,
  listError: (what: 'categories' | 'domains', error: unknown) =>
    `The ${what} could not be loaded (${detailOf(error)}). Try again in a moment.`,
  specNotFound: () =>
    'No template is available for this activity, domain and identifier. Choose another activity or identifier.',
  specError: (error: unknown) => `The template for this choice could not be loaded (${detailOf(error)}). Try again in a moment.`,
  specMismatch: () =>
    'The LMS sent a template made for another choice. Nothing was created. Choose the activity again, or contact your LMS support.',
  presetActivityMissing: (id: string) => `The activity "${id}" was not found among the offline activities. Choose an activity.`,
  presetActivityError: (id: string) => `The activity "${id}" could not be loaded just now. Choose an activity, or try again later.`,
  presetCategoryMissing: (id: string) => `The category "${id}" was not found. Choose a category.`,
  presetDomainMissing: (id: string) => `The user domain "${id}" was not found. Choose a user domain.`,
  presetIdentifierMissing: (key: string) =>
    `The identifier "${key}" is not offered by this user domain; its first identifier was chosen instead.`,
  fileUnreadable: (error: unknown) =>
    `The file could not be read (${detailOf(error)}). Nothing was created. Save it again as .xlsx or .csv and upload it again.`,
  dryRunUnavailable: (error: unknown) =>
    `The LMS could not check the records just now (${detailOf(error)}). Nothing was created. Upload the file again in a moment.`,
  dryRunRefused: (error: unknown) =>
    `The LMS refused this upload (${detailOf(error)}). Nothing was created. Put that right, then upload the file again.`,
  dryRunNotFound: () =>
    'The activity is no longer available in the LMS, or the upload expired while it was being checked. Nothing was created. Choose the activity again and upload the file again.',
  dryRunContract: (error: unknown) =>
    `The LMS answered the check in an unexpected way (${detailOf(error)}). Nothing was created. Contact your LMS support if this keeps happening.`,
  noAccess: () =>
    'You no longer have permission to upload offline records, or your sign-in expired. Nothing was created. Sign in again, or ask for the permission.',
  commitRejected: (rows: number) =>
    `The LMS refused ${rows === 1 ? '1 row' : `${rows} rows`} at the final check, so nothing was created. Fix the rows shown and upload the file again.`,
  commitRefused: (error: unknown) =>
    `The LMS refused to create the records (${detailOf(error)}). Nothing was created by this attempt. Upload the file again to have it checked anew.`,
  commitNotFound: () =>
    'The upload expired or the activity was removed; nothing was created. Upload the file again.',
  commitUnavailable: (error: unknown) =>
    `The LMS did not confirm that the records were created (${detailOf(error)}). Nothing was created unless the LMS finished just as the connection failed; Retry is safe either way — the same upload can never create its records twice.`,
  commitContract: (error: unknown) =>
    `The LMS answered in an unexpected way when asked to create the records (${detailOf(error)}). Retry to ask again: the same upload can never create its records twice. Contact your LMS support if this keeps happening.`,
  unexpected: (error: unknown) =>
    `Something went wrong (${detailOf(error)}). Nothing was created. Try again; contact your LMS support if this keeps happening.`,
} as const;

export type SessionMessages = typeof sessionMessagesEn;
