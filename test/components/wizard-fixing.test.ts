// Fixing in the whole wizard (the shell and its flow, not the review step alone): while an edit is checked
// again — through the LMS's dry run of the rows that passed — the review stays on screen as the same
// element with the same rows, so the admin's column-wide fix, its outcome and the grid's focus are kept.
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { $, $$, FakeBackend, toIssues, untilStatus, waitFor } from './helpers.js';

describe('<offline-upload-wizard> fixing in the browser', () => {
  it('an edit checked again through the dry run keeps the review (same step element) on screen', async () => {
    const backend = new FakeBackend();
    const { el } = await toIssues(backend);
    const review = el.shadowRoot!.querySelector('[data-step]')!;
    const bulk = $(el, 'offline-upload-bulk-fix');
    const hold = backend.hold('dryRunChunk');
    const steps: string[] = [];
    el.addEventListener('offline-upload-step-change', (e) => steps.push((e as CustomEvent<{ step: string }>).detail.step));
    // Row 5's status typed right; the rows that pass go to the LMS's dry run again, held here.
    void el.uploadSession!.editCells([{ row: 5, columnKey: 'status', value: 'Completed' }]);
    await hold.reached;
    await untilStatus(el, 'dry-run');
    expect(el.step, 'the step during the dry run of the edited file').to.equal('review');
    expect(el.shadowRoot!.querySelector('[data-step]')).to.equal(review);
    expect($(el, 'offline-upload-bulk-fix')).to.equal(bulk);
    hold.release();
    await untilStatus(el, 'has-issues');
    await waitFor(() => !el.uploadSession!.state.editing?.checking, 'the check done');
    await el.updateComplete;
    expect(el.step).to.equal('review');
    expect(el.shadowRoot!.querySelector('[data-step]'), 'the same review element after the check').to.equal(review);
    expect($(el, 'offline-upload-bulk-fix')).to.equal(bulk);
    expect(steps, 'no step change while the edit was checked').to.deep.equal([]);
  });

  it('while an edit is checked again, the rows only the LMS refused stay in the grid, and so does the focus', async () => {
    const backend = new FakeBackend();
    // Row 4's learner (user3) is unknown to the LMS: a problem only its dry run finds.
    backend.knownUsers = new Set(['user1@example.com', 'user2@example.com', 'user9@example.com']);
    const { el } = await toIssues(backend);
    const grid = $(el, 'offline-upload-problem-grid');
    const shown = () => [...grid.shadowRoot!.querySelectorAll('.window [role="rowheader"]')].map((h) => Number(/^\d+/.exec(h.textContent!.trim())![0]));
    await waitFor(() => shown().length === 3, 'rows 4, 5 and 6 in the grid');
    expect(shown()).to.deep.equal([4, 5, 6]);
    // The admin is on row 6's number.
    const cell = grid.shadowRoot!.querySelector<HTMLElement>('.window [role="row"]:nth-child(3) [role="rowheader"]')!;
    cell.focus();
    const hold = backend.hold('dryRunChunk');
    void el.uploadSession!.editCells([{ row: 5, columnKey: 'status', value: 'Completed' }]);
    await hold.reached;
    await untilStatus(el, 'dry-run');
    await el.updateComplete;
    expect(shown(), 'the rows during the dry run of the edited file').to.deep.equal([4, 5, 6]);
    expect(grid.shadowRoot!.activeElement, 'the focus during the dry run').to.equal(cell);
    hold.release();
    await waitFor(() => el.uploadSession!.state.status === 'has-issues' && !el.uploadSession!.state.editing?.checking, 'the check done');
    await el.updateComplete;
    expect(shown()).to.deep.equal([4, 5, 6]);
    expect(grid.shadowRoot!.activeElement, 'the focus after the check').to.equal(cell);
  });

  it('on a phone (375 px) the rows with problems are cards, and the review is no wider than the screen', async () => {
    await setViewport({ width: 375, height: 800 });
    try {
      const { el } = await toIssues();
      const grid = $(el, 'offline-upload-problem-grid');
      await waitFor(() => grid.shadowRoot!.querySelector('offline-upload-problem-cards'), 'problem cards instead of the grid');
      const cards = grid.shadowRoot!.querySelector('offline-upload-problem-cards')!;
      await waitFor(() => cards.shadowRoot!.querySelectorAll('li.card').length === 2, 'a card for rows 5 and 6');
      expect(grid.getBoundingClientRect().right, 'the grid inside the screen').to.be.at.most(375);
      expect(document.documentElement.scrollWidth, 'the page does not scroll sideways').to.be.at.most(375);
    } finally {
      await setViewport({ width: 1280, height: 800 });
    }
  });

  it('a ticked row fixed with "one value for the selected rows" is no longer ticked: Delete reaches only rows still ticked', async () => {
    const { el } = await toIssues();
    const session = el.uploadSession!;
    const grid = $(el, 'offline-upload-problem-grid');
    const tick = async (row: number) => {
      grid.shadowRoot!.querySelector<HTMLInputElement>(`input[aria-label="Select row ${row}"]`)!.click();
      await el.updateComplete;
    };
    // Row 6 lacks its date: ticked, and given one with the column-wide fix.
    await tick(6);
    const bulk = $(el, 'offline-upload-bulk-fix');
    const form = bulk.shadowRoot!;
    const pick = (name: string, value: string) => {
      const select = form.querySelector<HTMLSelectElement>(`select[name="${name}"]`)!;
      select.value = value;
      select.dispatchEvent(new Event('change'));
    };
    pick('column', 'completionDate');
    pick('action', 'set');
    await (bulk as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    form.querySelector<HTMLInputElement>('input[name="value"]')!.value = '14/03/2025';
    form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitFor(() => !session.state.issues.some((i) => i.row === 6) && !session.state.editing?.checking, 'row 6 fixed and checked');
    await el.updateComplete;
    // Nothing ticked any more: no "Delete 0 selected rows" button.
    expect($$(el, '#delete-rows'), 'no delete button while nothing is ticked').to.have.length(0);
    // Row 5 ticked and deleted: row 6, fixed, stays in the upload.
    await tick(5);
    expect($<HTMLButtonElement>(el, '#delete-rows').textContent!.trim()).to.equal('Delete 1 selected row');
    $<HTMLButtonElement>(el, '#delete-rows').click();
    await waitFor(() => session.state.status === 'ready', 'the file ready');
    expect(session.state.editing?.deleted).to.deep.equal([5]);
    expect(session.state.summary?.records).to.equal(4);
  });
});
