// The elements' classes, events and localisation, without registering anything (import
// `src/register.ts` or an element's registration module to define the tags).
export * from './elements.js';
// The internal parts, public for hosts that compose their own screens (the CDN bundle's
// offline-upload-all.js has them; its offline-upload.js does not: src/cdn.ts).
export { ActivityComboboxElement, type ActivitySearch } from './activity-combobox/activity-combobox.component.js';
export { DropZoneElement, SPREADSHEET_ACCEPT } from './drop-zone/drop-zone.component.js';
export { IssuesTableElement } from './issues-table/issues-table.component.js';
