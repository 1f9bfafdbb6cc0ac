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

/** A format we recognise but do not read; `format` completes "This file is …" in the message. */
export function unsupported(kind: string, format: string): FileIssueError {
  return fileIssue('file-unsupported-format', { kind, format });
}

/** Sizes as the admin's file manager shows them (1024-based, one decimal below 10). */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  if (unit === 0) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  const shown = value < 10 ? Math.round(value * 10) / 10 : Math.round(value);
  return `${shown} ${units[unit]}`;
}
