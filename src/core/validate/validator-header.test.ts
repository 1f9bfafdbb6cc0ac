import { expect } from '@open-wc/testing';
import { assessmentSpec, classroomSpec, realWorldSpec } from '../../../test/fixtures/specs.js';
import type { Cell } from '../cells.js';
import { FileIssueError, type SheetStart } from '../read/types.js';
import type { TemplateSpec } from '../spec.js';
import { createValidator, type ValidatorOptions } from './validator.js';
import { issueMessage } from '../../i18n/issue-message.js';

const TODAY = '2026-06-15';

/** Streams `rows` (row numbers 1, 2, … unless given) into a validator, as a reader would. */
function validate(spec: TemplateSpec, rows: readonly (readonly Cell[] | [number, readonly Cell[]])[], options: ValidatorOptions = {}, start: Partial<SheetStart> = {}) {
  const validator = createValidator(spec, { today: TODAY, describe: issueMessage, ...options });
  validator.start({ format: 'xlsx', sheetName: 'Records', date1904: false, ...start });
  rows.forEach((r, i) => {
    const [row, cells] = typeof r[0] === 'number' && Array.isArray(r[1]) ? (r as [number, Cell[]]) : [i + 1, r as Cell[]];
    validator.row(row, cells);
  });
  return validator.finish();
}

const codes = (issues: readonly { code: string }[]) => issues.map((i) => i.code);
const RW_HEADER = ['Email', 'Completion date', 'Status', 'Score', 'Comments'];
const rwRow = (email: string): Cell[] => [email, { date: '2026-02-03' }, 'Passed', 81, null];

describe('validator: header row', () => {
  it('matches headers in any order, ignoring case, spaces and the required star', () => {
    const result = validate(realWorldSpec, [
      ['  comments', 'STATUS *', 'score', 'completion   date', 'Email *'],
      ['Trainer: Sam', 'passed', 81, { date: '2026-02-03' }, 'Amelie.Martin@Example.org'],
    ]);
    expect(result.issues).to.deep.equal([]);
    expect(result.records).to.deep.equal([
      { row: 2, values: { identifier: 'amelie.martin@example.org', completionDate: '2026-02-03', status: 'Passed', score: 81, comments: 'Trainer: Sam' } },
    ]);
    expect(result.stats.headers).to.deep.equal({
      identifier: 'Email *',
      completionDate: 'completion   date',
      status: 'STATUS *',
      score: 'score',
      comments: 'comments',
    });
  });

  it('skips title rows above the header and keeps the sheet\'s own row numbers', () => {
    const result = validate(realWorldSpec, [
      [1, ['Fire safety — March session']],
      [2, ['Exported 2026-03-01', null, 'by HR']],
      [4, RW_HEADER],
      [5, rwRow('a@example.org')],
      [7, ['b@example.org', 'not a date', 'Passed']],
    ]);
    expect(result.stats.headerRow).to.equal(4);
    expect(result.records.map((r) => r.row)).to.deep.equal([5]);
    expect(result.issues).to.have.length(1);
    expect(result.issues[0]).to.include({ row: 7, column: 'Completion date', code: 'cell-date-invalid' });
  });

  it('needs at least half of the template\'s headers to take a row as the header', () => {
    // Two of five is not enough: "Email" alone in a title row must not be taken for the header.
    const result = validate(realWorldSpec, [['Email', 'Status', 'Region'], RW_HEADER, rwRow('a@example.org')]);
    expect(result.stats.headerRow).to.equal(2);
    expect(result.records).to.have.length(1);
  });

  it('names each missing required column by the template\'s header, and accepts missing optional ones', () => {
    const result = validate(assessmentSpec, [
      ['Employee number', 'Score', 'Certificate expiry'],
      ['E004218', 90, null],
    ]);
    const missing = result.issues.filter((i) => i.code === 'column-missing');
    expect(missing.map((i) => i.column)).to.deep.equal(['Assessment date', 'Result']);
    expect(missing[0]!.message).to.contain('"\u2068Assessment date\u2069"');
    expect(result.records).to.deep.equal([]);

    const optionalMissing = validate(realWorldSpec, [['Email', 'Completion date', 'Status'], ['a@example.org', { date: '2026-02-03' }, 'Failed']]);
    expect(optionalMissing.issues).to.deep.equal([]);
    expect(optionalMissing.records[0]!.values).to.deep.equal({ identifier: 'a@example.org', completionDate: '2026-02-03', status: 'Failed', score: null, comments: null });
  });

  it('ignores extra columns (listed in the match, not issues) and reads the records', () => {
    const result = validate(realWorldSpec, [[...RW_HEADER, 'Region ', 'Notes'], [...rwRow('a@example.org'), 'North', 'x']]);
    expect(result.issues).to.deep.equal([]);
    expect(result.stats.match!.ignored).to.deep.equal([
      { index: 5, header: 'Region' },
      { index: 6, header: 'Notes' },
    ]);
    expect(result.stats.match!.needsConfirmation, 'every template column matched exactly').to.equal(false);
    expect(result.records.map((r) => r.row)).to.deep.equal([2]);
  });

  it('reports values in a column without a header once, by its letter, instead of dropping them', () => {
    const result = validate(realWorldSpec, [RW_HEADER, rwRow('a@example.org'), [...rwRow('b@example.org'), null, 'stray'], [...rwRow('c@example.org'), null, 'more'], [null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, 'x']]);
    const unknown = result.issues.filter((i) => i.code === 'column-unknown');
    expect(unknown.map((i) => i.column)).to.deep.equal(['column G', 'column AB']);
    expect(unknown[0]!.message).to.contain('"\u2068column G\u2069"');
    expect(result.records.map((r) => r.row), 'one pass: the rows still go on to the LMS\'s checks').to.deep.equal([2, 3, 4]);
    expect(result.stats.rows, 'a row with values only outside the template\'s columns is no data row').to.equal(3);
  });

  it('reports a header seen twice and reads the first of the two', () => {
    const result = validate(realWorldSpec, [
      [...RW_HEADER, 'status'],
      ['a@example.org', { date: '2026-02-03' }, 'Passed', 81, null, 'Nonsense'],
    ]);
    expect(codes(result.issues)).to.deep.equal(['column-duplicate']);
    expect(result.issues[0]).to.include({ column: 'status', columnKey: 'status' });
  });

  it('reports file-no-header with the expected headers, and the nearest header found, when no row looks like the header', () => {
    const result = validate(realWorldSpec, [['name', 'date'], ['Jane', '2026-01-01']]);
    expect(codes(result.issues)).to.deep.equal(['file-no-header']);
    expect(result.issues[0]!.params).to.deep.equal({ headers: 'Email, Completion date, Status, Score, Comments', found: 'date', row: 1, expected: 'Completion date' });
    expect(result.issues[0]!.message).to.contain('"\u2068date\u2069" in row 1 looks like "Completion date"');
    expect(result.records).to.deep.equal([]);
    expect(result.stats.headerRow).to.equal(null);
  });

  it('stops reading with file-no-header after ten non-blank rows without a header', () => {
    const validator = createValidator(realWorldSpec, { today: TODAY, describe: issueMessage });
    validator.start({ format: 'csv', sheetName: 'CSV', date1904: false });
    let thrown: unknown;
    let lastRow = 0;
    for (let r = 1; r <= 50 && !thrown; r++) {
      try {
        lastRow = r;
        validator.row(r, ['x', 'y']);
      } catch (e) {
        thrown = e;
      }
    }
    expect(thrown).to.be.instanceOf(FileIssueError);
    expect(lastRow).to.equal(10);
    const result = validator.finish((thrown as FileIssueError).issue);
    expect(codes(result.issues)).to.deep.equal(['file-no-header']);
  });

  it('reports file-empty for a header with no rows under it', () => {
    const result = validate(classroomSpec, [['Email *', 'Completion date *', 'Status *', 'Trainer', 'Comments']]);
    expect(codes(result.issues)).to.deep.equal(['file-empty']);
    expect(result.issues[0]!.message).to.match(/no records under the header/);
    expect(result.stats.rows).to.equal(0);
  });

  it('does not count a row with content only in ignored columns as a data row', () => {
    const result = validate(realWorldSpec, [[...RW_HEADER, 'Notes'], [null, null, null, null, null, 'just a note']]);
    expect(codes(result.issues)).to.deep.equal(['file-empty']);
  });
});

describe('validator: template fingerprint', () => {
  const fingerprint = { activityId: 'act-rw', domainId: 'dom-employees', identifierKind: 'email', templateVersion: 'rw-1' };

  it('accepts a file made for this very choice', () => {
    const result = validate(realWorldSpec, [RW_HEADER, rwRow('a@example.org')], {}, { fingerprint });
    expect(result.issues).to.deep.equal([]);
    expect(result.records).to.have.length(1);
  });

  it('refuses a file made for another activity with one issue naming both, and checks no rows', () => {
    const result = validate(realWorldSpec, [RW_HEADER, rwRow('a@example.org'), ['bad', 'bad', 'bad']], {}, { fingerprint: { ...fingerprint, activityId: 'act-other' } });
    expect(codes(result.issues)).to.deep.equal(['file-template-mismatch']);
    expect(result.issues[0]!.params).to.deep.equal({
      expected: 'Completions (real-world fixtures) / Employees / Email',
      found: 'act-other / Employees / Email',
    });
    expect(result.issues[0]!.message).to.contain('act-other / Employees / Email');
    expect(result.records).to.deep.equal([]);
    expect(result.stats.rows, 'rows are still counted').to.equal(2);
  });

  it('refuses a file made for another identifier kind or domain', () => {
    const result = validate(realWorldSpec, [RW_HEADER, rwRow('a@example.org')], {}, { fingerprint: { ...fingerprint, domainId: 'dom-x', identifierKind: 'username' } });
    expect(codes(result.issues)).to.deep.equal(['file-template-mismatch']);
    expect(result.issues[0]!.params!['found']).to.equal('Completions (real-world fixtures) / dom-x / username');
  });

  it('still reports column problems alongside a wrong template, so everything is fixed at once', () => {
    const result = validate(realWorldSpec, [['Email', 'Completion date', 'Score', 'Region'], ['a@example.org', { date: '2026-02-03' }, 80, 'x']], {}, { fingerprint: { ...fingerprint, activityId: 'act-other' } });
    expect(codes(result.issues)).to.have.members(['file-template-mismatch', 'column-missing']);
  });

  it('refuses an outdated template of the same choice, naming both versions', () => {
    const result = validate(realWorldSpec, [RW_HEADER, rwRow('a@example.org')], {}, { fingerprint: { ...fingerprint, templateVersion: 'rw-0' } });
    expect(codes(result.issues)).to.deep.equal(['file-template-outdated']);
    expect(result.issues[0]!.params).to.deep.equal({ expected: 'rw-1', found: 'rw-0' });
    expect(result.issues[0]!.message).to.contain('rw-0');
    expect(result.records).to.deep.equal([]);
  });

  it('judges only the parts of a fingerprint that are present', () => {
    const result = validate(realWorldSpec, [RW_HEADER, rwRow('a@example.org')], {}, { fingerprint: { activityId: 'act-rw' } });
    expect(result.issues).to.deep.equal([]);
  });
});

describe('validator: row limit', () => {
  it('throws file-too-many-rows at the first row over the limit and keeps no records', () => {
    const validator = createValidator(realWorldSpec, { today: TODAY, maxRows: 3, describe: issueMessage });
    validator.start({ format: 'xlsx', sheetName: 'Records', date1904: false });
    validator.row(1, RW_HEADER);
    for (let r = 2; r <= 4; r++) validator.row(r, rwRow(`u${r}@example.org`));
    let thrown: unknown;
    try {
      validator.row(5, rwRow('u5@example.org'));
    } catch (e) {
      thrown = e;
    }
    expect(thrown).to.be.instanceOf(FileIssueError);
    const issue = (thrown as FileIssueError).issue;
    expect(issue).to.include({ code: 'file-too-many-rows' });
    expect(issue.params).to.deep.equal({ limit: 3 });
    expect(issue.message).to.equal('This file has more than 3 records. Split it into files of at most 3 records each.');
    const result = validator.finish(issue);
    expect(result.issues).to.deep.equal([issue]);
    expect(result.records).to.deep.equal([]);
  });

  it('accepts exactly the limit', () => {
    const result = validate(realWorldSpec, [RW_HEADER, rwRow('a@example.org'), rwRow('b@example.org')], { maxRows: 2 });
    expect(result.records).to.have.length(2);
  });

  it('words a reader\'s file issue with the caller\'s describer', () => {
    const validator = createValidator(realWorldSpec, { describe: (code) => (code === 'file-corrupt' ? 'Fichier endommagé' : code) });
    const result = validator.finish({ code: 'file-corrupt', message: 'file-corrupt', params: { detail: 'bad zip' } });
    expect(result.issues).to.deep.equal([{ code: 'file-corrupt', message: 'Fichier endommagé', params: { detail: 'bad zip' } }]);
    expect(result.stats.format).to.equal(null);
  });
});
