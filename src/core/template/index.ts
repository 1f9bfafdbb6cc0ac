// Template download: the .xlsx/.csv an admin fills in, its safe file name and the words it is written in.
export {
  buildTemplate,
  decimalSeparator,
  XLSX_MIME,
  CSV_MIME,
  DATE_NUM_FMT,
  TEXT_NUM_FMT,
  type DownloadFile,
  type TemplateOptions,
} from './build.js';
export { RECORDS_SHEET, INSTRUCTIONS_SHEET, FINGERPRINT_SHEET, LISTS_SHEET } from './sheets.js';
export { safeFileName, safeFileStem, FILE_STEM_MAX } from './file-name.js';
export type { TemplateTexts } from './texts.js';
export { isRequired, templateHeader, completionDateColumn, statusColumn, isExpiryColumn, sampleValues } from './columns.js';
