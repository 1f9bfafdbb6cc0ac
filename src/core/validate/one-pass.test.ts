// The review an admin can trust, in core: real files written in the test (exceljs, CSV text, hand-written
// XML as openpyxl writes it) read through validateSpreadsheet. Own headers matched; column problems that
// leave the identifier and required columns found do not hold back the rows; text dates never swapped
// silently; formulas without a saved result never read as blanks; row limits stop reading early.
import { expect } from '@open-wc/testing';
import { xlsxFromParts } from '../../../test/fixtures/read/support.js';
import { assessmentSpec, classroomSpec } from '../../../test/fixtures/specs.js';
import { validateSpreadsheet } from '../pipeline.js';
import { issueMessagesEn, readingNoticeMessagesEn } from '../../i18n/issues.en.js';
import { issueMessage } from '../../i18n/issue-message.js';
import { issueMessagesFr, readingNoticeMessagesFr } from '../../i18n/issues.fr.js';

const TODAY = '2026-11-28';
/** A message without its bidi isolates (echoed file text is wrapped in them). */
const plain = (text: string) => text.replace(/[\u2068\u2069]/g, '');
const csv = (lines: readonly string[]) => new TextEncoder().encode(`${lines.join('\r\n')}\r\n`);
const at = (issues: readonly { row?: number; code: string; column?: string }[]) => issues.map((i) => [i.row ?? 0, i.code, i.column ?? '']);

async function excelFile(rows: readonly (readonly unknown[])[]): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Completions');
  for (const row of rows) sheet.addRow([...row]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe('one pass: own headers and column problems', () => {
  it('reads a sheet with the admin\'s own headers and an extra column, and says it needs confirming', async () => {
    const file = await excelFile([
      ['Learner name', 'E-mail address', 'Date completed', 'Status', 'Instructor'],
      ['Jane Roe', 'jane.roe@example.com', new Date(Date.UTC(2026, 2, 14)), 'Completed', 'Sam Lee'],
      ['Omar Haddad', 'omar.haddad@example.com', '15/03/2026', 'attended', null],
    ]);
    const result = await validateSpreadsheet(file, classroomSpec, { describe: issueMessage, today: TODAY });
    expect(result.issues).to.deep.equal([]);
    expect(result.records.map((r) => [r.row, r.values['identifier'], r.values['completionDate'], r.values['status'], r.values['trainer']])).to.deep.equal([
      [2, 'jane.roe@example.com', '2026-03-14', 'Completed', 'Sam Lee'],
      [3, 'omar.haddad@example.com', '2026-03-15', 'Attended', null],
    ]);
    const match = result.stats.match!;
    expect(match.needsConfirmation).to.equal(true);
    expect(match.ignored).to.deep.equal([{ index: 0, header: 'Learner name' }]);
    expect(result.stats.headers).to.deep.include({ identifier: 'E-mail address', completionDate: 'Date completed' });
  });

  it('a remembered mapping reads the same sheet with nothing to confirm', async () => {
    const file = csv(['Who,When,Outcome', 'jane.roe@example.com,14/03/2026,Completed']);
    const first = await validateSpreadsheet(file, classroomSpec, { describe: issueMessage, today: TODAY });
    expect(first.issues.map((i) => i.code)).to.deep.equal(['file-no-header']);
    const remembered = { identifier: 'Who', completionDate: 'When', status: 'Outcome' };
    const again = await validateSpreadsheet(file, classroomSpec, { describe: issueMessage, today: TODAY, match: { remembered } });
    expect(again.issues).to.deep.equal([]);
    expect(again.stats.match!.needsConfirmation).to.equal(false);
    expect(again.records).to.have.length(1);
  });

  it('keeps the rows that passed when a column problem leaves the identifier and required columns found', async () => {
    // Values typed in a column with no header, plus a typo'd e-mail domain and an unknown user: the two
    // addresses are well formed, so they go on to the LMS's dry run with the others, in the same round.
    const file = await excelFile([
      ['Email', 'Completion date', 'Status', 'Trainer', null],
      ['ana@northwind.example', '14/03/2026', 'Completed', null, 'sat at the back'],
      ['ben@northwind.exmaple', '14/03/2026', 'Completed'],
      ['nobody.here@northwind.example', '14/03/2026', 'Completed'],
      ['not-an-address', '14/03/2026', 'Completed'],
    ]);
    const result = await validateSpreadsheet(file, classroomSpec, { describe: issueMessage, today: TODAY });
    expect(at(result.issues)).to.deep.equal([
      [0, 'column-unknown', 'column E'],
      [5, 'cell-identifier-format', 'Email'],
    ]);
    expect(result.records.map((r) => r.row)).to.deep.equal([2, 3, 4]);
    expect(result.stats).to.include({ rows: 4, records: 3, rowsWithIssues: 1 });
  });

  it('still holds every row back when a required column is missing, naming the header that looks like it', async () => {
    const result = await validateSpreadsheet(csv(['Email,Dte compl,Status,Trainer', 'ana@example.com,14/03/2026,Completed,Sam']), classroomSpec, { describe: issueMessage, today: TODAY });
    expect(result.issues.map((i) => [i.code, i.params?.['nearest']])).to.deep.equal([['column-missing', 'Dte compl']]);
    expect(plain(result.issues[0]!.message)).to.contain('"Dte compl" looks like it');
    expect(result.records).to.deep.equal([]);
  });

  it('refuses a sheet with no header row by naming the nearest header it found', async () => {
    const result = await validateSpreadsheet(csv(['Nom,Mail adres,Jour', 'Ana,ana@example.com,14/03/2026']), classroomSpec, { describe: issueMessage, today: TODAY });
    expect(result.issues.map((i) => i.code)).to.deep.equal(['file-no-header']);
    expect(result.issues[0]!.params).to.deep.include({ found: 'Mail adres', row: 1, expected: 'Email' });
    expect(issueMessagesFr['file-no-header'](result.issues[0]!.params!)).to.contain('«\u00a0Mail adres\u00a0», ligne 1, ressemble à «\u00a0Email\u00a0»');
  });
});

describe('no silent misreads: text dates', () => {
  it('reads a US-dated column month first when some dates only make sense so, with a notice', async () => {
    const file = csv(['Email,Completion date,Status', 'a@example.com,3/10/2026,Completed', 'b@example.com,3/25/2026,Completed', 'c@example.com,2026-03-26,Completed']);
    const result = await validateSpreadsheet(file, classroomSpec, { describe: issueMessage, today: TODAY, dateOrder: 'DMY' });
    expect(result.issues).to.deep.equal([]);
    expect(result.records.map((r) => r.values['completionDate'])).to.deep.equal(['2026-03-10', '2026-03-25', '2026-03-26']);
    expect(result.notices).to.deep.equal([
      {
        code: 'date-order-switched',
        column: 'Completion date',
        columnKey: 'completionDate',
        params: { column: 'Completion date', order: 'MDY', configured: 'DMY', format: 'MM/DD/YYYY' },
        // As typed → as read, for the review's "3/10/2026 → 10 Mar 2026" (ISO dates need no reading).
        examples: [
          { row: 2, text: '3/10/2026', read: '2026-03-10' },
          { row: 3, text: '3/25/2026', read: '2026-03-25' },
        ],
      },
    ]);
    expect(readingNoticeMessagesEn['date-order-switched'](result.notices![0]!.params!)).to.contain('read month first (MM/DD/YYYY)');
    expect(readingNoticeMessagesFr['date-order-switched'](result.notices![0]!.params!)).to.contain('mois en premier');

    // The switch back: the admin insists on day first; the impossible date is then an issue, 3/10 is 3 October.
    const back = await validateSpreadsheet(file, classroomSpec, { describe: issueMessage, today: TODAY, dateOrder: 'DMY', dateOrders: { completionDate: 'DMY' } });
    expect(back.notices).to.equal(undefined);
    expect(at(back.issues)).to.deep.equal([[3, 'cell-date-invalid', 'Completion date']]);
    expect(back.records.map((r) => r.values['completionDate'])).to.deep.equal(['2026-10-03', '2026-03-26']);
  });

  it('flags every ambiguous date with both readings when neither order fits the whole column', async () => {
    const file = csv(['Email,Completion date,Status', 'a@example.com,3/10/2026,Completed', 'b@example.com,25/3/2026,Completed', 'c@example.com,3/25/2026,Completed', 'd@example.com,7/7/2026,Completed']);
    const result = await validateSpreadsheet(file, classroomSpec, { describe: issueMessage, today: TODAY, dateOrder: 'DMY' });
    expect(at(result.issues)).to.deep.equal([
      [2, 'cell-date-ambiguous', 'Completion date'],
      [4, 'cell-date-invalid', 'Completion date'],
    ]);
    const ambiguous = result.issues[0]!;
    expect(ambiguous).to.include({ value: '3/10/2026' });
    expect(ambiguous.params).to.deep.equal({ first: '2026-10-03', second: '2026-03-10', order: 'DMY', otherOrder: 'MDY', format: 'DD/MM/YYYY', otherFormat: 'MM/DD/YYYY' });
    expect(issueMessagesEn['cell-date-ambiguous'](ambiguous.params!)).to.contain('2026-10-03 (DD/MM/YYYY) or 2026-03-10 (MM/DD/YYYY)');
    // 25/3 is only a date day first; 7/7 reads the same either way: both kept.
    expect(result.records.map((r) => [r.row, r.values['completionDate']])).to.deep.equal([
      [3, '2026-03-25'],
      [5, '2026-07-07'],
    ]);
    expect(result.notices).to.equal(undefined);
  });

  it('reads a column of dates that fit both orders in the configured one, without a word', async () => {
    const file = csv(['Email,Completion date,Status', 'a@example.com,3/10/2026,Completed', 'b@example.com,4/11/2026,Completed']);
    const dmy = await validateSpreadsheet(file, classroomSpec, { describe: issueMessage, today: TODAY, dateOrder: 'DMY' });
    expect(dmy.records.map((r) => r.values['completionDate'])).to.deep.equal(['2026-10-03', '2026-11-04']);
    const mdy = await validateSpreadsheet(file, classroomSpec, { describe: issueMessage, today: TODAY, dateOrder: 'MDY' });
    expect(mdy.records.map((r) => r.values['completionDate'])).to.deep.equal(['2026-03-10', '2026-04-11']);
    expect([dmy.notices, mdy.notices, dmy.issues.length, mdy.issues.length]).to.deep.equal([undefined, undefined, 0, 0]);
  });
});

describe('no silent misreads: formulas without a saved result', () => {
  it('an openpyxl-style empty <v></v> is cell-formula-no-result, in a required date and an optional score alike', async () => {
    const shared = ['Employee number', 'Assessment date', 'Score', 'Result', 'E004218', 'Passed'];
    const s = (text: string) => shared.indexOf(text);
    const file = xlsxFromParts({
      sheets: [
        {
          name: 'Records',
          xml:
            `<row r="1">${['A', 'B', 'C', 'D'].map((c, i) => `<c r="${c}1" t="s"><v>${i}</v></c>`).join('')}</row>` +
            `<row r="2"><c r="A2" t="s"><v>${s('E004218')}</v></c><c r="B2"><f>TODAY()-3</f><v></v></c><c r="C2"><f>AVERAGE(F2:H2)</f><v/></c><c r="D2" t="s"><v>${s('Passed')}</v></c></row>`,
        },
      ],
      sharedStrings: shared,
    });
    const result = await validateSpreadsheet(file, { ...assessmentSpec, rules: { ...assessmentSpec.rules, scoreRequired: false } }, { describe: issueMessage, today: TODAY });
    expect(result.issues.map((i) => [i.row, i.code, i.column, i.value])).to.deep.equal([
      [2, 'cell-formula-no-result', 'Assessment date', '=TODAY()-3'],
      [2, 'cell-formula-no-result', 'Score', '=AVERAGE(F2:H2)'],
    ]);
    expect(result.records).to.deep.equal([]);
  });
});

describe('row limits while reading', () => {
  const rows = (n: number) => ['Email,Completion date,Status', ...Array.from({ length: n }, (_, i) => `u${i}@example.com,14/03/2026,Completed`)];

  it('stops at the first row over the LMS\'s limit when it is the lower one, and says it is the LMS\'s', async () => {
    const result = await validateSpreadsheet(csv(rows(40)), classroomSpec, { describe: issueMessage, today: TODAY, maxRows: 100, lmsMaxRows: 25 });
    expect(result.issues.map((i) => [i.code, i.params])).to.deep.equal([['file-too-many-rows', { limit: 25, by: 'lms' }]]);
    expect(result.issues[0]!.message).to.contain('the most the LMS accepts in one upload');
    expect(result.stats.rows, 'reading stopped at row 26').to.equal(26);
    expect(result.records).to.deep.equal([]);
  });

  it('uses the wizard\'s own limit when it is the lower one', async () => {
    const result = await validateSpreadsheet(csv(rows(40)), classroomSpec, { describe: issueMessage, today: TODAY, maxRows: 10, lmsMaxRows: 25 });
    expect(result.issues.map((i) => [i.code, i.params])).to.deep.equal([['file-too-many-rows', { limit: 10 }]]);
  });
});
