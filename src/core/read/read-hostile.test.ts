// Hostile uploads (issue 12), in Chromium with the native inflater: each class of attack built in the test
// (bench/hostile/cases.ts, at a small scale) is refused with its typed file issue or read correctly, and
// the text a file echoes cannot flood or reorder a message. Time and memory per class at full size are
// measured by `npm run bench:hostile`, not here.
import { expect } from '@open-wc/testing';
import { CASES, HEADERS, csv } from '../../../bench/hostile/cases.js';
import { classroomSpec } from '../../../test/fixtures/specs.js';
import { validateSpreadsheet } from '../pipeline.js';
import { issueMessage } from '../../i18n/issue-message.js';
import { MAX_ISSUES } from '../validate/validator.js';
import { validateInWorker } from '../../worker/client.js';
import { Localizer } from '../../i18n/localize.js';
import { ReadFailedError } from './types.js';
import { useNativeInflate } from './zip.js';

const TODAY = '2026-06-01';
/** Small enough that the caps derived from it are reached by files a test can build quickly. */
// The English words the wizard's worker gives each issue (core itself has none).
const OPTIONS = { today: TODAY, maxRows: 1_000, describe: issueMessage } as const;
const FSI = '\u2068';
const PDI = '\u2069';

describe('hostile files (Chromium, native inflate)', () => {
  before(() => useNativeInflate(undefined));

  for (const hostile of CASES) {
    it(`${hostile.name}: ${hostile.what}`, async function () {
      this.timeout(60_000);
      const bytes = hostile.build(0.02);
      const result = await validateSpreadsheet(bytes, classroomSpec, OPTIONS);
      if ('refused' in hostile.expect) {
        expect(result.records).to.deep.equal([]);
        expect(result.issues).to.have.length(1);
        expect(hostile.expect.refused).to.include(result.issues[0]!.code);
        expect(result.issues[0]!.message).to.not.match(/undefined|\{\w+\}/);
      } else {
        expect(result.issues).to.deep.equal([]);
        expect(result.records).to.have.length(hostile.expect.records);
        expect(result.stats.sheetName.length).to.be.at.most(120);
      }
    });
  }
});

describe('hostile files: echoed text', () => {
  it('wraps a header holding a right-to-left override in isolates, so the sentence around it keeps its order', () => {
    const evil = '\u202Eevil header';
    const english = issueMessage('column-duplicate', { header: evil });
    expect(english).to.equal(`The column "${FSI}${evil}${PDI}" appears more than once. Keep one and delete the others.`);
    // Re-rendered in another language by the UI, from the same params: isolated too.
    expect(new Localizer('fr').issue({ code: 'column-duplicate', params: { header: evil }, message: english })).to.contain(`${FSI}${evil}${PDI}`);
  });

  it('shortens a 5,000-character header (or nearest header) wherever a message echoes it', () => {
    const long = 'H'.repeat(5_000);
    const message = issueMessage('column-missing', { header: 'Email', nearest: long });
    expect(message.length).to.be.below(400);
    expect(issueMessage('column-duplicate', { header: long })).to.contain(`${FSI}${'H'.repeat(119)}…${PDI}`);
  });
});

describe('hostile files: bounded results', () => {
  it(`keeps the first ${MAX_ISSUES.toLocaleString('en')} issues and counts the rest exactly`, async function () {
    this.timeout(60_000);
    const lines = [HEADERS.join(',')];
    for (let i = 0; i < 12_000; i += 1) lines.push(`not-an-email-${i},2025-04-02,Completed,,`);
    const result = await validateSpreadsheet(csv(lines.join('\n')), classroomSpec, { today: TODAY, maxRows: 20_000, describe: issueMessage });
    expect(result.issues).to.have.length(MAX_ISSUES + 1);
    expect(result.issues[0]).to.include({ code: 'file-more-issues' });
    expect(result.issues[0]!.params).to.deep.equal({ shown: MAX_ISSUES, more: 2_000 });
    expect(result.issues[0]!.message).to.contain('2,000 more problems');
    expect(result.stats.issuesFound).to.equal(12_000);
    expect(result.stats.rowsWithIssues).to.equal(12_000);
    expect(result.issues.at(-1)!.row).to.equal(MAX_ISSUES + 1);
  });
});

describe('hostile files: failures that are not the file', () => {
  it('turns an engine error while reading into a typed, retryable failure without the engine words', async () => {
    const error = await validateSpreadsheet(csv(`${HEADERS.join(',')}\na@example.org,2025-04-02,Completed,,\n`), classroomSpec, {
      ...OPTIONS,
      onProgress: () => {
        throw new RangeError('Invalid array length');
      },
    }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(ReadFailedError);
    expect(error).to.include({ code: 'read-internal', retryable: true });
    expect((error as ReadFailedError).message).to.not.contain('Invalid array length');
    expect((error as ReadFailedError).detail).to.contain('Invalid array length');
  });

  it('brings a worker that dies back as the same typed failure', async () => {
    // A worker that loads, says it is ready, then fails on the first message.
    const source = `self.postMessage({ type: 'ready' }); self.onmessage = () => { throw new RangeError('Invalid array length'); };`;
    const dying = () => new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })), { type: 'module' });
    const buffer = csv(`${HEADERS.join(',')}\na@example.org,2025-04-02,Completed,,\n`).buffer as ArrayBuffer;
    const error = await validateInWorker(buffer, classroomSpec, { today: TODAY, createWorker: dying }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(ReadFailedError);
    expect((error as ReadFailedError).code).to.equal('read-internal');
  });

  it('on the main thread, a hostile styles part is read in slices: timers run and a cancel stops it', async function () {
    this.timeout(60_000);
    const bytes = CASES.find((c) => c.name === 'styles-backtracking')!.build(8); // 24 MB of styles
    const controller = new AbortController();
    // Timers can only fire if the read gives the event loop turns; the second one cancels it.
    let ticks = 0;
    const tick = () => {
      ticks += 1;
      if (ticks === 2) controller.abort();
      else setTimeout(tick, 0);
    };
    const run = validateInWorker(bytes.buffer as ArrayBuffer, classroomSpec, { ...OPTIONS, useWorker: false, signal: controller.signal });
    setTimeout(tick, 0);
    const error = await run.catch((e: unknown) => e);
    expect(ticks).to.equal(2);
    expect((error as DOMException).name).to.equal('AbortError');
  });
});
