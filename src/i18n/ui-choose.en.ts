// The English words of the choose step (category, activity search, domain, identifier, the "put the file
// away?" dialog): they come with the choose step's chunk — StepChooseElement and ActivityComboboxElement
// add them (localize.ts useChooseWords) before they render — so a wizard preset on an activity, which
// passes the choose step by, never loads them. A key the choose step names must be here or in
// ui-first.en.ts (test/node/first-words.node.test.ts checks it). Other languages keep them in their
// first part (ui-first.fr.ts, ui-first.ar.ts).
import type { UiMessages } from './ui.en.js';

export const uiChooseEn = {
  chooseGuidance: 'Pick the offline activity the records belong to, and how your spreadsheet identifies each learner.',
  categoryLabel: 'Category',
  categoryAll: 'All categories',
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
  changeField: 'Change {field}',
  specLoading: 'Preparing the template…',
  chooseIncomplete: 'Choose an activity, a domain and an identifier to continue.',
  chooseWaiting: 'Preparing the template: the next step opens as soon as it is ready.',
  discardHeading: 'Put away the checked file?',
  discardBody: 'Changing this choice puts away “{file}” and the changes you made to it. Nothing has been created. Cancel keeps everything as it is.',
  discardConfirm: 'Change and put the file away',
} satisfies Partial<UiMessages>;

/** The choose step's keys (English: with its chunk). */
export type ChooseScreenKey = keyof typeof uiChooseEn;
