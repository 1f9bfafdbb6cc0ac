// What the wizard shell shares with its step elements through @lit/context: the session, the flow, the
// session's current state, the localizer, the live region and the host's options. A new value is
// provided at every change, so consumers that subscribe re-render from it.
import { createContext } from '@lit/context';
import type { DateOrder } from '../../core/read/types.js';
import type { Localizer, MessageOverrides } from '../../i18n/localize.js';
import type { SessionState } from '../../session/types.js';
import type { UploadSession } from '../../session/upload-session.js';
import type { WizardFlow } from '../../session/wizard-flow.js';

/** The host's settings a step needs (the wizard's attributes). */
export interface WizardOptions {
  readonly dateOrder?: DateOrder;
  readonly maxFileSize?: number;
  readonly maxRows?: number;
  readonly supportUrl?: string;
  readonly supportEmail?: string;
  readonly messages?: MessageOverrides;
}

export interface WizardContext {
  readonly session: UploadSession;
  readonly flow: WizardFlow;
  readonly state: SessionState;
  readonly localizer: Localizer;
  readonly options: WizardOptions;
  /** Says `message` in the wizard's one live region (assertive for failures). */
  readonly announce: (message: string, assertive?: boolean) => void;
}

export const wizardContext = createContext<WizardContext | undefined>(Symbol('offline-upload-wizard'));
