// The reader in a module Worker, as the product runs it: the file's buffer transferred in, rows out.
import { expect } from '@open-wc/testing';
import { strToU8 } from 'fflate';
import { fixtureBytes } from '../../../test/fixtures/read/support.js';

interface Reply {
  ok: boolean;
  name?: string;
  issue?: { code: string };
  result?: { format: string; rows: number; date1904: boolean };
  rows?: Array<{ row: number; cells: unknown[] }>;
  count: number;
  progress?: number;
}

function readInWorker(bytes: Uint8Array, abortAfterRows?: number): Promise<Reply> {
  const worker = new Worker(new URL('../../../test/fixtures/read/read.worker.ts', import.meta.url), { type: 'module' });
  return new Promise<Reply>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<Reply>) => resolve(event.data);
    worker.onerror = (event) => reject(new Error(event.message || 'worker failed to load'));
    const buffer = bytes.slice().buffer;
    worker.postMessage({ buffer, abortAfterRows }, [buffer]);
    expect(buffer.byteLength, 'the buffer was transferred, not copied').to.equal(0);
  }).finally(() => worker.terminate());
}

describe('readSpreadsheet in a module Worker', () => {
  it('reads an .xlsx written by openpyxl in the 1904 date system', async () => {
    const reply = await readInWorker(await fixtureBytes('test/fixtures/real-world/completions__xlsx_openpyxl_1904.xlsx'));
    expect(reply.ok).to.equal(true);
    expect(reply.result).to.include({ format: 'xlsx', rows: 13, date1904: true });
    expect(reply.rows![1]).to.deep.equal({ row: 2, cells: ['amelie.martin@example.org', { date: '2026-02-03' }, 'Passed', 81, 'Trainer: Benoît Girard'] });
    expect(reply.progress).to.be.above(0);
  });

  it('reads a Windows-1252 CSV', async () => {
    const reply = await readInWorker(await fixtureBytes('test/fixtures/real-world/completions__csv_windows1252.csv'));
    expect(reply.ok).to.equal(true);
    expect(reply.result).to.include({ format: 'csv', rows: 13 });
    expect(reply.rows![1]!.cells[4]).to.equal('Trainer: Benoît Girard');
  });

  it('refuses an .xls and honours an abort, reporting them as the page would see them', async () => {
    const refused = await readInWorker(await fixtureBytes('test/fixtures/real-world/completions__unsupported_xls_libreoffice.xls'));
    expect(refused).to.include({ ok: false, name: 'FileIssueError' });
    expect(refused.issue?.code).to.equal('file-unsupported-format');
    const lines = ['Email,Score'];
    for (let i = 0; i < 50_000; i += 1) lines.push(`u${i}@example.org,${i % 100}`);
    const aborted = await readInWorker(strToU8(lines.join('\n')), 5000);
    expect(aborted).to.include({ ok: false, name: 'AbortError' });
    // The sink aborts at row 5000; the reader sees it within 4096 rows, far from the end of the file.
    expect(aborted.count).to.be.at.least(5000).and.at.most(5000 + 4096);
  });
});
