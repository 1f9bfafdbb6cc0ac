// The English words the choose step shows only once the admin acts: the activity list's states and an
// activity's dates (with the combobox's list, combobox-list.ts), a fixed choice's Change, the spec's
// status, the "put the file away?" question and the notices about the choices (a preset that did not apply)
// (with choose-parts.ts, the one module that shows notices). Each adds them (localize.ts useChooseWords)
// before it renders.
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
  notices: {
    'preset-category-missing': 'The category chosen for you was not found. Choose a category.',
    'preset-activity-missing': 'The activity chosen for you was not found among the offline activities. Choose an activity.',
    'preset-activity-failed': 'The activity chosen for you could not be loaded just now. Choose an activity, or try again later.',
    'preset-domain-missing': 'The user domain chosen for you was not found. Choose a user domain.',
    'preset-identifier-kind-missing': 'The identifier chosen for you is not offered by this user domain; its first identifier was chosen instead.',
  },
} satisfies Partial<UiMessages>;
