// The wizard's events of a file (validated, edited, created, before-create) load with the session's file
// part (file-events.ts, the session's file companion): however late their chunk arrives, the host hears of
// the first file, even one handed to the session directly, without the upload step. (The chunk's refusal:
// wizard-file-events-refused.test.ts, a page of its own, as Chromium keeps a failed import for the page's life.)
import { expect, oneEvent } from '@open-wc/testing';
import { delay, http, passthrough } from 'msw';
import { VALIDATED_EVENT, type ValidatedEvent } from '../../src/events/index.js';
import { demoLms } from '../backend/demo-lms.js';
import { badFile, choose, mount, untilStatus } from './helpers.js';

describe('wizard: the events of a file load with the file’s part', () => {
  it('a file read before their chunk arrives is still announced to the host, once', async () => {
    const lms = await demoLms();
    let asked = 0;
    // The chunk is held until the session has checked the file, or for 5 s: were the file read without
    // waiting for it, the session's own `validated` would come first and the host's never.
    let checked: Promise<unknown> = new Promise(() => undefined);
    lms.worker.use(
      http.get(/\/src\/components\/offline-upload-wizard\/file-events\.ts/, async () => {
        asked += 1;
        await Promise.race([checked, delay(5000)]);
        return passthrough();
      }),
    );
    const { el } = await mount();
    await choose(el);
    checked = new Promise((resolve) => el.uploadSession!.addEventListener('validated', resolve, { once: true }));
    const seen: ValidatedEvent[] = [];
    el.addEventListener(VALIDATED_EVENT, (e) => seen.push(e));
    const event = oneEvent(el, VALIDATED_EVENT);
    await el.uploadSession!.uploadFile(await badFile(), 'bad.xlsx');
    const { detail } = (await event) as ValidatedEvent;
    await untilStatus(el, 'has-issues');
    expect(asked).to.equal(1);
    expect(detail.fileName).to.equal('bad.xlsx');
    expect(detail.issues.length).to.be.greaterThan(2);
    expect(seen).to.have.length(1);
  });
});
