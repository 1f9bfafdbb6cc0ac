// The English words the choose step shows only once the admin acts: the activity list's states and an
// activity's dates (with the combobox's list, combobox-list.ts), a fixed choice's Change, the spec's
// status and the "put the file away?" question (with choose-parts.ts). Each adds them (localize.ts
// useChooseWords) before it renders.
import type { UiMessages } from './ui.en.js';

export const uiChooseLaterEn = {
  activitySearching: 'Searching…',
  activityNoMatch: 'No offline activity matches “{text}”.',
  activityNone: 'No offline activity in this category.',
  activitySearchError: 'The activities could not be loaded.',
  activityMore: 'Show more results ({shown} of {total})',
  activityResults: { one: '{count} activity found', other: '{count} activities found' },
  activityFrom: 'from {start}',
  activityPeriod: '{start} – {end}',
  changeField: 'Change {field}',
  specLoading: 'Preparing the template…',
  discardHeading: 'Put away the checked file?',
  discardBody: 'Changing this choice puts away “{file}” and the changes you made to it. Nothing has been created. Cancel keeps everything as it is.',
  discardConfirm: 'Change and put the file away',
} satisfies Partial<UiMessages>;
