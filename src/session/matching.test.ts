// Column matching in the session, with real files: the admin's own headers wait on the matching screen,
// the confirmed mapping is read and remembered per activity, the same columns next time are matched from
// memory, a template file never asks; a US-dated column is read month first with its notice and switched back.
import { expect } from '@open-wc/testing';
import { UploadSession } from './upload-session.js';
import { MatchMemory, layoutKey, samplesOf } from './matching.js';
import { FakeBackend, fireSafety } from '../../test/session/fake-backend.js';
import { CLASSROOM_HEADER, classroomRows, csv, status, until } from '../../test/session/helpers.js';

/** localStorage's shape in memory: each test has its own. */
function memoryStorage(): Storage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    key: (i: number) => [...data.keys()][i] ?? null,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
  };
}

async function readySession(memory: MatchMemory) {
  const session = new UploadSession(new FakeBackend(), { useWorker: false, matchMemory: memory });
  await session.start({ activityId: fireSafety.id, domainId: 'dom-employees', identifierKind: 'email' });
  await until(session, (s) => s.spec.status === 'ready');
  return session;
}

const settled = status('ready', 'has-issues', 'matching', 'selecting');

/** The admin's own export: their own headers, another column order, an extra "Learner name" column. */
const OWN = [
  'Learner name,E-mail address,Date completed,Attendance,Instructor',
  'Ana Lima,ana@example.com,14/03/2025,Completed,Sam Lee',
  'Ben Ode,ben@example.com,15/03/2025,Attended,Sam Lee',
];

describe('session: column matching', () => {
  it('stops on the matching screen for the admin\'s own headers, then reads the confirmed mapping and remembers it', async () => {
    const storage = memoryStorage();
    const session = await readySession(new MatchMemory({ storage }));
    await session.uploadFile(csv(OWN, 'own.csv'));
    await until(session, settled);
    const state = session.state;
    expect(state.status).to.equal('matching');
    const review = state.matching!;
    expect(review.source).to.equal('auto');
    expect(review.match.columns.map((c) => [c.key, c.index])).to.deep.equal([
      ['identifier', 1],
      ['completionDate', 2],
      ['status', 3],
      ['trainer', 4],
      ['comments', null],
    ]);
    expect(review.match.ignored).to.deep.equal([{ index: 0, header: 'Learner name' }]);
    expect(review.samples).to.deep.equal(['Ana Lima', 'ana@example.com', '14/03/2025', 'Completed', 'Sam Lee']);
    expect(state.uploadId, 'nothing staged before the admin confirms').to.equal(undefined);

    await session.confirmMatch({ headerRow: 1, columns: { identifier: 1, completionDate: 2, status: 3, trainer: 4, comments: null } });
    await until(session, status('ready', 'has-issues'));
    expect(session.state.status).to.equal('ready');
    expect(session.state.summary?.records).to.equal(2);
    expect(session.state.matching?.source).to.equal('confirmed');
    expect([...storage.data.keys()]).to.deep.equal([`offline-upload.column-match.${fireSafety.id}`]);

    // The next upload of the same activity with the same columns: matched from memory, no screen.
    const again = await readySession(new MatchMemory({ storage }));
    await again.uploadFile(csv([OWN[0]!, 'Cleo Diaz,cleo@example.com,20/03/2025,Completed,'], 'april.csv'));
    await until(again, status('ready', 'has-issues'));
    expect(again.state.status).to.equal('ready');
    expect(again.state.matching?.source).to.equal('memory');
    expect(again.state.matching?.rememberedAt).to.be.a('string');
    expect(again.state.summary?.records).to.equal(1);
  });

  it('applies a remembered mapping the automatic match would not make (a column chosen by hand)', async () => {
    const storage = memoryStorage();
    const file = ['Who,When,Outcome,Led by', 'ana@example.com,14/03/2025,Completed,Sam Lee'];
    const first = await readySession(new MatchMemory({ storage }));
    await first.uploadFile(csv(file));
    await until(first, settled);
    expect(first.state.status).to.equal('matching');
    await first.confirmMatch({ headerRow: 1, columns: { identifier: 0, completionDate: 1, status: 2, trainer: 3, comments: null } });
    await until(first, status('ready', 'has-issues'));
    expect(first.state.status).to.equal('ready');

    const second = await readySession(new MatchMemory({ storage }));
    await second.uploadFile(csv([file[0]!, 'ben@example.com,15/03/2025,Attended,Sam Lee']));
    await until(second, status('ready', 'has-issues'));
    expect(second.state.status).to.equal('ready');
    expect(second.state.summary?.records).to.equal(1);
  });

  it('does not ask about a file made from the template', async () => {
    const session = await readySession(new MatchMemory({ storage: memoryStorage() }));
    await session.uploadFile(csv([CLASSROOM_HEADER, ...classroomRows(3)]));
    await until(session, status('ready', 'has-issues'));
    expect(session.state.status).to.equal('ready');
    expect(session.state.matching).to.equal(undefined);
  });

  it('refuses a sheet with nothing like a header as before (no matching screen to fill from nothing)', async () => {
    const session = await readySession(new MatchMemory({ storage: memoryStorage() }));
    await session.uploadFile(csv(['x', 'y']));
    await until(session, status('ready', 'has-issues'));
    expect(session.state.issues.map((i) => i.code)).to.deep.equal(['file-no-header']);
    expect(session.state.matching).to.equal(undefined);
  });

  it('offers the first rows as the header row and proposes the columns of the one chosen', async () => {
    const session = await readySession(new MatchMemory({ storage: memoryStorage() }));
    const file = ['March attendance (exported 2 April),,,', 'Mail,Day,Result,Teacher', 'ana@example.com,14/03/2025,Completed,Sam Lee'];
    await session.uploadFile(csv(file));
    await until(session, settled);
    expect(session.state.status).to.equal('matching');
    expect(session.state.matching!.topRows.map((r) => r.row)).to.deep.equal([1, 2, 3]);
    expect(session.state.matching!.match.headerRow).to.equal(2);
    session.matchHeaderRow(1);
    expect(session.state.matching!.match.headerRow).to.equal(1);
    expect(session.state.matching!.match.columns.every((c) => c.index === null)).to.equal(true);
    session.matchHeaderRow(2);
    expect(session.state.matching!.match.columns.find((c) => c.key === 'identifier')?.found).to.equal('Mail');
    expect(session.state.matching!.samples[0]).to.equal('ana@example.com');
  });

  it('reads a US-dated column month first with a notice (typed → read), and switches back in one call', async () => {
    const session = await readySession(new MatchMemory({ storage: memoryStorage() }));
    await session.uploadFile(csv([CLASSROOM_HEADER, 'ana@example.com,3/10/2025,Completed,,', 'ben@example.com,12/25/2025,Completed,,', 'cleo@example.com,1/13/2025,Attended,,']));
    await until(session, status('ready', 'has-issues'));
    const notice = session.state.readingNotices?.find((n) => n.code === 'date-order-switched');
    expect(notice?.columnKey).to.equal('completionDate');
    expect(notice?.params?.['order']).to.equal('MDY');
    expect(notice?.examples?.[0]).to.deep.equal({ row: 2, text: '3/10/2025', read: '2025-03-10' });

    await session.readDatesAs('completionDate', 'DMY');
    await until(session, status('ready', 'has-issues'));
    expect(session.state.dateOrders).to.deep.equal({ completionDate: 'DMY' });
    expect(session.state.readingNotices).to.deep.equal([]);
    // Read day first, 12/25 and 1/13 are impossible: said, never swapped silently.
    expect(session.state.issues.map((i) => [i.row, i.code])).to.deep.include.members([
      [3, 'cell-date-invalid'],
      [4, 'cell-date-invalid'],
    ]);
  });
});

describe('MatchMemory', () => {
  it('finds a layout by its header set, whatever the order or spelling of case and spaces', () => {
    expect(layoutKey(['E-mail address', 'Date completed', ''])).to.equal(layoutKey(['date COMPLETED', 'e-mail address']));
  });

  it('keeps nothing, and never throws, when storage is broken or refuses', () => {
    const storage = memoryStorage();
    storage.setItem(`offline-upload.column-match.act-1`, '{not json');
    expect(new MatchMemory({ storage }).load('act-1')).to.equal(undefined);
    const refusing = { ...storage, getItem: () => null, setItem: () => { throw new Error('QuotaExceededError'); }, removeItem: () => undefined };
    expect(() => new MatchMemory({ storage: refusing }).save('act-1', ['Mail'], { headerRow: 1, columns: { identifier: 0 } })).not.to.throw();
  });

  it('samples the first value under the header row of each column', () => {
    expect(samplesOf([{ row: 1, cells: ['A', 'B'] }, { row: 2, cells: ['', 'b2'] }, { row: 3, cells: ['a3', 'b3'] }], 1)).to.deep.equal(['a3', 'b2']);
  });
});
