// The wizard's public events: names with one prefix, typed details, the cancelable before-create
// (veto, or the host's own confirmation through proceed()), created and failed — and the live region.
import { expect, oneEvent } from '@open-wc/testing';
import { NotFoundError, UnavailableError } from '../../src/backend/errors.js';
import {
  BEFORE_CREATE_EVENT,
  CREATED_EVENT,
  FAILED_EVENT,
  STEP_CHANGE_EVENT,
  VALIDATED_EVENT,
  type StepChangeDetail,
  type StepChangeEvent,
  type ValidatedEvent,
} from '../../src/events/index.js';
import { $, atStep, badFile, button, choose, cleanFile, drop, FakeBackend, mount, toReady, untilStatus, waitFor, $$ } from './helpers.js';

describe('<offline-upload-wizard> events', () => {
  it('names every event with the one prefix', () => {
    for (const name of [STEP_CHANGE_EVENT, VALIDATED_EVENT, BEFORE_CREATE_EVENT, CREATED_EVENT, FAILED_EVENT]) {
      expect(name).to.match(/^offline-upload-[a-z-]+$/);
    }
  });

  it('fires step-change with the step, the previous one and its index, bubbling to the host page', async () => {
    const seen: StepChangeDetail[] = [];
    const listener = (e: StepChangeEvent) => seen.push(e.detail);
    document.addEventListener(STEP_CHANGE_EVENT, listener);
    try {
      const { el } = await mount();
      await choose(el);
      el.goToStep('template');
      await atStep(el, 'template');
      expect(seen).to.deep.equal([
        { step: 'choose', previous: 'access', index: 1 },
        { step: 'template', previous: 'choose', index: 2 },
      ]);
    } finally {
      document.removeEventListener(STEP_CHANGE_EVENT, listener);
    }
  });

  it('fires validated with the summary, the issues and the file name', async () => {
    const { el } = await mount();
    await choose(el);
    el.goToStep('upload');
    await el.updateComplete;
    const event = oneEvent(el, VALIDATED_EVENT);
    await drop(el, await badFile());
    const { detail } = (await event) as ValidatedEvent;
    expect(detail.fileName).to.equal('bad.xlsx');
    expect(detail.issues.length).to.be.greaterThan(2);
    expect(detail.issues.every((i) => i.row === 5 || i.row === 6)).to.equal(true);
    expect(detail.summary.issues).to.equal(detail.issues.length);
  });

  it('before-create vetoed by preventDefault: no confirmation, nothing created', async () => {
    const { el, backend } = await toReady();
    el.goToStep('create');
    await atStep(el, 'create');
    el.addEventListener(BEFORE_CREATE_EVENT, (e) => e.preventDefault(), { once: true });
    const event = oneEvent(el, BEFORE_CREATE_EVENT);
    button(el, 'Create records').click();
    const { detail, cancelable } = await event;
    expect(cancelable).to.equal(true);
    expect(detail.count).to.equal(5);
    expect(detail.activity.id).to.equal('act-fire-101');
    expect(detail.summary.records).to.equal(5);
    await el.updateComplete;
    expect($<HTMLDialogElement>(el, 'dialog').open).to.equal(false);
    expect(backend.commits.length).to.equal(0);
  });

  it('before-create confirmed in the host’s own dialog: proceed() creates without ours', async () => {
    const { el, backend } = await toReady();
    el.goToStep('create');
    await atStep(el, 'create');
    let proceed: (() => void) | undefined;
    el.addEventListener(BEFORE_CREATE_EVENT, (e) => {
      e.preventDefault();
      proceed = e.detail.proceed;
    }, { once: true });
    button(el, 'Create records').click();
    await el.updateComplete;
    expect($<HTMLDialogElement>(el, 'dialog').open).to.equal(false);
    const created = oneEvent(el, CREATED_EVENT);
    proceed!();
    proceed!();
    const { detail } = await created;
    expect(detail).to.include({ count: 5 });
    expect(detail.uploadId).to.equal(detail.result.uploadId);
    expect(detail.activity.id).to.equal('act-fire-101');
    expect(backend.commits.length).to.equal(1);
    expect(backend.recordsCreated).to.equal(5);
  });

  it('before-create: a late proceed() creates nothing once another file was uploaded', async () => {
    const { el, backend } = await toReady();
    el.goToStep('create');
    await atStep(el, 'create');
    let proceed: (() => void) | undefined;
    el.addEventListener(BEFORE_CREATE_EVENT, (e) => {
      e.preventDefault();
      proceed = e.detail.proceed;
    }, { once: true });
    button(el, 'Create records').click();
    await el.updateComplete;
    // While the host's dialog is open, the admin uploads another file (3 records, not the 5 confirmed).
    const session = el.uploadSession!;
    const before = session.state.summary;
    await session.uploadFile(await cleanFile(3), 'other.xlsx');
    await untilStatus(el, 'ready');
    expect(session.state.summary).not.to.equal(before);
    proceed!();
    await el.updateComplete;
    expect(session.state.status).to.equal('ready');
    expect(backend.commits.length).to.equal(0);
    expect(backend.recordsCreated).to.equal(0);
  });

  it('fires failed on a lost commit, announces it assertively, and Retry reuses the idempotency key', async () => {
    const { el, backend } = await toReady();
    el.goToStep('create');
    await atStep(el, 'create');
    // Fails every time: the session's automatic retries (3 tries) end, then the admin's Try again.
    backend.failAlways.set('commitUpload', new UnavailableError('The LMS timed out.', 'commitUpload', 504));
    const failed = oneEvent(el, FAILED_EVENT);
    button(el, 'Create records').click();
    await el.updateComplete;
    button(el, 'Create 5 records').click();
    const { detail } = await failed;
    expect(detail.step).to.equal('create');
    expect(detail.failure.kind).to.equal('unavailable');
    expect(detail.failure.retryable).to.equal(true);
    await untilStatus(el, 'commit-failed');
    const live = $(el, '[data-live]');
    await waitFor(() => live.textContent!.includes('did not confirm'), 'the failure announced');
    expect(live.getAttribute('aria-live')).to.equal('assertive');
    expect($(el, '.alert.error').textContent).to.contain('did not confirm');
    // The answer was lost: the LMS may have created them, so the heading does not say it did not.
    expect($(el, '[data-step-heading]').textContent).to.equal('The LMS did not confirm the records');

    const created = oneEvent(el, CREATED_EVENT);
    backend.failAlways.delete('commitUpload');
    button(el, 'Try again').click();
    await created;
    expect(backend.commits.length).to.equal(4);
    expect(new Set(backend.commits.map((c) => c.request.idempotencyKey)).size).to.equal(1);
    await atStep(el, 'done');
    await waitFor(() => live.textContent === '5 records created.', 'the creation announced');
    expect(live.getAttribute('aria-live')).to.equal('polite');
  });

  it('a commit whose upload is gone says the records were not created, and offers to upload again', async () => {
    const { el, backend } = await toReady();
    el.goToStep('create');
    await atStep(el, 'create');
    backend.failNext.set('commitUpload', new NotFoundError('No such upload.', 'commitUpload', 404));
    button(el, 'Create records').click();
    await el.updateComplete;
    button(el, 'Create 5 records').click();
    await untilStatus(el, 'commit-failed');
    expect($(el, '[data-step-heading]').textContent).to.equal('The records were not created');
    expect($$(el, '#retry-create')).to.deep.equal([]);
    expect(button(el, 'Upload another file for this activity')).to.exist;
    expect(backend.recordsCreated).to.equal(0);
  });

  it('announces progress politely, by phase and quarter, not at every tick', async () => {
    const backend = new FakeBackend();
    const { el } = await mount(backend);
    await choose(el);
    el.goToStep('upload');
    await el.updateComplete;
    const live = $(el, '[data-live]');
    const heard: string[] = [];
    new MutationObserver(() => live.textContent && heard.push(live.textContent)).observe(live, { childList: true, subtree: true, characterData: true });
    const hold = backend.hold('dryRunChunk');
    await drop(el, await cleanFile(3));
    await hold.reached;
    await waitFor(() => heard.at(-1)?.startsWith('Checking the records with the LMS'), 'the dry run announced');
    expect(live.getAttribute('aria-live')).to.equal('polite');
    expect(heard.at(-1)).to.equal('Checking the records with the LMS… 30%');
    hold.release();
    await untilStatus(el, 'ready');
    await waitFor(() => heard.at(-1)?.startsWith('No issues'), 'the outcome announced');
    expect(heard.length).to.be.lessThan(8);
  });
});
