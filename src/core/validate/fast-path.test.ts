import { expect } from '@open-wc/testing';
import { assessmentSpec, classroomSpec, practicalSpec, realWorldSpec } from '../../../test/fixtures/specs.js';
import type { Cell } from '../cells.js';
import type { SheetStart } from '../read/types.js';
import { TemplateSpec, type TemplateColumn } from '../spec.js';
import { completionDateColumn, sampleValues } from '../template/columns.js';
import { dateText, EMAIL_CAPITALS, EMAIL_LOWER, EMAIL_UNSURE, isAsciiEmail, plainEmail, plainEmailHash } from './convert.js';
import { identifierHash } from './duplicates.js';
import { parseDateText } from '../dates.js';
import { columnValueCheck, columnValueSchema } from './schema.js';
import { createReferenceValidator, createValidator, type ValidatorOptions } from './validator.js';

// The validator's fast path (fast.ts, columnValueCheck) must say what the zod schemas and the converters
// say, value for value. Seeded pseudo-random values, so that a failure can be replayed.

const TODAY = '2026-06-15';

/** mulberry32: small, seedable, good enough to pick test values. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const variants: Record<string, TemplateSpec> = {
  classroom: classroomSpec,
  assessment: assessmentSpec,
  practical: practicalSpec,
  realWorld: realWorldSpec,
  // What the four fixtures do not cover: future dates allowed, an identifier without pattern, no bounds.
  lenient: TemplateSpec.parse({
    ...assessmentSpec,
    identifierKind: { key: 'username', label: 'Username' },
    rules: { ...assessmentSpec.rules, allowFutureDates: true, scoreRequired: false },
    columns: assessmentSpec.columns.map((c) => (c.key === 'score' ? { ...c, required: false, min: undefined, max: undefined } : c)),
  }),
  unbounded: TemplateSpec.parse({
    ...practicalSpec,
    columns: [
      ...practicalSpec.columns.map((c) => (c.key === 'hours' ? { ...c, min: undefined, max: undefined } : c.key === 'location' ? { ...c, maxLength: undefined } : c)),
      { key: 'region', header: 'Region', type: 'choice', required: false, choices: ['Nord', 'Süd', 'Île-de-France'] },
    ],
  }),
};

const pick = <T,>(rnd: () => number, list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;

const EMAILS = [
  'amelie.martin@example.org', 'Amelie.Martin@Example.ORG', 'first.last+tag@sub.example.co.uk', "o'brien@example.ie", 'jürgen@exämple.de',
  'Ju\u0308rgen@Exa\u0308mple.de', 'a@xn--bcher-kva.example', 'a@b.XN--P1AI', 'a@b.xn--p1ai', 'jane', 'jane@', '@example.org', 'jane@example',
  'jane doe@example.org', '.jane@example.org', 'ja..ne@example.org', 'jane@-example.org', 'jane@example.c', `${'a'.repeat(64)}@example.org`,
  `${'a'.repeat(65)}@example.org`, `a@${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}.${'e'.repeat(60)}.org`, 'mailto:', 'MAILTO:Jane@Example.org',
  'x@y.zz', 'X@Y.ZZ', 'İstanbul@example.org', 'ǅ@example.org', 'jane.doe@example.com',
];
const IDS = ['E004217', 'E000001', 'e004217', 'E04217', 'E0042170', ' E004217 ', 'jdoe', 'JDoe', 'j.doe-2', 'jo', 'j_doe_the_third_of_many_names_xx', 'ab', 'ABC', '12345'];
const PADS = ['', ' ', '\u00a0', '\u200b', '\t', '\u2009', '\ufeff'];
const DATE_TEXTS = [
  '2026-02-03', '2026-2-3', '2026-02-30', '2024-02-29', '2025-02-29', '1900-02-29', '2000-02-29', '0999-01-01', '1000-01-01', '9999-12-31',
  '2026-13-01', '2026-00-10', '2026-01-00', '2026-01-32', '2026-02-03T10:00', '2026-02-03 10:00:00', '03/02/2026', '3/2/2026', '02.03.2026',
  '2026/02/03', '13/31/2026', '31/12/2025', '3/2/26', 'yesterday', '46056', '２０２６-02-03', '2026-02-0a', '2026–02–03', '2026-06-15', '2026-06-16',
  '2025-05-31', '2025-06-01', '2027-12-31', '2028-01-01', '2019-12-31', '2020-01-01', '2023-08-31', '2023-09-01',
];
const NUMBER_TEXTS = [
  '81', '007', '0', '00', '100', '101', '74,5', '74.5', '1 234,5', '1\u00a0234', '1,250', '1.250', '1,234.5', '1.234,5', '-5', '+5', '\u22125', '1e3', '1E-2',
  '85%', '8 5', '123456789012345', '1234567890123456', '99999999999999999999', '١٢', '', '0x1A', 'NaN', 'Infinity', '8', '40', '41', '7,5', '-0',
];
const CHOICE_TEXTS = ['passed', ' PASSED ', 'Passed\u00a0', 'Pass', 'FAILED', 'completed', 'Attended', 'attended', 'not   COMPLETED', 'Not completed', 'Re\u0301ussi', 'nord', 'SÜD', 'Su\u0308d', 'île-de-france', 'ILE-DE-FRANCE', '1'];

function dateCell(rnd: () => number): Cell {
  const y = 2018 + Math.floor(rnd() * 12);
  const m = 1 + Math.floor(rnd() * 12);
  const d = 1 + Math.floor(rnd() * 31);
  const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return rnd() < 0.2 ? { date: iso, time: '10:30:00' } : { date: iso };
}

/** A cell that should be fine for this column, in one of the forms files hold it. */
function goodCellFor(column: TemplateColumn, spec: TemplateSpec, rnd: () => number): Cell {
  const n = Math.floor(rnd() * 3000);
  const pad = (text: string) => (rnd() < 0.1 ? `${pick(rnd, PADS)}${text}${pick(rnd, PADS)}` : text);
  switch (column.type) {
    case 'identifier':
      if (spec.identifierKind.key === 'email') return pad(pick(rnd, [`user${n}@example.org`, `User${n}@Example.org`, `mailto:user${n}@example.org`, `jürgen${n}@exämple.de`]));
      return pad(spec.identifierKind.pattern?.includes('E') ? `E${String(n).padStart(6, '0')}` : `user${n}`);
    case 'date': {
      // Between the latest activity start and "today" of the fixtures; an expiry some years later.
      const serial = 45809 + Math.floor(rnd() * 370) + (column === completionDateColumn(spec) ? 0 : 1200);
      const iso = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10);
      return pick(rnd, [{ date: iso }, iso, serial, pad(iso)] as Cell[]);
    }
    case 'number':
    case 'integer': {
      const v = 1 + Math.floor(rnd() * 40);
      return pick(rnd, [v, String(v), pad(String(v))] as Cell[]);
    }
    case 'choice':
      return pad(rnd() < 0.8 ? pick(rnd, column.choices!) : pick(rnd, column.choices!).toUpperCase());
    case 'text':
      return rnd() < 0.3 ? null : pad(pick(rnd, ['Sam Lee', 'Trainer: Benoît Girard', 'ok', 'Größe der Gruppe: 12']));
  }
}

/** A cell as a spreadsheet might hold it for this column: often odd, sometimes wrong. */
function cellFor(column: TemplateColumn, spec: TemplateSpec, rnd: () => number): Cell {
  const r = rnd();
  if (r < 0.04) return null;
  if (r < 0.06) return pick(rnd, ['', '   ', '\u00a0', '\u200b', 'mailto:']);
  if (r < 0.07) return pick(rnd, [{ error: 'formula-error', text: '#N/A' }, { error: 'formula-no-result', text: 'A1*2' }, { error: 'formula-no-result' }] as Cell[]);
  if (r < 0.08) return rnd() < 0.5;
  const pad = (text: string) => (rnd() < 0.15 ? `${pick(rnd, PADS)}${text}${pick(rnd, PADS)}` : text);
  switch (column.type) {
    case 'identifier':
      if (rnd() < 0.1) return pick(rnd, [4217, 12345, 1.5, -3, 1e21, { date: '2026-01-01' }] as Cell[]);
      if (spec.identifierKind.key === 'email') return pad(rnd() < 0.5 ? `user${Math.floor(rnd() * 400)}@example.org` : pick(rnd, EMAILS));
      return pad(rnd() < 0.5 ? `E${String(Math.floor(rnd() * 400)).padStart(6, '0')}` : pick(rnd, IDS));
    case 'date': {
      const k = rnd();
      if (k < 0.4) return dateCell(rnd);
      if (k < 0.6) return pick(rnd, [46056, 44594, 45292.5, 0, 1, 60, 61, -1, 2958465, 2958466, 46188, 46189, Number.NaN]);
      return pad(pick(rnd, DATE_TEXTS));
    }
    case 'number':
    case 'integer':
      if (rnd() < 0.5) return pick(rnd, [0, 8, 40, 41, 81, 100, 100.5, -1, 7.5, 74.50000000000001, 1e300, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60, -0]);
      return pad(pick(rnd, NUMBER_TEXTS));
    case 'choice':
      if (rnd() < 0.4) return pick(rnd, column.choices!);
      return rnd() < 0.1 ? 1 : pad(pick(rnd, CHOICE_TEXTS));
    case 'text': {
      const max = column.maxLength ?? 300;
      const k = rnd();
      if (k < 0.1) return pick(rnd, [12, { date: '2026-01-01' }, { date: '2026-01-01', time: '08:00:00' }] as Cell[]);
      if (k < 0.2) return pad('x'.repeat(max - 1 + Math.floor(rnd() * 3)));
      if (k < 0.25) return `${'😀'.repeat(Math.floor(max / 2))}${rnd() < 0.5 ? 'x' : ''}`;
      return pad(pick(rnd, ['Sam Lee', 'Trainer: Benoît Girard', '=SUM(1)', '<b>x</b>', 'ok']));
    }
  }
}

/** Same value in, same verdict and same value out, for many values of every type. */
describe('fast path: columnValueCheck agrees with the zod schema', () => {
  const probes: (string | number)[] = [
    ...EMAILS, ...IDS, ...DATE_TEXTS, ...NUMBER_TEXTS, ...CHOICE_TEXTS, '', ' ', 'x'.repeat(80), 'x'.repeat(81), 'x'.repeat(100), 'x'.repeat(101),
    'x'.repeat(500), 'x'.repeat(501), '😀'.repeat(50), '😀'.repeat(51), 'Passed', 'Failed', 'Completed', 'Attended', 'Not completed', 'Nord', 'Süd',
    0, -0, 1, 8, 40, 41, 70, 81, 82.5, 100, 100.0000001, -1e-9, 7.5, 2 ** 53, 2 ** 53 + 2, -(2 ** 60), Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY,
  ];
  const rnd = random(20260615);
  for (let i = 0; i < 400; i++) {
    probes.push(`${2018 + Math.floor(rnd() * 12)}-${String(Math.floor(rnd() * 14)).padStart(2, '0')}-${String(Math.floor(rnd() * 33)).padStart(2, '0')}`);
    probes.push((rnd() - 0.1) * 120, Math.floor((rnd() - 0.1) * 60));
  }

  for (const [name, spec] of Object.entries(variants)) {
    for (const today of [TODAY, '2027-12-31', '2030-01-01']) {
      it(`${name}: every column, today ${today}`, () => {
        let accepted = 0;
        for (const column of spec.columns) {
          const schema = columnValueSchema(column, spec, { today });
          const check = columnValueCheck(column, spec, { today });
          for (const value of probes) {
            const parsed = schema.safeParse(value);
            expect(check(value), `${column.key} ${JSON.stringify(value)} (${String(value)})`).to.equal(parsed.success);
            if (parsed.success) {
              accepted++;
              expect(Object.is(parsed.data, value), `${column.key} ${String(value)}: zod keeps the value as is`).to.equal(true);
            }
          }
        }
        expect(accepted, 'the probes include accepted values').to.be.above(spec.columns.length * 5);
      });
    }
  }
});

describe('fast path: ISO date text is read as parseDateText reads it', () => {
  it('gives the same answer for generated and tricky date text, in every date order', () => {
    const rnd = random(7);
    const texts = [...DATE_TEXTS];
    for (let i = 0; i < 3000; i++) {
      const y = pick(rnd, ['0999', '1000', '1600', '1700', '1900', '2000', '2024', '2025', '2026', '2100', '9999', '0000']);
      texts.push(`${y}-${String(Math.floor(rnd() * 14)).padStart(2, '0')}-${String(Math.floor(rnd() * 33)).padStart(2, '0')}`);
    }
    for (const order of ['DMY', 'MDY', 'YMD'] as const) {
      for (const text of texts) expect(dateText(text, order), `${text} ${order}`).to.equal(parseDateText(text, order));
    }
  });
});

describe('fast path: the e-mail character loop says what the regular expression says', () => {
  it('accepts only addresses isAsciiEmail accepts, and tells capitals apart', () => {
    const rnd = random(11);
    // Pieces that meet at every edge of the grammar: dots, hyphens, digits, capitals, non-ASCII, lengths.
    const parts = ['a', 'Z', '9', '.', '..', '-', '_', '+', "'", '@', '@@', ' ', 'é', 'xn--', 'org', 'ORG', 'c', 'co', 'b1', '-b', 'b-', 'x'.repeat(62), 'y'.repeat(64)];
    const texts = [...EMAILS, 'a@b.cd', 'a@b.c', 'a@b', 'a@b.c1', 'a@b-.cd', 'a@-b.cd', 'a.@b.cd', 'a@b..cd', 'A@B.CD', `${'a'.repeat(64)}@b.cd`, `${'a'.repeat(65)}@b.cd`, `a@${'b'.repeat(63)}.cd`, `a@${'b'.repeat(64)}.cd`, `a@b.${'c'.repeat(63)}`, `a@b.${'c'.repeat(64)}`, `${'a'.repeat(60)}@${'b.'.repeat(95)}cd`];
    for (let i = 0; i < 20_000; i++) {
      let text = '';
      const n = 1 + Math.floor(rnd() * 8);
      for (let k = 0; k < n; k++) text += pick(rnd, parts);
      texts.push(rnd() < 0.5 ? text : `${text}@${pick(rnd, ['example.org', 'Example.Org', 'a.b', 'a.b.c1', 'x-y.zz', 'b.xn--p1ai'])}`);
    }
    let accepted = 0;
    for (const text of texts) {
      const plain = plainEmail(text);
      if (plain === EMAIL_UNSURE) {
        expect(plainEmailHash, text).to.equal(undefined);
        continue;
      }
      accepted++;
      expect(isAsciiEmail(text), text).to.equal(true);
      expect(plain, text).to.equal(/[A-Z]/.test(text) ? EMAIL_CAPITALS : EMAIL_LOWER);
      // The hash computed on the way is the one duplicate detection would compute for the kept address.
      expect(plainEmailHash, text).to.equal(identifierHash(text.toLowerCase()));
    }
    // The loop must also take the common addresses, or it saves nothing.
    expect(plainEmail('amelie.martin@example.org')).to.equal(EMAIL_LOWER);
    expect(plainEmail('Amelie.Martin@Example.ORG')).to.equal(EMAIL_CAPITALS);
    expect(accepted).to.be.above(1000);
  });
});

/** The whole validator, fast path on and off: the same records, issues and stats, row for row. */
describe('fast path: createValidator gives what the reference validator gives', () => {
  const starts: Partial<SheetStart>[] = [{}, { date1904: true }, { format: 'csv', delimiter: ';' }, { format: 'csv', delimiter: ',' }];
  const orders: ValidatorOptions[] = [{}, { dateOrder: 'MDY' }, { dateOrder: 'YMD' }];

  for (const [name, spec] of Object.entries(variants)) {
    it(`${name}: 4,000 generated rows in several layouts`, () => {
      const rnd = random(name.length * 7919 + 11);
      let compared = 0;
      let records = 0;
      for (let layout = 0; layout < 4; layout++) {
        const start = starts[layout % starts.length]!;
        const options: ValidatorOptions = { today: TODAY, ...orders[layout % orders.length] };
        // Headers in order, shuffled, with an optional column left out, with the template's stars.
        let columns = [...spec.columns];
        if (layout === 1) columns.sort(() => rnd() - 0.5);
        if (layout === 2) columns = columns.filter((c) => c.required || rnd() < 0.5);
        const headers = columns.map((c) => (layout === 3 && c.required ? `${c.header} *` : c.header));
        const fast = createValidator(spec, options);
        const reference = createReferenceValidator(spec, options);
        const sample = sampleValues(spec);
        for (const v of [fast, reference]) {
          v.start({ format: 'xlsx', sheetName: 'Records', date1904: false, ...start });
          v.row(1, headers);
        }
        const earlier: Cell[][] = [];
        for (let r = 2; r < 1002; r++) {
          let cells: Cell[];
          const k = rnd();
          if (k < 0.01) cells = columns.map((c) => sample[c.key] ?? null);
          else if (k < 0.04 && earlier.length > 0) cells = [...pick(rnd, earlier)];
          else if (k < 0.6) cells = columns.map((c) => goodCellFor(c, spec, rnd));
          else cells = columns.map((c) => (rnd() < 0.8 ? goodCellFor(c, spec, rnd) : cellFor(c, spec, rnd)));
          earlier.push(cells);
          fast.row(r, cells);
          reference.row(r, cells);
          compared++;
        }
        const expected = reference.finish();
        const actual = fast.finish();
        expect(actual.records, `${name} layout ${layout}: records`).to.deep.equal(expected.records);
        expect(actual.issues, `${name} layout ${layout}: issues`).to.deep.equal(expected.issues);
        expect(actual.stats, `${name} layout ${layout}: stats`).to.deep.equal(expected.stats);
        records += actual.records.length;
      }
      expect(compared).to.equal(4000);
      // The generated rows must exercise both paths: plenty of records and plenty of issues.
      expect(records, 'rows that became records').to.be.above(1000);
      expect(records, 'rows with issues').to.be.below(3500);
    });
  }
});
