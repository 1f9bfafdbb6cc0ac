// The wizard's public events, made from the session's and the flow's: step-change and failed at once, and
// the events of a file (validated, edited, created, the cancelable before-create: file-events.ts) with the
// session's file part, which alone can cause them; with what the live region says.
import type { Localizer } from '../../i18n/localize.js';
import type { SessionFailure } from '../../session/failures.js';
import { WIZARD_STEPS } from '../../session/steps.js';
import type { SessionEventMap, SessionState } from '../../session/types.js';
import type { UploadSession } from '../../session/upload-session.js';
import type { FlowEventMap, WizardFlow } from '../../session/wizard-flow.js';
import { StepChangeEvent } from '../../events/step-change.js';

export interface Bridge {
  localizer(): Localizer;
  say(message: string, assertive?: boolean): void;
  state(state: SessionState): void;
  failed(failure: SessionFailure): void;
  stepChanged(): void;
}

/** Listens to `session` and `flow` and dispatches the public events on `host`; returns what stops it. */
export function bridgeEvents(host: HTMLElement, session: UploadSession, flow: WizardFlow, bridge: Bridge): () => void {
  let stopped = false;
  let stopFileEvents: (() => void) | undefined;
  // Loaded with the session's file part, before any file is read (a chunk that fails to load fails the
  // file's part as its own would: "part of the upload tool could not be loaded", retryable).
  session.fileCompanion = () =>
    import('./file-events.js').then(({ bridgeFileEvents }) => {
      if (!stopped) stopFileEvents ??= bridgeFileEvents(host, session, flow, bridge);
    });
  const onState = (e: SessionEventMap['statechange']): void => bridge.state(e.detail.state);
  const onFailed = (e: SessionEventMap['failed']): void => bridge.failed(e.detail.failure);
  const onStep = (e: FlowEventMap['step-change']): void => {
    const { step, previous } = e.detail;
    bridge.stepChanged();
    host.dispatchEvent(new StepChangeEvent({ step, previous, index: WIZARD_STEPS.indexOf(step) }));
  };
  session.addEventListener('statechange', onState);
  session.addEventListener('failed', onFailed);
  flow.addEventListener('step-change', onStep);
  return () => {
    stopped = true;
    stopFileEvents?.();
    session.fileCompanion = undefined;
    session.removeEventListener('statechange', onState);
    session.removeEventListener('failed', onFailed);
    flow.removeEventListener('step-change', onStep);
  };
}
