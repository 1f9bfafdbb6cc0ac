// `offline-upload-step-change`: the wizard shows another step (after the admin's navigation or the flow's).
import type { WizardStep } from '../session/steps.js';
import { EVENT_PREFIX } from './prefix.js';

export const STEP_CHANGE_EVENT = `${EVENT_PREFIX}step-change` as const;

export interface StepChangeDetail {
  readonly step: WizardStep;
  /** The step shown before; undefined for the first step shown. */
  readonly previous?: WizardStep;
  /** 0-based position of `step` in WIZARD_STEPS. */
  readonly index: number;
}

export class StepChangeEvent extends CustomEvent<StepChangeDetail> {
  constructor(detail: StepChangeDetail) {
    super(STEP_CHANGE_EVENT, { detail, bubbles: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    [STEP_CHANGE_EVENT]: StepChangeEvent;
  }
}
