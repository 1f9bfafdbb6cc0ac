// The review step alone, in its three states: a file refused as a whole, issues by row with the count
// chips as filters, and the records ready.
import { expect } from '@open-wc/testing';
import { SessionEndedError } from '../../backend/errors.js';
import { ALL_PRESET, cleanCsv, FakeBackend, mountStep, said, specReady, waitFor } from '../../../test/components/step-fixture.js';
import { CLASSROOM_HEADER, csv } from '../../../test/session/helpers.js';
import type { StepReviewElement } from './step-review.component.js';

async function reviewOf(file: File) {
  const m = await mountStep<StepReviewElement>('offline-upload-step-review', {
    preset: ALL_PRESET,
    before: async (x) => {
      await specReady(x);
      await x.session.uploadFile(file);
    },
  });
  await m.el.updateComplete;
  return m;
}

describe('<offline-upload-step-review>', () => {
  it('a file refused as a whole: what is wrong and another file, no table', async () => {
    const { el } = await reviewOf(new File(['%PDF-1.7 not a spreadsheet'], 'records.pdf', { type: 'application/pdf' }));
    expect(el.shadowRoot!.querySelector('[data-step-heading]')!.textContent).to.equal('This file can’t be used');
    expect(el.shadowRoot!.querySelector('offline-upload-issues-table')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('issues by row, with the count chips filtering the table', async () => {
    const { el } = await reviewOf(csv([CLASSROOM_HEADER, 'not-an-email,2025-03-01,Completed,,', 'user2@example.com,31/02/2026,Completed,,']));
    expect(said(el)).to.contain('Fix the issues in your file');
    const table = el.shadowRoot!.querySelector('offline-upload-issues-table')!;
    await waitFor(() => table.shadowRoot!.querySelectorAll('.counts button').length > 0, 'the chips');
    await expect(el).to.be.accessible();
    const chip = [...table.shadowRoot!.querySelectorAll<HTMLButtonElement>('.counts button')].find((b) => b.textContent!.includes('Invalid date'))!;
    chip.click();
    await waitFor(() => table.shadowRoot!.querySelectorAll('tbody tr').length === 1, 'one row shown');
    expect(chip.getAttribute('aria-pressed')).to.equal('true');
  });

  it('fixes a problem in the grid: the edit is checked again and the issue goes; a row can be deleted and put back', async () => {
    const { el, session } = await reviewOf(csv([CLASSROOM_HEADER, 'not-an-email,2025-03-01,Completed,,', 'user2@example.com,2025-03-02,Maybe,,', 'user3@example.com,2025-03-03,Completed,,']));
    const grid = el.shadowRoot!.querySelector('offline-upload-problem-grid')!;
    await waitFor(() => grid.shadowRoot!.querySelectorAll('.window [role="row"]').length === 2, 'the two rows with problems in the grid');
    await expect(el).to.be.accessible();
    // The admin types the right address into row 2's Email cell (as the grid reports an edit).
    grid.onEdit!([{ row: 2, columnKey: 'identifier', value: 'user1@example.com' }]);
    await waitFor(() => session.state.issues.every((i) => i.row !== 2) && !session.state.editing?.checking, 'row 2 checked again');
    await el.updateComplete;
    const gridNow = () => el.shadowRoot!.querySelector('offline-upload-problem-grid')!;
    await waitFor(() => gridNow().shadowRoot!.querySelectorAll('.window [role="row"]').length === 1, 'one row left in the grid');
    expect(el.shadowRoot!.querySelector<HTMLButtonElement>('#undo-edit')!.disabled).to.be.false;
    // The grid is the same element through the re-check: the admin's place and focus are kept.
    expect(gridNow() === grid, 'the same grid element').to.be.true;
    // Row 3 deleted on purpose: the file is clean, and the deletion is said.
    grid.onSelect!(new Set([3]));
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('#delete-rows')!.click();
    await waitFor(() => session.state.status === 'ready', 'the edited file ready');
    expect(session.state.summary?.records).to.equal(2);
    expect(session.state.editing?.deleted).to.deep.equal([3]);
  });

  it('shows every row on demand: errors only by default, all rows (still a grid) when asked, a clean row editable there', async () => {
    const { el, session } = await reviewOf(csv([CLASSROOM_HEADER, 'user1@example.com,2025-03-01,Completed,,', 'not-an-email,2025-03-02,Completed,,', 'user3@example.com,2025-03-03,Completed,,']));
    const grid = () => el.shadowRoot!.querySelector('offline-upload-problem-grid')!;
    const shownRows = () => [...grid().shadowRoot!.querySelectorAll('.window [role="row"] [role="rowheader"]')].map((h) => h.textContent!.trim());
    await waitFor(() => shownRows().length === 1, 'the row with a problem');
    expect(shownRows()).to.deep.equal(['3']);
    const [problems, all] = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name="rows-view"]')];
    expect(problems!.checked).to.be.true;
    expect(all!.parentElement!.textContent).to.contain('All rows (3)');
    all!.click();
    await waitFor(() => shownRows().length === 3, 'every row');
    expect(shownRows()).to.deep.equal(['2', '3', '4']);
    expect(grid().shadowRoot!.querySelector('[role="grid"]')!.getAttribute('aria-label')).to.equal('All rows of records.csv');
    await expect(el).to.be.accessible();
    // A clean row's cell, from its record, changed in place: the host's audit event has its value as read.
    const changes: unknown[] = [];
    session.addEventListener('edited', (e) => changes.push(...e.detail.changes));
    grid().onEdit!([{ row: 4, columnKey: 'trainer', value: 'Sam Lee' }]);
    await waitFor(() => !session.state.editing?.checking && session.state.editing?.edits.length === 1, 'checked again');
    expect(changes).to.deep.equal([{ row: 4, columnKey: 'trainer', column: 'Trainer', oldValue: '', newValue: 'Sam Lee' }]);
    await waitFor(() => grid().shadowRoot!.querySelector('.window [aria-rowindex="4"]')?.textContent?.includes('Sam Lee') === true, 'the edited value shown');
    // One value for the rows ticked in this view, a clean row (2) and the row with a problem (3) alike.
    grid().onSelect!(new Set([3, 2]));
    await el.updateComplete;
    const bulk = el.shadowRoot!.querySelector('offline-upload-bulk-fix') as HTMLElement & { onApply(columnKey: string, fix: { kind: 'set'; value: string }): number };
    expect(bulk.onApply('trainer', { kind: 'set', value: 'Kim' }), 'cells changed').to.equal(2);
    await waitFor(() => !session.state.editing?.checking && session.state.editing?.edits.length === 3, 'checked again');
    expect(changes.slice(1)).to.deep.equal([
      { row: 3, columnKey: 'trainer', column: 'Trainer', oldValue: '', newValue: 'Kim' },
      { row: 2, columnKey: 'trainer', column: 'Trainer', oldValue: '', newValue: 'Kim' },
    ]);
    // Back to the rows with problems.
    problems!.click();
    await waitFor(() => shownRows().length === 1, 'errors only again');
  });

  it('lists the rows deleted from the upload (count and rows) and downloads them as a file of their own, also once the rest is ready', async () => {
    const { el, session, flow } = await reviewOf(csv([CLASSROOM_HEADER, 'bad-one,2025-03-01,Completed,,', 'user2@example.com,2025-03-02,Completed,,', 'bad-two,2025-03-03,Maybe,Kim,']));
    await waitFor(() => session.state.status === 'has-issues', 'issues');
    // The wizard stays on the review through every re-check (no flash to the upload step).
    const steps: string[] = [];
    flow.addEventListener('change', () => steps.push(flow.step));
    await session.deleteRows([4]);
    await el.updateComplete;
    const section = () => el.shadowRoot!.querySelector<HTMLElement>('#deleted-rows');
    await waitFor(() => section() !== null, 'the deleted rows listed');
    expect(section()!.textContent!.replace(/\s+/g, ' ')).to.contain('1 row deleted from this upload').and.contain('Rows 4');
    await expect(el).to.be.accessible();
    await session.deleteRows([2]);
    await waitFor(() => session.state.status === 'ready', 'the rest ready');
    await el.updateComplete;
    // The review's summary of the ready upload says what was deleted.
    expect(el.shadowRoot!.querySelector('upload-summary')).to.exist;
    expect(section()!.textContent!.replace(/\s+/g, ' ')).to.contain('2 rows deleted from this upload').and.contain('Rows 2, 4');
    await expect(el).to.be.accessible();
    expect(steps.filter((s) => s !== 'review'), 'steps shown while checking again').to.deep.equal([]);

    const saved: { name: string; blob: Blob }[] = [];
    const create = URL.createObjectURL;
    const click = HTMLAnchorElement.prototype.click;
    const blobs = new Map<string, Blob>();
    URL.createObjectURL = (blob: Blob) => {
      const url = `blob:test-${blobs.size}`;
      blobs.set(url, blob);
      return url;
    };
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      saved.push({ name: this.download, blob: blobs.get(this.getAttribute('href')!)! });
    };
    try {
      el.shadowRoot!.querySelector<HTMLButtonElement>('#download-deleted')!.click();
      await waitFor(() => saved.length === 1, 'the deleted rows saved');
    } finally {
      URL.createObjectURL = create;
      HTMLAnchorElement.prototype.click = click;
    }
    expect(saved[0]!.name).to.equal('records - deleted rows.csv');
    const lines = (await saved[0]!.blob.text()).replace(/^\uFEFF/, '').split('\r\n');
    expect(lines.slice(0, 3)).to.deep.equal([CLASSROOM_HEADER, 'bad-one,2025-03-01,Completed,,', 'bad-two,2025-03-03,Maybe,Kim,']);

    // Put back: the problems return, the list goes.
    el.shadowRoot!.querySelector<HTMLButtonElement>('#restore-deleted')!.click();
    await waitFor(() => session.state.status === 'has-issues' && !session.state.editing?.checking, 'rows put back');
    await el.updateComplete;
    expect(section()).to.equal(null);
  });

  it('issues of its own and the LMS check failed: the failure with Try again, which checks the same file again', async () => {
    const backend = new FakeBackend();
    // Sign-in ends during the LMS's check (worth trying again once signed in, in another tab).
    backend.failNext.set('dryRunChunk', new SessionEndedError('You are not signed in to the LMS.', 'dryRunChunk', 401));
    const m = await mountStep<StepReviewElement>('offline-upload-step-review', {
      backend,
      preset: ALL_PRESET,
      before: async (x) => {
        await specReady(x);
        await x.session.uploadFile(csv([CLASSROOM_HEADER, 'not-an-email,2025-03-01,Completed,,', 'user2@example.com,2025-03-02,Completed,,']));
      },
    });
    const { el, session } = m;
    await el.updateComplete;
    expect(session.state.status).to.equal('has-issues');
    expect(session.state.failure?.code).to.equal('dry-run-session-ended');
    const retry = el.shadowRoot!.querySelector<HTMLButtonElement>('#retry-check');
    expect(retry, 'a Try again button').to.not.equal(null);
    expect(retry!.textContent!.trim()).to.equal('Try again');
    await expect(el).to.be.accessible();
    const asked = backend.count('dryRunChunk');
    retry!.click();
    await waitFor(() => backend.count('dryRunChunk') > asked && session.state.status === 'has-issues' && !session.state.failure, 'checked again');
    await el.updateComplete;
    // The LMS answered this time: the file's own problem stays, the failure and its button go.
    expect(session.state.issues.map((i) => i.row)).to.deep.equal([2]);
    expect(el.shadowRoot!.querySelector('#retry-check')).to.equal(null);
  });

  it('no Try again when the file has issues and the LMS check went well', async () => {
    const { el } = await reviewOf(csv([CLASSROOM_HEADER, 'not-an-email,2025-03-01,Completed,,']));
    expect(el.shadowRoot!.querySelector('#retry-check')).to.equal(null);
    // Nothing ticked: no "Delete 0 selected rows".
    await waitFor(() => el.shadowRoot!.querySelector('offline-upload-problem-grid') !== null, 'the grid');
    expect(el.shadowRoot!.querySelector('#delete-rows')).to.equal(null);
  });

  it('the records ready: the summary, the records preview and Create records (no Next)', async () => {
    const { el } = await reviewOf(cleanCsv(3));
    expect(said(el)).to.contain('Check the records');
    expect(el.shadowRoot!.querySelector('upload-summary')).to.exist;
    expect(el.shadowRoot!.querySelector('offline-upload-records-preview')).to.exist;
    expect(el.shadowRoot!.querySelector('#create')!.textContent!.trim()).to.equal('Create records');
    expect(el.shadowRoot!.querySelector('#next')).to.equal(null);
    await expect(el).to.be.accessible();
  });
});
