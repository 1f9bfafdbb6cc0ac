// The zod-free checks of the first screens' answers (src/backend/answers.ts) against the zod schemas
// they stand in for: on every answer the demo LMS gives and on thousands of damaged copies of them
// (each field removed, nulled, of another type, emptied, out of range; unknown fields added; columns
// duplicated), both accept the same answers with the same output, and refuse the same ones naming the
// same first field and problem (describeZodIssue's words, which ContractError messages carry).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { z } from 'zod';
import { Lms } from '../../demo/mocks/lms.js';
import { ANSWERS, AnswerProblem, type CheckedOperation } from '../../src/backend/answers.js';
import { plainProblem } from '../../src/backend/rest-failures.js';
import {
  ActivityPageSchema,
  ActivitySummarySchema,
  CapabilitiesSchema,
  CategoryListSchema,
  DomainListSchema,
  PermissionsSchema,
  ProblemSchema,
  describeZodIssue,
} from '../../src/backend/schemas.js';
import { TemplateSpec } from '../../src/core/spec.js';

const ZOD: { readonly [K in CheckedOperation]: z.ZodType } = {
  getPermissions: PermissionsSchema,
  getCapabilities: CapabilitiesSchema,
  listCategories: CategoryListSchema,
  searchActivities: ActivityPageSchema,
  getActivity: ActivitySummarySchema,
  listDomains: DomainListSchema,
  getTemplateSpec: TemplateSpec,
};

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every answer the demo LMS gives on the first screens, as JSON on the wire. */
function demoAnswers(): [CheckedOperation, Json][] {
  const lms = new Lms();
  const out: [CheckedOperation, unknown][] = [
    ['getPermissions', lms.permissions()],
    ['getPermissions', { canUpload: false, reason: 'No', contactUrl: 'https://x.example', contactEmail: ' help@example.org ' }],
    ['getPermissions', { canUpload: false, contactEmail: 'mailto:a@b.c' }],
    ['getCapabilities', lms.capabilities()],
    ['getCapabilities', {}],
    ['listCategories', { items: lms.categories() }],
    ['listDomains', { items: lms.domains() }],
  ];
  for (const page of [lms.searchActivities({ limit: 3 }), lms.searchActivities({ text: 'zzz-none' })]) out.push(['searchActivities', page]);
  for (const activity of lms.searchActivities({ limit: 100 }).items) out.push(['getActivity', activity]);
  // One template spec for each shape of columns and rules the demo has (each is damaged thousands of ways).
  const shapes = new Set<string>();
  for (const activity of lms.searchActivities({ limit: 100 }).items) {
    for (const domain of lms.domains()) {
      for (const kind of domain.identifierKinds) {
        const spec = lms.templateSpec({ activityId: activity.id, domainId: domain.id, identifierKind: kind.key });
        const shape = JSON.stringify([spec.columns.map((c) => Object.keys(c).sort()), Object.keys(spec.rules).sort(), Object.keys(spec.identifierKind).sort()]);
        if (shapes.has(shape) || shapes.size >= 4) continue;
        shapes.add(shape);
        out.push(['getTemplateSpec', spec]);
      }
    }
  }
  return out.map(([op, answer]) => [op, JSON.parse(JSON.stringify(answer)) as Json]);
}

const ODD_VALUES: Json[] = [null, true, 0, -1, 1.5, 401, 600, '', 'x', '2026-03-14', '14/03/2026', [], ['x'], {}, { id: 'x' }];

/** Copies of `value` with one thing changed at each place in it. */
function* damaged(value: Json): Generator<Json> {
  yield* ODD_VALUES;
  if (Array.isArray(value)) {
    yield [];
    if (value.length > 0) yield [...value, value[0]!];
    for (let i = 0; i < value.length; i++) {
      for (const v of damaged(value[i]!)) yield value.map((x, j) => (j === i ? v : x));
    }
  } else if (value !== null && typeof value === 'object') {
    yield { ...value, unknownField: 'kept?' };
    for (const key of Object.keys(value)) {
      const { [key]: _removed, ...rest } = value;
      yield rest;
      for (const v of damaged(value[key]!)) yield { ...value, [key]: v };
    }
  }
}

/** What zod says: the output, or the first issue as describeZodIssue words it. */
function viaZod(op: CheckedOperation, json: Json): { ok: true; data: unknown } | { ok: false; field: string; problem: string } {
  const parsed = ZOD[op].safeParse(json);
  if (parsed.success) return { ok: true, data: parsed.data };
  return { ok: false, ...describeZodIssue(parsed.error.issues[0]!) };
}

function viaCheck(op: CheckedOperation, json: Json): { ok: true; data: unknown } | { ok: false; field: string; problem: string } {
  try {
    return { ok: true, data: ANSWERS[op](json, []) };
  } catch (error) {
    if (!(error instanceof AnswerProblem)) throw error;
    return { ok: false, field: error.field, problem: error.problem };
  }
}

describe('first-screen answers checked without zod (src/backend/answers.ts)', () => {
  it('accepts every demo answer with the output zod gives (unknown keys dropped, defaults, plain contact e-mail)', () => {
    const answers = demoAnswers();
    assert.ok(answers.filter(([op]) => op === 'getTemplateSpec').length >= 3, 'the demo gives template specs to compare');
    for (const [op, json] of answers) {
      const zod = viaZod(op, json);
      assert.equal(zod.ok, true, `${op}: zod refuses a demo answer`);
      assert.deepEqual(viaCheck(op, json), zod, op);
    }
  });

  it('refuses what zod refuses, naming the same first field and problem, on damaged answers', () => {
    let refused = 0;
    let compared = 0;
    const seen = new Set<string>();
    for (const [op, answer] of demoAnswers()) {
      for (const json of damaged(answer)) {
        const key = `${op}:${JSON.stringify(json)}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const zod = viaZod(op, json);
        assert.deepEqual(viaCheck(op, json), zod, `${op} on ${JSON.stringify(json).slice(0, 300)}`);
        compared += 1;
        if (!zod.ok) refused += 1;
      }
    }
    assert.ok(compared > 5_000 && refused > 2_000, `${compared} compared, ${refused} refused`);
  });

  it('applies the template spec\'s cross-field rules as the schema does (identifier first and once, unique keys and headers, choices)', () => {
    const lms = new Lms();
    const [activity] = lms.searchActivities({}).items;
    const [domain] = lms.domains();
    const spec = JSON.parse(JSON.stringify(lms.templateSpec({ activityId: activity!.id, domainId: domain!.id, identifierKind: domain!.identifierKinds[0]!.key }))) as {
      columns: Record<string, Json>[];
    };
    const [first, ...rest] = spec.columns;
    const variants: Json[] = [
      { ...spec, columns: [...rest, first!] },
      { ...spec, columns: [first!, first!, ...rest] },
      { ...spec, columns: [first!, ...rest, { ...rest[0]!, key: 'another' }] },
      { ...spec, columns: [first!, ...rest, { ...rest[0]!, header: ` ${String(rest[0]!['header']).toUpperCase()} * ` }] },
      { ...spec, columns: [first!, { key: 'pick', header: 'Pick', type: 'choice', required: false }] },
    ];
    for (const json of variants) {
      const zod = viaZod('getTemplateSpec', json);
      assert.equal(zod.ok, false);
      assert.deepEqual(viaCheck('getTemplateSpec', json), zod);
    }
  });

  it('reads a problem document without issues as ProblemSchema does', () => {
    const docs: Json[] = [
      { title: 'Forbidden', status: 403, detail: 'Ask your admin' },
      { type: 'https://x.example/p', title: 'Busy', status: 503, instance: '/a', extra: 1 },
      { title: 'No status' },
      { title: 'Bad', status: 200 },
      { title: 1, status: 500 },
      { status: 500, detail: 'no title' },
      { title: 'T', status: 404.5 },
      [],
      'text',
      null,
    ];
    for (const json of docs) {
      const zod = ProblemSchema.safeParse(json);
      const mine = plainProblem(json);
      if (!zod.success) {
        assert.equal(mine, undefined, JSON.stringify(json));
        continue;
      }
      const { type, title, status, detail, instance } = zod.data;
      assert.deepEqual(mine, JSON.parse(JSON.stringify({ type, title, status, detail, instance })), JSON.stringify(json));
    }
  });
});
