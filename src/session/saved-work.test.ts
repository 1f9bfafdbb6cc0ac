import { expect } from '@open-wc/testing';
import { SavedWorkStore } from './saved-work-face.js';
import { anySavedWork, type SavedWork } from './saved-work.js';

const work = (name = 'March.xlsx'): SavedWork => ({
  selection: { categoryId: 'cat-hse', activityId: 'act-fire-101', domainId: 'dom-employees', identifierKind: 'email' },
  file: { name, bytes: new TextEncoder().encode('Email,Completion date\r\nana@example.com,14/03/2026').buffer as ArrayBuffer },
  edits: [{ row: 3, columnKey: 'identifier', value: 'eve@example.com' }],
  deleted: [5, 9],
  staged: { uploadId: 'upl-1', idempotencyKey: 'key-1' },
});

describe('SavedWorkStore', () => {
  afterEach(() => SavedWorkStore.clearAll());

  it('anySavedWork() says whether any wizard kept work on the origin (a page loads the storage only then)', async () => {
    expect(await anySavedWork()).to.equal(false);
    await new SavedWorkStore({ slot: 'a' }).save(work());
    expect(await anySavedWork()).to.equal(true);
    await new SavedWorkStore({ slot: 'a' }).clear();
    expect(await anySavedWork()).to.equal(false);
  });

  it('brings back the same work after a reload (a new store on the same slot)', async () => {
    expect(await new SavedWorkStore({ slot: 'a' }).save(work())).to.be.true;
    const back = await new SavedWorkStore({ slot: 'a' }).load();
    expect(back).to.exist;
    expect(back!.selection).to.deep.equal(work().selection);
    expect(back!.edits).to.deep.equal(work().edits);
    expect(back!.deleted).to.deep.equal([5, 9]);
    expect(back!.staged).to.deep.equal({ uploadId: 'upl-1', idempotencyKey: 'key-1' });
    expect(new TextDecoder().decode(back!.file.bytes)).to.equal(new TextDecoder().decode(work().file.bytes as ArrayBuffer));
  });

  it('keeps two wizards apart, and forgets one slot without the other', async () => {
    await new SavedWorkStore({ slot: 'a' }).save(work('a.xlsx'));
    await new SavedWorkStore({ slot: 'b' }).save(work('b.csv'));
    await new SavedWorkStore({ slot: 'a' }).clear();
    expect(await new SavedWorkStore({ slot: 'a' }).load()).to.equal(undefined);
    expect((await new SavedWorkStore({ slot: 'b' }).load())!.file.name).to.equal('b.csv');
  });

  it('forgets work older than the time it is kept for', async () => {
    let now = 1_000_000;
    const store = new SavedWorkStore({ slot: 'a', keepMs: 60_000, now: () => now });
    await store.save(work());
    now += 59_000;
    expect(await store.load()).to.exist;
    now += 2_000;
    expect(await store.load()).to.equal(undefined);
    now -= 2_000; // deleted, not just hidden
    expect(await store.load()).to.equal(undefined);
  });

  it('clearAll forgets every wizard (a host\'s sign-out)', async () => {
    await new SavedWorkStore({ slot: 'a' }).save(work());
    await new SavedWorkStore({ slot: 'b' }).save(work());
    await SavedWorkStore.clearAll();
    expect(await new SavedWorkStore({ slot: 'a' }).load()).to.equal(undefined);
    expect(await new SavedWorkStore({ slot: 'b' }).load()).to.equal(undefined);
  });

  it('takes the file as a Blob and gives its bytes back', async () => {
    const blob = new Blob(['Email\r\nzoe@example.com\r\n']);
    await new SavedWorkStore({ slot: 'a' }).save({ ...work(), file: { name: 'zoe.csv', bytes: blob } });
    const back = await new SavedWorkStore({ slot: 'a' }).load();
    expect(back!.file.name).to.equal('zoe.csv');
    expect(new TextDecoder().decode(back!.file.bytes)).to.equal('Email\r\nzoe@example.com\r\n');
  });

  it('saves the edits again without losing the bytes written once, and a new file replaces them', async () => {
    const store = new SavedWorkStore({ slot: 'a' });
    const first = work();
    await store.save(first);
    await store.save({ ...first, edits: [...first.edits, { row: 4, columnKey: 'status', value: 'Completed' }] });
    let back = await new SavedWorkStore({ slot: 'a' }).load();
    expect(back!.edits).to.have.length(2);
    expect(new TextDecoder().decode(back!.file.bytes)).to.match(/^Email,Completion date/);
    await store.save({ ...first, file: { name: 'April.csv', bytes: new TextEncoder().encode('Email\r\n').buffer as ArrayBuffer } });
    back = await new SavedWorkStore({ slot: 'a' }).load();
    expect(back!.file.name).to.equal('April.csv');
    expect(new TextDecoder().decode(back!.file.bytes)).to.equal('Email\r\n');
  });

  it('purges the expired work of every wizard on the origin, and keeps the rest', async () => {
    let now = 1_000_000;
    await new SavedWorkStore({ slot: 'old', keepMs: 1_000, now: () => now }).save(work());
    await new SavedWorkStore({ slot: 'new', keepMs: 60_000, now: () => now }).save(work());
    now += 5_000;
    expect(await SavedWorkStore.purgeExpired(now)).to.equal(1);
    const { keys, createStore } = await import('idb-keyval');
    const left = await keys(createStore('offline-upload', 'saved-work'));
    expect(left.map((k) => JSON.stringify(k)).sort()).to.deep.equal(['"new"', '["file","new"]']);
  });

  it('does not trust bytes that belong to another save (a damaged slot) and clears it', async () => {
    await new SavedWorkStore({ slot: 'a' }).save(work());
    const { set, createStore } = await import('idb-keyval');
    await set(['file', 'a'], { fileId: 'someone-else', bytes: new ArrayBuffer(4) }, createStore('offline-upload', 'saved-work'));
    expect(await new SavedWorkStore({ slot: 'a' }).load()).to.equal(undefined);
    const { keys } = await import('idb-keyval');
    expect(await keys(createStore('offline-upload', 'saved-work'))).to.deep.equal([]);
  });

  it('ignores what it cannot trust in the slot (another version, damaged) and clears it', async () => {
    const { set, createStore } = await import('idb-keyval');
    await set('a', { format: 99, work: {} }, createStore('offline-upload', 'saved-work'));
    expect(await new SavedWorkStore({ slot: 'a' }).load()).to.equal(undefined);
    const { get } = await import('idb-keyval');
    expect(await get('a', createStore('offline-upload', 'saved-work'))).to.equal(undefined);
  });
});
