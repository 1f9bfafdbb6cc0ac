// The session layer's public surface: UploadSession, its state and event types, and its English messages.
export { UploadSession, DEFAULT_CHUNK_SIZE, type Preset } from './upload-session.js';
export type * from './types.js';
export { sessionMessagesEn, type SessionMessages } from './messages.js';
export {
  validateInWorker,
  prewarmValidationWorker,
  releaseValidationWorker,
  type ValidateInWorkerOptions,
  type ValidationThread,
} from '../worker/client.js';
