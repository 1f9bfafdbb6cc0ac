// UploadSession, first steps: the access check, the lists, presets, and how choices follow each other.
import { expect } from '@open-wc/testing';
import { NoAccessError, UnavailableError } from '../../src/backend/errors.js';
import { UploadSession } from '../../src/session/upload-session.js';
import { FakeBackend, firstAid, fireSafety, forklift } from './fake-backend.js';
import { noticeWords, record, until, words } from './helpers.js';

async function started(backend = new FakeBackend(), preset?: Parameters<UploadSession['start']>[0]) {
  const session = new UploadSession(backend, { useWorker: false });
  await session.start(preset);
  return { session, backend };
}

describe('UploadSession: access', () => {
  it('goes to no-access with the LMS reason and contacts when the admin may not upload', async () => {
    const backend = new FakeBackend();
    backend.permissions = { canUpload: false, reason: 'Only LMS administrators may upload records.', contactEmail: 'lms@example.com' };
    const { session } = await started(backend);
    expect(session.state.status).to.equal('no-access');
    expect(session.state.permissions?.reason).to.equal('Only LMS administrators may upload records.');
    expect(session.state.permissions?.contactEmail).to.equal('lms@example.com');
    expect(backend.count('listCategories')).to.equal(0);
  });

  it('treats a 401/403 on the access check as no access', async () => {
    const backend = new FakeBackend();
    backend.failNext.set('getPermissions', new NoAccessError('Your session has expired.', 'getPermissions', 401));
    const { session } = await started(backend);
    expect(session.state.status).to.equal('no-access');
    expect(session.state.permissions).to.deep.equal({ canUpload: false, reason: 'Your session has expired.' });
  });

  it('goes to access-error with a retryable failure when the check itself fails, and recovers on start()', async () => {
    const backend = new FakeBackend();
    backend.failNext.set('getPermissions', new UnavailableError('The LMS did not answer within 30 s.', 'getPermissions', 503));
    const session = new UploadSession(backend, { useWorker: false });
    const events = record(session, 'failed');
    await session.start();
    expect(session.state.status).to.equal('access-error');
    expect(session.state.failure?.retryable).to.equal(true);
    expect(session.state.failure?.code).to.equal('access-check-failed');
    // The LMS's own text is kept for support; the admin reads words made from the code.
    expect(session.state.failure?.detail?.message).to.contain('The LMS did not answer within 30 s');
    expect(words(session.state.failure)).to.contain('Nothing was created');
    expect(events).to.have.length(1);

    await session.start();
    expect(session.state.status).to.equal('selecting');
    expect(session.state.failure).to.equal(undefined);
  });

  it('loads categories and domains once access is granted', async () => {
    const { session } = await started();
    expect(session.state.status).to.equal('selecting');
    expect(session.state.categories.status).to.equal('ready');
    expect(session.state.categories.value?.map((c) => c.id)).to.deep.equal(['cat-hse', 'cat-ops']);
    expect(session.state.domains.status).to.equal('ready');
    expect(session.state.spec.status).to.equal('idle');
  });

  it('shows a list that failed to load as an error, without blocking the other', async () => {
    const backend = new FakeBackend();
    backend.failNext.set('listDomains', new UnavailableError('Service unavailable.', 'listDomains', 503));
    const { session } = await started(backend);
    expect(session.state.status).to.equal('selecting');
    expect(session.state.categories.status).to.equal('ready');
    expect(session.state.domains.status).to.equal('error');
    expect(session.state.domains.failure?.code).to.equal('domains-failed');
    expect(words(session.state.domains.failure)).to.contain('domains could not be loaded');
  });
});

describe('UploadSession: presets', () => {
  it('applies every preset as if chosen, fetching the activity, and loads the spec', async () => {
    const { session, backend } = await started(undefined, {
      categoryId: 'cat-hse',
      activityId: fireSafety.id,
      domainId: 'dom-employees',
      identifierKind: 'email',
    });
    expect(backend.count('getActivity')).to.equal(1);
    expect(session.state.selection).to.deep.equal({ categoryId: 'cat-hse', activity: fireSafety, domainId: 'dom-employees', identifierKind: 'email' });
    const state = await until(session, (s) => s.spec.status === 'ready');
    expect(state.spec.value?.activity.id).to.equal(fireSafety.id);
    expect(state.notices).to.deep.equal([]);
  });

  it('takes the category from a preset activity and the first identifier of a preset domain', async () => {
    const { session } = await started(undefined, { activityId: forklift.id, domainId: 'dom-warehouse' });
    expect(session.state.selection.categoryId).to.equal('cat-ops');
    expect(session.state.selection.identifierKind).to.equal('employeeId');
  });

  it('leaves unknown presets empty and says why in a notice', async () => {
    const { session } = await started(undefined, { activityId: 'act-gone', domainId: 'dom-nowhere', categoryId: 'cat-hse' });
    expect(session.state.status).to.equal('selecting');
    expect(session.state.selection).to.deep.equal({ categoryId: 'cat-hse' });
    expect(session.state.notices).to.deep.include({ code: 'preset-activity-missing', params: { id: 'act-gone' } });
    expect(session.state.notices).to.deep.include({ code: 'preset-domain-missing', params: { id: 'dom-nowhere' } });
    expect(noticeWords(session.state.notices)).to.contain('activity chosen for you was not found');
    expect(session.state.failure).to.equal(undefined);
  });

  it('lets a choice the admin made while the lists were loading win over the presets', async () => {
    const backend = new FakeBackend();
    const held = backend.hold('listDomains');
    const session = new UploadSession(backend, { useWorker: false });
    const start = session.start({ activityId: forklift.id });
    await held.reached;
    session.selectActivity(firstAid);
    held.release();
    await start;
    expect(session.state.selection.activity?.id).to.equal(firstAid.id);
  });

  it('replaces an identifier the preset domain does not offer with its first one', async () => {
    const { session } = await started(undefined, { domainId: 'dom-contractors', identifierKind: 'email' });
    expect(session.state.selection.identifierKind).to.equal('username');
    expect(session.state.notices).to.deep.equal([{ code: 'preset-identifier-kind-missing', params: { id: 'email' } }]);
    expect(noticeWords(session.state.notices)).to.contain('is not offered by this user domain');
  });
});

describe('UploadSession: choosing', () => {
  it('loads the spec only when activity, domain and identifier are all chosen', async () => {
    const { session, backend } = await started();
    session.selectCategory('cat-hse');
    session.selectActivity(fireSafety);
    expect(session.state.spec.status).to.equal('idle');
    session.selectDomain('dom-employees');
    expect(session.state.selection.identifierKind).to.equal('email');
    expect(session.state.spec.status).to.equal('loading');
    const state = await until(session, (s) => s.spec.status !== 'loading');
    expect(state.spec.status).to.equal('ready');
    expect(backend.count('getTemplateSpec')).to.equal(1);
  });

  it('keeps the activity when the domain changes, and picks an identifier the new domain offers', async () => {
    const { session } = await started(undefined, { activityId: forklift.id, domainId: 'dom-employees', identifierKind: 'email' });
    session.selectDomain('dom-warehouse');
    expect(session.state.selection.activity?.id).to.equal(forklift.id);
    expect(session.state.selection.identifierKind).to.equal('employeeId');
    // …and keeps an identifier the new domain also offers.
    session.selectDomain('dom-employees');
    expect(session.state.selection.identifierKind).to.equal('employeeId');
  });

  it('drops the activity when the category changes to another, keeps it when the category matches', async () => {
    const { session } = await started(undefined, { activityId: firstAid.id });
    expect(session.state.selection.categoryId).to.equal('cat-hse');
    session.selectCategory('cat-hse');
    expect(session.state.selection.activity?.id).to.equal(firstAid.id);
    session.selectCategory('cat-ops');
    expect(session.state.selection.activity).to.equal(undefined);
    expect(session.state.spec.status).to.equal('idle');
  });

  it('searches activities within the chosen category', async () => {
    const { session, backend } = await started();
    session.selectCategory('cat-hse');
    const page = await session.searchActivities('  aid ', { limit: 10 });
    expect(page.items.map((a) => a.id)).to.deep.equal([firstAid.id]);
    expect(backend.calls.find((c) => c.method === 'searchActivities')?.args[0]).to.deep.equal({ categoryId: 'cat-hse', text: 'aid', limit: 10 });
  });

  it('shows a spec the LMS does not have as an error the admin can act on', async () => {
    const { session } = await started(undefined, { activityId: forklift.id, domainId: 'dom-contractors' });
    const state = await until(session, (s) => s.spec.status !== 'loading');
    expect(state.spec.status).to.equal('error');
    expect(state.spec.failure?.code).to.equal('spec-not-found');
    expect(words(state.spec.failure)).to.contain('No template is available');
  });

  it('refuses a template the backend made for another choice (a host backend that answers the wrong one)', async () => {
    const backend = new FakeBackend();
    const load = backend.getTemplateSpec.bind(backend);
    backend.getTemplateSpec = (query, options) => load({ ...query, activityId: forklift.id, identifierKind: 'employeeId' }, options);
    const { session } = await started(backend, { activityId: fireSafety.id, domainId: 'dom-employees', identifierKind: 'email' });
    const state = await until(session, (s) => s.spec.status !== 'loading');
    expect(state.spec.status).to.equal('error');
    expect(state.spec.value).to.equal(undefined);
    expect(state.spec.failure?.code).to.equal('spec-mismatch');
    expect(words(state.spec.failure)).to.contain('template made for another choice');
  });

  it('abandons a spec load when the choice changes before it answers', async () => {
    const backend = new FakeBackend();
    const { session } = await started(backend);
    // A backend that answers even after the abort: the session itself must drop the late answer.
    const held = backend.hold('getTemplateSpec', { ignoreAbort: true });
    const answers: Promise<unknown>[] = [];
    const load = backend.getTemplateSpec.bind(backend);
    backend.getTemplateSpec = (query, options) => {
      const answer = load(query, options);
      answers.push(answer);
      return answer;
    };
    session.selectActivity(fireSafety);
    session.selectDomain('dom-employees');
    await held.reached;
    session.selectActivity(firstAid); // firstAid has no e-mail template: the second load fails
    const state = await until(session, (s) => s.spec.status !== 'loading');
    expect(state.spec.status).to.equal('error');
    held.release(); // the first answer arrives late and must not win
    // The session's handler of that answer was attached first, so it has run once this await resumes.
    expect(await answers[0]).to.have.nested.property('activity.id', fireSafety.id);
    expect(session.state.spec.status).to.equal('error');
    expect(session.state.spec.value).to.equal(undefined);
  });

  it('fires statechange with the previous state on every change, each state a new frozen object', async () => {
    const backend = new FakeBackend();
    const session = new UploadSession(backend, { useWorker: false });
    const events = record(session, 'statechange');
    await session.start();
    expect(events.length).to.be.greaterThan(2);
    const details = events.map((e) => e.detail as { state: object; previous: object });
    for (let i = 1; i < details.length; i++) expect(details[i]!.previous).to.equal(details[i - 1]!.state);
    expect(Object.isFrozen(session.state)).to.equal(true);
  });

  it('startOver clears the choice but keeps the lists and access', async () => {
    const { session } = await started(undefined, { activityId: fireSafety.id, domainId: 'dom-employees' });
    session.startOver();
    expect(session.state.selection).to.deep.equal({});
    expect(session.state.spec.status).to.equal('idle');
    expect(session.state.categories.status).to.equal('ready');
    expect(session.state.status).to.equal('selecting');
  });
});
