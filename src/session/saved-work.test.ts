import { expect } from '@open-wc/testing';
import { SavedWorkStore, type SavedWork } from './saved-work.js';

const work = (name = 'March.xlsx'): SavedWork => ({
  selection: { categoryId: 'cat-hse', activityId: 'act-fire-101', domainId: 'dom-employees', identifierKind: 'email' },
  file: { name, bytes: new TextEncoder().encode('Email,Completion date\r\nana@example.com,14/03/2026').buffer as ArrayBuffer },
  edits: [{ row: 3, columnKey: 'identifier', value: 'eve@example.com' }],
  deleted: [5, 9],
  staged: { uploadId: 'upl-1', idempotencyKey: 'key-1' },
});

describe('SavedWorkStore', () => {
  afterEach(() => SavedWorkStore.clearAll());

  it('brings back the same work after a reload (a new store on the same slot)', async () => {
    expect(await new SavedWorkStore({ slot: 'a' }).save(work())).to.be.true;
    const back = await new SavedWorkStore({ slot: 'a' }).load();
    expect(back).to.exist;
    expect(back!.selection).to.deep.equal(work().selection);
    expect(back!.edits).to.deep.equal(work().edits);
    expect(back!.deleted).to.deep.equal([5, 9]);
    expect(back!.staged).to.deep.equal({ uploadId: 'upl-1', idempotencyKey: 'key-1' });
    expect(new TextDecoder().decode(back!.file.bytes)).to.equal(new TextDecoder().decode(work().file.bytes));
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

  it('ignores what it cannot trust in the slot (another version, damaged) and clears it', async () => {
    const { set, createStore } = await import('idb-keyval');
    await set('a', { format: 99, work: {} }, createStore('offline-upload', 'saved-work'));
    expect(await new SavedWorkStore({ slot: 'a' }).load()).to.equal(undefined);
    const { get } = await import('idb-keyval');
    expect(await get('a', createStore('offline-upload', 'saved-work'))).to.equal(undefined);
  });
});
