// The review step alone, in its three states: a file refused as a whole, issues by row with the count
// chips as filters, and the records ready.
import { expect } from '@open-wc/testing';
import { ALL_PRESET, cleanCsv, mountStep, said, specReady, waitFor } from '../../../test/components/step-fixture.js';
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

  it('the records ready: the summary and Next', async () => {
    const { el } = await reviewOf(cleanCsv(3));
    expect(said(el)).to.contain('Check the records');
    expect(el.shadowRoot!.querySelector('upload-summary')).to.exist;
    await expect(el).to.be.accessible();
  });
});
