// The English words of the choose step's first screen (the fields, their hints, Next's answers): with the
// choose step's chunk (choose-step.ts adds them, localize.ts useChooseWords, before it renders), so a wizard
// preset on an activity, which passes the choose step by, never loads them. What shows only after the admin
// acts is in ui-choose-later.en.ts; ui-choose.en.ts joins both.
import type { UiMessages } from './ui.en.js';

export const uiChooseFirstEn = {
  chooseGuidance: 'Pick the offline activity the records belong to, and how your spreadsheet identifies each learner.',
  categoryLabel: 'Category',
  categoryAll: 'All categories',
  activityLabel: 'Offline activity',
  activityHint: 'Type part of the name or code. Only existing offline activities are listed.',
  activityPlaceholder: 'Search activities',
  domainLabel: 'User domain',
  domainPlaceholder: 'Choose a domain',
  identifierKindLabel: 'User unique identifier',
  identifierKindHint: 'The first column of the template: how each learner is found in the LMS.',
  identifierKindNone: 'Choose a domain first.',
  chooseIncomplete: 'Choose an activity, a domain and an identifier to continue.',
  chooseWaiting: 'Preparing the template: the next step opens as soon as it is ready.',
} satisfies Partial<UiMessages>;
