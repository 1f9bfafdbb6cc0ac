// A host configures RestBackend without forking it: headers (CSRF, bearer), moved paths, its own fetch,
// credentials mode, base URL forms. Each setting must reach the LMS.
import { expect } from '@open-wc/testing';
import { createLmsHandlers } from '../../demo/mocks/handlers.js';
import { DEMO } from '../../demo/mocks/data.js';
import { recordsChecksum } from '../../src/backend/checksum.js';
import { NoAccessError, NotFoundError } from '../../src/backend/errors.js';
import { RestBackend } from '../../src/backend/rest-backend.js';
import { CLASSROOM, backend, classroomRecords, demoLms } from './demo-lms.js';

describe('RestBackend configuration', () => {
  it('a headers function is called before every call: a rotating CSRF token reaches the LMS', async () => {
    const lms = await demoLms();
    lms.settings.csrfToken = 'csrf-1';
    let token = 'csrf-1';
    let calls = 0;
    const rest = backend({
      headers: async () => {
        calls += 1;
        return { 'X-CSRF-Token': token };
      },
    });
    const { uploadId } = await rest.stageUpload({ ...CLASSROOM, totalRecords: 1 });
    lms.settings.csrfToken = token = 'csrf-2';
    await rest.dryRunChunk(uploadId, { chunkIndex: 0, records: classroomRecords(1) });
    expect(calls).to.equal(2);
    expect(lms.requests.map((r) => r.headers['x-csrf-token'])).to.deep.equal(['csrf-1', 'csrf-2']);
  });

  it('without the CSRF token the LMS refuses the write: NoAccessError', async () => {
    const lms = await demoLms();
    lms.settings.csrfToken = 'csrf-1';
    const error = await backend().stageUpload({ ...CLASSROOM, totalRecords: 1 }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(NoAccessError);
    expect((error as Error).message).to.contain('CSRF token');
  });

  it('fixed headers (a bearer token) go with every call, next to Accept and Content-Type', async () => {
    const lms = await demoLms();
    const rest = backend({ headers: { Authorization: 'Bearer demo-token' } });
    await rest.getPermissions();
    await rest.stageUpload({ ...CLASSROOM, totalRecords: 1 });
    // The first getPermissions also asks for the capabilities: that call carries the token too.
    expect(lms.requests.map((r) => [r.operation, r.headers['authorization']]).sort()).to.deep.equal([
      ['getCapabilities', 'Bearer demo-token'],
      ['getPermissions', 'Bearer demo-token'],
      ['stageUpload', 'Bearer demo-token'],
    ]);
    const of = (operation: string) => lms.requests.find((r) => r.operation === operation)!;
    expect(of('getPermissions').headers['accept']).to.equal('application/json, application/problem+json');
    expect(of('stageUpload').headers['content-type']).to.equal('application/json');
  });

  it('path overrides reach the LMS, for reads and for the whole upload', async () => {
    const lms = await demoLms();
    const paths = {
      searchActivities: '/offline-activities/search',
      stageUpload: '/staged',
      dryRunChunk: '/staged/{uploadId}/check',
      commitUpload: '/staged/{uploadId}/finalise',
    } as const;
    lms.worker.use(...createLmsHandlers({ lms: lms.lms, settings: lms.settings, log: lms.requests, baseUrl: '/lms-v2', paths }));
    const rest = new RestBackend({ baseUrl: '/lms-v2', paths });
    const page = await rest.searchActivities({ text: 'forklift' });
    expect(page.items.map((a) => a.code).sort()).to.deep.equal(['OPS-201', 'OPS-205']);
    const records = classroomRecords(2);
    const { uploadId } = await rest.stageUpload({ ...CLASSROOM, totalRecords: 2 });
    await rest.dryRunChunk(uploadId, { chunkIndex: 0, records });
    const result = await rest.commitUpload(uploadId, { idempotencyKey: 'key-moved-paths', recordCount: 2, checksum: await recordsChecksum(records) });
    expect(result.created).to.equal(2);
    expect(lms.requests.map((r) => new URL(r.url).pathname)).to.deep.equal([
      '/lms-v2/offline-activities/search',
      '/lms-v2/staged',
      `/lms-v2/staged/${uploadId}/check`,
      `/lms-v2/staged/${uploadId}/finalise`,
    ]);
    expect(rest.endpoint('commitUpload')).to.equal('POST /staged/{uploadId}/finalise');
  });

  it('a custom fetch is used for every call, with the credentials mode asked for', async () => {
    await demoLms();
    const seen: { url: string; credentials?: RequestCredentials; method?: string }[] = [];
    const rest = backend({
      credentials: 'include',
      fetch: (input, init) => {
        seen.push({ url: String(input), credentials: init?.credentials, method: init?.method });
        return fetch(input, init);
      },
    });
    await rest.listCategories();
    await rest.getActivity(DEMO.activities.classroom);
    expect(seen.map((s) => [s.method, new URL(s.url).pathname, s.credentials])).to.deep.equal([
      ['GET', '/api/lms/categories', 'include'],
      ['GET', '/api/lms/activities/act-hse-101', 'include'],
    ]);
  });

  it('an absolute base URL with a trailing slash works the same', async () => {
    await demoLms();
    const rest = new RestBackend({ baseUrl: `${location.origin}/api/lms/` });
    expect((await rest.listDomains()).map((d) => d.id)).to.deep.equal(['dom-employees', 'dom-contractors', 'dom-partners']);
  });

  it('ids are URL-encoded into paths: an id cannot reach another endpoint', async () => {
    const lms = await demoLms();
    const error = await backend().getActivity('../permissions').catch((e: unknown) => e);
    expect(error).to.be.instanceOf(NotFoundError);
    expect(new URL(lms.requests[0]!.url).pathname).to.equal('/api/lms/activities/..%2Fpermissions');
  });

  it('query parameters: empty ones are left out, the text is trimmed', async () => {
    const lms = await demoLms();
    await backend().searchActivities({ text: '  forklift ', categoryId: '', offset: 0, limit: 5 });
    const url = new URL(lms.requests[0]!.url);
    expect([...url.searchParams.entries()]).to.deep.equal([
      ['q', 'forklift'],
      ['offset', '0'],
      ['limit', '5'],
    ]);
  });

  it('chunkSize is offered to the session (default 500); a missing baseUrl is refused at once', () => {
    expect(new RestBackend({ baseUrl: '/api/lms' }).chunkSize).to.equal(500);
    expect(new RestBackend({ baseUrl: '/api/lms', chunkSize: 200 }).chunkSize).to.equal(200);
    expect(() => new RestBackend({ baseUrl: '' })).to.throw(TypeError, 'RestBackend needs a baseUrl');
  });
});
