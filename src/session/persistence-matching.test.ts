// Work never lost, for a file whose columns the admin matched: after a reload, Continue lands on the same
// review with the confirmed mapping and the date order chosen for a column — not on the matching screen
// again — whether or not this browser still remembers the mapping for the activity (MatchMemory).
import { expect } from '@open-wc/testing';
import { demoLms } from '../../test/backend/demo-lms.js';
import { DEMO } from '../../demo/mocks/data.js';
import { csv, until } from '../../test/session/helpers.js';
import { RestBackend } from '../backend/rest-backend.js';
import { MatchMemory } from './matching.js';
import { WorkKeeper } from './persistence.js';
import { SavedWorkStore } from './saved-work-face.js';
import { UploadSession } from './upload-session.js';
import { WizardFlow } from './wizard-flow.js';

/** localStorage's shape in memory, so that each test says what the browser remembers. */
function memoryStorage(): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> {
  const data = new Map<string, string>();
  return { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

const PRESET = { activityId: DEMO.activities.classroom, domainId: DEMO.domains.employees, identifierKind: 'email' };
const people = DEMO.employees.slice(0, 4);
const HOUR = 60 * 60 * 1000;

/**
 * The admin's own export: their headers in another order and an extra column, US dates. Read month first
 * automatically; the admin switches the column back to day first, which makes rows 3 and 4 impossible dates.
 */
const OWN = () =>
  csv(
    [
      'Learner name,E-mail address,Date completed,Attendance,Instructor',
      `Ana Lima,${people[0]!.email},3/10/2025,Completed,Sam Lee`,
      `Ben Ode,${people[1]!.email},12/25/2025,Completed,Sam Lee`,
      `Cleo Diaz,${people[2]!.email},1/13/2025,Attended,Sam Lee`,
      `Dan Eke,not-an-email,4/11/2025,Attended,Sam Lee`,
    ],
    'own export.csv',
  );
const MAPPING = { headerRow: 1, columns: { identifier: 1, completionDate: 2, status: 3, trainer: 4, comments: null } };

/** A wizard's session, flow and keeper as a page load makes them, with the browser's column memory. */
function page(storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>) {
  const session = new UploadSession(new RestBackend({ baseUrl: '/api/lms', timeoutMs: 5000 }), { chunkSize: 5, maxRows: 200, matchMemory: new MatchMemory({ storage }) });
  const flow = new WizardFlow(session);
  const keeper = new WorkKeeper(flow, { slot: 'matching-page', keepMs: HOUR, debounceMs: 20 });
  return { session, flow, keeper, leave: () => (keeper.dispose(), flow.dispose(), session.dispose()) };
}

const settled = (st: UploadSession['state']) => st.status === 'has-issues' || st.status === 'ready' || st.status === 'matching';

/** What the admin sees of the review. */
function review(p: ReturnType<typeof page>) {
  const st = p.session.state;
  return {
    status: st.status,
    step: p.flow.step,
    steps: p.flow.steps,
    issues: st.issues.map((i) => [i.row, i.columnKey, i.code]),
    rows: st.rows?.map((r) => [r.row, r.cells['identifier'], r.cells['completionDate'], r.cells['status']]),
    columns: st.matching?.match.columns.map((c) => [c.key, c.index]),
    source: st.matching?.source,
    dateOrders: st.dateOrders,
  };
}

/** The admin matches the columns, switches the dates back to day first, and the page goes away. */
async function matchedThenLeft(storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>) {
  const before = page(storage);
  await before.keeper.ready;
  await before.flow.start(PRESET);
  await until(before.session, (st) => st.spec.status === 'ready');
  await before.session.uploadFile(OWN());
  await until(before.session, settled);
  expect(before.session.state.status).to.equal('matching');
  await before.session.confirmMatch(MAPPING);
  await until(before.session, settled);
  await before.session.readDatesAs('completionDate', 'DMY');
  await until(before.session, settled);
  const seen = review(before);
  expect(seen.status).to.equal('has-issues');
  expect(seen.source).to.equal('confirmed');
  expect(seen.dateOrders).to.deep.equal({ completionDate: 'DMY' });
  expect(seen.issues).to.deep.include.members([
    [3, 'completionDate', 'cell-date-invalid'],
    [4, 'completionDate', 'cell-date-invalid'],
  ]);
  await new Promise((r) => setTimeout(r, 100));
  before.leave();
  return seen;
}

async function continued(storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>) {
  const after = page(storage);
  await after.keeper.ready;
  expect(after.keeper.offer).to.deep.include({ fileName: 'own export.csv' });
  await after.flow.start({});
  await until(after.session, (st) => st.status === 'selecting');
  expect(await after.keeper.resume()).to.equal(true);
  return after;
}

describe('WorkKeeper: a matched file across a reload', () => {
  afterEach(() => SavedWorkStore.clearAll());

  it('Continue lands on the same review with the confirmed columns and date order, not on the matching screen', async () => {
    await demoLms();
    const storage = memoryStorage();
    const seen = await matchedThenLeft(storage);
    const after = await continued(storage);
    expect(review(after)).to.deep.equal(seen);
    after.leave();
  });

  it('does so even when this browser no longer remembers the mapping for the activity', async () => {
    await demoLms();
    const seen = await matchedThenLeft(memoryStorage());
    // Another storage: the column memory was cleared, full or refused; the saved work alone brings it back.
    const after = await continued(memoryStorage());
    expect(review(after)).to.deep.equal(seen);
    after.leave();
  });
});
