// The public elements' classes, their events and localisation, without registering anything and without
// the internal parts (components/index.ts adds those): what the CDN bundle's entry exports (src/cdn.ts).
export { OfflineUploadWizardElement } from './offline-upload-wizard/offline-upload-wizard.component.js';
export { UploadSummaryElement } from './upload-summary/upload-summary.component.js';
export * from '../events/index.js';
export { Localizer, registerTranslation, type MessageOverrides, type Translation } from '../i18n/localize.js';
export type { UiMessages } from '../i18n/ui.en.js';
// Types the elements' properties name, so a host types them from the same import (and the manifest's
// type references resolve to what `offline-upload/register` exports).
export type { LmsBackend } from '../backend/types.js';
export type { DateOrder } from '../core/read/types.js';
export type { UploadSummary } from '../core/summary.js';
export type { UploadSession } from '../session/upload-session.js';
