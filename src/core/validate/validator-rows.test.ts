import { expect } from '@open-wc/testing';
import { assessmentSpec, classroomSpec, practicalSpec, realWorldSpec } from '../../../test/fixtures/specs.js';
import type { Cell } from '../cells.js';
import type { TemplateSpec } from '../spec.js';
import { createValidator, type ValidatorOptions } from './validator.js';
import { issueMessage } from '../../i18n/issue-message.js';

const TODAY = '2026-06-15';

function validate(spec: TemplateSpec, rows: readonly (readonly Cell[])[], options: ValidatorOptions = {}) {
  const validator = createValidator(spec, { today: TODAY, describe: issueMessage, ...options });
  validator.start({ format: 'xlsx', sheetName: 'Records', date1904: false });
  validator.row(1, spec.columns.map((c) => c.header));
  rows.forEach((cells, i) => validator.row(i + 2, cells));
  return validator.finish();
}

const rw = (email: string, status = 'Passed'): Cell[] => [email, { date: '2026-02-03' }, status, 81, null];

describe('validator: the same user twice', () => {
  it('flags both rows, each naming the other', () => {
    const result = validate(realWorldSpec, [rw('a@example.org'), rw('b@example.org'), rw('a@example.org', 'Failed')]);
    const dupes = result.issues.filter((i) => i.code === 'row-duplicate-user');
    expect(dupes.map((i) => [i.row, i.params?.['otherRow']])).to.deep.equal([
      [2, 4],
      [4, 2],
    ]);
    expect(dupes[0]).to.include({ column: 'Email', columnKey: 'identifier', value: 'a@example.org' });
    expect(dupes[0]!.message).to.equal('This user already appears in row 4. Keep one row per user: merge or delete the duplicate.');
    expect(result.records.map((r) => r.row)).to.deep.equal([3]);
    expect(result.stats.rowsWithIssues).to.equal(2);
  });

  it('names the first other row for three copies or more', () => {
    const result = validate(realWorldSpec, [rw('a@example.org'), rw('a@example.org'), rw('a@example.org'), rw('a@example.org')]);
    expect(result.issues.map((i) => [i.row, i.params?.['otherRow']])).to.deep.equal([
      [2, 3],
      [3, 2],
      [4, 2],
      [5, 2],
    ]);
  });

  it('compares e-mail addresses after normalising them', () => {
    const result = validate(realWorldSpec, [rw('Jane.Doe@Example.org'), rw(' mailto:jane.doe@example.org')]);
    expect(result.issues.map((i) => i.code)).to.deep.equal(['row-duplicate-user', 'row-duplicate-user']);
  });

  it('flags a duplicate even when the row has other issues too, and not rows whose identifier is invalid', () => {
    const result = validate(realWorldSpec, [rw('a@example.org'), ['a@example.org', 'bad date', 'Passed'], rw('not-an-email'), rw('not-an-email')]);
    expect(result.issues.map((i) => [i.row, i.code])).to.deep.equal([
      [2, 'row-duplicate-user'],
      [3, 'row-duplicate-user'],
      [3, 'cell-date-invalid'],
      [4, 'cell-identifier-format'],
      [5, 'cell-identifier-format'],
    ]);
  });

  it('flags the first duplicate of a file when the first row had issues of its own', () => {
    const result = validate(realWorldSpec, [['a@example.org', 'bad date', 'Passed'], rw('b@example.org'), rw('c@example.org'), rw('A@example.org'), rw('c@example.org')]);
    expect(result.issues.map((i) => [i.row, i.code, i.params?.['otherRow']])).to.deep.equal([
      [2, 'row-duplicate-user', 5],
      [2, 'cell-date-invalid', undefined],
      [4, 'row-duplicate-user', 6],
      [5, 'row-duplicate-user', 2],
      [6, 'row-duplicate-user', 4],
    ]);
    expect(result.records.map((r) => r.row)).to.deep.equal([3]);
    expect(result.stats.rowsWithIssues).to.equal(4);
  });

  it('does not treat different employee numbers as the same user', () => {
    const result = validate(assessmentSpec, [
      ['E000001', { date: '2026-04-02' }, 90, 'Passed'],
      ['E000010', { date: '2026-04-02' }, 90, 'Passed'],
    ]);
    expect(result.issues).to.deep.equal([]);
  });
});

describe('validator: the sample row left in', () => {
  const classroomSample: Cell[] = ['jane.doe@example.com', { date: '2026-03-14' }, 'Completed', 'Sam Lee'];

  it('recognises the untouched sample and reports only that', () => {
    // A "today" before the sample's date: the sample is still reported as the sample, not as a future date.
    const result = validate(classroomSpec, [classroomSample, ['a@example.org', { date: '2026-01-10' }, 'Attended']], { today: '2026-02-01' });
    expect(result.issues.map((i) => [i.row, i.code])).to.deep.equal([[2, 'row-sample-left-in']]);
    expect(result.issues[0]!.message).to.equal('This is the template\'s sample row. Delete it before uploading.');
    expect(result.records.map((r) => r.row)).to.deep.equal([3]);
  });

  it('recognises it as read back from a file: date as text or serial, other case, spaces', () => {
    for (const cells of [
      ['Jane.Doe@example.com ', '2026-03-14', 'completed', 'Sam Lee'],
      ['jane.doe@example.com', 46095, 'Completed', 'Sam Lee'],
      ['jane.doe@example.com', { date: '2026-03-14' }, 'Completed'],
    ] as Cell[][]) {
      const result = validate(classroomSpec, [cells]);
      expect(result.issues.map((i) => i.code), JSON.stringify(cells)).to.deep.equal(['row-sample-left-in']);
    }
  });

  it('takes a row with the sample\'s identifier but other values for a real row', () => {
    const result = validate(classroomSpec, [['jane.doe@example.com', { date: '2026-03-15' }, 'Completed', 'Sam Lee']]);
    expect(result.issues).to.deep.equal([]);
    expect(result.records).to.have.length(1);
    const unreadable = validate(classroomSpec, [['jane.doe@example.com', 'soon', 'Completed', 'Sam Lee']]);
    expect(unreadable.issues.map((i) => i.code)).to.deep.equal(['cell-date-invalid']);
  });

  it('recognises the sample of every fixture spec, built from its examples', () => {
    const samples: [TemplateSpec, Cell[]][] = [
      [assessmentSpec, ['E004217', { date: '2026-04-02' }, 82.5, 'Passed']],
      [practicalSpec, ['jdoe', { date: '2026-05-20' }, 8, 'Completed']],
      // No examples in this spec: the template's fallbacks (a made-up address, the start date, the first choice).
      [realWorldSpec, ['jane.doe@example.com', { date: '2020-01-01' }, 'Passed']],
    ];
    for (const [spec, cells] of samples) {
      expect(validate(spec, [cells]).issues.map((i) => i.code), spec.version).to.deep.equal(['row-sample-left-in']);
    }
  });
});

describe('validator: records and stats', () => {
  it('keeps only the spec\'s keys, nulls for empty or absent optional columns, the sheet\'s row numbers', () => {
    const validator = createValidator(realWorldSpec, { today: TODAY, describe: issueMessage });
    validator.start({ format: 'csv', sheetName: 'completions.csv', date1904: false, delimiter: ',' });
    validator.row(3, ['Email', 'Completion date', 'Status', 'Region']);
    validator.row(4, ['a@example.org', '2026-02-03', 'passed', 'North']);
    validator.row(9, ['b@example.org', '03/02/2026', 'Completed', null]);
    const result = validator.finish();
    expect(result.records).to.deep.equal([
      { row: 4, values: { identifier: 'a@example.org', completionDate: '2026-02-03', status: 'Passed', score: null, comments: null } },
      { row: 9, values: { identifier: 'b@example.org', completionDate: '2026-02-03', status: 'Completed', score: null, comments: null } },
    ]);
    expect(result.issues, 'Region is ignored').to.deep.equal([]);
    const { match, ...stats } = result.stats;
    expect(match!.ignored).to.deep.equal([{ index: 3, header: 'Region' }]);
    expect(stats).to.deep.equal({
      rows: 2,
      records: 2,
      rowsWithIssues: 0,
      sheetName: 'completions.csv',
      format: 'csv',
      headerRow: 3,
      headers: { identifier: 'Email', completionDate: 'Completion date', status: 'Status' },
      columns: { identifier: 0, completionDate: 1, status: 2 },
      issuesFound: 0,
      // The first rows as text, for the matching screen (header row choices, sample values).
      topRows: [
        { row: 3, cells: ['Email', 'Completion date', 'Status', 'Region'] },
        { row: 4, cells: ['a@example.org', '2026-02-03', 'passed', 'North'] },
        { row: 9, cells: ['b@example.org', '03/02/2026', 'Completed'] },
      ],
    });
  });

  it('returns every clean row as a record and counts rows with issues', () => {
    const result = validate(realWorldSpec, [rw('a@example.org'), ['b@example.org', { date: '2026-02-03' }, 'Completed', null, 'ok'], rw('bad'), rw('c@example.org', 'Nope')]);
    expect(result.records).to.deep.equal([
      { row: 2, values: { identifier: 'a@example.org', completionDate: '2026-02-03', status: 'Passed', score: 81, comments: null } },
      { row: 3, values: { identifier: 'b@example.org', completionDate: '2026-02-03', status: 'Completed', score: null, comments: 'ok' } },
    ]);
    expect(result.stats).to.include({ rows: 4, records: 2, rowsWithIssues: 2 });
  });

  it('validates 50,000 rows in one pass, keeping every record (its speed is measured by npm run bench)', () => {
    const validator = createValidator(realWorldSpec, { today: TODAY, describe: issueMessage });
    validator.start({ format: 'xlsx', sheetName: 'Records', date1904: false });
    validator.row(1, ['Email', 'Completion date', 'Status', 'Score', 'Comments']);
    const cells: Cell[] = ['', { date: '2026-02-03' }, 'passed', 81, 'ok'];
    for (let r = 2; r <= 50_001; r++) {
      cells[0] = `user${r}@example.org`;
      validator.row(r, cells);
    }
    const result = validator.finish();
    expect(result.records).to.have.length(50_000);
    expect(result.records[49_999]!.values['identifier']).to.equal('user50001@example.org');
    expect(result.issues).to.deep.equal([]);
  });
});
