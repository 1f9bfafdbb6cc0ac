// Redirects in the browser, where fetch hides a redirect's target (`opaqueredirect`): RestBackend follows a
// read's same-origin redirect in fetch's `same-origin` mode, refuses any that leaves the origin before
// anything is sent there, and never follows one for a write. (Node's side, where the target is visible:
// test/node/rest-hostile.node.test.ts.)
import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { ContractError, SessionEndedError } from '../../src/backend/errors.js';
import { CLASSROOM, backend, demoLms } from './demo-lms.js';

/** Another origin (the same server by another name): anything it receives is recorded. */
const ELSEWHERE = (() => {
  const url = new URL(location.origin);
  url.hostname = url.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
  return url.origin;
})();

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the call to fail');
}

describe('RestBackend in the browser: redirects', () => {
  it('a read redirected within the origin is followed: the answer arrives', async () => {
    const lms = await demoLms();
    lms.worker.use(http.get('/api/lms/categories', () => new HttpResponse(null, { status: 302, headers: { Location: '/api/lms/domains' } })));
    const categories = await backend().listCategories();
    // Domains came back (the redirect's target), parsed with the categories' schema: the redirect was followed.
    expect(categories.length).to.be.greaterThan(0);
  });

  it('a read redirected to a sign-in page → SessionEndedError', async () => {
    const lms = await demoLms();
    lms.worker.use(
      http.get('/api/lms/permissions', () => new HttpResponse(null, { status: 302, headers: { Location: '/sso/login' } })),
      http.get('/sso/login', () => HttpResponse.html('<!doctype html><form>Sign in</form>')),
    );
    const error = await failure(backend().getPermissions());
    expect(error).to.be.instanceOf(SessionEndedError);
    expect((error as SessionEndedError).code).to.equal('session-ended');
  });

  it('a read redirected to another origin → SessionEndedError; that origin receives nothing', async () => {
    const lms = await demoLms();
    const elsewhere: string[] = [];
    lms.worker.use(
      http.get('/api/lms/permissions', () => new HttpResponse(null, { status: 302, headers: { Location: `${ELSEWHERE}/steal` } })),
      http.all(`${ELSEWHERE}/*`, ({ request }) => {
        elsewhere.push(request.url);
        return HttpResponse.json({ canUpload: true });
      }),
    );
    const error = await failure(backend({ headers: { 'X-CSRF-Token': 'secret' } }).getPermissions());
    expect(ELSEWHERE).not.to.equal(location.origin);
    expect(error).to.be.instanceOf(SessionEndedError);
    expect(elsewhere).to.deep.equal([]);
  });

  it('a write is never redirected: the commit fails, the target receives nothing', async () => {
    const lms = await demoLms();
    const reached: string[] = [];
    lms.worker.use(
      http.post('/api/lms/uploads', () => new HttpResponse(null, { status: 307, headers: { Location: '/api/lms/elsewhere' } })),
      http.all('/api/lms/elsewhere', ({ request }) => {
        reached.push(request.url);
        return HttpResponse.json({ uploadId: 'u-foreign' }, { status: 201 });
      }),
    );
    const error = await failure(backend().stageUpload({ ...CLASSROOM, totalRecords: 2 }));
    expect(error).to.be.instanceOf(SessionEndedError);
    expect(reached).to.deep.equal([]);
    expect(error).not.to.be.instanceOf(ContractError);
  });
});
