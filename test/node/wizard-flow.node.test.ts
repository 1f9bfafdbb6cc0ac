// WizardFlow without a DOM (node:test, as Vaadin tests its UploadManager): the step shown follows the
// session, presets skip choosing, Next waits for a loading template, Back and the stepper only reach what
// the flow allows, the create handshake (before-create, proceed, veto), the refused-file decision by issue
// scope, and the activity in one shape.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UnavailableError } from '../../src/backend/errors.js';
import type { Issue } from '../../src/core/issues.js';
import { isFileRefused } from '../../src/session/file-refused.js';
import { WizardFlow, type CreateRequest } from '../../src/session/wizard-flow.js';
import type { WizardStep } from '../../src/session/steps.js';
import { UploadSession } from '../../src/session/upload-session.js';
import type { SessionState } from '../../src/session/types.js';
import { FakeBackend, fireSafety } from '../session/fake-backend.js';
import { CLASSROOM_HEADER, classroomRows } from '../session/helpers.js';

const ALL = { activityId: fireSafety.id, domainId: 'dom-employees', identifierKind: 'email' } as const;

function until(flow: WizardFlow, test: () => boolean, what: string, ms = 5000): Promise<void> {
  if (test()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what} (step ${flow.step}, status ${flow.state.status})`)), ms);
    const check = (): void => {
      if (!test()) return;
      clearTimeout(timer);
      flow.removeEventListener('change', check);
      resolve();
    };
    flow.addEventListener('change', check);
  });
}

function make(backend = new FakeBackend()) {
  const session = new UploadSession(backend, { useWorker: false });
  const flow = new WizardFlow(session);
  const steps: WizardStep[] = [];
  flow.addEventListener('step-change', (e) => steps.push(e.detail.step));
  return { flow, session, backend, steps, state: (): SessionState => session.state };
}

const csvFile = (n: number): File => new File([[CLASSROOM_HEADER, ...classroomRows(n)].join('\r\n') + '\r\n'], 'records.csv', { type: 'text/csv' });

async function ready(n = 3) {
  const made = make();
  await made.flow.start(ALL);
  await until(made.flow, () => made.flow.step === 'template', 'the template step');
  await made.session.uploadFile(csvFile(n));
  await until(made.flow, () => made.flow.step === 'review' && made.state().status === 'ready', 'ready');
  return made;
}
describe('WizardFlow: steps follow the session', () => {
  it('starts at access, moves to choose once access is granted, and only forward steps the state allows are reachable', async () => {
    const { flow, steps } = make();
    assert.equal(flow.step, 'access');
    await flow.start();
    assert.equal(flow.step, 'choose');
    assert.deepEqual(steps, ['choose']);
    assert.equal(flow.reachable('template'), false);
    assert.equal(flow.goTo('template'), false);
    assert.equal(flow.step, 'choose');
    assert.equal(flow.previous, undefined, 'no Back from choose to the access check');
  });

  it('skips the choose step when activity, domain and identifier kind are all preset', async () => {
    const { flow, steps } = make();
    await flow.start(ALL);
    await until(flow, () => flow.step === 'template', 'the template step');
    assert.deepEqual(steps, ['choose', 'template']);
    assert.equal(flow.fixed('activity'), true);
    assert.equal(flow.fixed('identifierKind'), true);
    assert.equal(flow.fixed('category'), false, 'a choice the host did not preset is never shown fixed');
    assert.equal(flow.back(), true);
    assert.equal(flow.step, 'choose');
  });

  it('does not skip when a preset could not be applied: the admin sees the notice on the choose step', async () => {
    const { flow, session } = make();
    await flow.start({ ...ALL, domainId: 'dom-contractors' });
    await until(flow, () => session.state.spec.status !== 'loading' && session.state.spec.status !== 'idle', 'the spec settled');
    assert.equal(flow.step, 'choose');
    assert.ok(session.state.notices.length > 0);
  });

  it('Next while the template is loading is busy, then moves on by itself once it is ready', async () => {
    const backend = new FakeBackend();
    const held = backend.hold('getTemplateSpec');
    const { flow, session } = make(backend);
    await flow.start();
    session.selectActivity(fireSafety);
    session.selectDomain('dom-employees');
    await held.reached;
    assert.deepEqual(flow.chooseNext(), { moved: false, busy: true });
    assert.equal(flow.waiting, true);
    assert.equal(flow.step, 'choose');
    held.release();
    await until(flow, () => flow.step === 'template', 'the template step after the spec loaded');
    assert.equal(flow.waiting, false);
  });

  it('Next with a choice missing names the first missing one, and forgets it when the admin chooses', async () => {
    const { flow, session } = make();
    await flow.start();
    assert.deepEqual(flow.chooseNext(), { moved: false, busy: false, missing: 'activity' });
    assert.equal(flow.missing, 'activity');
    session.selectActivity(fireSafety);
    assert.equal(flow.missing, undefined);
    assert.deepEqual(flow.chooseNext(), { moved: false, busy: false, missing: 'domain' });
  });

  it('unlocking a preset shows it as a field again; start over unlocks every preset', async () => {
    const { flow } = make();
    await flow.start(ALL);
    await until(flow, () => flow.step === 'template', 'the template step');
    flow.unlock('activity');
    assert.equal(flow.fixed('activity'), false);
    assert.equal(flow.fixed('domain'), true);
    flow.startOver();
    assert.equal(flow.step, 'choose');
    assert.equal(flow.fixed('domain'), false);
  });

  it('an access failure shows the access step; retry starts again with the presets', async () => {
    const backend = new FakeBackend();
    backend.failNext.set('getPermissions', new UnavailableError('down', 'getPermissions', 503));
    const { flow, session } = make(backend);
    await flow.start(ALL);
    assert.equal(session.state.status, 'access-error');
    assert.equal(flow.step, 'access');
    await flow.retry();
    await until(flow, () => flow.step === 'template', 'the template step after retry');
  });
});

describe('WizardFlow: the file and the review', () => {
  it('a clean file goes to review; upload another goes back to upload with the choice kept', async () => {
    const made = (await ready());
    const { flow } = made;
    assert.equal(flow.reachable('create'), true);
    assert.equal(flow.previous, 'upload');
    flow.uploadAnother();
    assert.equal(flow.step, 'upload');
    assert.equal(made.state().status, 'selecting');
    assert.equal(made.state().spec.status, 'ready');
    assert.equal(flow.reachable('review'), false);
  });

  it('decides a refused file by the scope of its issues, not by how their codes are spelled', () => {
    const at = (issues: Issue[]): boolean => isFileRefused({ status: 'has-issues', issues });
    assert.equal(at([{ code: 'file-encrypted', message: '' }]), true);
    assert.equal(at([{ code: 'column-missing', column: 'Email', message: '' }]), true, 'a missing column refuses the file as a whole');
    assert.equal(at([{ code: 'file-empty', message: '' }, { code: 'cell-required', row: 3, message: '' }]), false);
    assert.equal(at([{ code: 'record-exists', row: 2, message: '' }]), false);
    assert.equal(at([]), false);
    assert.equal(isFileRefused({ status: 'ready', issues: [{ code: 'file-empty', message: '' }] }), false);
  });

  it('gives the activity in one shape, the chosen one', async () => {
    const { flow } = await ready();
    assert.deepEqual(flow.activity, fireSafety);
  });
});

describe('WizardFlow: the create handshake', () => {
  it('asks the host first (before-create), then opens the confirmation; confirming creates the records', async () => {
    const made = (await ready(3));
    const { flow, backend } = made;
    const asked: CreateRequest[] = [];
    flow.addEventListener('before-create', (e) => asked.push(e.detail));
    assert.equal(flow.requestCreate(), true);
    assert.equal(flow.confirming, true);
    assert.equal(asked.length, 1);
    assert.equal(asked[0]!.count, 3);
    assert.deepEqual(asked[0]!.activity, fireSafety);
    assert.ok(asked[0]!.uploadId);
    flow.confirmCreate();
    assert.equal(flow.confirming, false);
    await until(flow, () => flow.step === 'done', 'the done step');
    assert.equal(backend.recordsCreated, 3);
  });

  it('a host veto (preventDefault) creates nothing and opens no confirmation', async () => {
    const { flow, backend } = await ready();
    flow.addEventListener('before-create', (e) => e.preventDefault());
    assert.equal(flow.requestCreate(), false);
    assert.equal(flow.confirming, false);
    assert.equal(backend.commits.length, 0);
  });

  it('proceed() creates at once without the confirmation, only once, and never for another upload', async () => {
    const made = (await ready(2));
    const { flow, backend, session } = made;
    let proceed: (() => void) | undefined;
    flow.addEventListener('before-create', (e) => {
      e.preventDefault();
      proceed = e.detail.proceed;
    });
    flow.requestCreate();
    // The admin uploads another file while the host's own dialog is open: that proceed() is stale.
    flow.uploadAnother();
    await session.uploadFile(csvFile(4));
    await until(flow, () => made.state().status === 'ready', 'the new file ready');
    proceed!();
    proceed!();
    assert.equal(backend.commits.length, 0, 'the upload the host confirmed is gone; the new one was never confirmed');

    let second: (() => void) | undefined;
    flow.addEventListener('before-create', (e) => {
      second = e.detail.proceed;
    });
    flow.requestCreate();
    second!();
    second!();
    await until(flow, () => flow.step === 'done', 'the done step');
    assert.equal(backend.commits.length, 1);
    assert.equal(backend.recordsCreated, 4);
  });

  it('cancelling the confirmation creates nothing', async () => {
    const { flow, backend } = await ready();
    flow.requestCreate();
    flow.cancelCreate();
    assert.equal(flow.confirming, false);
    assert.equal(backend.commits.length, 0);
  });
});
