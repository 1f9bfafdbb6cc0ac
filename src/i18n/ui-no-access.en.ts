// The English words of the no-access panel, but its heading: they come with the panel's chunk — its define
// function adds them (localize.ts useScreenWords) before it renders — so the first load of everyone who may
// upload does not carry them. The heading stays in ui-first.en.ts: a panel whose chunk fails to load shows
// it with the failure (lazy-steps.ts). Other languages keep them in their first part (ui-first.fr.ts).
import type { UiMessages } from './ui.en.js';

export const uiNoAccessEn = {
  noAccessGuidance: 'Your account lacks the permission to upload offline activity records.',
  noAccessHowTo: 'Ask for the “Upload offline records” permission, then reload this page.',
  noAccessReason: 'The LMS says: {reason}',
  noAccessContact: 'Need the permission? Contact us:',
  contactLink: 'Send us a message',
  contactEmail: 'E-mail {email}',
} satisfies Partial<UiMessages>;

/** The no-access panel's keys (English: with its chunk). */
export type NoAccessScreenKey = keyof typeof uiNoAccessEn;
