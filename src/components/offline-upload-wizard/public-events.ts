// The wizard's public events, made from the session's and the flow's: validated, edited, created, step-change
// and the cancelable before-create (a host's veto reaches the flow), with what the live region says.
import { BeforeCreateEvent } from '../../events/before-create.js';
import { CreatedEvent } from '../../events/created.js';
import { EditedEvent } from '../../events/edited.js';
import { StepChangeEvent } from '../../events/step-change.js';
import { ValidatedEvent } from '../../events/validated.js';
import type { Localizer } from '../../i18n/localize.js';
import type { SessionFailure } from '../../session/failures.js';
import { WIZARD_STEPS } from '../../session/steps.js';
import type { SessionEventMap, SessionState } from '../../session/types.js';
import type { UploadSession } from '../../session/upload-session.js';
import type { FlowEventMap, WizardFlow } from '../../session/wizard-flow.js';

export interface Bridge {
  localizer(): Localizer;
  say(message: string, assertive?: boolean): void;
  state(state: SessionState): void;
  failed(failure: SessionFailure): void;
  stepChanged(): void;
}

/** Listens to `session` and `flow` and dispatches the public events on `host`; returns what stops it. */
export function bridgeEvents(host: HTMLElement, session: UploadSession, flow: WizardFlow, bridge: Bridge): () => void {
  const onState = (e: SessionEventMap['statechange']): void => bridge.state(e.detail.state);
  const onValidated = (e: SessionEventMap['validated']): void => {
    const { summary, issues } = e.detail;
    const fileName = session.state.file?.name;
    host.dispatchEvent(new ValidatedEvent({ summary, issues, ...(fileName ? { fileName } : {}) }));
    const l = bridge.localizer();
    bridge.say(issues.length > 0 ? l.t('announceIssues', { count: issues.length }) : l.t('announceReady', { count: summary.records }));
  };
  const onCreated = (e: SessionEventMap['created']): void => {
    const { result, activity, editedRows, deletedRows } = e.detail;
    const unchanged = result.unchanged ?? 0;
    host.dispatchEvent(new CreatedEvent({ uploadId: result.uploadId, count: result.created, unchanged, activity, result, editedRows, deletedRows }));
    const l = bridge.localizer();
    bridge.say([l.t('announceCreated', { count: result.created }), ...(unchanged > 0 ? [l.t('doneUnchanged', { count: unchanged })] : [])].join(' '));
  };
  const onEdited = (e: SessionEventMap['edited']): void => {
    const fileName = session.state.file?.name;
    host.dispatchEvent(new EditedEvent({ changes: e.detail.changes, ...(fileName ? { fileName } : {}) }));
  };
  const onFailed = (e: SessionEventMap['failed']): void => bridge.failed(e.detail.failure);
  const onStep = (e: FlowEventMap['step-change']): void => {
    const { step, previous } = e.detail;
    bridge.stepChanged();
    host.dispatchEvent(new StepChangeEvent({ step, previous, index: WIZARD_STEPS.indexOf(step) }));
  };
  const onBeforeCreate = (e: FlowEventMap['before-create']): void => {
    if (!host.dispatchEvent(new BeforeCreateEvent(e.detail))) e.preventDefault();
  };
  session.addEventListener('statechange', onState);
  session.addEventListener('validated', onValidated);
  session.addEventListener('created', onCreated);
  session.addEventListener('edited', onEdited);
  session.addEventListener('failed', onFailed);
  flow.addEventListener('step-change', onStep);
  flow.addEventListener('before-create', onBeforeCreate);
  return () => {
    session.removeEventListener('statechange', onState);
    session.removeEventListener('validated', onValidated);
    session.removeEventListener('created', onCreated);
    session.removeEventListener('edited', onEdited);
    session.removeEventListener('failed', onFailed);
    flow.removeEventListener('step-change', onStep);
    flow.removeEventListener('before-create', onBeforeCreate);
  };
}
