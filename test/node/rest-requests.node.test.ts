// Fewer, lighter requests (issue 11, client side): RestBackend follows the chunk size an LMS advertises,
// gzips request bodies when the LMS accepts gzip, keeps every body under the LMS's maxRequestBytes, and
// falls back to plain bodies when an LMS refuses gzip with 415. Against a loopback LMS that records what
// it receives, and against the demo LMS served over HTTP (conformance/demo-lms.ts).
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, it } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { startDemoLms } from '../../conformance/demo-lms.js';
import { DEMO, TEMPLATE_VERSIONS } from '../../demo/mocks/data.js';
import { MAX_CHUNK_SIZE, RestBackend, recordsChecksum } from '../../src/backend/index.js';
import type { Capabilities } from '../../src/backend/index.js';
import type { UploadRecord } from '../../src/core/records.js';

interface Received {
  readonly method: string;
  readonly url: string;
  readonly encoding: string | undefined;
  /** Bytes on the wire. */
  readonly wire: number;
  /** The JSON body, inflated when it came gzipped. */
  readonly json: unknown;
}

/** A plain LMS that accepts everything: declares `capabilities`, labels every row `create`. */
class RecordingLms {
  capabilities: Capabilities | 'none' = {};
  refuseGzip = false;
  readonly received: Received[] = [];
  readonly #server: Server = createServer((req, res) => void this.#handle(req, res));

  get baseUrl(): string {
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}/api`;
  }
  listen(): Promise<void> {
    return new Promise((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
  }
  close(): Promise<void> {
    this.#server.closeAllConnections();
    return new Promise((resolve) => this.#server.close(() => resolve()));
  }
  chunks(): { chunkIndex: number; records: UploadRecord[] }[] {
    return this.received.filter((r) => r.url.endsWith('/chunks')).map((r) => r.json as { chunkIndex: number; records: UploadRecord[] });
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const parts: Buffer[] = [];
    for await (const part of req as AsyncIterable<Buffer>) parts.push(part);
    const raw = Buffer.concat(parts);
    const encoding = req.headers['content-encoding'];
    const send = (status: number, body?: unknown) => {
      const text = body === undefined ? '' : JSON.stringify(body);
      res.writeHead(status, { 'Content-Type': 'application/json' }).end(text);
    };
    if (encoding === 'gzip' && this.refuseGzip) {
      this.received.push({ method: req.method ?? '', url: req.url ?? '', encoding, wire: raw.length, json: undefined });
      return send(415, { title: 'Unsupported Media Type', status: 415 });
    }
    const text = (encoding === 'gzip' ? gunzipSync(raw) : raw).toString('utf8');
    const json: unknown = text ? JSON.parse(text) : undefined;
    this.received.push({ method: req.method ?? '', url: req.url ?? '', encoding, wire: raw.length, json });
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/api/capabilities') return this.capabilities === 'none' ? send(404, { title: 'Not found', status: 404 }) : send(200, this.capabilities);
    if (path === '/api/permissions') return send(200, { canUpload: true });
    if (path === '/api/uploads') return send(201, { uploadId: 'u1' });
    if (path.endsWith('/chunks')) {
      const chunk = json as { records: UploadRecord[] };
      return send(200, { rows: chunk.records.map((r) => ({ row: r.row, label: 'create' })), issues: [] });
    }
    if (path.endsWith('/commit')) {
      const commit = json as { recordCount: number };
      return send(201, { uploadId: 'u1', activityId: 'a1', created: commit.recordCount, committedAt: '2026-12-01T10:00:00Z' });
    }
    send(404, { title: 'Not found', status: 404 });
  }
}

const lms = new RecordingLms();
before(() => lms.listen());
after(() => lms.close());
beforeEach(() => {
  lms.received.length = 0;
  lms.capabilities = {};
  lms.refuseGzip = false;
});

/** Records like a real file's: a learner's address, a date, a status and a comment. */
const records = (n: number): UploadRecord[] =>
  Array.from({ length: n }, (_, i) => ({
    row: i + 2,
    values: { identifier: `learner.${i}@northwind.example`, completionDate: '2026-03-14', status: 'Completed', trainer: 'Sam Lee', comments: null },
  }));

/** What the session does with a backend: ask permissions, stage, dry-run in backend.chunkSize chunks, commit. */
async function upload(rest: RestBackend, all: readonly UploadRecord[]): Promise<number> {
  await rest.getPermissions();
  const { uploadId } = await rest.stageUpload({ activityId: 'a1', domainId: 'd1', identifierKind: 'email', templateVersion: 'v1', totalRecords: all.length });
  const size = rest.chunkSize;
  for (let start = 0, chunkIndex = 0; start < all.length; start += size, chunkIndex++) {
    await rest.dryRunChunk(uploadId, { chunkIndex, records: all.slice(start, start + size) });
  }
  const result = await rest.commitUpload(uploadId, { idempotencyKey: 'key-12345678', recordCount: all.length, checksum: await recordsChecksum(all) });
  return result.created;
}

describe('RestBackend follows the LMS: chunk size', () => {
  it('100,000 records, dry run and commit, in at most 30 requests when the LMS prefers 5,000 a chunk', async () => {
    lms.capabilities = { chunkSize: 5000, acceptsGzip: true };
    const rest = new RestBackend({ baseUrl: lms.baseUrl });
    // Small values: the request count is the point, not the bytes.
    const all = Array.from({ length: 100_000 }, (_, i) => ({ row: i + 2, values: { identifier: `u${i}` } }));
    assert.equal(await upload(rest, all), 100_000);
    assert.equal(rest.chunkSize, 5000);
    assert.equal(lms.chunks().length, 20);
    // capabilities + permissions + stage + 20 chunks + commit
    assert.equal(lms.received.length, 24);
  });

  it('without capabilities (404) the default of 500 applies; the host\'s chunkSize always wins', async () => {
    lms.capabilities = 'none';
    const rest = new RestBackend({ baseUrl: lms.baseUrl });
    await rest.getPermissions();
    assert.equal(rest.chunkSize, 500);
    lms.capabilities = { chunkSize: 5000 };
    const own = new RestBackend({ baseUrl: lms.baseUrl, chunkSize: 250 });
    await own.getPermissions();
    assert.equal(own.chunkSize, 250);
  });

  it('an absurd advertised chunk size is held to MAX_CHUNK_SIZE', async () => {
    lms.capabilities = { chunkSize: 1_000_000_000 };
    const rest = new RestBackend({ baseUrl: lms.baseUrl });
    await rest.getCapabilities();
    assert.equal(rest.chunkSize, MAX_CHUNK_SIZE);
  });

  it('every chunk stays under the LMS\'s maxRequestBytes: split before sending, never refused', async () => {
    lms.capabilities = { chunkSize: 2000, maxRequestBytes: 40_000 };
    const rest = new RestBackend({ baseUrl: lms.baseUrl });
    assert.equal(await upload(rest, records(2000)), 2000);
    const chunks = lms.received.filter((r) => r.url.endsWith('/chunks'));
    assert.ok(chunks.length > 1);
    assert.ok(chunks.every((c) => c.wire <= 40_000), `largest ${Math.max(...chunks.map((c) => c.wire))} bytes`);
    assert.equal(lms.chunks().flatMap((c) => c.records).length, 2000);
  });
});

describe('RestBackend follows the LMS: gzip request bodies', () => {
  it('gzips bodies when the LMS accepts gzip: a 500-record chunk goes in a tenth of its size or less', async () => {
    lms.capabilities = { acceptsGzip: true };
    const rest = new RestBackend({ baseUrl: lms.baseUrl });
    await upload(rest, records(500));
    const chunk = lms.received.find((r) => r.url.endsWith('/chunks'));
    assert.equal(chunk?.encoding, 'gzip');
    const plain = Buffer.byteLength(JSON.stringify(chunk?.json));
    assert.ok(chunk!.wire * 10 <= plain, `${chunk!.wire} bytes gzipped against ${plain} plain`);
    // Small bodies (staging, commit) are not worth it.
    assert.equal(lms.received.find((r) => r.url === '/api/uploads')?.encoding, undefined);
  });

  it('sends plain bodies when the LMS does not say it accepts gzip, or the host says no', async () => {
    const rest = new RestBackend({ baseUrl: lms.baseUrl });
    await upload(rest, records(500));
    assert.ok(lms.received.every((r) => r.encoding === undefined));
    lms.received.length = 0;
    lms.capabilities = { acceptsGzip: true };
    await upload(new RestBackend({ baseUrl: lms.baseUrl, compressRequests: false }), records(500));
    assert.ok(lms.received.every((r) => r.encoding === undefined));
  });

  it('an LMS that advertises gzip and then refuses it (415) gets the chunk again, plain, and plain bodies after', async () => {
    lms.capabilities = { acceptsGzip: true, chunkSize: 250 };
    lms.refuseGzip = true;
    const rest = new RestBackend({ baseUrl: lms.baseUrl });
    assert.equal(await upload(rest, records(500)), 500);
    const chunks = lms.received.filter((r) => r.url.endsWith('/chunks')).map((r) => r.encoding ?? 'plain');
    assert.deepEqual(chunks, ['gzip', 'plain', 'plain']);
  });

  it('the demo LMS over HTTP reads the gzipped chunk like the plain one', async () => {
    const server = await startDemoLms({});
    try {
      const rest = new RestBackend({ baseUrl: server.baseUrl, compressRequests: true });
      await rest.getPermissions();
      const employees = DEMO.employees.slice(0, 20);
      const all = employees.map((e, i) => ({
        row: i + 2,
        values: { identifier: e.email, completionDate: '2026-03-14', status: 'Completed', trainer: 'Sam Lee', comments: null },
      }));
      const { uploadId } = await rest.stageUpload({
        activityId: DEMO.activities.classroom,
        domainId: DEMO.domains.employees,
        identifierKind: 'email',
        templateVersion: TEMPLATE_VERSIONS.classroom,
        totalRecords: all.length,
      });
      assert.ok(JSON.stringify({ chunkIndex: 0, records: all }).length > 1024, 'large enough to be gzipped');
      const result = await rest.dryRunChunk(uploadId, { chunkIndex: 0, records: all });
      assert.deepEqual(new Set(result.rows.map((r) => r.label)), new Set(['create']));
      const commit = await rest.commitUpload(uploadId, { idempotencyKey: 'key-gzip-0001', recordCount: all.length, checksum: await recordsChecksum(all) });
      assert.equal(commit.created, 20);
    } finally {
      await server.close();
    }
  });
});
