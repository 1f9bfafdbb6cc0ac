// What "Details for support" and the `failed` event carry of an error: a reading failure's own detail (not
// its generic message), an error's message otherwise. session/failures.ts knows a ReadFailedError by its
// name and detail, without importing the reader's module (which would put it on every page's first load).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NotFoundError } from '../../src/backend/errors.js';
import { ReadFailedError } from '../../src/core/read/types.js';
import { detailOf, makeFailure } from '../../src/session/failures.js';

describe('failure detail for support', () => {
  it('a reading failure gives its own detail, kind unknown, retryable as asked', () => {
    const failure = makeFailure('read-internal', new ReadFailedError('Maximum call stack size exceeded'), { retryable: true });
    assert.equal(failure.detail?.message, 'Maximum call stack size exceeded');
    assert.equal(failure.kind, 'unknown');
    assert.equal(failure.retryable, true);
  });

  it('another error gives its message; a backend error its operation and status too', () => {
    assert.equal(detailOf(new Error('boom')).message, 'boom');
    assert.equal(detailOf('plain words').message, 'plain words');
    const lookalike = Object.assign(new Error('generic'), { name: 'ReadFailedError' });
    assert.equal(detailOf(lookalike).message, 'generic', 'a ReadFailedError without its detail is an ordinary error');
    const detail = detailOf(new NotFoundError('gone', 'getActivity', 404));
    assert.equal(detail.message, 'gone');
    assert.equal(detail.operation, 'getActivity');
    assert.equal(detail.status, 404);
  });
});
