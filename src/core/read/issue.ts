// File-level refusals raised by the readers: one helper so that every refusal carries its code and its
// parameters. The reader has no words: `message` is the code until the validator (or whoever catches the
// refusal) describes it, and the UI words it from code + params in the admin's language.
import type { IssueCode, IssueParams } from '../issues.js';
import { FileIssueError } from './types.js';

export function fileIssue(code: IssueCode, params?: IssueParams): FileIssueError {
  return new FileIssueError(params ? { code, message: code, params } : { code, message: code });
}

/** A damaged file; `detail` is for developers (logs, bug reports), the admin sees the table's message. */
export function corrupt(detail: string): FileIssueError {
  return fileIssue('file-corrupt', { detail });
}

/** A format we recognise but do not read; `kind` names it (the UI says what it is, in the admin's words). */
export function unsupported(kind: string): FileIssueError {
  return fileIssue('file-unsupported-format', { kind });
}
