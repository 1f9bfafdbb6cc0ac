// The elements' classes, events and localisation, without registering anything (import
// `src/register.ts` or an element's registration module to define the tags).
export { OfflineUploadWizardElement } from './offline-upload-wizard/offline-upload-wizard.component.js';
export { UploadSummaryElement } from './upload-summary/upload-summary.component.js';
export { ActivityComboboxElement, type ActivitySearch } from './activity-combobox/activity-combobox.component.js';
export { DropZoneElement, SPREADSHEET_ACCEPT } from './drop-zone/drop-zone.component.js';
export { IssuesTableElement } from './issues-table/issues-table.component.js';
export * from '../events/index.js';
export { Localizer, registerTranslation, type MessageOverrides, type Translation } from '../i18n/localize.js';
export type { UiMessages } from '../i18n/ui.en.js';
// Types the elements' properties name, so a host types them from the same import (and the manifest's
// type references resolve to what `offline-upload/register` exports).
export type { LmsBackend } from '../backend/types.js';
export type { DateOrder } from '../core/read/types.js';
export type { UploadSummary } from '../core/summary.js';
export type { UploadSession } from '../session/upload-session.js';
