// Test helpers for the session: wait for a state, make CSV files, collect events.
import type { UploadSession } from '../../src/session/upload-session.js';
import type { Notice, SessionFailure, SessionState } from '../../src/session/types.js';
import { Localizer, useChooseWords } from '../../src/i18n/localize.js';
import { uiChooseLaterEn } from '../../src/i18n/ui-choose-later.en.js';

// The notices' English words come with the choose step's parts (which show them): added here as they do.
useChooseWords(uiChooseLaterEn);
const en = new Localizer('en');
/** What the admin reads for a failure or notice the session reported as a code (English). */
export const words = (failure: Pick<SessionFailure, 'code' | 'params'> | undefined): string => (failure ? en.failure(failure) : '');
export const noticeWords = (notices: readonly Notice[]): string => notices.map((n) => en.notice(n)).join(' ');

/** Resolves with the first state (current or coming) for which `test` holds; fails after `ms`. */
export function until(session: UploadSession, test: (state: SessionState) => boolean, ms = 10_000): Promise<SessionState> {
  if (test(session.state)) return Promise.resolve(session.state);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      session.removeEventListener('statechange', onChange);
      reject(new Error(`timed out waiting; state is ${JSON.stringify({ status: session.state.status, spec: session.state.spec.status, failure: session.state.failure })}`));
    }, ms);
    const onChange = (event: CustomEvent<{ state: SessionState }>) => {
      if (!test(event.detail.state)) return;
      clearTimeout(timer);
      session.removeEventListener('statechange', onChange);
      resolve(event.detail.state);
    };
    session.addEventListener('statechange', onChange);
  });
}

export const status = (...wanted: SessionState['status'][]) => (state: SessionState) => wanted.includes(state.status);

/** A CSV file as Excel would save it (CRLF). */
export function csv(lines: readonly string[], name = 'records.csv'): File {
  return new File([lines.join('\r\n') + '\r\n'], name, { type: 'text/csv' });
}

export const CLASSROOM_HEADER = 'Email,Completion date,Status,Trainer,Comments';

/** `n` clean classroom rows for distinct users, dated in 2025. */
export function classroomRows(n: number, from = 1): string[] {
  return Array.from({ length: n }, (_, i) => {
    const k = from + i;
    const day = String((k % 28) + 1).padStart(2, '0');
    return `user${k}@example.com,2025-03-${day},${k % 2 ? 'Completed' : 'Attended'},Sam Lee,`;
  });
}

/** Every event of `types` fired on the session, in order. */
export function record(session: UploadSession, ...types: string[]): { type: string; detail: unknown }[] {
  const seen: { type: string; detail: unknown }[] = [];
  for (const type of types) session.addEventListener(type, (e) => seen.push({ type, detail: (e as CustomEvent).detail }));
  return seen;
}

/** Polls `test` until it holds (for effects outside the session, e.g. a discard reaching the LMS). */
export async function eventually(test: () => boolean, ms = 5_000): Promise<void> {
  const end = performance.now() + ms;
  while (!test()) {
    if (performance.now() > end) throw new Error('timed out waiting for a condition');
    await new Promise((r) => setTimeout(r, 5));
  }
}
