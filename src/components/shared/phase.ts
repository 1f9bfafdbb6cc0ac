// The name of a phase of the work on a file (reading, checking, the LMS's check, creating), for the
// progress block (progress.ts) and the shell's live region, which words the progress of any step.
import type { MessageKey } from '../../i18n/localize.js';
import type { WizardContext } from './wizard-context.js';

const PHASES: Record<string, MessageKey> = {
  reading: 'phaseReading',
  validating: 'phaseValidating',
  'dry-run': 'phaseDryRun',
  committing: 'phaseCommitting',
};

export function phaseName(ctx: Pick<WizardContext, 'localizer'>, phase: string | undefined): string {
  return ctx.localizer.t(PHASES[phase ?? 'reading'] ?? 'phaseReading');
}
