import { expect } from '@open-wc/testing';
import { assessmentSpec, classroomSpec, realWorldSpec } from '../../test/fixtures/specs.js';
import type { Issue } from './issues.js';
import type { DryRunLabel, UploadRecord } from './records.js';
import { summarise } from './summary.js';

const record = (row: number, identifier: string, completionDate: string, status: string): UploadRecord => ({
  row,
  values: { identifier, completionDate, status, trainer: null, comments: null },
});

describe('summarise', () => {
  const records = [
    record(2, 'a@example.org', '2026-03-14', 'Completed'),
    record(3, 'b@example.org', '2026-01-05', 'Attended'),
    record(5, 'c@example.org', '2026-04-30', 'Completed'),
  ];
  const issues: Issue[] = [
    { code: 'column-unknown', column: 'Region', message: 'm' },
    { row: 4, column: 'Email', columnKey: 'identifier', code: 'cell-identifier-format', message: 'm', value: 'x' },
    { row: 4, column: 'Status', columnKey: 'status', code: 'cell-choice-invalid', message: 'm', value: 'y' },
    { row: 6, code: 'row-sample-left-in', message: 'm' },
    { row: 7, column: 'Email', columnKey: 'identifier', code: 'row-duplicate-user', message: 'm', params: { otherRow: 8 } },
    { row: 8, column: 'Email', columnKey: 'identifier', code: 'cell-identifier-format', message: 'm' },
  ];

  it('counts records, users, the completion date range and records by status', () => {
    const summary = summarise({ records, issues: [], rows: 3 }, classroomSpec);
    expect(summary).to.deep.include({
      records: 3,
      rows: 3,
      distinctUsers: 3,
      dateRange: { from: '2026-01-05', to: '2026-04-30' },
      byStatus: { Completed: 2, Attended: 1 },
      statusColumn: 'Status',
      byLabel: {},
      issues: 0,
      rowsWithIssues: 0,
    });
  });

  it('counts issues by code and by column, file- and row-level ones under the empty string', () => {
    const summary = summarise({ records, issues, rows: 8 }, classroomSpec);
    expect(summary.issues).to.equal(6);
    expect(summary.rowsWithIssues).to.equal(4);
    expect(summary.issuesByCode).to.deep.equal({ 'column-unknown': 1, 'cell-identifier-format': 2, 'cell-choice-invalid': 1, 'row-sample-left-in': 1, 'row-duplicate-user': 1 });
    expect(summary.issuesByColumn).to.deep.equal({ '': 3, Email: 2, Status: 1 });
  });

  it('counts rows from records and issues when the caller does not know them', () => {
    expect(summarise({ records, issues }, classroomSpec).rows).to.equal(3 + 4);
  });

  it('counts the dry run\'s label of each record', () => {
    const labels = new Map<number, DryRunLabel>([
      [2, 'create'],
      [3, 'already-recorded'],
      [5, 'create'],
      [99, 'conflict'],
    ]);
    expect(summarise({ records, issues: [] }, classroomSpec, labels).byLabel).to.deep.equal({ create: 2, 'already-recorded': 1 });
  });

  it('has no date range or status counts when there is nothing to count', () => {
    const summary = summarise({ records: [], issues: [] }, realWorldSpec);
    expect(summary.dateRange).to.equal(null);
    expect(summary.byStatus).to.deep.equal({});
    expect(summary.statusColumn).to.equal('Status');
    expect(summary.rows).to.equal(0);
  });

  it('counts one user once however the records spell it after normalisation', () => {
    const twice = [
      { row: 2, values: { identifier: 'E000001', completionDate: '2026-04-02', score: 80, status: 'Passed', expiryDate: null } },
      { row: 3, values: { identifier: 'E000001', completionDate: '2026-05-02', score: 40, status: 'Failed', expiryDate: null } },
    ];
    const summary = summarise({ records: twice, issues: [] }, assessmentSpec);
    expect(summary.distinctUsers).to.equal(1);
    expect(summary.byStatus).to.deep.equal({ Passed: 1, Failed: 1 });
    expect(summary.statusColumn).to.equal('Result');
  });
});
