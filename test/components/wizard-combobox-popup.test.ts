// The activity list opens over the wizard's edge: the choose step is short, and a card that clipped its
// content (overflow: hidden) cut the list after its first option. What shows below the card must be the
// list, where the admin would click it.
import { expect, fixture, html } from '@open-wc/testing';
import type { OfflineUploadWizardElement } from '../../src/components/index.js';
import { demoLms } from '../backend/demo-lms.js';
import { $, atStep, waitFor } from './helpers.js';

/** The element at a point, through every shadow root. */
function deepElementAt(x: number, y: number): Element | null {
  let el: Element | null = document.elementFromPoint(x, y);
  while (el?.shadowRoot) {
    const inner = el.shadowRoot.elementFromPoint(x, y);
    if (!inner || inner === el) break;
    el = inner;
  }
  return el;
}

describe('wizard: the activity list', () => {
  it('shows past the card’s bottom edge, clickable there', async () => {
    // The demo LMS, over REST: its 40-odd activities fill the list.
    await demoLms();
    const el = await fixture<OfflineUploadWizardElement>(html`<offline-upload-wizard api-base="/api/lms"></offline-upload-wizard>`);
    await atStep(el, 'choose');
    const combobox = $(el, 'offline-upload-step-choose').shadowRoot!.querySelector('offline-upload-activity-combobox')!;
    combobox.shadowRoot!.querySelector('input')!.click();
    const options = () => [...combobox.shadowRoot!.querySelectorAll('[role=option]')];
    await waitFor(() => options().length > 3, 'the first results');
    const card = el.shadowRoot!.querySelector('.base')!.getBoundingClientRect();
    const below = options().find((o) => o.getBoundingClientRect().top > card.bottom + 4);
    expect(below, 'an option below the card').to.exist;
    const box = below!.getBoundingClientRect();
    const hit = deepElementAt(box.left + box.width / 2, box.top + Math.min(8, box.height / 2));
    expect(hit && below!.contains(hit), `what shows there: <${hit?.localName}>`).to.equal(true);
  });
});
