// Who is calling: a signed-in session (cookie `lms_session`, with the session's CSRF token in `X-CSRF-Token`
// on every call that changes something) or an API token (`Authorization: Bearer …`). Only hashes of
// tokens are stored; the permission is read from the database on every request.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Queryable } from './db/database.js';
import { ServerProblem } from './lms/problem.js';

export const SESSION_COOKIE = 'lms_session';
export const CSRF_HEADER = 'x-csrf-token';

export interface Actor {
  readonly userId: string;
  readonly canUpload: boolean;
  readonly via: 'session' | 'bearer';
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** `name=value` pairs of a Cookie header. */
export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at <= 0) continue;
    const name = part.slice(0, at).trim();
    const raw = part.slice(at + 1).trim();
    try {
      if (!cookies.has(name)) cookies.set(name, decodeURIComponent(raw));
    } catch {
      // A malformed escape: not a cookie of ours.
    }
  }
  return cookies;
}

function sameText(p: string, q: string): boolean {
  const a = Buffer.from(p);
  const b = Buffer.from(q);
  return a.length === b.length && timingSafeEqual(a, b);
}

const notSignedIn = (detail: string) => new ServerProblem(401, 'not-signed-in', 'Not signed in', detail, undefined, { 'WWW-Authenticate': 'Bearer' });

/**
 * The caller of a request, or a 401 problem. `unsafe` (POST, DELETE…) requires the session's CSRF token
 * when the caller uses the cookie; a bearer token is not sent by the browser on its own, so needs none.
 */
export async function authenticate(
  db: Queryable,
  headers: { authorization?: string | undefined; cookie?: string | undefined; csrf?: string | undefined },
  unsafe: boolean,
  now: Date,
): Promise<Actor> {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(headers.authorization ?? '')?.[1];
  if (headers.authorization !== undefined) {
    if (!bearer) throw notSignedIn('The Authorization header is not a bearer token. Send "Authorization: Bearer <token>".');
    const { rows } = await db.query<{ user_id: string; can_upload: boolean; active: boolean }>(
      'SELECT t.user_id, u.can_upload, u.active FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = $1',
      [hashToken(bearer)],
    );
    const row = rows[0];
    if (!row || !row.active) throw notSignedIn('The API token is not valid (unknown, revoked, or its user is inactive).');
    return { userId: row.user_id, canUpload: row.can_upload, via: 'bearer' };
  }
  const session = parseCookies(headers.cookie).get(SESSION_COOKIE);
  if (!session) throw notSignedIn('Your LMS session has ended. Sign in again.');
  const { rows } = await db.query<{ user_id: string; can_upload: boolean; active: boolean; csrf_token: string }>(
    `SELECT s.user_id, u.can_upload, u.active, s.csrf_token FROM sessions s JOIN users u ON u.id = s.user_id
     WHERE s.token_hash = $1 AND s.expires_at > $2`,
    [hashToken(session), now.toISOString()],
  );
  const row = rows[0];
  if (!row || !row.active) throw notSignedIn('Your LMS session has ended. Sign in again.');
  if (unsafe && (!headers.csrf || !sameText(headers.csrf, row.csrf_token))) {
    throw new ServerProblem(403, 'csrf-token-missing', 'Forbidden', 'The request carried no valid CSRF token (X-CSRF-Token). Reload the page and try again.');
  }
  return { userId: row.user_id, canUpload: row.can_upload, via: 'session' };
}

/** Opens a session for `userId`: the cookie's token and the CSRF token the page must echo. */
export async function openSession(db: Queryable, userId: string, now: Date, ttlMs: number): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + ttlMs);
  await db.query('INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at) VALUES ($1, $2, $3, $4)', [hashToken(token), userId, csrfToken, expiresAt.toISOString()]);
  return { token, csrfToken, expiresAt };
}

/**
 * Fixed-window rate limit per user and bucket, counted in the database so every instance shares it.
 * Throws 429 with Retry-After when the window is full.
 */
export async function rateLimit(db: Queryable, userId: string, bucket: string, perMinute: number, now: Date): Promise<void> {
  if (!(perMinute > 0)) return;
  const windowStart = Math.floor(now.getTime() / 60_000) * 60_000;
  const { rows } = await db.query<{ hits: number }>(
    `INSERT INTO rate_windows (user_id, bucket, window_start, hits) VALUES ($1, $2, $3, 1)
     ON CONFLICT (user_id, bucket, window_start) DO UPDATE SET hits = rate_windows.hits + 1 RETURNING hits`,
    [userId, bucket, new Date(windowStart).toISOString()],
  );
  if ((rows[0]?.hits ?? 0) > perMinute) {
    const retryAfter = Math.max(1, Math.ceil((windowStart + 60_000 - now.getTime()) / 1000));
    throw new ServerProblem(429, 'rate-limited', 'Too many requests', `Too many uploads at once. Try again in ${retryAfter} seconds.`, undefined, { 'Retry-After': String(retryAfter) });
  }
}
