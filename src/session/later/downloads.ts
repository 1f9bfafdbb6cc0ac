// The files UploadSession hands out before a file is read — the template for the current choice and the
// issues report — made here, loaded with the first download (upload-session.ts downloadTemplate,
// errorReport), so that none of it is in a page's first load. The words are the Localizer given or the
// locale's, with the files' words loaded (session-basics.ts wordsFor).
import type { Issue } from '../../core/issues.js';
import type { TemplateSpec } from '../../core/spec.js';
import { wordsFor, type FileWordsOptions } from '../session-basics.js';
import type { SessionOptions } from '../types.js';

export interface MadeFile {
  readonly blob: Blob;
  readonly fileName: string;
}

/** The template for `spec` in `format`, its dates and drop-downs as the session's options say. */
export async function templateFile(spec: TemplateSpec, format: 'xlsx' | 'csv', options: FileWordsOptions, session: SessionOptions): Promise<MadeFile> {
  const [{ buildTemplate }, l] = await Promise.all([import('../../core/template/index.js'), wordsFor(options)]);
  options.signal?.throwIfAborted();
  const { dateOrder, maxRows } = session;
  const out = await buildTemplate(spec, {
    format,
    texts: l.templateTexts,
    locale: l.locale,
    ...(dateOrder ? { dateOrder } : {}),
    ...(maxRows !== undefined ? { maxRows } : {}),
  });
  return { blob: new Blob([out.data as BlobPart], { type: out.mimeType }), fileName: out.fileName };
}

/** The issues as a spreadsheet in `format`, every word (headers, problems) in the chosen language. */
export async function issuesReport(issues: readonly Issue[], spec: TemplateSpec, format: 'xlsx' | 'csv', options: FileWordsOptions): Promise<MadeFile> {
  const [{ buildErrorReport }, l] = await Promise.all([import('../../core/error-report.js'), wordsFor(options)]);
  options.signal?.throwIfAborted();
  const out = await buildErrorReport(issues, spec, { format, texts: l.reportTexts, describe: (issue) => l.issue(issue) });
  return { blob: new Blob([out.data as BlobPart], { type: out.mimeType }), fileName: out.fileName };
}
