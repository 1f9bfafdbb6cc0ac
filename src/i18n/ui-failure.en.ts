// The English words of a failure's "Details for support" (time, code, detail): they come with the code that
// shows them (components/shared/failure-details.ts adds them, localize.ts useScreenWords), loaded with the
// first failure shown, so no first load carries them. The failure's own message and the LMS's reason stay in
// ui-first.en.ts: they show at once. Other languages keep them in their first part (ui-first.fr.ts).
import type { UiMessages } from './ui.en.js';

export const uiFailureEn = {
  supportDetails: 'Details for support',
  supportTime: 'Time: {time}',
  supportCode: 'Code: {code}',
  supportDetail: 'Detail: {detail}',
} satisfies Partial<UiMessages>;

/** The support details' keys (English: with their chunk). */
export type FailureDetailsKey = keyof typeof uiFailureEn;
