// The matching step in the wizard: accessible, pre-filled from the automatic match with samples and the
// ignored columns, keyboard-operable, refuses a mapping without a required column (said and focused),
// Continue reads the file with the mapping; the review then says how the columns and dates were read.
import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { $, $$, atStep, button, choose, csv, drop, focused, mount, text, untilStatus, waitFor } from '../../../test/components/helpers.js';

const OWN = [
  'Learner name,E-mail address,Date completed,Attendance,Instructor',
  'Ana Lima,ana@example.com,14/03/2025,Completed,Sam Lee',
  'Ben Ode,ben@example.com,15/03/2025,Attended,Sam Lee',
];

async function toMatch(lines = OWN, lang?: string) {
  const mounted = await mount(undefined, (b) => html`<offline-upload-wizard lang=${lang ?? 'en'} .backend=${b}></offline-upload-wizard>`);
  await choose(mounted.el);
  mounted.el.goToStep('upload');
  await mounted.el.updateComplete;
  await drop(mounted.el, csv(lines, 'own.csv'));
  await untilStatus(mounted.el, 'matching');
  await atStep(mounted.el, 'match');
  return mounted;
}

describe('<offline-upload-step-match>', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => localStorage.clear());

  it('is accessible and shows each template column with its match, a sample and the ignored columns', async () => {
    const { el } = await toMatch();
    const step = $(el, 'offline-upload-step-match');
    await expect(step).to.be.accessible();
    const selects = $$<HTMLSelectElement>(el, 'table.match select');
    expect(selects.map((s) => s.selectedOptions[0]!.textContent!.trim())).to.deep.equal([
      'Column B: E-mail address',
      'Column C: Date completed',
      'Column D: Attendance',
      'Column E: Instructor',
      'Not in my file',
    ]);
    const page = text(el);
    expect(page).to.contain('ana@example.com');
    expect(page).to.contain('14/03/2025');
    expect($(el, '#match-ignored').textContent).to.contain('Column A: Learner name');
    // The stepper lists the matching step for this upload.
    expect(text(el)).to.contain('Step 5 of 8');
  });

  it('refuses a mapping without a required column, says so and focuses its select; Continue reads the file with the mapping', async () => {
    const { el } = await toMatch();
    const email = $<HTMLSelectElement>(el, 'select[data-key="identifier"]');
    email.value = '';
    email.dispatchEvent(new Event('change'));
    button(el, /Continue with these columns/).click();
    await waitFor(() => $$(el, '#match-errors').length === 1, 'the errors');
    expect($(el, '#match-errors').textContent).to.contain('Choose the column that holds “Email”: it is required.');
    await waitFor(() => focused(el) === $(el, 'select[data-key="identifier"]'), 'focus on the Email select');
    expect(email.getAttribute('aria-invalid')).to.equal('true');

    // Choose it again with the keyboard: the first option after the placeholder is column A, then B.
    email.focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await waitFor(() => email.value === '1', 'column B chosen');
    button(el, /Continue with these columns/).click();
    await untilStatus(el, 'ready');
    await atStep(el, 'review');
    expect(text(el)).to.contain('Your file’s columns were read as you matched them.');
    expect(el.uploadSession!.state.summary?.records).to.equal(2);
    // Back to the matching step from the review.
    button(el, 'Check the columns').click();
    await atStep(el, 'match');
  });

  it('says when a column is chosen twice', async () => {
    const { el } = await toMatch();
    const trainer = $<HTMLSelectElement>(el, 'select[data-key="trainer"]');
    trainer.value = '1';
    trainer.dispatchEvent(new Event('change'));
    button(el, /Continue with these columns/).click();
    await waitFor(() => $$(el, '#match-errors').length === 1, 'the errors');
    expect($(el, '#match-errors').textContent).to.contain('Column B is chosen for both “Email” and “Trainer”.');
    expect(el.uploadSession!.state.status).to.equal('matching');
  });

  it('changes the header row among the first rows', async () => {
    const { el } = await toMatch(['Fire safety — March,,,', 'Mail,Day,Result,Teacher', 'ana@example.com,14/03/2025,Completed,Sam Lee']);
    const row = $<HTMLSelectElement>(el, '#header-row');
    expect(row.value).to.equal('2');
    expect([...row.options].map((o) => o.textContent!.trim())).to.deep.equal(['Row 1: Fire safety — March', 'Row 2: Mail · Day · Result · Teacher', 'Row 3: ana@example.com · 14/03/2025 · Completed · Sam Lee']);
    row.value = '1';
    row.dispatchEvent(new Event('change'));
    await waitFor(() => el.uploadSession!.state.matching?.match.headerRow === 1, 'row 1');
    await el.updateComplete;
    expect($<HTMLSelectElement>(el, 'select[data-key="identifier"]').value).to.equal('');
  });

  it('speaks Arabic, right to left, and stays accessible', async () => {
    const { el } = await toMatch(OWN, 'ar');
    await waitFor(() => text(el).includes('تحقّق من أعمدة ملفك'), 'the Arabic heading');
    // Latin text inside Arabic is isolated (FSI … PDI) so that it keeps its own direction.
    const words = text(el).replace(/[\u2068\u2069]/g, '');
    expect(words).to.contain('العمود B: E-mail address');
    expect(words).to.contain('أعمدة في ملفك سيتم تجاهلها');
    expect(getComputedStyle($(el, 'table.match')).direction).to.equal('rtl');
    await expect($(el, 'offline-upload-step-match')).to.be.accessible();
  });

  it('tells in the review that US dates were read month first, shows typed → read, and switches back in one click', async () => {
    const mounted = await mount();
    const { el } = mounted;
    await choose(el);
    el.goToStep('upload');
    await el.updateComplete;
    await drop(el, csv(['Email,Completion date,Status', 'ana@example.com,3/10/2025,Completed', 'ben@example.com,12/25/2025,Completed'], 'us.csv'));
    await untilStatus(el, 'ready');
    await atStep(el, 'review');
    const notes = $(el, '#reading-notes');
    expect(notes.textContent).to.contain('Dates in “Completion date” were read as month/day (MM/DD/YYYY)');
    expect(notes.textContent!.replace(/\s+/g, ' ')).to.contain('row 2: 3/10/2025 → Mar 10, 2025');
    await expect($(el, 'offline-upload-step-review')).to.be.accessible();
    button(el, 'Read them as DD/MM/YYYY instead').click();
    await untilStatus(el, 'has-issues');
    await atStep(el, 'review');
    expect(el.uploadSession!.state.issues.map((i) => [i.row, i.code])).to.deep.equal([[3, 'cell-date-invalid']]);
    expect(text(el)).to.contain('are read as DD/MM/YYYY, as you chose');
  });
});
