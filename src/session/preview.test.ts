// The records preview and the progress of a file's check, headless: what the admin will see per row, the
// counts that are also the filters, paging, and a bar that moves with every part the LMS answers.
import { expect } from '@open-wc/testing';
import { assessmentSpec, classroomSpec } from '../../test/fixtures/specs.js';
import type { DryRunLabel, UploadRecord } from '../core/records.js';
import { buildPreview, createPlan } from './preview.js';
import { commitProgress, dryRunProgress, READ_SHARE, readProgress } from './progress.js';

const classroom = (n: number): UploadRecord[] =>
  Array.from({ length: n }, (_, i) => ({
    row: i + 2,
    values: { identifier: `learner${i + 1}@example.com`, completionDate: '2026-03-14', status: 'Completed', trainer: null, comments: null },
  }));

describe('buildPreview', () => {
  it('gives each row its identifier, the learner as the LMS named them, date, status and label', () => {
    const records = classroom(3);
    const labels = new Map<number, DryRunLabel>([[2, 'create'], [3, 'already-recorded'], [4, 'create']]);
    const learners = new Map([[2, 'Amelia Hughes'], [3, 'Kwame Mensah']]);
    const preview = buildPreview({ spec: classroomSpec, records, labels, learners, headers: new Map([['identifier', 'E-mail address']]) });
    expect(preview.columns).to.deep.equal({ identifier: 'E-mail address', date: 'Completion date', status: 'Status' });
    expect(preview.counts).to.deep.equal({ create: 2, 'already-recorded': 1 });
    expect(preview.rows(undefined, 0, 10)).to.deep.equal([
      { row: 2, identifier: 'learner1@example.com', learner: 'Amelia Hughes', date: '2026-03-14', status: 'Completed', label: 'create' },
      { row: 3, identifier: 'learner2@example.com', learner: 'Kwame Mensah', date: '2026-03-14', status: 'Completed', label: 'already-recorded' },
      { row: 4, identifier: 'learner3@example.com', date: '2026-03-14', status: 'Completed', label: 'create' },
    ]);
  });

  it('has a score column only when the template has one', () => {
    const records: UploadRecord[] = [{ row: 2, values: { identifier: 'E004217', completionDate: '2026-04-02', score: 82.5, status: 'Passed', expiryDate: null } }];
    const preview = buildPreview({ spec: assessmentSpec, records, labels: new Map([[2, 'create']]) });
    expect(preview.columns).to.deep.equal({ identifier: 'Employee number', date: 'Assessment date', status: 'Result', score: 'Score' });
    expect(preview.rows(undefined, 0, 1)[0]).to.include({ score: 82.5, status: 'Passed' });
  });

  it('filters by label and pages in the file’s row order; the counts match the filters', () => {
    const records = classroom(1000);
    // Every seventh row is already in the LMS (left unchanged).
    const labels = new Map<number, DryRunLabel>(records.map((r) => [r.row, r.row % 7 === 0 ? 'already-recorded' : 'create']));
    const preview = buildPreview({ spec: classroomSpec, records, labels });
    const unchanged = records.filter((r) => r.row % 7 === 0).length;
    expect(preview.counts).to.deep.equal({ create: 1000 - unchanged, 'already-recorded': unchanged });
    expect(preview.count()).to.equal(1000);
    expect(preview.count('already-recorded')).to.equal(unchanged);
    const page = preview.rows('already-recorded', 25, 25);
    expect(page.map((r) => r.row)).to.deep.equal(records.filter((r) => r.row % 7 === 0).slice(25, 50).map((r) => r.row));
    expect(page.every((r) => r.label === 'already-recorded')).to.equal(true);
    expect(preview.rows('create', 0, 3).map((r) => r.row)).to.deep.equal([2, 3, 4]);
    expect(preview.rows(undefined, 990, 25)).to.have.length(10, 'the last page holds what is left');
    expect(preview.rows(undefined, 2000, 25)).to.deep.equal([]);
  });

  it('a row the dry run did not label counts as new; the plan says what Create records will do', () => {
    const preview = buildPreview({ spec: classroomSpec, records: classroom(4), labels: new Map([[3, 'already-recorded']]) });
    expect(preview.counts).to.deep.equal({ create: 3, 'already-recorded': 1 });
    expect(createPlan(preview, 2)).to.deep.equal({ create: 3, unchanged: 1, deleted: 2 });
  });
});

describe('progress', () => {
  it('reading fills the browser’s share, then checking the rows', () => {
    expect(readProgress(50, 100)).to.deep.equal({ phase: 'reading', fraction: READ_SHARE / 2, done: 50, total: 100 });
    expect(readProgress(100, 100).phase).to.equal('validating');
  });

  it('moves with every part the LMS answers, names the part in flight and where the bar gets when it is answered', () => {
    const steps = [0, 500, 1000, 1200].map((done) => dryRunProgress(done, 1200, 500));
    expect(steps.map((p) => [p.chunk, p.chunks])).to.deep.equal([[1, 3], [2, 3], [3, 3], [3, 3]]);
    const fractions = steps.map((p) => p.fraction);
    expect(fractions[0]).to.equal(READ_SHARE);
    expect(fractions.at(-1)).to.equal(1);
    for (let i = 1; i < fractions.length; i++) expect(fractions[i]).to.be.greaterThan(fractions[i - 1]!);
    // Each part in flight ends where the next answer puts the bar: work under way on a known stretch.
    expect(steps[0]!.pendingFraction).to.be.closeTo(steps[1]!.fraction, 1e-9);
    expect(steps[1]!.pendingFraction).to.be.closeTo(steps[2]!.fraction, 1e-9);
    expect(steps.at(-1)!.pendingFraction).to.equal(undefined);
  });

  it('one part: the whole LMS stretch is in flight, the bar is not parked without a word', () => {
    const p = dryRunProgress(0, 12, 500);
    expect(p).to.include({ chunk: 1, chunks: 1, fraction: READ_SHARE, pendingFraction: 1 });
  });

  it('creating is one request: all of the bar in flight', () => {
    expect(commitProgress(12)).to.deep.equal({ phase: 'committing', fraction: 0, done: 0, total: 12, pendingFraction: 1 });
  });
});
