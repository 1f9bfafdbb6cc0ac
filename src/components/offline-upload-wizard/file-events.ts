// The wizard's public events of a file — validated, edited, created and the cancelable before-create (a
// host's veto reaches the flow) — with what the live region says. None can fire before the session's file
// part is here, so they load with it (public-events.ts hands this module to the session as its file
// companion): no page pays for them before a file.
import { BeforeCreateEvent } from '../../events/before-create.js';
import { CreatedEvent } from '../../events/created.js';
import { EditedEvent } from '../../events/edited.js';
import { ValidatedEvent } from '../../events/validated.js';
import type { SessionEventMap } from '../../session/types.js';
import type { UploadSession } from '../../session/upload-session.js';
import type { FlowEventMap, WizardFlow } from '../../session/wizard-flow.js';
import type { Bridge } from './public-events.js';

/** Listens to the file's events of `session` and `flow` and dispatches them on `host`; returns what stops it. */
export function bridgeFileEvents(host: HTMLElement, session: UploadSession, flow: WizardFlow, bridge: Bridge): () => void {
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
  const onBeforeCreate = (e: FlowEventMap['before-create']): void => {
    if (!host.dispatchEvent(new BeforeCreateEvent(e.detail))) e.preventDefault();
  };
  session.addEventListener('validated', onValidated);
  session.addEventListener('created', onCreated);
  session.addEventListener('edited', onEdited);
  flow.addEventListener('before-create', onBeforeCreate);
  return () => {
    session.removeEventListener('validated', onValidated);
    session.removeEventListener('created', onCreated);
    session.removeEventListener('edited', onEdited);
    flow.removeEventListener('before-create', onBeforeCreate);
  };
}
