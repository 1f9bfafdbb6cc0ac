// The session's automatic retry rules (src/session/retry.ts), without a browser: which failures are
// retried, how long it waits, that Retry-After is obeyed or ends the retries, and that tries are bounded.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ContractError, RejectedError, UnavailableError } from '../../src/backend/errors.js';
import { attemptsOf, MAX_ATTEMPTS, resolvePolicy, retryDelay, withRetries, type RetryStatus } from '../../src/session/retry.js';

const policy = resolvePolicy({ attempts: 3, baseDelayMs: 1000, maxDelayMs: 10_000 });
const unavailable = (retryAfter?: number) => new UnavailableError('down', 'commitUpload', 503, retryAfter);

describe('retryDelay', () => {
  it('backs off exponentially with equal jitter, within the policy', () => {
    assert.equal(retryDelay(unavailable(), 1, policy, () => 0), 500);
    assert.equal(retryDelay(unavailable(), 1, policy, () => 1), 1000);
    assert.equal(retryDelay(unavailable(), 2, policy, () => 0), 1000);
    assert.equal(retryDelay(unavailable(), 2, policy, () => 1), 2000);
  });

  it('stops after the last try, and never retries a refusal or a garbled answer', () => {
    assert.equal(retryDelay(unavailable(), 3, policy), undefined);
    assert.equal(retryDelay(new RejectedError('no', 'commitUpload', 422, []), 1, policy), undefined);
    assert.equal(retryDelay(new ContractError('garbled', 'commitUpload', 200), 1, policy), undefined);
    assert.equal(retryDelay(new Error('boom'), 1, policy), undefined);
  });

  it('obeys a short Retry-After exactly; a longer one than the policy allows ends the retries', () => {
    assert.equal(retryDelay(unavailable(4), 1, policy), 4000);
    assert.equal(retryDelay(unavailable(0), 1, policy), 0);
    assert.equal(retryDelay(unavailable(11), 1, policy), undefined);
    assert.equal(retryDelay(unavailable(3600), 1, policy), undefined);
  });

  it('a policy out of range falls back to sane values, and never asks for endless tries', () => {
    assert.deepEqual(resolvePolicy({ attempts: Number.NaN, baseDelayMs: -5, maxDelayMs: Infinity }), { attempts: 3, baseDelayMs: 1000, maxDelayMs: 10_000 });
    assert.equal(resolvePolicy({ attempts: 1e9 }).attempts, MAX_ATTEMPTS);
    assert.equal(resolvePolicy({ attempts: 0 }).attempts, 3);
    assert.equal(resolvePolicy({ attempts: 1 }).attempts, 1);
  });
});

describe('withRetries', () => {
  const fast = resolvePolicy({ attempts: 3, baseDelayMs: 1, maxDelayMs: 5 });

  it('gives up after the bounded tries with the last error, telling how many tries it took', async () => {
    let calls = 0;
    const seen: RetryStatus[] = [];
    const error = await withRetries(
      async () => {
        calls += 1;
        throw unavailable();
      },
      { policy: fast, onRetry: (s) => seen.push(s) },
    ).catch((e: unknown) => e);
    assert.ok(error instanceof UnavailableError);
    assert.equal(calls, 3);
    assert.equal(attemptsOf(error), 3);
    assert.deepEqual(seen.map((s) => [s.attempt, s.attempts, s.reason]), [[2, 3, 'unavailable'], [3, 3, 'unavailable']]);
  });

  it('returns the first success; a filter keeps some transient failures from being retried', async () => {
    let calls = 0;
    assert.equal(await withRetries(async () => (++calls < 2 ? Promise.reject(unavailable()) : 'ok'), { policy: fast }), 'ok');
    assert.equal(calls, 2);
    calls = 0;
    const error = await withRetries(async () => {
      calls += 1;
      throw unavailable();
    }, { policy: fast, retryIf: () => false }).catch((e: unknown) => e);
    assert.equal(calls, 1);
    assert.equal(attemptsOf(error), 1);
  });

  it('an abort during the wait ends it with an AbortError, without another try', async () => {
    const controller = new AbortController();
    let calls = 0;
    const slow = resolvePolicy({ attempts: 3, baseDelayMs: 5_000, maxDelayMs: 10_000 });
    const pending = withRetries(async () => {
      calls += 1;
      throw unavailable();
    }, { policy: slow, signal: controller.signal, onRetry: () => queueMicrotask(() => controller.abort()) });
    const error = await pending.catch((e: unknown) => e);
    assert.equal((error as DOMException).name, 'AbortError');
    assert.equal(calls, 1);
  });
});
