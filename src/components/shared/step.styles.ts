// Look of the wizard's steps, by concern: layout (heading, guidance, actions, narrow columns), notices
// (alerts, refused files), the choose and template forms. Logical properties throughout (right-to-left
// works). Progress (step-progress.styles.ts) is added by the steps that show it (upload, create).
// The shell's own look (card, stepper, dialog) is in offline-upload-wizard.styles.ts.
import { stepFormStyles } from './step-forms.styles.js';
import { stepLayoutStyles } from './step-layout.styles.js';
import { stepNoticeStyles } from './step-notices.styles.js';

export const stepStyles = [stepLayoutStyles, stepNoticeStyles, stepFormStyles];
