// Look of the wizard's steps, by concern: layout (heading, guidance, actions, narrow columns), notices
// (alerts, refused files), fieldset legends. Logical properties throughout (right-to-left works). Progress
// (step-progress.styles.ts) and the column table (column-table.styles.ts) are added by the steps that show
// them (upload and create; template and match).
// The shell's own look (card, stepper, dialog) is in offline-upload-wizard.styles.ts.
import { stepFormStyles } from './step-forms.styles.js';
import { stepLayoutStyles } from './step-layout.styles.js';
import { stepNoticeStyles } from './step-notices.styles.js';

export const stepStyles = [stepLayoutStyles, stepNoticeStyles, stepFormStyles];
