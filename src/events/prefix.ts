// The one prefix of every public event name, defined once so documented and dispatched names agree.
export const EVENT_PREFIX = 'offline-upload-' as const;

// The steps belong to the session's WizardFlow; re-exported here for code that imported them from events.
export { WIZARD_STEPS, type WizardStep } from '../session/steps.js';
