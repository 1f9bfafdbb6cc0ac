// English messages for every issue code: written for an admin looking at the cell, saying how to fix it.
import type { IssueCode, IssueParams, ReadingNoticeCode } from '../core/issues.js';

export type IssueMessages = { readonly [C in IssueCode]: (p: IssueParams) => string };

const s = (p: IssueParams, key: string, fallback = ''): string => {
  const v = p[key];
  return v === undefined ? fallback : String(v);
};
/** Counts as an English reader writes them: 100,000 rather than 100000. */
const n = (p: IssueParams, key: string): string => {
  const v = p[key];
  return typeof v === 'number' ? v.toLocaleString('en-US') : s(p, key);
};

/** What a refused file is, by the reader's `kind` (completes "This file is …"). */
const FORMATS: Readonly<Record<string, string>> = {
  xls: 'an Excel 97-2003 workbook (.xls)',
  ods: 'an OpenDocument spreadsheet (.ods)',
  numbers: 'an Apple Numbers spreadsheet (.numbers)',
  xlsb: 'an Excel binary workbook (.xlsb)',
  officeText: 'a Word document, not a spreadsheet',
  officeSlides: 'a PowerPoint presentation, not a spreadsheet',
  odf: 'an OpenDocument file that is not a spreadsheet',
  zip: 'a zip archive, not a spreadsheet',
  ole2: 'an Office 97-2003 document that is not a workbook',
  pdf: 'a PDF document',
  image: 'an image',
  html: 'a web page (HTML), not a spreadsheet',
  xml: 'an XML file, not a workbook',
  xml2003: 'an Excel 2003 XML spreadsheet',
  rtf: 'a rich-text document (.rtf)',
  archive: 'a compressed archive, not a spreadsheet',
  binary: 'not a spreadsheet we can read',
};
/**
 * How a date typed as text is written in each order: the template's words (files.en.ts DATE_PATTERNS_EN)
 * say the same; written here too so the issue messages load without the first screens' modules.
 */
const PATTERNS: Readonly<Record<string, string>> = { DMY: 'DD/MM/YYYY', MDY: 'MM/DD/YYYY', YMD: 'YYYY-MM-DD' };

export const issueMessagesEn: IssueMessages = {
  'file-unsupported-format': (p) =>
    `This file is ${FORMATS[s(p, 'kind')] ?? FORMATS['binary']}. Save it as Excel Workbook (.xlsx) or CSV (.csv) and upload it again.`,
  'file-encrypted': () =>
    'This file is protected with a password. Remove the password in Excel (File › Info › Protect Workbook), save it as .xlsx and upload it again.',
  'file-corrupt': () =>
    'This file is damaged and cannot be read. Open it in Excel or LibreOffice, save it again as .xlsx or .csv and upload the new file.',
  'file-too-large': (p) => `This file is ${s(p, 'size')}; the limit is ${s(p, 'limit')}. Split the records into several files.`,
  'file-inflates-too-large': (p) =>
    `This file unpacks to more than ${s(p, 'limit')}, far more than a list of records needs. Copy the records into a new template and upload that.`,
  'file-too-many-rows': (p) =>
    p['by'] === 'lms'
      ? `This file has more than ${n(p, 'limit')} records, the most the LMS accepts in one upload. Split it into files of at most ${n(p, 'limit')} records each.`
      : `This file has more than ${n(p, 'limit')} records. Split it into files of at most ${n(p, 'limit')} records each.`,
  'file-too-many-blank-rows': (p) =>
    `This file has more than ${n(p, 'limit')} rows, counting empty ones, for at most ${n(p, 'records')} records. Delete the empty rows below your records, or copy the records into a new template, and upload it again.`,
  'file-row-too-large': (p) =>
    `${p['row'] !== undefined ? `Row ${n(p, 'row')}` : 'A row'} of this file holds more than ${s(p, 'limit')}, far more than a record needs. Check that row (or copy the records into a new template) and upload the file again.`,
  'file-cell-too-long': (p) =>
    `This file has a cell longer than Excel allows (${n(p, 'limit')} characters)${p['row'] !== undefined ? ` in row ${n(p, 'row')}` : ''}. Shorten it, or copy the records into a new template, and upload the file again.`,
  'file-too-many-columns': (p) =>
    `This file has more columns than Excel allows (${n(p, 'limit')})${p['row'] !== undefined ? ` in row ${n(p, 'row')}` : ''}. Copy the records into a new template and upload that.`,
  'file-too-much-text': (p) =>
    `This file holds more text than a list of records needs (${p['kind'] === 'count' ? `over ${n(p, 'limit')} different texts` : `over ${s(p, 'limit')}`}). Copy the records into a new template and upload that.`,
  'file-more-issues': (p) =>
    `${n(p, 'more')} more problems were found beyond the first ${n(p, 'shown')} listed here. Fix these, then upload the file again to see the rest.`,
  'file-empty': () => 'There are no records under the header row. Fill in one row per completion and upload the file again.',
  'file-no-header': (p) =>
    `No header row was found. The first row must hold the template's headers (${s(p, 'headers')}); download the template and copy your records into it.` +
    (p['found'] ? ` "${s(p, 'found')}" in row ${s(p, 'row')} looks like "${s(p, 'expected')}": rename it so.` : ''),
  'file-template-mismatch': (p) =>
    `This file's template was made for ${s(p, 'found')}, not for ${s(p, 'expected')} (activity / domain / identifier). Download the template for the current choice, or change the choice to match the file.`,
  'file-template-outdated': (p) =>
    `This template is out of date${p['found'] ? ` (version ${s(p, 'found')}; the current one is ${s(p, 'expected')})` : ''}: the activity's columns have changed since it was downloaded. Download the template again and copy your records into it.`,
  'column-missing': (p) =>
    p['nearest']
      ? `The required column "${s(p, 'header')}" is missing. The column "${s(p, 'nearest')}" looks like it: rename it "${s(p, 'header')}", or choose it for this column.`
      : `The required column "${s(p, 'header')}" is missing. Add it back with this exact header (see the template).`,
  'column-unknown': (p) =>
    `The column "${s(p, 'header')}" is not part of the template. Remove it, or rename it to one of: ${s(p, 'expected')}.`,
  'column-duplicate': (p) => `The column "${s(p, 'header')}" appears more than once. Keep one and delete the others.`,
  'row-sample-left-in': () => 'This is the template\'s sample row. Delete it before uploading.',
  'row-duplicate-user': (p) =>
    `This user already appears in row ${s(p, 'otherRow')}. Keep one row per user: merge or delete the duplicate.`,
  'cell-required': (p) => `${s(p, 'header', 'This value')} is required. Fill in this cell.`,
  'cell-identifier-format': (p) =>
    p['kind'] === 'email'
      ? `This is not a valid e-mail address. Write it as name@example.com${p['example'] ? ` (e.g. ${s(p, 'example')})` : ''}.`
      : `This is not a valid ${s(p, 'label', 'identifier')}${p['hint'] ? `: expected ${s(p, 'hint')}` : ''}${p['example'] ? ` (e.g. ${s(p, 'example')})` : ''}.`,
  'cell-date-invalid': (p) =>
    `This is not a date we can read. Enter a real date as ${PATTERNS[s(p, 'order')] ?? s(p, 'format', PATTERNS['YMD'])}, or format the cell as a date in Excel.`,
  'cell-date-ambiguous': (p) =>
    `This date can be read two ways: ${s(p, 'first')} (${PATTERNS[s(p, 'order')] ?? s(p, 'format')}) or ${s(p, 'second')} (${PATTERNS[s(p, 'otherOrder')] ?? s(p, 'otherFormat')}), and other dates in this column do not settle which. Type it as ${PATTERNS['YMD']}, or fix the dates that fit neither order.`,
  'cell-date-future': (p) => `This date is in the future (today is ${s(p, 'today')}). Enter the date the training took place.`,
  'cell-date-before-start': (p) =>
    `This date is before the activity started (${s(p, 'start')}). Check the date, or choose the activity session it belongs to.`,
  'cell-date-after-end': (p) => `This date is after the activity ended (${s(p, 'end')}). Check the date.`,
  'cell-date-not-after-completion': (p) =>
    `This date must be after ${s(p, 'header', 'the completion date')} (${s(p, 'date')}). Correct it, or leave the cell empty if it is optional.`,
  'cell-number-invalid': () => 'This is not a number. Enter digits only, such as 85 or 72.5, without units or text.',
  'cell-integer-invalid': () => 'This must be a whole number, such as 4. Remove decimals, units and text.',
  'cell-number-too-small': (p) => `This is below the minimum of ${s(p, 'min')}. Enter a value from ${s(p, 'min')}${p['max'] !== undefined ? ` to ${s(p, 'max')}` : ' upward'}.`,
  'cell-number-too-large': (p) => `This is above the maximum of ${s(p, 'max')}. Enter a value${p['min'] !== undefined ? ` from ${s(p, 'min')}` : ''} up to ${s(p, 'max')}.`,
  'cell-choice-invalid': (p) => `This is not one of the allowed values. Use one of: ${s(p, 'choices')}.`,
  'cell-text-too-long': (p) => `This text is ${n(p, 'length')} characters long; the limit is ${n(p, 'max')}. Shorten it.`,
  'cell-formula-no-result': () =>
    'This cell holds a formula with no saved result. Open the file in Excel, let it calculate and save, or type the value itself.',
  'cell-formula-error': (p) => `This formula gives an error (${s(p, 'error', '#VALUE!')}). Fix the formula or type the value itself.`,
  'user-not-found': () => 'No user with this identifier exists in the LMS. Check the spelling, or ask for the account to be created first.',
  'user-inactive': () => 'This user is inactive in the LMS. Reactivate the account first, or remove this row.',
  'user-outside-domain': (p) =>
    `This user is not in the domain ${s(p, 'domain', 'you chose')}. Remove the row, or upload it under the user's own domain.`,
  'record-exists': (p) =>
    `This user already has a record for this activity${p['date'] ? ` dated ${s(p, 'date')}` : ''}. Remove the row; records cannot be uploaded twice.`,
  'record-conflict': (p) =>
    `The LMS cannot accept this record${p['detail'] ? `: ${s(p, 'detail')}` : ''}. Check the row, or contact your LMS support.`,
  'date-outside-activity': (p) =>
    `The LMS refuses this date for this activity${p['start'] ? ` (it runs from ${s(p, 'start')}${p['end'] ? ` to ${s(p, 'end')}` : ''})` : ''}. Correct the date.`,
  'value-rejected': (p) => `The LMS refused this value${p['detail'] ? `: ${s(p, 'detail')}` : ''}. Correct it and upload again.`,
};

/** Notices (how the file was read; nothing to fix), with the same parameters as READING_NOTICE_CODES documents. */
export const readingNoticeMessagesEn: { readonly [C in ReadingNoticeCode]: (p: IssueParams) => string } = {
  'date-order-switched': (p) =>
    p['order'] === 'MDY'
      ? `The dates typed as text in "${s(p, 'column')}" were read month first (${PATTERNS['MDY']}): some of them are impossible day first, and all of them fit month first.`
      : `The dates typed as text in "${s(p, 'column')}" were read day first (${PATTERNS['DMY']}): some of them are impossible month first, and all of them fit day first.`,
};
