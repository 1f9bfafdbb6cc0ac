// The one prefix of every public event name, defined once so documented and dispatched names agree.
export const EVENT_PREFIX = 'offline-upload-' as const;

/** The wizard's steps, in order. */
export const WIZARD_STEPS = ['access', 'choose', 'template', 'upload', 'review', 'create', 'done'] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];
