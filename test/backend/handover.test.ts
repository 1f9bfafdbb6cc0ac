// RestBackend's full transport (rest-transport.ts) is a chunk of its own, loaded when a read's lean attempt
// hands over or the first write comes. When it does not load (a redeploy removed it, the network dropped),
// the call fails as our own code's failure — InternalBackendError `internal`, retryable — never as the
// LMS's or the file's, and nothing is sent for the write. (This file's page loads the transport first
// here. Chromium keeps a module import that failed for the page's life, so the retry is the reload.)
import { expect } from '@open-wc/testing';
import { HttpResponse, http } from 'msw';
import { InternalBackendError, UnavailableError } from '../../src/backend/errors.js';
import { CLASSROOM, backend, callsOf, demoLms } from './demo-lms.js';

describe('RestBackend in the browser: the full transport does not load', () => {
  it('a read handed over, and a write, fail as "internal" and retryable; nothing is sent for the write', async () => {
    const lms = await demoLms();
    let refused = 0;
    lms.worker.use(
      http.get(/\/src\/backend\/rest-transport\.ts/, () => {
        refused += 1;
        return HttpResponse.error();
      }),
    );
    const rest = backend();
    lms.inject('listCategories', { kind: 'status', status: 503 }, 1);
    const read = await rest.listCategories().catch((e: unknown) => e);
    expect(read).to.be.instanceOf(InternalBackendError);
    expect(read).to.include({ code: 'internal', retryable: true, operation: 'listCategories' });
    expect((read as Error).message).to.match(/^Something went wrong in this page while calling GET \/categories/);
    expect(read).not.to.be.instanceOf(UnavailableError);
    const write = await rest.stageUpload({ ...CLASSROOM, totalRecords: 1 }).catch((e: unknown) => e);
    expect(write).to.include({ code: 'internal', retryable: true, operation: 'stageUpload' });
    expect(refused).to.be.greaterThan(0);
    expect(callsOf(lms, 'stageUpload'), 'nothing staged').to.equal(0);
  });
});
