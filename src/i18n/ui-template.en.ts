// The English words of the template step, but its heading: they come with its chunk — its define function
// adds them (localize.ts useScreenWords) before it renders — so a page whose wizard starts on the choose step
// does not carry them. The heading and the date patterns stay in ui-first.en.ts (a step whose chunk fails to
// load shows its heading with the failure; Localizer.datePattern() serves later steps too). Other languages
// keep them in their first part (ui-first.fr.ts).
import type { UiMessages } from './ui.en.js';

export const uiTemplateEn = {
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
  ruleStart: 'Dates from {start} onward.',
  rulePeriod: 'Dates from {start} to {end}.',
  ruleNoFuture: 'Dates in the future are refused.',
  rulePassMark: 'Pass mark: {passMark}.',
  templateSample: 'Row 2 holds a sample record: replace it or delete it before uploading.',
  downloadXlsx: 'Download template (.xlsx)',
  downloadCsv: 'Download as CSV (.csv)',
  templateNext: 'Next: upload the file',
} satisfies Partial<UiMessages>;

/** The template step's keys (English: with its chunk). */
export type TemplateScreenKey = keyof typeof uiTemplateEn;
