// The HTTP face of the reference LMS (Fastify): every operation of openapi.json at RestBackend's method and
// path, each request checked and each answer validated with the wire's zod schemas, refusals as
// application/problem+json, a request id on every answer, health and readiness, optional CORS.
import { randomUUID } from 'node:crypto';
import { PassThrough } from 'node:stream';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import cors from '@fastify/cors';
import Fastify from 'fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { REST_ROUTES } from '../src/backend/rest-backend.js';
import type { BackendOperation } from '../src/backend/rest-backend.js';
import {
  ActivityPageSchema,
  ActivitySummarySchema,
  CapabilitiesSchema,
  CategoryListSchema,
  CommitRequestSchema,
  CommitResultSchema,
  DomainListSchema,
  DryRunChunkSchema,
  DryRunResultSchema,
  PermissionsSchema,
  ProblemSchema,
  StageRequestSchema,
  StagedUploadSchema,
  describeZodIssue,
} from '../src/backend/schemas.js';
import { TemplateSpec } from '../src/core/spec.js';
import { CSRF_HEADER, SESSION_COOKIE, authenticate, openSession, rateLimit } from './auth.js';
import type { Actor } from './auth.js';
import type { ServerConfig } from './config.js';
import type { Database } from './db/database.js';
import { getActivity, listCategories, listDomains, permissionsFor, searchActivities, templateSpec } from './lms/catalogue.js';
import { problemType, ServerProblem } from './lms/problem.js';
import { commitUpload, discardUpload, dryRunChunk, stageUpload } from './lms/uploads.js';
import type { UploadContext } from './lms/uploads.js';

export interface AppOptions {
  readonly db: Database;
  readonly config: ServerConfig;
  /** The server's clock (tests move it to expire uploads). */
  readonly now?: () => Date;
  /** A pino logger configuration, or false (tests). Default: JSON lines at config.logLevel. */
  readonly logger?: boolean | Record<string, unknown>;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor?: Actor;
  }
}

const PROBLEM_TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Not signed in',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  413: 'Content too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  429: 'Too many requests',
  500: 'Internal server error',
  503: 'Service unavailable',
};

const REQUEST_ID = /^[\w.:-]{1,64}$/;

/** The Fastify app over an open, migrated database. `app.ready()` or `listen()` it. */
export function buildApp(options: AppOptions): FastifyInstance {
  const { db, config } = options;
  const now = options.now ?? (() => new Date());
  const ctx: UploadContext = { db, now, limits: config.limits };
  let shuttingDown = false;

  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : {
            level: config.logLevel,
            redact: ['req.headers.authorization', 'req.headers.cookie', `req.headers["${CSRF_HEADER}"]`],
            ...(typeof options.logger === 'object' ? options.logger : {}),
          },
    bodyLimit: config.limits.maxBodyBytes,
    requestIdHeader: false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    // Slow or stuck clients do not hold a connection for ever.
    connectionTimeout: 120_000,
    return503OnClosing: true,
  });

  app.addHook('onRequest', async (request, reply) => {
    reply.header('X-Request-Id', request.id);
    reply.header('Cache-Control', 'no-store');
    reply.header('X-Content-Type-Options', 'nosniff');
  });

  // Content-Encoding: gzip request bodies. The route's bodyLimit caps the bytes after decompression.
  app.addHook('preParsing', async (request, _reply, payload) => {
    const encoding = String(request.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
    if (encoding === 'identity' || encoding === '') return payload;
    if (encoding !== 'gzip') {
      throw new ServerProblem(415, 'encoding-unsupported', 'Unsupported content encoding', `The LMS accepts request bodies as they are or compressed with gzip, not "${encoding}".`);
    }
    return gunzipCapped(payload, request.routeOptions.bodyLimit ?? config.limits.maxBodyBytes);
  });

  if (config.corsOrigins.length > 0) {
    void app.register(cors, {
      origin: [...config.corsOrigins],
      credentials: true,
      methods: ['GET', 'POST', 'DELETE'],
      allowedHeaders: ['Content-Type', 'Content-Encoding', 'Authorization', 'Idempotency-Key', 'X-CSRF-Token', 'X-Request-Id'],
      exposedHeaders: ['Retry-After', 'X-Request-Id'],
      maxAge: 600,
    });
  }

  app.setErrorHandler(async (error: unknown, request, reply) => {
    // A body refused before it was read (413, 415 …) is read to its end first (within bounds): a client still
    // sending would otherwise see the connection reset instead of the answer.
    await drain(request.raw, 256 * 1024 * 1024, 30_000);
    if (error instanceof ServerProblem) {
      if (error.status >= 500) request.log.error({ err: error }, error.detail);
      return sendProblem(reply, request, error.status, error.body(), error.headers);
    }
    const status = (error as { statusCode?: number }).statusCode;
    const code = (error as { code?: string }).code;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const detail =
        code === 'FST_ERR_CTP_BODY_TOO_LARGE'
          ? `The request body is larger than the ${formatBytes(request.routeOptions.bodyLimit ?? config.limits.maxBodyBytes)} this operation accepts (after decompression). Send fewer records per request.`
          : code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
            ? 'The request body must be JSON (Content-Type: application/json).'
            : code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError
              ? 'The request body is not JSON.'
              : (error as Error).message;
      const slug = code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? 'body-too-large' : undefined;
      return sendProblem(reply, request, status, { ...(slug ? { type: problemType(slug) } : {}), detail });
    }
    request.log.error({ err: error }, 'request failed');
    return sendProblem(reply, request, 500, { detail: 'The LMS failed; nothing was changed by this call. Try again.' });
  });

  app.setNotFoundHandler((request, reply) => sendProblem(reply, request, 404, { detail: `Nothing is served at ${request.method} ${request.url.split('?')[0]}.` }));

  // ── Health ───────────────────────────────────────────────────────────────────────────────────────
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    if (shuttingDown) return reply.code(503).send({ status: 'shutting-down' });
    try {
      await db.query('SELECT 1');
      return { status: 'ready', database: db.kind };
    } catch {
      return reply.code(503).send({ status: 'database-unavailable' });
    }
  });
  app.addHook('onClose', async () => {
    shuttingDown = true;
  });

  // ── The contract ─────────────────────────────────────────────────────────────────────────────────
  const base = config.basePath;
  const pathOf = (operation: BackendOperation) => `${base}${REST_ROUTES[operation].path.replace(/\{(\w+)\}/g, ':$1')}`;

  /** One operation: authenticates, checks the permission (all but getPermissions), runs, validates the answer. */
  const route = <S extends z.ZodType>(
    operation: BackendOperation,
    answer: S | null,
    // The answer is checked against `answer` at run time (the shared types are readonly, the schemas' are not).
    handle: (request: FastifyRequest, actor: Actor, reply: FastifyReply) => Promise<unknown>,
    settings: { bodyLimit?: number; status?: number } = {},
  ) => {
    const method = REST_ROUTES[operation].method;
    app.route({
      method,
      url: pathOf(operation),
      ...(settings.bodyLimit ? { bodyLimit: settings.bodyLimit } : {}),
      handler: async (request, reply) => {
        const headers = request.headers;
        const actor = await authenticate(
          db,
          { authorization: headers.authorization, cookie: headers.cookie, csrf: typeof headers[CSRF_HEADER] === 'string' ? (headers[CSRF_HEADER] as string) : undefined },
          method !== 'GET',
          now(),
        );
        request.actor = actor;
        // What one may do and what the LMS accepts are answered to anyone signed in; the rest needs the permission.
        if (operation !== 'getPermissions' && operation !== 'getCapabilities' && !actor.canUpload) {
          throw new ServerProblem(403, 'no-permission', 'Forbidden', 'Your account has no role that may upload offline records.');
        }
        const value = await handle(request, actor, reply);
        if (answer === null) return reply.code(settings.status ?? 204).send();
        const checked = answer.safeParse(value);
        if (!checked.success) {
          const first = describeZodIssue(checked.error.issues[0]!);
          throw new ServerProblem(500, 'answer-invalid', 'Internal server error', `The LMS built an answer its contract does not allow (${first.field} — ${first.problem}); nothing was sent.`);
        }
        if (reply.statusCode === 200 && settings.status) reply.code(settings.status);
        return reply.type('application/json').send(value);
      },
    });
  };

  route('getCapabilities', CapabilitiesSchema, async () => ({
    maxRecordsPerUpload: config.limits.maxRecords,
    maxFileBytes: config.limits.maxFileBytes,
    // The chunk route's cap applies after decompression, so a body within it as sent may still be refused
    // if it inflates beyond it; the preferred chunk size keeps bodies far below (about 150 bytes a record).
    maxRequestBytes: config.limits.maxChunkBytes,
    chunkSize: config.limits.preferredChunkRecords,
    acceptsGzip: true,
  }));
  route('getPermissions', PermissionsSchema, async (_request, actor) => permissionsFor(actor.canUpload, config.contact));
  route('listCategories', CategoryListSchema, async () => ({ items: await listCategories(db) }));
  route('searchActivities', ActivityPageSchema, async (request) => {
    const query = request.query as Record<string, string | undefined>;
    const limit = intParam(query, 'limit');
    if (limit !== undefined && (limit < 1 || limit > 100)) throw badRequest('The query parameter limit must be between 1 and 100.');
    return searchActivities(db, { categoryId: query['categoryId'] || undefined, text: query['q'] ?? undefined, offset: intParam(query, 'offset'), limit });
  });
  route('getActivity', ActivitySummarySchema, async (request) => getActivity(db, (request.params as { activityId: string }).activityId));
  route('listDomains', DomainListSchema, async () => ({ items: await listDomains(db) }));
  route('getTemplateSpec', TemplateSpec, async (request) => {
    const query = request.query as Record<string, string | undefined>;
    return templateSpec(db, { activityId: required(query, 'activityId'), domainId: required(query, 'domainId'), identifierKind: required(query, 'identifierKind') });
  });
  route(
    'stageUpload',
    StagedUploadSchema,
    async (request, actor) => {
      const body = parseBody(StageRequestSchema, request.body);
      await rateLimit(db, actor.userId, 'stage', config.limits.uploadsPerMinute, now());
      return stageUpload(ctx, actor.userId, body);
    },
    { status: 201 },
  );
  route(
    'dryRunChunk',
    DryRunResultSchema,
    async (request, actor) => dryRunChunk(ctx, actor.userId, uploadIdOf(request), parseBody(DryRunChunkSchema, request.body)),
    { bodyLimit: config.limits.maxChunkBytes },
  );
  route('commitUpload', CommitResultSchema, async (request, actor, reply) => {
    const body = parseBody(CommitRequestSchema, request.body);
    const header = request.headers['idempotency-key'];
    if (header !== undefined && header !== body.idempotencyKey) throw badRequest('The Idempotency-Key header and the body\'s idempotencyKey differ.');
    const outcome = await commitUpload(ctx, actor.userId, uploadIdOf(request), body);
    reply.code(outcome.status);
    request.log.info({ uploadId: outcome.result.uploadId, created: outcome.result.created, replayed: outcome.status === 200 }, 'commit');
    return outcome.result;
  });
  route('discardUpload', null, async (request, actor) => discardUpload(ctx, actor.userId, uploadIdOf(request)));

  // ── Demo sign-in (off unless configured) ──────────────────────────────────────────────────────────
  if (config.devSignIn) {
    app.post(`${base}/dev/session`, async (request, reply) => {
      const userId = (request.body as { userId?: unknown } | undefined)?.userId;
      if (typeof userId !== 'string') throw badRequest('Send {"userId": "<a user id>"}, e.g. adm-00001.');
      const { rows } = await db.query('SELECT id FROM users WHERE id = $1', [userId]);
      if (rows.length === 0) throw new ServerProblem(404, 'user-not-found', 'User not found', `There is no user ${userId}.`);
      const session = await openSession(db, userId, now(), config.sessionTtlMs);
      reply.header('Set-Cookie', `${SESSION_COOKIE}=${session.token}; Path=/; HttpOnly; SameSite=Strict; Expires=${session.expiresAt.toUTCString()}`);
      return { userId, csrfToken: session.csrfToken, expiresAt: session.expiresAt.toISOString() };
    });
  }

  return app;
}

function sendProblem(reply: FastifyReply, request: FastifyRequest, status: number, problem: Record<string, unknown>, headers: Readonly<Record<string, string>> = {}): FastifyReply {
  const body = {
    type: 'about:blank',
    title: PROBLEM_TITLES[status] ?? 'Error',
    status,
    ...problem,
    // An extension member: quoting it lets support find the server's log lines of this request.
    requestId: request.id,
  };
  // Our own problems must be what the contract says a problem is.
  ProblemSchema.parse(body);
  for (const [name, value] of Object.entries(headers)) reply.header(name, value);
  return reply.code(status).type('application/problem+json').send(body);
}

const badRequest = (detail: string) => new ServerProblem(400, 'bad-request', 'Bad request', detail);

function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const { field, problem } = describeZodIssue(parsed.error.issues[0]!);
    throw badRequest(`The request body is not what the contract says: ${field || 'body'} — ${problem}.`);
  }
  return parsed.data;
}

function intParam(query: Record<string, string | undefined>, name: string): number | undefined {
  const raw = query[name];
  if (raw === undefined || raw === '') return undefined;
  if (!/^\d+$/.test(raw)) throw badRequest(`The query parameter ${name} must be a whole number, not "${raw}".`);
  return Number(raw);
}

function required(query: Record<string, string | undefined>, name: string): string {
  const value = query[name];
  if (!value) throw badRequest(`The query parameter ${name} is required.`);
  return value;
}

function uploadIdOf(request: FastifyRequest): string {
  return (request.params as { uploadId: string }).uploadId;
}

/** Reads and drops what is left of a request body, up to `maxBytes` or `timeoutMs`, whichever comes first. */
async function drain(raw: Readable & { complete?: boolean }, maxBytes: number, timeoutMs: number): Promise<void> {
  if (raw.complete || raw.readableEnded || raw.destroyed) return;
  await new Promise<void>((resolve) => {
    let seen = 0;
    const done = () => {
      clearTimeout(timer);
      raw.off('data', onData);
      raw.off('end', done);
      raw.off('error', done);
      raw.off('close', done);
      resolve();
    };
    const onData = (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > maxBytes) done();
    };
    const timer = setTimeout(done, timeoutMs);
    raw.on('data', onData);
    raw.once('end', done);
    raw.once('error', done);
    raw.once('close', done);
    raw.resume();
  });
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(0)} MiB` : `${(bytes / 1024).toFixed(0)} KiB`;
}

/**
 * Decompresses a gzip request body, counting what arrives (Fastify checks it against Content-Length) and
 * stopping at `limit` decompressed bytes: a small body that inflates to gigabytes is refused with 413
 * without being inflated further.
 */
function gunzipCapped(payload: Readable, limit: number): Readable {
  const gunzip = createGunzip();
  const out = new PassThrough() as PassThrough & { receivedEncodedLength?: number };
  let encoded = 0;
  let decoded = 0;
  const stop = (status: number, message: string) => {
    payload.unpipe(gunzip);
    payload.resume(); // drain what is left, so the answer can still be sent on this connection
    gunzip.destroy();
    out.destroy(Object.assign(new Error(message), { statusCode: status, code: status === 413 ? 'FST_ERR_CTP_BODY_TOO_LARGE' : 'GZIP_INVALID' }));
  };
  payload.on('data', (chunk: Buffer) => {
    encoded += chunk.length;
    out.receivedEncodedLength = encoded;
  });
  gunzip.on('data', (chunk: Buffer) => {
    decoded += chunk.length;
    if (decoded > limit) stop(413, 'too large');
    else out.write(chunk);
  });
  gunzip.on('end', () => out.end());
  gunzip.on('error', () => stop(400, 'The request body is declared gzip-compressed (Content-Encoding: gzip) but is not valid gzip data.'));
  payload.on('error', (error) => out.destroy(error));
  payload.pipe(gunzip);
  return out;
}
