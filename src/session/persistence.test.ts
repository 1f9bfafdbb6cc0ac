// Work never lost: a WorkKeeper saves the checked file, the choices and the fixes, and a keeper of a new
// session on the same key (what a reload makes) offers them back and lands on the same review — against
// the demo LMS behind msw. Created records, start over and a host's clear forget the work.
import { expect } from '@open-wc/testing';
import { demoLms } from '../../test/backend/demo-lms.js';
import { DEMO } from '../../demo/mocks/data.js';
import { CLASSROOM_HEADER, csv, until } from '../../test/session/helpers.js';
import { RestBackend } from '../backend/rest-backend.js';
import { WorkKeeper } from './persistence.js';
import { SavedWorkStore } from './saved-work-face.js';
import { UploadSession } from './upload-session.js';
import { WizardFlow } from './wizard-flow.js';

const ACTIVITY = DEMO.activities.classroom;
const PRESET = { activityId: ACTIVITY, domainId: DEMO.domains.employees, identifierKind: 'email' };
const people = DEMO.employees.slice(0, 6);
const line = (email: string, date: string, status: string) => `${email},${date},${status},Sam Lee,`;
const HOUR = 60 * 60 * 1000;

/** A wizard's flow and keeper as a page load makes them (nothing shared with an earlier "page"). */
function page(slot = 'test-page', keepMs = HOUR) {
  const session = new UploadSession(new RestBackend({ baseUrl: '/api/lms', timeoutMs: 5000 }), { chunkSize: 5, maxRows: 200 });
  const flow = new WizardFlow(session);
  const keeper = new WorkKeeper(flow, { slot, keepMs, debounceMs: 20 });
  return { session, flow, keeper, leave: () => (keeper.dispose(), flow.dispose(), session.dispose()) };
}

async function chosen(p: ReturnType<typeof page>): Promise<void> {
  await p.flow.start(PRESET);
  await until(p.session, (st) => st.spec.status === 'ready');
}

/** What the admin sees of the review: issues, the rows' cells, what is edited and deleted. */
function review(p: ReturnType<typeof page>) {
  const st = p.session.state;
  return {
    status: st.status,
    step: p.flow.step,
    issues: st.issues.map((i) => [i.row, i.columnKey, i.code]),
    rows: st.rows?.map((r) => [r.row, r.cells['identifier'], r.cells['completionDate'], r.cells['status']]),
    edits: st.editing?.edits,
    deleted: st.editing?.deleted,
    canUndo: st.editing?.canUndo,
    file: st.file?.name,
  };
}

const FILE = () =>
  csv(
    [
      CLASSROOM_HEADER,
      line(people[0]!.email, '10/03/2026', 'Completed'),
      line('not-an-email', '11/03/2026', 'Completed'), // row 3: fixed in place
      line(people[2]!.email, '31/02/2026', 'Maybe'), // row 4: one of two fixed
      line(people[3]!.email, '12/03/2026', 'Attended'),
      line('junk row', '', ''), // row 6: deleted on purpose
    ],
    'March sessions.csv',
  );

describe('WorkKeeper: work kept across a reload', () => {
  afterEach(() => SavedWorkStore.clearAll());

  it('a reload mid-review offers the work back and continuing lands on the same review (issues, edited values, deleted rows, undo)', async () => {
    await demoLms();
    const before = page();
    await before.keeper.ready;
    expect(before.keeper.offer).to.equal(undefined);
    await chosen(before);
    await before.session.uploadFile(FILE());
    await before.session.editCells([{ row: 3, columnKey: 'identifier', value: people[1]!.email }]);
    await before.session.editCells([{ row: 4, columnKey: 'status', value: 'Attended' }]);
    await before.session.deleteRows([6]);
    const seen = review(before);
    expect(seen.status).to.equal('has-issues');
    expect(seen.issues).to.deep.equal([[4, 'completionDate', 'cell-date-invalid']]);
    expect(before.keeper.hasWork).to.equal(true);
    // The last fix is saved after its pause; then the page goes away without a word to the session.
    await new Promise((r) => setTimeout(r, 100));
    before.leave();

    const after = page();
    await after.keeper.ready;
    const offer = after.keeper.offer!;
    expect(offer).to.deep.include({ fileName: 'March sessions.csv', activityId: ACTIVITY, changes: 3, committing: false });
    expect(offer.activityName).to.be.a('string').and.not.equal('');
    expect(Date.now() - offer.savedAt.getTime()).to.be.below(60_000);
    await after.flow.start({}); // the page's wizard starts with no presets at all
    await until(after.session, (st) => st.status === 'selecting');

    const restored = new Promise<CustomEvent>((resolve) => after.keeper.addEventListener('restored', resolve, { once: true }));
    expect(await after.keeper.resume()).to.equal(true);
    expect((await restored).detail).to.deep.include({ fileName: 'March sessions.csv', step: 'review' });
    expect(after.keeper.offer).to.equal(undefined);
    expect(review(after)).to.deep.equal(seen);
    expect(after.session.state.selection.activity?.id).to.equal(ACTIVITY);

    // The fixes came back step by step: Undo takes back the deletion, as before the reload.
    await after.session.undoEdit();
    await until(after.session, (st) => st.editing?.checking === false);
    expect(after.session.state.editing?.deleted).to.deep.equal([]);
    expect(after.session.state.issues.map((i) => i.row)).to.include(6);
    after.leave();
  });

  it('creating the records forgets the work; so do start over and a new file', async () => {
    const controls = await demoLms();
    const p = page();
    await chosen(p);
    await p.session.uploadFile(csv([CLASSROOM_HEADER, line(people[0]!.email, '10/03/2026', 'Completed'), line('bad', '11/03/2026', 'Completed')]));
    await p.session.editCells([{ row: 3, columnKey: 'identifier', value: people[1]!.email }]);
    await until(p.session, (st) => st.status === 'ready');
    expect(await saved('test-page')).to.equal(true);
    await p.session.commit();
    expect(p.session.state.status).to.equal('created');
    expect(controls.lms.uploadedRecords(ACTIVITY)).to.have.length(2);
    expect(await saved('test-page')).to.equal(false);
    expect(p.keeper.hasWork).to.equal(false);

    await p.session.uploadFile(csv([CLASSROOM_HEADER, line('bad', '11/03/2026', 'Completed')]));
    await waitSaved('test-page');
    p.flow.startOver();
    expect(await saved('test-page')).to.equal(false);

    await chosen(p);
    await p.session.uploadFile(csv([CLASSROOM_HEADER, line('bad', '11/03/2026', 'Completed')], 'first.csv'));
    await waitSaved('test-page');
    p.flow.uploadAnother();
    expect(await saved('test-page')).to.equal(false);
    p.leave();
  });

  it('keeps nothing when kept for 0 hours, and forgets what an earlier setting kept', async () => {
    await demoLms();
    const first = page('zero');
    await chosen(first);
    await first.session.uploadFile(csv([CLASSROOM_HEADER, line('bad', '11/03/2026', 'Completed')]));
    await waitSaved('zero');
    first.leave();
    const off = page('zero', 0);
    await off.keeper.ready;
    expect(off.keeper.enabled).to.equal(false);
    expect(off.keeper.offer).to.equal(undefined);
    expect(await saved('zero')).to.equal(false);
    await chosen(off);
    await off.session.uploadFile(csv([CLASSROOM_HEADER, line('bad', '11/03/2026', 'Completed')]));
    await new Promise((r) => setTimeout(r, 100));
    expect(await saved('zero')).to.equal(false);
    // Leaving would still lose the file: the page's guard holds while there is work, saved or not.
    expect(off.keeper.hasWork).to.equal(true);
    off.leave();
  });

  it('starting over from the offer forgets it; a host clear forgets it and stops guarding the file on screen', async () => {
    await demoLms();
    const before = page();
    await chosen(before);
    await before.session.uploadFile(csv([CLASSROOM_HEADER, line('bad', '11/03/2026', 'Completed')]));
    await waitSaved('test-page');
    before.leave();
    const after = page();
    await after.keeper.ready;
    expect(after.keeper.offer).to.exist;
    await after.keeper.discard();
    expect(after.keeper.offer).to.equal(undefined);
    expect(await saved('test-page')).to.equal(false);

    await chosen(after);
    await after.session.uploadFile(csv([CLASSROOM_HEADER, line('bad', '11/03/2026', 'Completed')]));
    await waitSaved('test-page');
    expect(after.keeper.hasWork).to.equal(true);
    await after.keeper.clear();
    expect(await saved('test-page')).to.equal(false);
    expect(after.keeper.hasWork).to.equal(false);
    await after.session.editCells([{ row: 2, columnKey: 'identifier', value: people[0]!.email }]);
    await new Promise((r) => setTimeout(r, 100));
    expect(await saved('test-page')).to.equal(false);
    after.leave();
  });

  it('a commit the reload cut off is settled with its own key: the records are created once', async () => {
    const controls = await demoLms();
    const before = page();
    await chosen(before);
    await before.session.uploadFile(csv([CLASSROOM_HEADER, line(people[0]!.email, '10/03/2026', 'Completed'), line(people[1]!.email, '11/03/2026', 'Attended')], 'two.csv'));
    await until(before.session, (st) => st.status === 'ready');
    before.flow.goTo('create');
    const summary = before.session.state.summary!;
    const work = before.session.work!;
    // The commit reaches the LMS, but the page is reloaded before its answer: what was saved when
    // creating began is all the next page knows.
    const store = new SavedWorkStore({ slot: 'test-page' });
    await before.session.commit();
    before.leave();
    expect(controls.lms.uploadedRecords(ACTIVITY)).to.have.length(2);
    await store.save({
      selection: { activityId: ACTIVITY, activityName: 'Fire Safety Induction', domainId: DEMO.domains.employees, identifierKind: 'email' },
      file: { name: 'two.csv', bytes: work.blob },
      edits: [],
      deleted: [],
      steps: [],
      staged: work.staged!,
      committing: true,
      summary,
      step: 'create',
    });

    const after = page();
    await after.keeper.ready;
    expect(after.keeper.offer).to.deep.include({ committing: true });
    await after.flow.start({});
    await until(after.session, (st) => st.status === 'selecting');
    expect(await after.keeper.resume()).to.equal(true);
    expect(after.session.state.status).to.equal('commit-failed');
    expect(after.session.state.failure).to.deep.include({ code: 'commit-unavailable', retryable: true });
    expect(after.session.state.uploadId).to.equal(work.staged!.uploadId);
    expect(after.flow.step).to.equal('create');
    after.flow.retryCreate();
    await until(after.session, (st) => st.status === 'created');
    expect(after.session.state.result?.replayed).to.equal(true);
    expect(controls.lms.uploadedRecords(ACTIVITY)).to.have.length(2);
    expect(await saved('test-page')).to.equal(false);
    after.leave();
  });
});

async function saved(slot: string): Promise<boolean> {
  return (await new SavedWorkStore({ slot }).load()) !== undefined;
}

async function waitSaved(slot: string): Promise<void> {
  const end = performance.now() + 5000;
  while (!(await saved(slot))) {
    if (performance.now() > end) throw new Error(`nothing saved in ${slot}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
