// The demo LMS over HTTP for the contract's later additions: capabilities declared up front, gzip request
// bodies, the request size limit, learner names and the skip policy through RestBackend.
import { expect } from '@open-wc/testing';
import { DEMO, SKIPPED_RECORD, TEMPLATE_VERSIONS } from '../../demo/mocks/data.js';
import { DEMO_CAPABILITIES } from '../../demo/mocks/lms.js';
import { recordsChecksum } from '../../src/backend/checksum.js';
import { backend, demoLms } from '../backend/demo-lms.js';

const SKIP = {
  activityId: DEMO.activities.skipsExisting,
  domainId: DEMO.domains.employees,
  identifierKind: 'email',
  templateVersion: TEMPLATE_VERSIONS.classroom,
} as const;

async function gzip(text: string): Promise<ArrayBuffer> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Response(stream).arrayBuffer();
}

describe('demo LMS over HTTP: capabilities, gzip, size limit, skip policy', () => {
  it('getCapabilities: the limits staging enforces, the preferred chunk size and gzip', async () => {
    await demoLms();
    const capabilities = await backend().getCapabilities();
    expect(capabilities).to.deep.equal({ maxRecordsPerUpload: 10_000, ...DEMO_CAPABILITIES });
  });

  it('getCapabilities: an LMS without the operation declares nothing (404 is not an error)', async () => {
    const lms = await demoLms();
    lms.inject('getCapabilities', { kind: 'status', status: 404 });
    expect(await backend().getCapabilities()).to.deep.equal({});
  });

  it('accepts a gzip-compressed request body and answers as for a plain one', async () => {
    const lms = await demoLms();
    const stage = { ...SKIP, totalRecords: 1 };
    const response = await fetch('/api/lms/uploads', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' },
      body: await gzip(JSON.stringify(stage)),
    });
    expect(response.status).to.equal(201);
    const { uploadId } = (await response.json()) as { uploadId: string };
    expect(lms.lms.pendingUploads()).to.deep.equal([uploadId]);
    expect(lms.requests.at(-1)!.body).to.deep.equal(stage);
  });

  it('refuses a body that says gzip but is not, and one larger than maxRequestBytes (413), creating nothing', async () => {
    const lms = await demoLms();
    const broken = await fetch('/api/lms/uploads', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' },
      body: JSON.stringify({ ...SKIP, totalRecords: 1 }),
    });
    expect(broken.status).to.equal(400);
    expect(((await broken.json()) as { detail: string }).detail).to.contain('not valid gzip');
    const big = await fetch('/api/lms/uploads', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...SKIP, totalRecords: 1, padding: 'x'.repeat(DEMO_CAPABILITIES.maxRequestBytes!) }),
    });
    expect(big.status).to.equal(413);
    expect(big.headers.get('Content-Type')).to.contain('application/problem+json');
    expect(lms.lms.pendingUploads()).to.deep.equal([]);
  });

  it('skip policy through RestBackend: learners named, the existing record left unchanged, the others created', async () => {
    const lms = await demoLms();
    const rest = backend();
    const spec = await rest.getTemplateSpec(SKIP);
    expect(spec.rules.existingRecords).to.equal('skip');
    const records = [
      { row: 2, values: { identifier: DEMO.employees[3]!.email, completionDate: '2026-03-12', status: 'Completed', trainer: null, comments: null } },
      { row: 3, values: { identifier: SKIPPED_RECORD.email, completionDate: SKIPPED_RECORD.date, status: 'Completed', trainer: null, comments: null } },
    ];
    const { uploadId } = await rest.stageUpload({ ...SKIP, totalRecords: 2 });
    const result = await rest.dryRunChunk(uploadId, { chunkIndex: 0, records });
    expect(result.rows).to.deep.equal([
      { row: 2, label: 'create', learner: DEMO.employees[3]!.name },
      { row: 3, label: 'already-recorded', learner: SKIPPED_RECORD.name },
    ]);
    expect(result.issues).to.deep.equal([]);
    const commit = await rest.commitUpload(uploadId, { idempotencyKey: 'key-http-skip', recordCount: 2, checksum: await recordsChecksum(records) });
    expect(commit).to.include({ created: 1, unchanged: 1 });
    expect(lms.lms.uploadedRecords(SKIP.activityId).map((r) => r.values['identifier'])).to.deep.equal([DEMO.employees[3]!.email]);
  });
});
