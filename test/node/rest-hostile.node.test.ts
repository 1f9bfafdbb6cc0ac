// RestBackend against a hostile LMS on 127.0.0.1 (Node's http, one server per role, started once for this
// file): huge and endless answers, redirects to another origin and to a sign-in page, 413, absurd
// Retry-After values, headers that never come, a bad API address. Each must end in the right typed
// failure, quickly, with nothing sent to the other origin.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, it } from 'node:test';
import type {
  BackendError} from '../../src/backend/index.js';
import {
  ContractError,
  InternalBackendError,
  MAX_RETRY_AFTER_S,
  NoAccessError,
  RestBackend,
  SessionEndedError,
  TooLargeError,
  UnavailableError,
  mailtoHref,
  parseRetryAfter,
  plainEmail,
  safeContactUrl,
} from '../../src/backend/index.js';
import type { UploadRecord } from '../../src/core/records.js';

interface Received {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

/** A loopback server whose behaviour each test sets; it records every request it receives. */
class Hostile {
  handler: Handler = (_req, res) => res.writeHead(500).end();
  readonly received: Received[] = [];
  /** Bytes the handler managed to write before the client went away (for streamed answers). */
  written = 0;
  readonly #server: Server;
  constructor() {
    this.#server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        this.received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
        this.handler(req, res, body);
      });
    });
  }
  /** Requests to one path (the first getPermissions also asks /api/capabilities, which this leaves out). */
  to(path: string): Received[] {
    return this.received.filter((r) => r.url.split('?')[0] === path);
  }
  get origin(): string {
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }
  listen(): Promise<void> {
    return new Promise((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
  }
  reset(): void {
    this.received.length = 0;
    this.written = 0;
    this.handler = (_req, res) => res.writeHead(500).end();
  }
  close(): Promise<void> {
    this.#server.closeAllConnections();
    return new Promise((resolve) => this.#server.close(() => resolve()));
  }
}

const lms = new Hostile();
/** Another origin (another port): it must never receive anything. */
const elsewhere = new Hostile();

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), ...headers }).end(text);
}

/** Writes `chunk` again and again while the client reads, at most `limit` times (a bounded "endless" body). */
function stream(res: ServerResponse, chunk: Buffer, limit: number, server: Hostile): void {
  let sent = 0;
  const pump = () => {
    while (sent < limit && !res.destroyed) {
      sent += 1;
      server.written += chunk.length;
      if (!res.write(chunk)) return void res.once('drain', pump);
    }
    if (!res.destroyed) res.end();
  };
  res.on('close', () => (sent = limit));
  pump();
}

const backend = (options: Partial<ConstructorParameters<typeof RestBackend>[0]> = {}) =>
  new RestBackend({
    baseUrl: `${lms.origin}/api`,
    headers: { 'X-CSRF-Token': 'csrf-secret' },
    timeoutMs: 5_000,
    retries: { attempts: 3, baseDelayMs: 5, maxDelayMs: 50 },
    ...options,
  });

async function failure<T extends BackendError>(promise: Promise<unknown>, type: abstract new (...args: never[]) => T): Promise<T> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof type, `expected ${type.name}, got ${String(error)}`);
    return error;
  }
  assert.fail(`expected ${type.name}, the call succeeded`);
}

const records = (n: number, from = 2): UploadRecord[] =>
  Array.from({ length: n }, (_, i) => ({ row: from + i, values: { email: `learner${i}@example.org`, date: '2026-03-14' } }));

const PERMISSIONS = { canUpload: true };

before(async () => {
  await lms.listen();
  await elsewhere.listen();
});
after(async () => {
  await lms.close();
  await elsewhere.close();
});
beforeEach(() => {
  lms.reset();
  elsewhere.reset();
  elsewhere.handler = (_req, res) => json(res, 200, { uploadId: 'u1', activityId: 'a1', created: 999, committedAt: '2026-12-01T00:00:00Z', canUpload: true });
});

describe('RestBackend × hostile LMS: answer size', () => {
  it('an answer far larger than the operation needs → ContractError response-too-large naming the endpoint; not read to the end', async () => {
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    lms.handler = (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      stream(res, chunk, 800, lms); // 50 MB if it were all read
    };
    const error = await failure(backend().getPermissions(), ContractError);
    assert.equal(error.code, 'response-too-large');
    assert.match(error.message, /^GET \/permissions answered more than 64 KB/);
    assert.equal(lms.to('/api/permissions').length, 1, 'not retried');
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.ok(lms.written < 8 * 1024 * 1024, `the client stopped reading (${lms.written} bytes written)`);
  });

  it('an announced Content-Length over the cap fails before the body is read', async () => {
    lms.handler = (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(500 * 1024 * 1024) });
      res.write('{"items":[');
    };
    const error = await failure(backend().listDomains(), ContractError);
    assert.equal(error.code, 'response-too-large');
    assert.match(error.message, /GET \/domains answered more than 2 MB/);
  });

  it('an endless answer stops at the cap, long before the timeout', async () => {
    lms.handler = (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      stream(res, Buffer.from('{"items":['.padEnd(16 * 1024, ' ')), 1_000_000, lms); // 16 GB: "endless"
    };
    const started = performance.now();
    const error = await failure(backend({ timeoutMs: 20_000 }).listCategories(), ContractError);
    assert.equal(error.code, 'response-too-large');
    assert.ok(performance.now() - started < 5_000, 'ended by the cap, not the 20 s timeout');
  });

  it('the dry-run cap grows with the records sent: a real verdict on 500 records is read', async () => {
    lms.handler = (_req, res, body) => {
      const sent = (JSON.parse(body) as { records: UploadRecord[] }).records;
      // About 1.6 MB: over the base cap of 1 MB, within the allowance of 2 KB a record.
      json(res, 200, {
        rows: sent.map((r) => ({ row: r.row, label: 'conflict' })),
        issues: sent.map((r) => ({ row: r.row, code: 'value-rejected', detail: 'x'.repeat(1200) })),
      });
    };
    const result = await backend().dryRunChunk('u1', { chunkIndex: 0, records: records(500) });
    assert.equal(result.rows.length, 500);
  });

  it('a huge error answer (a 500 with megabytes of HTML) is still "unavailable", read only in part', async () => {
    lms.handler = (_req, res) => {
      res.writeHead(500, { 'Content-Type': 'text/html' });
      stream(res, Buffer.alloc(64 * 1024, 0x41), 200, lms);
    };
    const error = await failure(backend({ retries: { attempts: 1 } }).listCategories(), UnavailableError);
    assert.equal(error.code, 'unavailable');
  });
});

describe('RestBackend × hostile LMS: redirects', () => {
  it('a read redirected to another origin → SessionEndedError; that origin receives nothing', async () => {
    lms.handler = (_req, res) => res.writeHead(302, { Location: `${elsewhere.origin}/sso/login?next=/api/permissions` }).end();
    const error = await failure(backend().getPermissions(), SessionEndedError);
    assert.ok(error instanceof NoAccessError, 'still a NoAccessError for code that maps those');
    assert.equal(error.code, 'session-ended');
    assert.match(error.message, /Sign in to the LMS again/);
    assert.equal(elsewhere.received.length, 0, 'neither the permissions nor the capabilities call went there');
    assert.equal(lms.to('/api/permissions').length, 1, 'not retried');
  });

  it('the commit redirected to another origin (307) → SessionEndedError; no CSRF header, key or body reaches it', async () => {
    lms.handler = (_req, res) => res.writeHead(307, { Location: `${elsewhere.origin}/steal` }).end();
    const request = { idempotencyKey: 'key-12345678', recordCount: 3, checksum: 'a'.repeat(64) };
    const error = await failure(backend().commitUpload('u1', request), SessionEndedError);
    assert.equal(error.code, 'session-ended');
    assert.equal(elsewhere.received.length, 0);
    assert.equal(lms.received.length, 1);
    assert.equal(lms.received[0]?.headers['x-csrf-token'], 'csrf-secret', 'the header went to the LMS only');
  });

  it('a dry-run chunk redirected within the LMS is not followed either (writes follow no redirect)', async () => {
    lms.handler = (req, res) => {
      if (req.url?.startsWith('/other')) return json(res, 200, { rows: [], issues: [] });
      res.writeHead(308, { Location: '/other/chunks' }).end();
    };
    const error = await failure(backend().dryRunChunk('u1', { chunkIndex: 0, records: records(2) }), ContractError);
    assert.equal(error.code, 'redirect-refused');
    assert.deepEqual(lms.received.map((r) => r.url), ['/api/uploads/u1/chunks']);
  });

  it('a read redirected within the same origin is followed, with its headers', async () => {
    lms.handler = (req, res) => {
      if (req.url === '/api/permissions') return res.writeHead(301, { Location: '/api/v2/permissions' }).end();
      json(res, 200, PERMISSIONS);
    };
    assert.deepEqual(await backend().getPermissions(), PERMISSIONS);
    assert.deepEqual(lms.received.filter((r) => r.url.includes('permissions')).map((r) => [r.url, r.headers['x-csrf-token']]), [
      ['/api/permissions', 'csrf-secret'],
      ['/api/v2/permissions', 'csrf-secret'],
    ]);
  });

  it('a same-origin redirect to a sign-in page (HTML) → SessionEndedError', async () => {
    lms.handler = (req, res) => {
      if (req.url?.startsWith('/login')) return res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><form>Sign in</form>');
      res.writeHead(302, { Location: '/login?next=%2Fapi%2Fcategories' }).end();
    };
    const error = await failure(backend().listCategories(), SessionEndedError);
    assert.equal(error.code, 'session-ended');
  });

  it('a redirect loop ends after a few hops → ContractError redirect-refused', async () => {
    lms.handler = (req, res) => res.writeHead(302, { Location: `${req.url}x` }).end();
    const error = await failure(backend({ retries: { attempts: 1 } }).listDomains(), ContractError);
    assert.equal(error.code, 'redirect-refused');
    assert.ok(lms.received.length <= 6, `${lms.received.length} requests`);
  });
});

describe('RestBackend × hostile LMS: 413 and Retry-After', () => {
  it('413 on staging → TooLargeError "too-large", not a contract disagreement', async () => {
    lms.handler = (_req, res) => json(res, 413, { title: 'Payload too large', status: 413 }, { 'Content-Type': 'application/problem+json' });
    const request = { activityId: 'a1', domainId: 'd1', identifierKind: 'email', templateVersion: 'v1', totalRecords: 200_000 };
    const error = await failure(backend().stageUpload(request), TooLargeError);
    assert.equal(error.code, 'too-large');
    assert.match(error.message, /more records than the LMS accepts in one upload/);
  });

  it('413 on a dry-run chunk → sent again in smaller parts with indexes of their own; the answers are joined', async () => {
    lms.handler = (req, res, body) => {
      if (req.url === '/api/uploads') return json(res, 201, { uploadId: 'u1' });
      const chunk = JSON.parse(body) as { chunkIndex: number; records: UploadRecord[] };
      if (chunk.records.length > 120) return res.writeHead(413).end();
      json(res, 200, { rows: chunk.records.map((r) => ({ row: r.row, label: 'create' })), issues: [] });
    };
    const rest = backend();
    await rest.stageUpload({ activityId: 'a1', domainId: 'd1', identifierKind: 'email', templateVersion: 'v1', totalRecords: 1000 });
    const first = await rest.dryRunChunk('u1', { chunkIndex: 0, records: records(500) });
    assert.equal(first.rows.length, 500);
    const sent = () => lms.received.filter((r) => r.url.endsWith('/chunks')).map((r) => JSON.parse(r.body) as { chunkIndex: number; records: unknown[] });
    // 500 → 250 → 125 → 63: three refusals, then eight parts of at most 63 records.
    const accepted = sent().filter((c) => c.records.length <= 120);
    assert.equal(accepted.length, 8);
    assert.equal(accepted[0]?.chunkIndex, 0);
    assert.ok(accepted.slice(1).every((c) => c.chunkIndex >= 1000), 'parts never take another chunk\'s index');
    assert.equal(new Set(accepted.map((c) => c.chunkIndex)).size, 8);
    // The next chunk goes in parts straight away: no refusal first.
    lms.received.length = 0;
    const second = await rest.dryRunChunk('u1', { chunkIndex: 1, records: records(500, 502) });
    assert.equal(second.rows.length, 500);
    assert.ok(sent().every((c) => c.records.length <= 63));
  });

  it('413 whatever the size → TooLargeError after a bounded number of tries', async () => {
    lms.handler = (_req, res) => res.writeHead(413).end();
    const error = await failure(backend().dryRunChunk('u1', { chunkIndex: 0, records: records(500) }), TooLargeError);
    assert.equal(error.code, 'too-large');
    assert.ok(lms.received.length <= 1 + 2 + 4 + 8 + 16 + 32 + 64, `${lms.received.length} requests`);
    assert.match(error.message, /refused even those/);
    assert.equal(error.records, 8, 'the last size tried: 500 halved six times');
  });

  it('a huge Retry-After is clamped to an hour and said sensibly; the call fails at once', async () => {
    lms.handler = (_req, res) => res.writeHead(503, { 'Retry-After': '99999999999999999999' }).end();
    const error = await failure(backend().listCategories(), UnavailableError);
    assert.equal(error.retryAfter, MAX_RETRY_AFTER_S);
    assert.match(error.message, /Try again in an hour\.$/);
    assert.equal(lms.received.length, 1);
  });

  it('a garbage Retry-After is ignored: the usual back-off, then "busy"', async () => {
    for (const value of ['soon', '-5', '1e9', '12abc', 'Sat, 99 Foo 2026']) {
      lms.reset();
      lms.handler = (_req, res) => res.writeHead(429, { 'Retry-After': value }).end();
      const error = await failure(backend().listCategories(), UnavailableError);
      assert.equal(error.code, 'busy');
      assert.equal(error.retryAfter, undefined, value);
      assert.equal(error.message, 'The LMS is busy right now. Try again in a moment.');
      assert.equal(lms.received.length, 3, `retried after "${value}"`);
    }
  });

  it('parseRetryAfter: delay-seconds and HTTP dates, clamped; garbage → undefined', () => {
    const now = Date.parse('2026-03-14T09:30:00Z');
    assert.equal(parseRetryAfter('7', now), 7);
    assert.equal(parseRetryAfter('Sat, 14 Mar 2026 09:31:30 GMT', now), 90);
    assert.equal(parseRetryAfter('Fri, 31 Dec 9999 23:59:59 GMT', now), MAX_RETRY_AFTER_S);
    assert.equal(parseRetryAfter('1666666666666666800', now), MAX_RETRY_AFTER_S);
    assert.equal(parseRetryAfter('2026-03-14', now), undefined);
  });
});

describe('RestBackend × hostile LMS: time and configuration', () => {
  it('headers that never come → UnavailableError "timeout" after timeoutMs', async () => {
    lms.handler = () => undefined; // never answers
    const started = performance.now();
    const error = await failure(backend({ timeoutMs: 200, retries: { attempts: 2, baseDelayMs: 5 } }).getPermissions(), UnavailableError);
    assert.equal(error.code, 'timeout');
    assert.match(error.message, /GET \/permissions timed out after 0\.2 s/);
    assert.ok(performance.now() - started < 2_000);
  });

  it('a body that stalls after the headers → "timeout" too', async () => {
    lms.handler = (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('{"canUpload":');
    };
    const error = await failure(backend({ timeoutMs: 150, retries: { attempts: 1 } }).getPermissions(), UnavailableError);
    assert.equal(error.code, 'timeout');
  });

  it('no LMS at the address → UnavailableError "offline"', async () => {
    const error = await failure(new RestBackend({ baseUrl: 'http://127.0.0.1:9/api', retries: { attempts: 1 } }).getPermissions(), UnavailableError);
    assert.equal(error.code, 'offline');
  });

  for (const baseUrl of ['http://[::1', 'relative/api', 'javascript:alert(1)//']) {
    it(`a bad API address (${baseUrl}) → InternalBackendError "configuration", no engine message`, async () => {
      const error = await failure(new RestBackend({ baseUrl }).getPermissions(), InternalBackendError);
      assert.equal(error.code, 'configuration');
      assert.equal(error.retryable, false);
      assert.doesNotMatch(error.message, /Failed to construct|Invalid URL/);
      assert.match(error.message, /Check the widget's settings/);
    });
  }

  it('a headers function that throws → "configuration"; nothing is sent', async () => {
    const rest = backend({
      headers: () => {
        throw new RangeError('Invalid array length');
      },
    });
    const error = await failure(rest.listCategories(), InternalBackendError);
    assert.equal(error.code, 'configuration');
    assert.doesNotMatch(error.message, /^Invalid array length/);
    assert.equal(lms.received.length, 0);
  });
});

describe('contactEmail and contact links', () => {
  it('a contactEmail that is not one plain address is ignored; a plain one is kept', async () => {
    lms.handler = (_req, res) => json(res, 200, { canUpload: false, contactEmail: 'help@lms.example?bcc=attacker@evil.example' });
    assert.equal((await backend().getPermissions()).contactEmail, undefined);
    lms.handler = (_req, res) => json(res, 200, { canUpload: false, contactEmail: ' help@lms.example ' });
    assert.equal((await backend().getPermissions()).contactEmail, 'help@lms.example');
  });

  it('plainEmail, mailtoHref and safeContactUrl refuse what could redirect a message or run script', () => {
    for (const bad of ['mailto:a@b.example', 'a@b.example?bcc=c@d.example', 'a@b.example,c@d.example', 'a b@c.example', 'a@b', '<a@b.example>', 'a@b.example\n']) {
      assert.equal(plainEmail(bad === 'a@b.example\n' ? 'a@b.example\nbcc: x@y.example' : bad), undefined, bad);
    }
    assert.equal(mailtoHref('o\'brien+lms@example.org'), 'mailto:o\'brien%2Blms@example.org');
    assert.equal(mailtoHref('a@b.example', 'Offline records & roles'), 'mailto:a@b.example?subject=Offline%20records%20%26%20roles');
    assert.equal(safeContactUrl('mailto:help@lms.example?subject=Role%20please&bcc=x@evil.example&cc=y@evil.example'), 'mailto:help@lms.example?subject=Role%20please');
    assert.equal(safeContactUrl('mailto:help@lms.example,x@evil.example'), undefined);
    assert.equal(safeContactUrl('javascript:alert(1)', 'https://lms.example/'), undefined);
    assert.equal(safeContactUrl('/help/roles', 'https://lms.example/admin/'), 'https://lms.example/help/roles');
  });
});
