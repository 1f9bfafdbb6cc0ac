// Who may call, from where, and how much: bearer tokens and session cookies with their CSRF token, the
// no-access path, CORS off unless origins are configured, body limits (gzip included), the per-user rate
// limit on uploads, request ids, health and readiness.
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import type { Database } from '../db/database.js';
import { ADMIN, CLASSROOM, VIEWER, call, classroomRecords, closeAll, startServer, testConfig, testDatabase } from './harness.js';
import type { TestServer } from './harness.js';

let db: Database;
let server: TestServer;

before(async () => {
  db = await testDatabase();
  server = await startServer(db, testConfig({ devSignIn: true }, { maxChunkBytes: 256 * 1024 }));
});
after(closeAll);

async function signIn(target: TestServer, userId: string): Promise<{ cookie: string; csrfToken: string }> {
  const response = await fetch(`${target.base}/dev/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ userId }) });
  assert.equal(response.status, 200);
  const cookie = response.headers.get('set-cookie')!.split(';')[0]!;
  assert.match(response.headers.get('set-cookie')!, /HttpOnly; SameSite=Strict/);
  return { cookie, csrfToken: ((await response.json()) as { csrfToken: string }).csrfToken };
}

describe('authentication and permission', () => {
  it('answers 401 without credentials or with an unknown token, naming the bearer scheme', async () => {
    for (const token of [null, 'not-a-token']) {
      const answer = await call(server, 'GET', '/categories', { token });
      assert.equal(answer.status, 401);
      assert.equal(answer.headers.get('www-authenticate'), 'Bearer');
      assert.equal(answer.body['status'], 401);
    }
  });

  it('the no-access path is real: a user without the permission reads canUpload false, and every other operation is 403', async () => {
    const permissions = await call(server, 'GET', '/permissions', { token: VIEWER });
    assert.equal(permissions.status, 200);
    assert.equal(permissions.body['canUpload'], false);
    assert.match(String(permissions.body['reason']), /Training records administrator/);
    assert.equal(permissions.body['contactEmail'], 'lms-support@northwind.example');
    for (const [method, path] of [['GET', '/categories'], ['GET', '/domains'], ['GET', '/activities'], ['POST', '/uploads']] as const) {
      const answer = await call(server, method, path, { token: VIEWER, ...(method === 'POST' ? { body: { ...CLASSROOM, totalRecords: 1 } } : {}) });
      assert.equal(answer.status, 403, `${method} ${path}`);
      assert.equal(answer.body['type'], 'urn:problem:offline-upload:no-permission');
    }
  });

  it('a session cookie works for reads, and changes need the session\'s CSRF token', async () => {
    const { cookie, csrfToken } = await signIn(server, 'adm-00001');
    const read = await call(server, 'GET', '/permissions', { token: null, headers: { Cookie: cookie } });
    assert.equal(read.body['canUpload'], true);
    const body = { ...CLASSROOM, totalRecords: 1 };
    const without = await call(server, 'POST', '/uploads', { token: null, headers: { Cookie: cookie }, body });
    assert.equal(without.status, 403);
    assert.equal(without.body['type'], 'urn:problem:offline-upload:csrf-token-missing');
    const wrong = await call(server, 'POST', '/uploads', { token: null, headers: { Cookie: cookie, 'X-CSRF-Token': `${csrfToken}x` }, body });
    assert.equal(wrong.status, 403);
    const right = await call(server, 'POST', '/uploads', { token: null, headers: { Cookie: cookie, 'X-CSRF-Token': csrfToken }, body });
    assert.equal(right.status, 201);
    const viewer = await signIn(server, 'adm-00003');
    const refused = await call(server, 'GET', '/domains', { token: null, headers: { Cookie: viewer.cookie } });
    assert.equal(refused.status, 403);
  });

  it('a session ends when its user is deactivated; uploads are private to their owner', async () => {
    const staging = await call(server, 'POST', '/uploads', { body: { ...CLASSROOM, totalRecords: 1 } });
    const uploadId = String(staging.body['uploadId']);
    const other = await call(server, 'POST', `/uploads/${uploadId}/chunks`, { token: 'demo-admin2-token', body: { chunkIndex: 0, records: classroomRecords(0, 1) } });
    assert.equal(other.status, 404, 'another admin cannot see or fill my upload');
    const { cookie } = await signIn(server, 'adm-00002');
    await db.query('UPDATE users SET active = false WHERE id = $1', ['adm-00002']);
    try {
      assert.equal((await call(server, 'GET', '/permissions', { token: null, headers: { Cookie: cookie } })).status, 401);
    } finally {
      await db.query('UPDATE users SET active = true WHERE id = $1', ['adm-00002']);
    }
  });

  it('the demo sign-in does not exist unless configured', async () => {
    const plain = await startServer(db, testConfig());
    const response = await fetch(`${plain.base}/dev/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"userId":"adm-00001"}' });
    assert.equal(response.status, 404);
  });
});

describe('CORS', () => {
  it('is off by default: no Access-Control-Allow-Origin for any origin', async () => {
    const response = await fetch(`${server.base}/permissions`, { headers: { Origin: 'https://lms.example', Authorization: `Bearer ${ADMIN}` } });
    assert.equal(response.headers.get('access-control-allow-origin'), null);
    const preflight = await fetch(`${server.base}/uploads`, { method: 'OPTIONS', headers: { Origin: 'https://lms.example', 'Access-Control-Request-Method': 'POST' } });
    assert.equal(preflight.headers.get('access-control-allow-origin'), null);
  });

  it('allows exactly the configured origins, with credentials and the contract\'s headers', async () => {
    const open = await startServer(db, testConfig({ corsOrigins: ['https://lms.example'] }));
    const preflight = await fetch(`${open.base}/uploads`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://lms.example', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type,x-csrf-token,content-encoding' },
    });
    assert.equal(preflight.headers.get('access-control-allow-origin'), 'https://lms.example');
    assert.equal(preflight.headers.get('access-control-allow-credentials'), 'true');
    assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /X-CSRF-Token/);
    assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /Content-Encoding/);
    const stranger = await fetch(`${open.base}/permissions`, { headers: { Origin: 'https://evil.example', Authorization: `Bearer ${ADMIN}` } });
    assert.equal(stranger.headers.get('access-control-allow-origin'), null);
  });
});

describe('bodies: gzip, size limits', () => {
  it('accepts a gzip-compressed chunk (Content-Encoding: gzip) and answers as for the plain one', async () => {
    const staging = await call(server, 'POST', '/uploads', { body: { ...CLASSROOM, totalRecords: 2 } });
    const answer = await call(server, 'POST', `/uploads/${String(staging.body['uploadId'])}/chunks`, { gzip: true, body: { chunkIndex: 0, records: classroomRecords(0, 2) } });
    assert.equal(answer.status, 200);
    assert.deepEqual((answer.body['rows'] as Array<{ label: string }>).map((r) => r.label), ['create', 'create']);
  });

  it('refuses a body over the limit with 413, also when it is small compressed and large decompressed', async () => {
    const staging = await call(server, 'POST', '/uploads', { body: { ...CLASSROOM, totalRecords: 1 } });
    const uploadId = String(staging.body['uploadId']);
    const big = { chunkIndex: 0, records: [{ row: 2, values: { identifier: 'x@y.example', comments: 'a'.repeat(400_000) } }] };
    const plain = await call(server, 'POST', `/uploads/${uploadId}/chunks`, { body: big });
    assert.equal(plain.status, 413);
    assert.equal(plain.body['type'], 'urn:problem:offline-upload:body-too-large');
    assert.match(String(plain.body['detail']), /256 KiB/);
    const compressed = gzipSync(JSON.stringify(big));
    assert.ok(compressed.length < 4096, 'the compressed body is small');
    const bomb = await call(server, 'POST', `/uploads/${uploadId}/chunks`, { raw: compressed, headers: { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' } });
    assert.equal(bomb.status, 413);
    // Far over the limit: the answer still arrives (the body is read to its end, not cut off mid-send).
    const huge = await call(server, 'POST', `/uploads/${uploadId}/chunks`, { raw: `{"chunkIndex":0,"records":[{"row":2,"values":{"comments":"${'b'.repeat(20 * 1024 * 1024)}"}}]}`, headers: { 'Content-Type': 'application/json' } });
    assert.equal(huge.status, 413);
    const small = await call(server, 'POST', '/uploads', { body: { ...CLASSROOM, totalRecords: 1, pad: 'a'.repeat(70_000) } });
    assert.equal(small.status, 413, 'other operations take small bodies only');
  });

  it('refuses broken gzip (400) and other encodings (415)', async () => {
    const broken = await call(server, 'POST', '/uploads', { raw: 'not gzip at all', headers: { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' } });
    assert.equal(broken.status, 400);
    assert.match(String(broken.body['detail']), /gzip/);
    const br = await call(server, 'POST', '/uploads', { raw: '{}', headers: { 'Content-Type': 'application/json', 'Content-Encoding': 'br' } });
    assert.equal(br.status, 415);
  });
});

describe('rate limit, request ids, health', () => {
  it('limits uploads per user per minute (429 with Retry-After), counted in the database for every instance', async () => {
    const config = testConfig({}, { uploadsPerMinute: 3 });
    // A fixed clock: all calls fall in one minute's window.
    const fixed = { now: () => new Date('2026-12-01T12:00:30Z'), advance: () => undefined };
    const one = await startServer(db, config, fixed);
    const two = await startServer(db, config, fixed);
    const statuses: number[] = [];
    for (const target of [one, two, one, two]) statuses.push((await call(target, 'POST', '/uploads', { token: 'demo-admin2-token', body: { ...CLASSROOM, totalRecords: 1 } })).status);
    assert.deepEqual(statuses, [201, 201, 201, 429]);
    const last = await call(one, 'POST', '/uploads', { token: 'demo-admin2-token', body: { ...CLASSROOM, totalRecords: 1 } });
    assert.equal(last.status, 429);
    assert.equal(last.headers.get('retry-after'), '30');
    assert.ok(Number(last.headers.get('retry-after')) >= 1);
    assert.equal((await call(one, 'POST', '/uploads', { body: { ...CLASSROOM, totalRecords: 1 } })).status, 201, 'another user is not affected');
  });

  it('echoes a sane X-Request-Id, makes one otherwise, and quotes it in problems', async () => {
    const given = await call(server, 'GET', '/nowhere', { headers: { 'X-Request-Id': 'support-1234' } });
    assert.equal(given.status, 404);
    assert.equal(given.headers.get('x-request-id'), 'support-1234');
    assert.equal(given.body['requestId'], 'support-1234');
    const made = await call(server, 'GET', '/permissions', { headers: { 'X-Request-Id': 'bad id with spaces' } });
    assert.match(made.headers.get('x-request-id')!, /^[0-9a-f-]{36}$/);
    assert.equal(made.headers.get('cache-control'), 'no-store');
  });

  it('answers health and readiness without credentials', async () => {
    assert.deepEqual(await (await fetch(`${server.url}/healthz`)).json(), { status: 'ok' });
    const ready = await fetch(`${server.url}/readyz`);
    assert.equal(ready.status, 200);
    assert.equal(((await ready.json()) as { status: string }).status, 'ready');
  });
});
