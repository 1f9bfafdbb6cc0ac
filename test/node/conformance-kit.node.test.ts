// The conformance kit passes against the demo LMS, and each kind of contract breach it exists to catch makes
// the matching check fail: the kit's own tests, against demo LMSs broken on purpose (over real HTTP).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { USERS } from '../../demo/mocks/data.js';
import { startDemoLms } from '../../conformance/demo-lms.js';
import type { DemoLmsServer, DemoLmsServerOptions } from '../../conformance/demo-lms.js';
import { Kit } from '../../conformance/kit.js';
import type { CheckResult, KitOptions } from '../../conformance/kit.js';
import { parseAuth } from '../../conformance/http.js';

const identifiers = USERS.filter((u) => u.active && u.domainIds.includes('dom-employees')).slice(0, 20).map((u) => u.email);

async function runAgainst(server: DemoLmsServer, options: Partial<KitOptions> = {}): Promise<CheckResult[]> {
  const kit = new Kit({ baseUrls: [server.baseUrl], auth: { kind: 'none' }, identifiers, domainId: 'dom-employees', activityId: 'act-hse-101', ...options });
  return kit.run();
}

function outcome(results: readonly CheckResult[], namePart: string): CheckResult {
  const found = results.find((r) => r.name.includes(namePart));
  assert.ok(found, `no check named like "${namePart}" ran: ${results.map((r) => r.name).join(' | ')}`);
  return found;
}

describe('conformance kit', () => {
  const servers: DemoLmsServer[] = [];
  const start = async (options: DemoLmsServerOptions = {}) => {
    const server = await startDemoLms(options);
    servers.push(server);
    return server;
  };
  after(async () => {
    await Promise.all(servers.map((s) => s.close()));
  });

  let healthy: DemoLmsServer;
  before(async () => {
    healthy = await start({ maxRecords: 10_000 });
  });

  it('passes every check it can run against the demo LMS, and says which ones it cannot test', async () => {
    const results = await runAgainst(healthy, { maxRecords: 10_000, expiryWaitMs: 1000 });
    const failed = results.filter((r) => r.outcome === 'fail');
    assert.deepEqual(failed.map((r) => `${r.name}: ${r.detail}`), []);
    assert.ok(results.filter((r) => r.outcome === 'pass').length >= 30, 'at least 30 checks ran and passed');
    const expiry = outcome(results, 'expiry');
    assert.equal(expiry.outcome, 'skip');
    assert.match(expiry.detail, /not testable: staged uploads expire after 120 min/);
  });

  it('fails the 401 check when the LMS answers anonymous calls', async () => {
    const results = await runAgainst(healthy, { auth: parseAuth('bearer:conformance-token'), only: ['no credentials'] });
    const check = outcome(results, 'no credentials');
    assert.equal(check.outcome, 'fail');
    assert.match(check.detail, /getPermissions answered 200/);
  });

  it('fails the replay check when a replayed commit does not say replayed: true', async () => {
    const server = await start();
    server.settings.faults.push({
      operation: 'commitUpload',
      fault: { kind: 'mutate', mutate: (body) => ({ ...(body as object), replayed: undefined }) },
    });
    const check = outcome(await runAgainst(server, { only: ['same key and payload'] }), 'same key and payload');
    assert.equal(check.outcome, 'fail');
    assert.match(check.detail, /replayed: true/);
  });

  it('fails "dry run writes nothing" when dry-run records read as existing afterwards', async () => {
    // A broken LMS: every (user, date) it has dry-run once is labelled already-recorded from then on.
    const seen = new Set<string>();
    const server = await start({
      intercept: async (request, next) => {
        if (!/\/chunks$/.test(new URL(request.url).pathname)) return next(request);
        const chunk = (await request.clone().json()) as { records: { row: number; values: Record<string, unknown> }[] };
        const response = await next(request);
        if (response.status !== 200) return response;
        const result = (await response.json()) as { rows: { row: number; label: string }[]; issues: unknown[] };
        for (const record of chunk.records) {
          const key = `${String(record.values['identifier'])}|${String(record.values['completionDate'])}`;
          const row = result.rows.find((r) => r.row === record.row)!;
          if (seen.has(key) && row.label === 'create') row.label = 'already-recorded';
          seen.add(key);
        }
        return Response.json(result);
      },
    });
    const results = await runAgainst(server, { only: ['dry run writes nothing'] });
    assert.equal(outcome(results, 'dry run writes nothing').outcome, 'fail');
  });

  it('fails the limits check when the LMS accepts more records than it advertises', async () => {
    // A broken LMS: advertises 10,000 records per upload but stages any number.
    const server = await start({
      intercept: async (request, next) => {
        if (request.method !== 'POST' || new URL(request.url).pathname !== '/api/lms/uploads') return next(request);
        const body = (await request.clone().json()) as { totalRecords?: number };
        if (typeof body.totalRecords !== 'number' || body.totalRecords <= 10_000) return next(request);
        return next(new Request(request.url, { method: 'POST', headers: request.headers, body: JSON.stringify({ ...body, totalRecords: 1 }) }));
      },
    });
    const check = outcome(await runAgainst(server, { only: ['more records than one upload'] }), 'more records than one upload');
    assert.equal(check.outcome, 'fail');
    assert.match(check.detail, /staging 10,001 records was accepted/);
  });

  it('fails when an error is not application/problem+json', async () => {
    const server = await start({
      intercept: async (request, next) => {
        const response = await next(request);
        if (response.status !== 404) return response;
        return new Response(await response.text(), { status: 404, headers: { 'Content-Type': 'text/plain' } });
      },
    });
    const check = outcome(await runAgainst(server, { only: ['getActivity'] }), 'getActivity');
    assert.equal(check.outcome, 'fail');
    assert.match(check.detail, /application\/problem\+json, got "text\/plain"/);
  });

  it('fails the race check when both of two overlapping commits succeed', async () => {
    // A broken LMS: answers 201 to a commit refused for records that now exist (as if it created the rest).
    const server = await start({
      intercept: async (request, next) => {
        const response = await next(request);
        if (response.status !== 409 || !/\/commit$/.test(new URL(request.url).pathname)) return response;
        const id = decodeURIComponent(new URL(request.url).pathname.split('/').at(-2)!);
        return Response.json({ uploadId: id, activityId: 'act-hse-101', created: 2, committedAt: new Date().toISOString() }, { status: 201 });
      },
    });
    const check = outcome(await runAgainst(server, { only: ['exactly one wins'] }), 'exactly one wins');
    assert.equal(check.outcome, 'fail');
    assert.match(check.detail, /expected one 201 and one 409, got 201 and 201/);
  });
});
