import { expect } from '@open-wc/testing';
import { assessmentSpec, classroomSpec, practicalSpec, realWorldSpec } from '../../../test/fixtures/specs.js';
import type { Cell } from '../cells.js';
import { issueMessagesEn } from '../../i18n/issues.en.js';
import type { SheetStart } from '../read/types.js';
import { TemplateSpec } from '../spec.js';
import { recordValuesSchema } from './schema.js';
import { createValidator, type ValidatorOptions } from './validator.js';
import { issueMessage } from '../../i18n/issue-message.js';

const TODAY = '2026-06-15';

/** One data row under the spec's own headers; returns the issues of that row and its record (if any). */
function check(spec: TemplateSpec, cells: readonly Cell[], options: ValidatorOptions = {}, start: Partial<SheetStart> = {}) {
  const validator = createValidator(spec, { today: TODAY, describe: issueMessage, ...options });
  validator.start({ format: 'xlsx', sheetName: 'Records', date1904: false, ...start });
  validator.row(1, spec.columns.map((c) => c.header));
  validator.row(2, cells);
  const result = validator.finish();
  return { issues: result.issues, record: result.records[0], result };
}

/** A realWorld row with one cell replaced. */
function rw(key: 'identifier' | 'completionDate' | 'status' | 'score' | 'comments', cell: Cell): Cell[] {
  const row: Cell[] = ['amelie.martin@example.org', { date: '2026-02-03' }, 'Passed', 81, 'ok'];
  row[realWorldSpec.columns.findIndex((c) => c.key === key)] = cell;
  return row;
}

const onlyIssue = (issues: readonly { code: string }[]) => {
  expect(issues, JSON.stringify(issues)).to.have.length(1);
  return issues[0] as (typeof issues)[number] & { row?: number; column?: string; columnKey?: string; value?: string; params?: Record<string, unknown>; message: string };
};

describe('validator: required cells', () => {
  for (const [label, cell] of [
    ['empty', null],
    ['spaces', '   '],
    ['non-breaking spaces', '\u00a0\u00a0'],
    ['a zero-width space', '\u200b'],
  ] as const) {
    it(`reports a required cell holding ${label}`, () => {
      const issue = onlyIssue(check(realWorldSpec, rw('status', cell)).issues);
      expect(issue).to.include({ row: 2, column: 'Status', columnKey: 'status', code: 'cell-required' });
      expect(issue.params).to.deep.equal({ header: 'Status' });
      expect(issue.message).to.equal('\u2068Status\u2069 is required. Fill in this cell.');
    });
  }

  it('names the column without the template\'s star in the message, and as written in `column`', () => {
    const validator = createValidator(classroomSpec, { today: TODAY, describe: issueMessage });
    validator.start({ format: 'xlsx', sheetName: 'Records', date1904: false });
    validator.row(1, ['Email *', 'Completion date *', 'Status *', 'Trainer', 'Comments']);
    validator.row(2, ['a@example.org', null, 'Attended']);
    const issue = onlyIssue(validator.finish().issues);
    expect(issue).to.include({ column: 'Completion date *', code: 'cell-required' });
    expect(issue.message).to.equal('\u2068Completion date\u2069 is required. Fill in this cell.');
  });

  it('leaves an empty optional cell as null in the record', () => {
    const { issues, record } = check(realWorldSpec, rw('score', null));
    expect(issues).to.deep.equal([]);
    expect(record!.values['score']).to.equal(null);
  });

  it('makes the score required when the activity\'s rules say so', () => {
    const spec = TemplateSpec.parse({
      ...assessmentSpec,
      columns: assessmentSpec.columns.map((c) => (c.key === 'score' ? { ...c, required: false } : c)),
    });
    const issue = onlyIssue(check(spec, ['E004218', { date: '2026-04-02' }, null, 'Passed']).issues);
    expect(issue).to.include({ code: 'cell-required', columnKey: 'score' });
    const relaxed = TemplateSpec.parse({ ...spec, rules: { ...spec.rules, scoreRequired: false } });
    expect(check(relaxed, ['E004218', { date: '2026-04-02' }, null, 'Passed']).issues).to.deep.equal([]);
  });
});

describe('validator: e-mail identifiers', () => {
  it('lower-cases, trims (NBSP too) and strips mailto:', () => {
    for (const typed of ['Amelie.Martin@Example.ORG', '\u00a0amelie.martin@example.org ', 'mailto:Amelie.Martin@example.org', 'MAILTO:amelie.martin@example.org']) {
      const { issues, record } = check(realWorldSpec, rw('identifier', typed));
      expect(issues, typed).to.deep.equal([]);
      expect(record!.values['identifier'], typed).to.equal('amelie.martin@example.org');
    }
  });

  it('accepts real-world addresses', () => {
    for (const email of ['o\'brien@example.ie', 'first.last+tag@sub.example.co.uk', 'x_y-z@example-mail.com', 'jürgen@exämple.de', 'a@xn--bcher-kva.example']) {
      expect(check(realWorldSpec, rw('identifier', email)).issues, email).to.deep.equal([]);
    }
  });

  it('refuses what no mail system delivers, with an example in the message', () => {
    for (const email of ['jane', 'jane@', '@example.org', 'jane@example', 'jane@@example.org', 'jane doe@example.org', 'jane@exam ple.org', '.jane@example.org', 'jane.@example.org', 'ja..ne@example.org', 'jane@-example.org', 'jane@example.c', 'Jane <jane@example.org>', `${'a'.repeat(65)}@example.org`]) {
      const issue = onlyIssue(check(classroomSpec, [email, { date: '2026-03-14' }, 'Attended']).issues);
      expect(issue.code, email).to.equal('cell-identifier-format');
      expect(issue.params).to.deep.include({ kind: 'email', example: 'jane.doe@example.com' });
      expect(issue.message).to.contain('name@example.com');
    }
  });

  it('refuses a number or a date where an e-mail address belongs', () => {
    expect(onlyIssue(check(realWorldSpec, rw('identifier', 42)).issues).code).to.equal('cell-identifier-format');
    expect(onlyIssue(check(realWorldSpec, rw('identifier', { date: '2026-01-01' })).issues).code).to.equal('cell-identifier-format');
  });
});

describe('validator: identifiers with a pattern', () => {
  it('accepts the domain\'s pattern and says what it expects otherwise', () => {
    expect(check(assessmentSpec, ['E004218', { date: '2026-04-02' }, 90, 'Passed']).issues).to.deep.equal([]);
    const issue = onlyIssue(check(assessmentSpec, ['e004218', { date: '2026-04-02' }, 90, 'Passed']).issues);
    expect(issue).to.include({ code: 'cell-identifier-format', value: 'e004218' });
    expect(issue.params).to.deep.equal({ kind: 'employeeId', label: 'Employee number', hint: 'E followed by 6 digits', example: 'E004217' });
    expect(issue.message).to.equal('This is not a valid Employee number: expected E followed by 6 digits (e.g. E004217).');
  });

  it('anchors the pattern: a valid id inside longer text is refused', () => {
    const spec = TemplateSpec.parse({ ...assessmentSpec, identifierKind: { ...assessmentSpec.identifierKind, pattern: 'E\\d{6}' } });
    expect(onlyIssue(check(spec, ['xE004218y', { date: '2026-04-02' }, 90, 'Passed']).issues).code).to.equal('cell-identifier-format');
    expect(check(spec, ['E004218', { date: '2026-04-02' }, 90, 'Passed']).issues).to.deep.equal([]);
  });

  it('refuses to start with a spec whose pattern is no regular expression, naming it', () => {
    const spec = TemplateSpec.parse({ ...assessmentSpec, identifierKind: { ...assessmentSpec.identifierKind, pattern: 'E(\\d{6}' } });
    expect(() => createValidator(spec)).to.throw(/identifier pattern is not a valid regular expression: E\(\\d\{6\}/);
  });

  it('reads an id stored as a number as its integer text', () => {
    const spec = TemplateSpec.parse({ ...assessmentSpec, identifierKind: { key: 'employeeId', label: 'Employee number', pattern: '^\\d{5}$' } });
    const { issues, record } = check(spec, [12345, { date: '2026-04-02' }, 90, 'Passed']);
    expect(issues).to.deep.equal([]);
    expect(record!.values['identifier']).to.equal('12345');
    // Excel dropped the leading zeros of E004217: the number is shown as it is, and refused.
    const issue = onlyIssue(check(assessmentSpec, [4217, { date: '2026-04-02' }, 90, 'Passed']).issues);
    expect(issue).to.include({ code: 'cell-identifier-format', value: '4217' });
  });

  it('keeps a username as typed apart from surrounding spaces', () => {
    const { record } = check(practicalSpec, [' j.doe-2 ', { date: '2026-05-20' }, 8, 'Completed']);
    expect(record!.values['identifier']).to.equal('j.doe-2');
    expect(onlyIssue(check(practicalSpec, ['JDoe', { date: '2026-05-20' }, 8, 'Completed']).issues).code).to.equal('cell-identifier-format');
  });
});

describe('validator: dates', () => {
  const date = (cell: Cell, options: ValidatorOptions = {}, start: Partial<SheetStart> = {}) => check(realWorldSpec, rw('completionDate', cell), options, start);

  it('takes a date cell\'s date and ignores its time', () => {
    expect(date({ date: '2026-02-03', time: '14:30:00' }).record!.values['completionDate']).to.equal('2026-02-03');
  });

  it('reads a bare number as a serial in the workbook\'s date system', () => {
    expect(date(46056).record!.values['completionDate']).to.equal('2026-02-03');
    expect(date(44594, {}, { date1904: true }).record!.values['completionDate']).to.equal('2026-02-03');
  });

  it('reads ISO text always and day/month/year text by the date order', () => {
    expect(date('2026-02-03').record!.values['completionDate']).to.equal('2026-02-03');
    expect(date('03/02/2026').record!.values['completionDate']).to.equal('2026-02-03');
    expect(date('03.02.2026').record!.values['completionDate']).to.equal('2026-02-03');
    expect(date('02/03/2026', { dateOrder: 'MDY' }).record!.values['completionDate']).to.equal('2026-02-03');
    expect(date('2026/02/03', { dateOrder: 'YMD' }).record!.values['completionDate']).to.equal('2026-02-03');
  });

  it('refuses impossible dates and text that is no date, naming the expected format', () => {
    for (const text of ['31/02/2026', '29/02/2025', '2026-13-01', 'yesterday', '3/2/26', '46056']) {
      const issue = onlyIssue(date(text).issues);
      expect(issue.code, text).to.equal('cell-date-invalid');
      expect(issue.params).to.deep.equal({ order: 'DMY' });
      expect(issue.value).to.equal(text);
    }
    expect(onlyIssue(date('13/31/2026', { dateOrder: 'MDY' }).issues).params).to.deep.equal({ order: 'MDY' });
    expect(onlyIssue(date(true).issues).code).to.equal('cell-date-invalid');
  });

  it('refuses a completion date after today unless the activity allows future dates', () => {
    const issue = onlyIssue(date({ date: '2026-06-16' }).issues);
    expect(issue).to.include({ code: 'cell-date-future', value: '2026-06-16' });
    expect(issue.params).to.deep.equal({ today: TODAY });
    expect(date({ date: TODAY }).issues).to.deep.equal([]);
    const lenient = TemplateSpec.parse({ ...realWorldSpec, rules: { ...realWorldSpec.rules, allowFutureDates: true } });
    expect(check(lenient, rw('completionDate', { date: '2027-01-01' })).issues).to.deep.equal([]);
  });

  it('refuses a completion date before the activity started or after it ended', () => {
    const before = onlyIssue(check(assessmentSpec, ['E004218', { date: '2025-05-31' }, 90, 'Passed']).issues);
    expect(before).to.include({ code: 'cell-date-before-start' });
    expect(before.params).to.deep.equal({ start: '2025-06-01' });
    expect(check(assessmentSpec, ['E004218', { date: '2025-06-01' }, 90, 'Passed']).issues).to.deep.equal([]);
    const after = onlyIssue(check(assessmentSpec, ['E004218', { date: '2028-01-01' }, 90, 'Passed'], { today: '2029-01-01' }).issues);
    expect(after).to.include({ code: 'cell-date-after-end' });
    expect(after.params).to.deep.equal({ end: '2027-12-31' });
  });

  it('applies the activity window only to the completion date, and wants an expiry after it', () => {
    const ok = check(assessmentSpec, ['E004218', { date: '2026-04-02' }, 90, 'Passed', { date: '2030-04-02' }]);
    expect(ok.issues, 'an expiry after today and after the activity end is fine').to.deep.equal([]);
    expect(ok.record!.values['expiryDate']).to.equal('2030-04-02');
    for (const expiry of ['2026-04-02', '2026-01-01']) {
      const issue = onlyIssue(check(assessmentSpec, ['E004218', { date: '2026-04-02' }, 90, 'Passed', expiry]).issues);
      expect(issue).to.include({ code: 'cell-date-not-after-completion', column: 'Certificate expiry' });
      expect(issue.params).to.deep.equal({ header: 'Assessment date', date: '2026-04-02' });
      expect(issue.message).to.contain('after \u2068Assessment date\u2069 (2026-04-02)');
    }
  });
});

describe('validator: numbers', () => {
  const score = (cell: Cell, start: Partial<SheetStart> = {}) => check(realWorldSpec, rw('score', cell), {}, start);
  const big = TemplateSpec.parse({ ...realWorldSpec, columns: realWorldSpec.columns.map((c) => (c.key === 'score' ? { ...c, min: undefined, max: undefined } : c)) });

  it('keeps number cells and reads numbers typed as text, decimal comma or dot', () => {
    expect(score(74.5).record!.values['score']).to.equal(74.5);
    expect(score('74,5').record!.values['score']).to.equal(74.5);
    expect(score(' 74.5 ').record!.values['score']).to.equal(74.5);
    expect(score('0,125').record!.values['score']).to.equal(0.125);
    expect(score(74.50000000000001).record!.values['score'], 'binary noise beyond 15 digits').to.equal(74.5);
  });

  it('reads thousands separators that cannot be mistaken', () => {
    const n = (text: string, start: Partial<SheetStart> = {}) => check(big, rw('score', text), {}, start).record?.values['score'];
    expect(n('1 234,5')).to.equal(1234.5);
    expect(n('1\u00a0234\u00a0567')).to.equal(1234567);
    expect(n('1,234.5')).to.equal(1234.5);
    expect(n('1.234,5')).to.equal(1234.5);
    expect(n('1,234,567')).to.equal(1234567);
    expect(n("12'345")).to.equal(12345);
    expect(n('-12,5')).to.equal(-12.5);
    expect(n('1.250')).to.equal(1.25);
  });

  it('refuses a lone separator before three digits when it may be a thousands separator', () => {
    expect(onlyIssue(check(big, rw('score', '1,250')).issues).code).to.equal('cell-number-invalid');
    // In a ;-separated file decimals are written with a comma, so 1.250 may mean 1250.
    expect(onlyIssue(check(big, rw('score', '1.250'), {}, { format: 'csv', delimiter: ';' }).issues).code).to.equal('cell-number-invalid');
  });

  it('refuses units, percent signs, words and booleans', () => {
    for (const cell of ['85%', '85 pts', '€85', 'eighty', '8 5', '1,2,3', 'NaN', 'Infinity', '0x1A', true] as const) {
      const issue = onlyIssue(score(cell).issues);
      expect(issue.code, String(cell)).to.equal('cell-number-invalid');
      expect(issue.message).to.contain('without units');
    }
  });

  it('reports values out of bounds with both bounds', () => {
    const low = onlyIssue(score(-1).issues);
    expect(low).to.include({ code: 'cell-number-too-small', value: '-1' });
    expect(low.params).to.deep.equal({ min: 0, max: 100 });
    expect(low.message).to.equal('This is below the minimum of 0. Enter a value from 0 to 100.');
    const high = onlyIssue(score('100,5').issues);
    expect(high).to.include({ code: 'cell-number-too-large', value: '100,5' });
    expect(high.message).to.equal('This is above the maximum of 100. Enter a value from 0 up to 100.');
    expect(score(0).issues).to.deep.equal([]);
    expect(score(100).issues).to.deep.equal([]);
  });

  it('wants whole numbers in an integer column', () => {
    const hours = (cell: Cell) => check(practicalSpec, ['jsmith', { date: '2026-05-20' }, cell, 'Completed']);
    expect(hours(8).record!.values['hours']).to.equal(8);
    expect(hours('8').record!.values['hours']).to.equal(8);
    expect(onlyIssue(hours(7.5).issues).code).to.equal('cell-integer-invalid');
    expect(onlyIssue(hours('7,5').issues).code).to.equal('cell-integer-invalid');
    expect(onlyIssue(hours('8 h').issues).code).to.equal('cell-integer-invalid');
    expect(onlyIssue(hours(41).issues)).to.include({ code: 'cell-number-too-large' });
    expect(onlyIssue(hours(0).issues)).to.include({ code: 'cell-number-too-small' });
  });
});

describe('validator: choices and text', () => {
  it('matches choices case-insensitively, trimmed and normalised, and stores the canonical spelling', () => {
    for (const typed of ['passed', ' PASSED ', 'Passed\u00a0']) {
      expect(check(realWorldSpec, rw('status', typed)).record!.values['status'], typed).to.equal('Passed');
    }
    const practical = check(practicalSpec, ['jsmith', { date: '2026-05-20' }, 8, 'not   COMPLETED']);
    expect(practical.record!.values['status']).to.equal('Not completed');
  });

  it('matches composed and decomposed accents alike', () => {
    const spec = TemplateSpec.parse({ ...realWorldSpec, columns: realWorldSpec.columns.map((c) => (c.key === 'status' ? { ...c, choices: ['Réussi', 'Échoué'] } : c)) });
    const decomposed = 'Re\u0301ussi';
    expect(check(spec, rw('status', decomposed)).record!.values['status']).to.equal('Réussi');
  });

  it('lists the allowed values when a choice is not one of them', () => {
    const issue = onlyIssue(check(realWorldSpec, rw('status', 'Pass')).issues);
    expect(issue).to.include({ code: 'cell-choice-invalid', value: 'Pass' });
    expect(issue.params).to.deep.equal({ choices: 'Passed, Failed, Completed' });
    expect(issue.message).to.equal('This is not one of the allowed values. Use one of: Passed, Failed, Completed.');
  });

  it('refuses text longer than the column allows and shortens the value shown', () => {
    const long = 'x'.repeat(501);
    const issue = onlyIssue(check(realWorldSpec, rw('comments', long)).issues);
    expect(issue).to.include({ code: 'cell-text-too-long' });
    expect(issue.params).to.deep.equal({ max: 500, length: 501 });
    expect(issue.value!.length).to.equal(120);
    expect(check(realWorldSpec, rw('comments', 'x'.repeat(500))).issues).to.deep.equal([]);
  });

  it('keeps markup and formula-like text as plain text', () => {
    for (const text of ['<img src=x onerror=alert(1)>', '=HYPERLINK("http://evil","click")', '@SUM(1)']) {
      const { issues, record } = check(realWorldSpec, rw('comments', text));
      expect(issues).to.deep.equal([]);
      expect(record!.values['comments']).to.equal(text);
    }
  });

  it('reads a number or date in a text column as the admin sees it', () => {
    expect(check(realWorldSpec, rw('comments', 12)).record!.values['comments']).to.equal('12');
    expect(check(realWorldSpec, rw('comments', { date: '2026-01-01' })).record!.values['comments']).to.equal('2026-01-01');
  });
});

describe('validator: formula cells', () => {
  it('reports a formula with no saved result, and a formula error with its value', () => {
    const none = onlyIssue(check(realWorldSpec, rw('score', { error: 'formula-no-result', text: 'B2*2' })).issues);
    expect(none).to.include({ code: 'cell-formula-no-result', value: 'B2*2' });
    const error = onlyIssue(check(realWorldSpec, rw('status', { error: 'formula-error', text: '#N/A' })).issues);
    expect(error).to.include({ code: 'cell-formula-error', value: '#N/A' });
    expect(error.params).to.deep.equal({ error: '#N/A' });
    expect(error.message).to.contain('(\u2068#N/A\u2069)');
  });
});

describe('validator: issues as data', () => {
  it('has no words of its own: without a describer, the message is the code', () => {
    const { issues } = check(realWorldSpec, ['bad', { date: '2026-02-03' }, 'Nope', 81], { describe: undefined });
    expect(issues.map((i) => i.message)).to.deep.equal(['cell-identifier-format', 'cell-choice-invalid']);
    expect(issues[1]!.params).to.deep.equal({ choices: 'Passed, Failed, Completed' });
  });

  it('orders issues by row, then by the template\'s column order', () => {
    const validator = createValidator(realWorldSpec, { today: TODAY, describe: issueMessage });
    validator.start({ format: 'xlsx', sheetName: 'Records', date1904: false });
    validator.row(1, ['Comments', 'Score', 'Status', 'Completion date', 'Email']);
    validator.row(2, ['x'.repeat(600), 'abc', 'nope', 'bad', 'bad']);
    validator.row(3, [null, null, 'Passed', '2026-01-01', 'b@example.org']);
    const { issues } = validator.finish();
    expect(issues.map((i) => [i.row, i.columnKey, i.code])).to.deep.equal([
      [2, 'identifier', 'cell-identifier-format'],
      [2, 'completionDate', 'cell-date-invalid'],
      [2, 'status', 'cell-choice-invalid'],
      [2, 'score', 'cell-number-invalid'],
      [2, 'comments', 'cell-text-too-long'],
    ]);
  });

  it('words messages with the caller\'s describer (here: a host table over the English one)', () => {
    const messages = { 'cell-choice-invalid': (p: Record<string, unknown>) => `Valeur non autorisée. Choisissez : ${String(p['choices'])}.` };
    const { issues } = check(realWorldSpec, ['bad', { date: '2026-02-03' }, 'Nope', 81], { describe: (code, params) => issueMessage(code, params, messages) });
    expect(issues.map((i) => i.message)).to.deep.equal([
      issueMessagesEn['cell-identifier-format']({ kind: 'email', label: 'Email' }),
      'Valeur non autorisée. Choisissez : Passed, Failed, Completed.',
    ]);
  });

  it('produces records that satisfy the zod schema built from the spec', () => {
    const validator = createValidator(assessmentSpec, { today: TODAY, describe: issueMessage });
    validator.start({ format: 'xlsx', sheetName: 'Records', date1904: false });
    validator.row(1, assessmentSpec.columns.map((c) => c.header));
    validator.row(2, ['E000001', '02/04/2026', '82,5', 'passed', '2028-04-02']);
    validator.row(3, ['E000002', 46000, 70, 'FAILED']);
    const { records } = validator.finish();
    expect(records).to.have.length(2);
    const schema = recordValuesSchema(assessmentSpec, { today: TODAY });
    for (const record of records) expect(schema.safeParse(record.values).success, JSON.stringify(record)).to.equal(true);
    expect(schema.safeParse({ ...records[0]!.values, score: 101 }).success).to.equal(false);
    expect(schema.safeParse({ ...records[0]!.values, status: 'passed' }).success).to.equal(false);
  });
});
