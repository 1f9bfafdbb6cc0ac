// The wizard's steps, in order, and the pure rules that say which one the session's state allows and
// asks for. WizardFlow (wizard-flow.ts) holds the step shown and applies these rules.
import type { SessionState, SessionStatus } from './types.js';

/** The wizard's steps, in order. */
export const WIZARD_STEPS = ['access', 'choose', 'template', 'upload', 'match', 'review', 'create', 'done'] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

const GATE: ReadonlySet<SessionStatus> = new Set(['checking-access', 'no-access', 'access-error']);
const REVIEWABLE: ReadonlySet<SessionStatus> = new Set(['has-issues', 'ready', 'committing', 'commit-failed']);
const CREATABLE: ReadonlySet<SessionStatus> = new Set(['ready', 'committing', 'commit-failed']);

/** Whether the admin may look at `step` now (the stepper's links and the Back button use this). */
export function isReachable(step: WizardStep, state: SessionState | undefined): boolean {
  if (!state) return step === 'access';
  const { status } = state;
  switch (step) {
    case 'access':
      return true;
    case 'choose':
      return !GATE.has(status);
    case 'template':
    case 'upload':
      return !GATE.has(status) && state.spec.status === 'ready';
    case 'match':
      // The file's columns were matched to the template's other than by its own headers.
      return status === 'matching' || (state.matching !== undefined && REVIEWABLE.has(status));
    case 'review':
      // While the admin's fixes are checked again (the dry run included) the review stays where it is.
      return REVIEWABLE.has(status) || (status === 'dry-run' && state.editing?.checking === true);
    case 'create':
      return CREATABLE.has(status);
    case 'done':
      return status === 'created';
  }
}

/** Whether `step` is behind the admin: done with, in the flow as it stands. */
export function isComplete(step: WizardStep, state: SessionState | undefined): boolean {
  if (!state) return false;
  const { status, spec } = state;
  switch (step) {
    case 'access':
      return !GATE.has(status);
    case 'choose':
      return !GATE.has(status) && spec.status === 'ready';
    case 'template':
      return !GATE.has(status) && spec.status === 'ready' && state.file !== undefined;
    case 'upload':
      return REVIEWABLE.has(status) || status === 'created' || status === 'matching';
    case 'match':
      return state.matching !== undefined && (REVIEWABLE.has(status) || status === 'created');
    case 'review':
      return CREATABLE.has(status) || status === 'created';
    case 'create':
    case 'done':
      return status === 'created';
  }
}

/**
 * The step the flow moves to when the session's status changes from `previous` to `next`, or undefined
 * when the admin stays where they are (e.g. a choice changed while looking at the choose step).
 */
export function stepForTransition(previous: SessionStatus, next: SessionStatus): WizardStep | undefined {
  if (previous === next) return undefined;
  switch (next) {
    case 'checking-access':
    case 'no-access':
    case 'access-error':
      return 'access';
    case 'selecting':
      return previous === 'checking-access' ? 'choose' : undefined;
    case 'reading':
    case 'dry-run':
    case 'check-failed':
      return 'upload';
    case 'matching':
      return 'match';
    case 'has-issues':
    case 'ready':
      return previous === 'reading' || previous === 'dry-run' || previous === 'committing' ? 'review' : undefined;
    case 'committing':
    case 'commit-failed':
      return 'create';
    case 'created':
      return 'done';
  }
}

/** The steps this upload goes through: the matching step only when the file's columns needed matching. */
export function stepsFor(state: SessionState | undefined): readonly WizardStep[] {
  return state?.matching ? WIZARD_STEPS : WIZARD_STEPS.filter((step) => step !== 'match');
}

/** The nearest step at or before `step` that is reachable (where to land when `step` no longer is). */
export function clampStep(step: WizardStep, state: SessionState | undefined): WizardStep {
  for (let i = WIZARD_STEPS.indexOf(step); i >= 0; i--) {
    const candidate = WIZARD_STEPS[i]!;
    if (isReachable(candidate, state)) return candidate;
  }
  return 'access';
}

/** Where Back leads from `step`: the previous reachable step, never back to the access check. */
export function previousStep(step: WizardStep, state: SessionState | undefined): WizardStep | undefined {
  if (step === 'done' || step === 'access' || step === 'choose') return undefined;
  for (let i = WIZARD_STEPS.indexOf(step) - 1; i >= 1; i--) {
    const candidate = WIZARD_STEPS[i]!;
    if (isReachable(candidate, state)) return candidate;
  }
  return undefined;
}
