// The session layer's public surface: UploadSession (the upload), WizardFlow (which step shows), their
// state and event types, and the failure and notice codes i18n words.
export { UploadSession, DEFAULT_CHUNK_SIZE, SessionError, activityOf, type FileWordsOptions } from './upload-session.js';
export { isFileRefused } from './file-refused.js';
export { WizardFlow, type FlowEventMap, type PresetField, type ChooseOutcome, type CreateRequest } from './wizard-flow.js';
export { WIZARD_STEPS, type WizardStep, isReachable, isComplete, previousStep } from './steps.js';
export { FAILURE_CODES, NOTICE_CODES } from './failures.js';
export type * from './types.js';
export {
  validateInWorker,
  prewarmValidationWorker,
  releaseValidationWorker,
  type ValidateInWorkerOptions,
  type ValidationThread,
} from '../worker/client.js';
