// validateInWorker: the worker gives the same result as the main thread, reports progress, stops at
// once when cancelled, and falls back to the main thread when no worker can start.
import { expect } from '@open-wc/testing';
import { classroomSpec, realWorldSpec } from '../../test/fixtures/specs.js';
import { ReadFailedError } from '../core/read/types.js';
import { prewarmValidationWorker, releaseValidationWorker, validateInWorker } from './client.js';
import { TRUSTED_TYPES_POLICY_NAME, workerScriptUrl } from './trusted-url.js';

const HEADER = 'Email,Completion date,Status,Trainer,Comments';

function classroomCsv(rows: number, bad = false): ArrayBuffer {
  const lines = [HEADER];
  for (let i = 1; i <= rows; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    lines.push(`learner${i}@example.com,2025-04-${day},${i % 3 ? 'Completed' : 'Attended'},Trainer ${i % 7},Group ${i % 11}`);
  }
  if (bad) lines.push('not-an-email,31/02/2025,Maybe,,', 'learner1@example.com,2025-04-02,Completed,,');
  return new TextEncoder().encode(lines.join('\r\n')).buffer as ArrayBuffer;
}

async function fixture(name: string): Promise<ArrayBuffer> {
  const response = await fetch(`/test/fixtures/real-world/${name}`);
  expect(response.ok, name).to.equal(true);
  return response.arrayBuffer();
}

const TODAY = '2026-06-01';

describe('validateInWorker', () => {
  it('gives the same records, issues and stats in the worker as on the main thread (CSV with issues)', async () => {
    const inWorker = await validateInWorker(classroomCsv(40, true), classroomSpec, { today: TODAY, fileName: 'a.csv' });
    const onMain = await validateInWorker(classroomCsv(40, true), classroomSpec, { today: TODAY, fileName: 'a.csv', useWorker: false });
    expect(inWorker.thread).to.equal('worker');
    expect(onMain.thread).to.equal('main');
    const { thread: _a, ...w } = inWorker;
    const { thread: _b, ...m } = onMain;
    expect(w).to.deep.equal(m);
    expect(w.records).to.have.length(39); // learner1 appears twice: both rows are duplicates
    expect(w.issues.map((i) => [i.row, i.code])).to.deep.include.members([
      [42, 'cell-identifier-format'],
      [42, 'cell-date-invalid'],
      [42, 'cell-choice-invalid'],
      [2, 'row-duplicate-user'],
      [43, 'row-duplicate-user'],
    ]);
  });

  it('lays the admin\'s edits and deletions over the file in the worker, and returns the problem rows\' cells', async () => {
    const changes = { edits: [{ row: 42, columnKey: 'identifier', value: 'fixed@example.com' }, { row: 42, columnKey: 'completionDate', value: '28/02/2025' }], deleted: [43] };
    const inWorker = await validateInWorker(classroomCsv(40, true), classroomSpec, { today: TODAY, changes, rowTexts: 'problems' });
    const onMain = await validateInWorker(classroomCsv(40, true), classroomSpec, { today: TODAY, changes, rowTexts: 'problems', useWorker: false });
    expect(inWorker.thread).to.equal('worker');
    const { thread: _a, ...w } = inWorker;
    const { thread: _b, ...m } = onMain;
    expect(w).to.deep.equal(m);
    // Row 42 keeps only its status problem; deleting row 43 ends the duplicate of learner1.
    expect(w.issues.map((i) => [i.row, i.code])).to.deep.equal([[42, 'cell-choice-invalid']]);
    expect(w.rows).to.deep.equal([{ row: 42, cells: { identifier: 'fixed@example.com', completionDate: '28/02/2025', status: 'Maybe', trainer: '', comments: '' } }]);
    expect(w.records).to.have.length(40);
  });

  it('gives the same result for a real LibreOffice .xlsx in both threads', async () => {
    const inWorker = await validateInWorker(await fixture('completions__xlsx_libreoffice.xlsx'), realWorldSpec, { today: TODAY });
    const onMain = await validateInWorker(await fixture('completions__xlsx_libreoffice.xlsx'), realWorldSpec, { today: TODAY, useWorker: false });
    expect(inWorker.thread).to.equal('worker');
    expect(inWorker.records).to.deep.equal(onMain.records);
    expect(inWorker.issues).to.deep.equal(onMain.issues);
    expect(inWorker.records.length).to.be.greaterThan(0);
  });

  it('transfers the buffer to the worker instead of copying it', async () => {
    const buffer = classroomCsv(10);
    await validateInWorker(buffer, classroomSpec, { today: TODAY });
    expect(buffer.byteLength).to.equal(0);
  });

  it('reports progress while reading a large file, ending at the total', async () => {
    const buffer = classroomCsv(90_000);
    const total = buffer.byteLength;
    const seen: { done: number; total: number }[] = [];
    const result = await validateInWorker(buffer, classroomSpec, { today: TODAY, onProgress: (p) => seen.push(p) });
    expect(result.records).to.have.length(90_000);
    expect(seen.length).to.be.greaterThan(2);
    expect(seen.every((p) => p.total === total)).to.equal(true);
    expect(seen.map((p) => p.done)).to.deep.equal([...seen.map((p) => p.done)].sort((a, b) => a - b));
    expect(seen.at(-1)!.done).to.equal(total);
  });

  it('stops promptly when cancelled mid-file and rejects with an AbortError', async () => {
    const controller = new AbortController();
    let abortedAt = 0;
    const run = validateInWorker(classroomCsv(400_000), classroomSpec, {
      today: TODAY,
      maxRows: 500_000,
      signal: controller.signal,
      onProgress: (p) => {
        if (abortedAt === 0 && p.done > 0 && p.done < p.total) {
          abortedAt = performance.now();
          controller.abort();
        }
      },
    });
    const error = await run.then(
      () => null,
      (e: unknown) => e,
    );
    const stoppedAfter = performance.now() - abortedAt;
    expect(abortedAt).to.be.greaterThan(0, 'progress arrived before the end');
    expect(error).to.be.instanceOf(DOMException);
    expect((error as DOMException).name).to.equal('AbortError');
    expect(stoppedAfter).to.be.lessThan(100);
  });

  it('keeps working file after file, and after a cancelled run, on the kept worker', async () => {
    prewarmValidationWorker();
    const first = await validateInWorker(classroomCsv(30), classroomSpec, { today: TODAY });
    const second = await validateInWorker(classroomCsv(30, true), classroomSpec, { today: TODAY });
    expect([first.thread, second.thread]).to.deep.equal(['worker', 'worker']);
    expect(first.issues).to.deep.equal([]);
    expect(second.issues.length).to.be.greaterThan(0);

    const controller = new AbortController();
    const cancelled = validateInWorker(classroomCsv(300_000), classroomSpec, { today: TODAY, maxRows: 500_000, signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    expect(((await cancelled.catch((e: unknown) => e)) as DOMException).name).to.equal('AbortError');

    const third = await validateInWorker(classroomCsv(30), classroomSpec, { today: TODAY });
    expect(third.thread).to.equal('worker');
    expect(third.records).to.deep.equal(first.records);
    releaseValidationWorker();
  });

  it('a cancel while the worker is still loading rejects at once, leaving no rejection unhandled', async () => {
    releaseValidationWorker();
    const unhandled: unknown[] = [];
    const onUnhandled = (event: PromiseRejectionEvent) => {
      unhandled.push(event.reason);
      event.preventDefault();
    };
    window.addEventListener('unhandledrejection', onUnhandled);
    try {
      const controller = new AbortController();
      const run = validateInWorker(classroomCsv(5), classroomSpec, { signal: controller.signal });
      controller.abort();
      expect(((await run.catch((e: unknown) => e)) as DOMException).name).to.equal('AbortError');
      // Unhandled rejections are reported in a task after the microtasks that left them unhandled.
      await new Promise((r) => setTimeout(r, 0));
      await new Promise((r) => setTimeout(r, 0));
      expect(unhandled).to.deep.equal([]);
    } finally {
      window.removeEventListener('unhandledrejection', onUnhandled);
    }
  });

  it('rejects at once when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await validateInWorker(classroomCsv(5), classroomSpec, { signal: controller.signal }).catch((e: unknown) => e);
    expect((error as DOMException).name).to.equal('AbortError');
  });

  it('brings a damaged file back as its file-corrupt issue', async () => {
    const whole = await fixture('completions__xlsx_libreoffice.xlsx');
    const result = await validateInWorker(whole.slice(0, Math.floor(whole.byteLength / 2)), realWorldSpec, { today: TODAY });
    expect(result.thread).to.equal('worker');
    expect(result.records).to.deep.equal([]);
    expect(result.issues.map((i) => i.code)).to.deep.equal(['file-corrupt']);
    expect(result.issues[0]!.message).to.contain('damaged');
  });

  it('falls back to the main thread, with the file intact, when the worker cannot load', async () => {
    // A module that cannot load (as when a CSP or a bundler gets in the way): the worker fires `error`.
    const broken = () => new Worker(URL.createObjectURL(new Blob(['export const = ;'], { type: 'text/javascript' })), { type: 'module' });
    const result = await validateInWorker(classroomCsv(12), classroomSpec, { today: TODAY, createWorker: broken });
    expect(result.thread).to.equal('main');
    expect(result.records).to.have.length(12);
  });

  it('falls back to the main thread when workers cannot be created at all', async () => {
    const result = await validateInWorker(classroomCsv(3), classroomSpec, {
      today: TODAY,
      createWorker: () => {
        throw new DOMException('Workers are not allowed here', 'SecurityError');
      },
    });
    expect(result.thread).to.equal('main');
    expect(result.records).to.have.length(3);
  });

  it('a worker that stops mid-file is an internal, retryable failure (ReadFailedError), not a file problem', async () => {
    // Loads, says it is ready, then dies on the first file: as our own code crashing would.
    const source = "postMessage({type:'ready'}); addEventListener('message', () => { throw new Error('boom'); });";
    const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
    try {
      let caught: unknown;
      await validateInWorker(classroomCsv(5), classroomSpec, { today: TODAY, createWorker: () => new Worker(url, { type: 'module' }) }).catch((e: unknown) => (caught = e));
      expect(caught).to.be.instanceOf(ReadFailedError);
      expect((caught as ReadFailedError).retryable).to.equal(true);
      expect((caught as ReadFailedError).detail).to.contain('boom');
    } finally {
      URL.revokeObjectURL(url);
    }
  });
});

describe('workerScriptUrl (Trusted Types)', () => {
  it('vouches through the offline-upload policy for the package\'s own worker URL only', () => {
    const url = new URL('./validate.worker.js', import.meta.url);
    const trusted = workerScriptUrl(url);
    const tt = (globalThis as { trustedTypes?: { isScriptURL(v: unknown): boolean } }).trustedTypes;
    expect(tt, 'Chromium has Trusted Types').to.not.equal(undefined);
    expect(tt!.isScriptURL(trusted)).to.equal(true);
    expect(String(trusted)).to.equal(url.href);
    expect(TRUSTED_TYPES_POLICY_NAME).to.equal('offline-upload');
  });
});

