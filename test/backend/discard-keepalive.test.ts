// RestBackend's part in failures: the staged upload discarded with fetch keepalive when the page goes
// away (the contract's discard is a DELETE, which sendBeacon cannot send), and CallOptions.attempts, with
// which the session asks for one try per call while it retries by itself.
import { expect } from '@open-wc/testing';
import { UnavailableError } from '../../src/backend/errors.js';
import { discardOnPageHide } from '../../src/session/page-lifecycle.js';
import { UploadSession } from '../../src/session/upload-session.js';
import { recordsChecksum } from '../../src/backend/checksum.js';
import { CLASSROOM, backend, callsOf, classroomRecords, demoLms, stageAndDryRun } from './demo-lms.js';

/** A fetch that notes every request's init, then lets the demo LMS answer it. */
function spyFetch(): { fetch: typeof fetch; inits: RequestInit[] } {
  const inits: RequestInit[] = [];
  return {
    inits,
    fetch: (input, init) => {
      inits.push(init ?? {});
      return fetch(input, init);
    },
  };
}

describe('RestBackend × demo LMS: discard on leaving, one try when asked', () => {
  it('discardUpload with keepalive sends the DELETE with fetch keepalive; the LMS holds nothing staged', async () => {
    const lms = await demoLms();
    const spy = spyFetch();
    const rest = backend({ fetch: spy.fetch });
    const uploadId = await stageAndDryRun(rest, classroomRecords(2));
    expect(lms.lms.pendingUploads()).to.deep.equal([uploadId]);
    await rest.discardUpload(uploadId, { keepalive: true });
    expect(lms.lms.pendingUploads()).to.deep.equal([]);
    const discard = spy.inits.at(-1)!;
    expect(discard.method).to.equal('DELETE');
    expect(discard.keepalive).to.equal(true);
    // Other calls are not keepalive (the browser caps keepalive bodies at 64 KB in all).
    expect(spy.inits.slice(0, -1).every((i) => i.keepalive === undefined)).to.equal(true);
  });

  it('a session tied to the page discards its staged upload on pagehide: the demo LMS holds nothing', async () => {
    const lms = await demoLms();
    const spy = spyFetch();
    const session = new UploadSession(backend({ fetch: spy.fetch }), { useWorker: false });
    const page = new EventTarget();
    const untie = discardOnPageHide(session, page);
    await session.start({ activityId: CLASSROOM.activityId, domainId: CLASSROOM.domainId, identifierKind: CLASSROOM.identifierKind });
    const { blob } = await (async () => {
      for (let i = 0; i < 200 && session.state.spec.status !== 'ready'; i++) await new Promise((r) => setTimeout(r, 10));
      return session.downloadTemplate('csv');
    })();
    const header = (await blob.text()).split(/\r?\n/)[0]!;
    const columns = header.split(/[,;]/).length;
    const rows = classroomRecords(3).map((r) => [r.values['identifier'], '14/03/2026', 'Completed', 'Sam Lee', ''].slice(0, columns).join(','));
    await session.uploadFile(new File([[header, ...rows].join('\r\n')], 'records.csv', { type: 'text/csv' }));
    expect(session.state.status, JSON.stringify(session.state.issues.map((i) => i.code))).to.equal('ready');
    expect(lms.lms.pendingUploads()).to.have.length(1);
    page.dispatchEvent(new Event('pagehide'));
    for (let i = 0; i < 200 && lms.lms.pendingUploads().length > 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(lms.lms.pendingUploads()).to.deep.equal([]);
    expect(spy.inits.some((i) => i.method === 'DELETE' && i.keepalive === true)).to.equal(true);
    untie();
    session.dispose();
  });

  it('attempts: 1 sends a dry-run chunk and a commit once, whatever the backend\'s own retries', async () => {
    const lms = await demoLms();
    const rest = backend();
    const records = classroomRecords(2);
    const { uploadId } = await rest.stageUpload({ ...CLASSROOM, totalRecords: records.length });
    lms.inject('dryRunChunk', { kind: 'status', status: 503 }, 1);
    const error = await rest.dryRunChunk(uploadId, { chunkIndex: 0, records }, { attempts: 1 }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(UnavailableError);
    expect(callsOf(lms, 'dryRunChunk')).to.equal(1);
    await rest.dryRunChunk(uploadId, { chunkIndex: 0, records });
    lms.inject('commitUpload', { kind: 'status', status: 500 }, 1);
    const request = { idempotencyKey: crypto.randomUUID(), recordCount: 2, checksum: await recordsChecksum(records) };
    expect(await rest.commitUpload(uploadId, request, { attempts: 1 }).catch((e: unknown) => e)).to.be.instanceOf(UnavailableError);
    expect(callsOf(lms, 'commitUpload')).to.equal(1);
    // Without it, the backend's own retries apply as before.
    lms.inject('commitUpload', { kind: 'status', status: 500 }, 1);
    const result = await rest.commitUpload(uploadId, request);
    expect(result.created).to.equal(2);
    expect(callsOf(lms, 'commitUpload')).to.equal(3);
  });
});
