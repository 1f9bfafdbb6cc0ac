// Fixing an upload in the browser (issue 9): edits and deletions are checked as the same changes saved
// from a spreadsheet would be, LMS problems come back on the edited rows, undo takes a fix back, and what
// is created is exactly the edited file — against the demo LMS behind msw.
import { expect } from '@open-wc/testing';
import { demoLms } from '../backend/demo-lms.js';
import { DEMO } from '../../demo/mocks/data.js';
import { RestBackend } from '../../src/backend/rest-backend.js';
import { UploadSession } from '../../src/session/upload-session.js';
import { CLASSROOM_HEADER, csv, record, until } from './helpers.js';

const ACTIVITY = DEMO.activities.classroom;

async function session(): Promise<UploadSession> {
  const s = new UploadSession(new RestBackend({ baseUrl: '/api/lms', timeoutMs: 5000 }), { chunkSize: 5, maxRows: 200 });
  await s.start({ activityId: ACTIVITY, domainId: DEMO.domains.employees, identifierKind: 'email' });
  await until(s, (st) => st.spec.status === 'ready');
  return s;
}

const people = DEMO.employees.slice(0, 6);
const line = (email: string, date: string, status: string) => `${email},${date},${status},Sam Lee,`;

describe('UploadSession: fixing in the browser', () => {
  it('fixes client and LMS problems in place, deletes a row on purpose, and creates exactly the edited records', async () => {
    const controls = await demoLms();
    const s = await session();
    const events = record(s, 'edited', 'created');
    await s.uploadFile(
      csv([
        CLASSROOM_HEADER,
        line(people[0]!.email, '10/03/2026', 'Completed'),
        line('not-an-email', '11/03/2026', 'Completed'), // row 3: fixed in place
        line(people[2]!.email, '31/02/2026', 'Maybe'), // row 4: two fixes
        line(people[3]!.email, '12/03/2026', 'Attended'),
        line('junk row', '', ''), // row 6: deleted on purpose
      ]),
    );
    expect(s.state.status).to.equal('has-issues');
    expect(s.state.rows!.map((r) => r.row)).to.deep.equal([3, 4, 6]);
    expect(s.state.rows![1]!.cells).to.include({ completionDate: '31/02/2026', status: 'Maybe' });

    await s.editCells([{ row: 3, columnKey: 'identifier', value: DEMO.unknownEmail }]);
    expect(s.state.editing).to.include({ canUndo: true, checking: false });
    // The client problem of row 3 is gone; rows 4 and 6 keep theirs. One pass: the rows that pass are
    // dry-run at once, so the LMS already says it knows no such learner.
    expect(s.state.issues.filter((i) => i.row === 3).map((i) => i.code)).to.deep.equal(['user-not-found']);
    await s.editCells([
      { row: 4, columnKey: 'completionDate', value: '28/02/2026' },
      { row: 4, columnKey: 'status', value: 'Attended' },
    ]);
    await s.deleteRows([6]);
    // Client checks pass now: the LMS's dry run finds the unknown learner typed into row 3.
    expect(s.state.status).to.equal('has-issues');
    expect(s.state.issues.map((i) => [i.row, i.code])).to.deep.equal([[3, 'user-not-found']]);
    expect(s.state.rows!.find((r) => r.row === 3)!.cells['identifier']).to.equal(DEMO.unknownEmail);

    await s.editCells([{ row: 3, columnKey: 'identifier', value: people[1]!.email }]);
    await until(s, (st) => st.status === 'ready');
    expect(s.state.summary?.records).to.equal(4);
    expect(s.state.editing).to.deep.include({ deleted: [6], editedRows: [3, 4] });

    await s.commit();
    expect(s.state.status).to.equal('created');
    const created = controls.lms.uploadedRecords(ACTIVITY).map((r) => [controls.lms.findUser(r.userId)?.email, r.date]).sort();
    expect(created).to.deep.equal(
      [
        [people[0]!.email, '2026-03-10'],
        [people[1]!.email, '2026-03-11'],
        [people[2]!.email, '2026-02-28'],
        [people[3]!.email, '2026-03-12'],
      ].sort(),
    );
    const createdEvent = events.find((e) => e.type === 'created')!.detail as { editedRows: number[]; deletedRows: number[] };
    expect(createdEvent.editedRows).to.deep.equal([3, 4]);
    expect(createdEvent.deletedRows).to.deep.equal([6]);
    const edited = events.filter((e) => e.type === 'edited').flatMap((e) => (e.detail as { changes: unknown[] }).changes);
    expect(edited[0]).to.deep.equal({ row: 3, columnKey: 'identifier', column: 'Email', oldValue: 'not-an-email', newValue: DEMO.unknownEmail });
    expect(edited.at(-1)).to.deep.include({ row: 3, oldValue: DEMO.unknownEmail, newValue: people[1]!.email });
  });

  it('shows a row only the LMS refused with its date as the admin types it, not as an ISO date', async () => {
    await demoLms();
    const s = await session();
    await s.uploadFile(csv([CLASSROOM_HEADER, line(people[0]!.email, '10/03/2026', 'Completed'), line(DEMO.unknownEmail, '11/03/2026', 'Completed')]));
    expect(s.state.issues.map((i) => [i.row, i.code])).to.deep.equal([[3, 'user-not-found']]);
    // Row 3 passed the client checks, so its cells come from the record as read: 11 March in DD/MM/YYYY.
    expect(s.state.rows!.find((r) => r.row === 3)!.cells).to.include({ identifier: DEMO.unknownEmail, completionDate: '11/03/2026' });
  });

  it('undo takes the last fix back (an edit, then a deletion), and says so in the edited event', async () => {
    await demoLms();
    const s = await session();
    const events = record(s, 'edited');
    await s.uploadFile(csv([CLASSROOM_HEADER, line(people[0]!.email, '10/03/2026', 'Completed'), line('bad', '11/03/2026', 'Completed')]));
    await s.editCells([{ row: 3, columnKey: 'identifier', value: people[1]!.email }]);
    await until(s, (st) => st.status === 'ready');
    await s.undoEdit();
    await until(s, (st) => st.status === 'has-issues');
    expect(s.state.issues.map((i) => [i.row, i.code])).to.deep.equal([[3, 'cell-identifier-format']]);
    expect(s.state.editing).to.include({ canUndo: false });
    expect((events.at(-1)!.detail as { changes: unknown[] }).changes).to.deep.equal([
      { row: 3, columnKey: 'identifier', column: 'Email', oldValue: people[1]!.email, newValue: 'bad' },
    ]);
    await s.deleteRows([3]);
    await until(s, (st) => st.status === 'ready');
    expect(s.state.summary?.records).to.equal(1);
    await s.undoEdit();
    await until(s, (st) => st.status === 'has-issues');
  });

  it('a new file starts with no fixes', async () => {
    await demoLms();
    const s = await session();
    await s.uploadFile(csv([CLASSROOM_HEADER, line('bad', '11/03/2026', 'Completed')]));
    await s.editCells([{ row: 2, columnKey: 'status', value: 'Attended' }]);
    expect(s.state.editing?.editedRows).to.deep.equal([2]);
    await s.uploadFile(csv([CLASSROOM_HEADER, line('bad', '11/03/2026', 'Completed')]));
    expect(s.state.editing).to.equal(undefined);
    expect(s.state.rows!.map((r) => r.row)).to.deep.equal([2]);
  });
});
