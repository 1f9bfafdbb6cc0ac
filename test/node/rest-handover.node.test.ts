// RestBackend's reads go by a lean path (rest-backend.ts) and hand anything but a checked 2xx answer to the
// full transport (rest-transport.ts) where it stopped. Each case here is run twice against the same
// loopback LMS: through RestBackend (lean attempt, then the hand-over) and through the full transport
// alone (every attempt its own, as RestBackend made all its calls before the lean path). Both must end
// the same — same answer, or same typed failure (class, code, message, status, field, Retry-After) — after
// the same requests: the lean attempt is the first attempt, never one more, and no answer is asked twice.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, it } from 'node:test';
import { ANSWERS } from '../../src/backend/answers.js';
import { BackendError, type ContractError, type UnavailableError } from '../../src/backend/errors.js';
import { RestBackend, type RestBackendOptions } from '../../src/backend/rest-backend.js';
import { FullTransport } from '../../src/backend/rest-transport.js';

type Handler = (req: IncomingMessage, res: ServerResponse, nth: number) => void;

/** A loopback LMS: `handler` answers the nth request (from 1) to any path; it counts what it receives. */
class Lms {
  handler: Handler = (_req, res) => res.writeHead(500).end();
  readonly paths: string[] = [];
  readonly #server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      this.paths.push(req.url ?? '');
      this.handler(req, res, this.paths.length);
    });
  });
  get origin(): string {
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }
  listen(): Promise<void> {
    return new Promise((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
  }
  close(): Promise<void> {
    this.#server.closeAllConnections();
    return new Promise((resolve) => this.#server.close(() => resolve()));
  }
}

const lms = new Lms();
/** Another origin: it must never receive anything. */
const elsewhere = new Lms();

const CATEGORIES = { items: [{ id: 'cat-1', name: 'Fire safety' }] };

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), ...headers }).end(text);
}

const options = (more: Partial<RestBackendOptions> = {}): RestBackendOptions => ({
  baseUrl: `${lms.origin}/api`,
  timeoutMs: 2_000,
  retries: { attempts: 3, baseDelayMs: 5, maxDelayMs: 50 },
  ...more,
});

type Outcome = { readonly answer: unknown } | { readonly failure: Record<string, unknown> };

async function outcome(call: () => Promise<unknown>): Promise<Outcome> {
  try {
    return { answer: await call() };
  } catch (error) {
    if (!(error instanceof BackendError)) throw error;
    const { name, code, message, status, retryable } = error;
    return {
      failure: {
        name,
        code,
        message,
        status,
        retryable,
        field: (error as Partial<ContractError>).field,
        retryAfter: (error as Partial<UnavailableError>).retryAfter,
      },
    };
  }
}

/** listCategories through RestBackend, then through the full transport alone; the outcomes and the requests each made. */
async function both(handler: Handler, more: Partial<RestBackendOptions> = {}): Promise<{ lean: Outcome; full: Outcome; requests: [number, number] }> {
  lms.handler = handler;
  const lean = await outcome(() => new RestBackend(options(more)).listCategories());
  const leanRequests = lms.paths.splice(0).length;
  lms.handler = handler;
  const transport = new FullTransport(options(more), () => undefined);
  const full = await outcome(async () => (await transport.call('listCategories', (j) => ANSWERS.listCategories(j, []), {})).items);
  return { lean, full, requests: [leanRequests, lms.paths.splice(0).length] };
}

before(async () => {
  await lms.listen();
  await elsewhere.listen();
});
after(async () => {
  await lms.close();
  await elsewhere.close();
});
beforeEach(() => {
  lms.paths.length = 0;
  elsewhere.paths.length = 0;
  elsewhere.handler = (_req, res) => json(res, 200, CATEGORIES);
});

const CASES: { readonly name: string; readonly handler: Handler; readonly options?: Partial<RestBackendOptions>; readonly requests: number; readonly code?: string }[] = [
  { name: 'a 503, then the answer: retried', handler: (_q, res, nth) => (nth === 1 ? json(res, 503, { title: 'Down' }) : json(res, 200, CATEGORIES)), requests: 2 },
  { name: 'a dropped connection, then the answer: retried', handler: (req, res, nth) => (nth === 1 ? req.socket.destroy() : json(res, 200, CATEGORIES)), requests: 2 },
  { name: 'a 500 every time: unavailable after the configured attempts, the lean one included', handler: (_q, res) => json(res, 500, { title: 'Broken' }), requests: 3, code: 'unavailable' },
  { name: 'a dropped connection every time: offline', handler: (req) => req.socket.destroy(), requests: 3, code: 'offline' },
  { name: '429 with a Retry-After past the longest wait: busy at once', handler: (_q, res) => json(res, 429, { title: 'Slow down' }, { 'Retry-After': '120' }), requests: 1, code: 'busy' },
  { name: '401 with the LMS\'s detail: session ended, in its words', handler: (_q, res) => json(res, 401, { title: 'Unauthorized', status: 401, detail: 'Your session expired.' }), requests: 1, code: 'session-ended' },
  { name: '403: no access', handler: (_q, res) => json(res, 403, { title: 'Forbidden', status: 403 }), requests: 1, code: 'no-access' },
  { name: '404: not found', handler: (_q, res) => res.writeHead(404).end(), requests: 1, code: 'not-found' },
  { name: '400 (a huge HTML page): contract, its body read in part only', handler: (_q, res) => res.writeHead(400, { 'Content-Type': 'text/html' }).end('<html>'.padEnd(300_000, ' ')), requests: 1, code: 'contract' },
  {
    name: 'a redirect within the LMS: followed, the redirect asked once',
    handler: (req, res) => (req.url?.startsWith('/api/') ? res.writeHead(302, { Location: '/moved/categories' }).end() : json(res, 200, CATEGORIES)),
    requests: 2,
  },
  {
    name: 'a redirect to another origin: session ended, that origin receives nothing',
    handler: (_q, res) => res.writeHead(302, { Location: `${elsewhere.origin}/login` }).end(),
    requests: 1,
    code: 'session-ended',
  },
  { name: 'a redirect loop: redirect-refused', handler: (_q, res, nth) => res.writeHead(307, { Location: `/api/categories?hop=${nth}` }).end(), requests: 6, code: 'redirect-refused' },
  {
    name: 'an answer over the cap, streamed: response-too-large',
    handler: (_q, res) => res.writeHead(200, { 'Content-Type': 'application/json' }).end(`{"items":[${'{"id":"c","name":"n"},'.repeat(200)}]}`),
    options: { maxResponseBytes: { listCategories: 1_000 } },
    requests: 1,
    code: 'response-too-large',
  },
  {
    name: 'an answer announced over the cap: response-too-large',
    handler: (_q, res) => json(res, 200, { items: Array.from({ length: 200 }, (_, i) => ({ id: `c${i}`, name: 'n' })) }),
    options: { maxResponseBytes: { listCategories: 1_000 } },
    requests: 1,
    code: 'response-too-large',
  },
  { name: 'an HTML page with 200: contract, saying it is HTML', handler: (_q, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><title>Sign in</title>'), requests: 1, code: 'contract' },
  { name: 'JSON without a required field: contract, naming the field', handler: (_q, res) => json(res, 200, { items: [{ id: 'cat-1' }] }), requests: 1, code: 'contract' },
  {
    name: 'a 2xx body that stalls: timeout, retried',
    handler: (_q, res) => res.writeHead(200, { 'Content-Type': 'application/json' }).write('{"items":'),
    options: { timeoutMs: 150, retries: { attempts: 2, baseDelayMs: 5 } },
    requests: 2,
    code: 'timeout',
  },
  {
    name: 'a headers function that throws: configuration, nothing sent',
    handler: (_q, res) => json(res, 200, CATEGORIES),
    options: {
      headers: () => {
        throw new RangeError('Invalid array length');
      },
    },
    requests: 0,
    code: 'configuration',
  },
];

/** A hand-over that loses the attempt's clock leaves a stalled answer waiting for ever: fail instead. */
const LIMIT = { timeout: 10_000 };

describe('RestBackend reads: the lean path hands over to the full transport', () => {
  for (const c of CASES) {
    it(c.name, LIMIT, async () => {
      const { lean, full, requests } = await both(c.handler, c.options);
      assert.deepEqual(lean, full);
      assert.deepEqual(requests, [c.requests, c.requests]);
      if (c.code) assert.equal('failure' in lean && lean.failure['code'], c.code);
      else assert.deepEqual(lean, { answer: CATEGORIES.items });
      assert.equal(elsewhere.paths.length, 0);
    });
  }

  it('a bad API address: configuration, as the full transport says it', async () => {
    for (const baseUrl of ['http://[::1', 'javascript:alert(1)//']) {
      const lean = await outcome(() => new RestBackend({ baseUrl }).listCategories());
      const full = await outcome(() => new FullTransport({ baseUrl }, () => undefined).call('listCategories', (j) => j, {}));
      assert.deepEqual(lean, full);
      assert.equal('failure' in lean && lean.failure['code'], 'configuration');
    }
  });

  it('the hand-over keeps the attempt\'s clock: a refusal whose body stalls times out when the attempt began timeoutMs ago', LIMIT, async () => {
    // The 503's headers come 250 ms in: the lean path hands it over then; the body never comes. The
    // attempt's 400 ms end 150 ms later — not 400 ms after the hand-over.
    lms.handler = (_q, res) => void setTimeout(() => res.writeHead(503, { 'Content-Type': 'application/problem+json' }).write('{"title":'), 250);
    const started = performance.now();
    const failure = await outcome(() => new RestBackend(options({ timeoutMs: 400, retries: { attempts: 1 } })).listCategories());
    const took = performance.now() - started;
    assert.equal('failure' in failure && failure.failure['code'], 'timeout');
    assert.ok(took >= 380 && took < 600, `timed out after ${Math.round(took)} ms`);
  });

  it('an answer for another choice: the same contract failures as before, field and words', async () => {
    const spec = {
      version: 'v1',
      activity: { id: 'act-other', name: 'Other', categoryId: 'cat-1', startDate: '2026-01-01' },
      domain: { id: 'dom-1', name: 'Staff' },
      identifierKind: { key: 'email', label: 'E-mail' },
      columns: [{ key: 'identifier', header: 'E-mail', type: 'identifier', required: true }],
    };
    lms.handler = (req, res) => json(res, 200, req.url?.includes('template-spec') ? spec : spec.activity);
    const rest = new RestBackend(options());
    const template = await outcome(() => rest.getTemplateSpec({ activityId: 'act-1', domainId: 'dom-1', identifierKind: 'email' }));
    assert.deepEqual('failure' in template && [template.failure['name'], template.failure['status'], template.failure['field'], template.failure['message']], [
      'ContractError',
      200,
      'activity.id',
      'GET /template-spec answered something unexpected: activity.id — expected activity act-1, got act-other',
    ]);
    const activity = await outcome(() => rest.getActivity('act-1'));
    assert.deepEqual('failure' in activity && [activity.failure['field'], activity.failure['message']], [
      'id',
      'GET /activities/{activityId} answered something unexpected: id — expected activity act-1, got act-other',
    ]);
    assert.equal(lms.paths.length, 2);
  });

  it('an abort while the lean attempt waits: AbortError at once, nothing retried', async () => {
    lms.handler = () => undefined;
    const controller = new AbortController();
    const call = new RestBackend(options()).listCategories({ signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await assert.rejects(call, (error: unknown) => error instanceof DOMException && error.name === 'AbortError');
    assert.equal(lms.paths.length, 1);
  });

});
