// Helpers for the elements' tests: mount a wizard on a fake backend, wait for what the admin would
// see, reach into the wizard's shadow root and its internal parts, hand it a file.
import { fixture, html } from '@open-wc/testing';
import '../../src/register.js';
import type { OfflineUploadWizardElement } from '../../src/components/index.js';
import { FileSelectEvent } from '../../src/components/shared/internal-events.js';
import { SavedWorkStore } from '../../src/session/saved-work-face.js';
import type { WizardStep } from '../../src/session/steps.js';
import type { SessionState } from '../../src/session/types.js';
import { FakeBackend, fireSafety } from '../session/fake-backend.js';
import { CLASSROOM_HEADER, classroomRows, csv } from '../session/helpers.js';

export { FakeBackend, fireSafety, csv, classroomRows, CLASSROOM_HEADER };

// The work a wizard keeps in this browser (IndexedDB) must not cross from one test to the next: once the
// test's wizards are gone (fixture cleanup, then their teardown a tick later), it is forgotten.
afterEach(async () => {
  await new Promise((resolve) => setTimeout(resolve, 20));
  await SavedWorkStore.clearAll();
});

/** Polls `test` until it holds (or throws after `ms`), letting renders and timers run. */
export async function waitFor(test: () => unknown, what = 'condition', ms = 10_000): Promise<void> {
  const start = performance.now();
  while (!test()) {
    if (performance.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export function state(el: OfflineUploadWizardElement): SessionState {
  return el.uploadSession!.state;
}

export async function atStep(el: OfflineUploadWizardElement, step: WizardStep, ms?: number): Promise<void> {
  await waitFor(() => el.step === step, `step ${step} (now ${el.step}, status ${el.uploadSession?.state.status})`, ms);
  await el.updateComplete;
}

export async function untilStatus(el: OfflineUploadWizardElement, ...statuses: SessionState['status'][]): Promise<void> {
  await waitFor(() => el.uploadSession && statuses.includes(el.uploadSession.state.status), `status ${statuses.join('|')} (now ${el.uploadSession?.state.status})`);
  await el.updateComplete;
}

/**
 * The roots a selector looks in: the element's shadow root and, for the wizard, the shadow root of the
 * step element it shows (the wizard is a shell; each step is an internal element of its own).
 */
function roots(el: Element): ShadowRoot[] {
  const own = el.shadowRoot!;
  const step = own.querySelector('[data-step]');
  // The step first: in the page it comes before the shell's confirmation dialog.
  return step?.shadowRoot ? [step.shadowRoot, own] : [own];
}

export function $<E extends Element = HTMLElement>(el: Element, selector: string): E {
  for (const root of roots(el)) {
    const found = root.querySelector<E>(selector);
    if (found) return found;
  }
  throw new Error(`no ${selector} in <${el.localName}>`);
}

export function $$<E extends Element = HTMLElement>(el: Element, selector: string): E[] {
  return roots(el).flatMap((root) => [...root.querySelectorAll<E>(selector)]);
}

/** The element that has focus inside the wizard (in its shell or in the step shown). */
export function focused(el: Element): Element | null {
  let active = el.shadowRoot!.activeElement;
  while (active?.hasAttribute('data-step') && active.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** The text of the wizard's shadow tree as a reader meets it (text nodes joined by spaces). */
export function text(el: Element): string {
  const parts: string[] = [];
  const walk = (root: Node): void => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (let n: Node | null = walker.currentNode; n; n = walker.nextNode()) {
      if (n.nodeType === Node.TEXT_NODE) parts.push(n.textContent ?? '');
      else if ((n as Element).shadowRoot) walk((n as Element).shadowRoot!);
    }
  };
  walk(el.shadowRoot!);
  return parts.join(' ').replace(/[ \t\n]+/g, ' ');
}

export function button(el: Element, name: string | RegExp): HTMLButtonElement {
  const all = $$<HTMLButtonElement>(el, 'button');
  const found = all.find((b) => (typeof name === 'string' ? b.textContent!.replace(/\s+/g, ' ').trim() === name : name.test(b.textContent!)));
  if (!found) throw new Error(`no button ${String(name)}; buttons: ${all.map((b) => b.textContent!.trim()).join(' | ')}`);
  return found;
}

export async function mount(
  backend: FakeBackend = new FakeBackend(),
  template = (b: FakeBackend) => html`<offline-upload-wizard .backend=${b}></offline-upload-wizard>`,
): Promise<{ el: OfflineUploadWizardElement; backend: FakeBackend }> {
  const el = await fixture<OfflineUploadWizardElement>(template(backend));
  await waitFor(() => el.uploadSession, 'a session');
  return { el, backend };
}

/** Fire Safety (classroom spec), Employees, e-mail — through the session, as the choose step would. */
export async function choose(el: OfflineUploadWizardElement): Promise<void> {
  await atStep(el, 'choose');
  const session = el.uploadSession!;
  session.selectActivity(fireSafety);
  session.selectDomain('dom-employees');
  session.selectIdentifierKind('email');
  await waitFor(() => session.state.spec.status === 'ready', 'spec ready');
  await el.updateComplete;
}

/** Hands a file to the wizard as the drop zone would. */
export async function drop(el: OfflineUploadWizardElement, file: File): Promise<void> {
  const zone = $(el, 'offline-upload-drop-zone');
  zone.dispatchEvent(new FileSelectEvent(file));
  await el.updateComplete;
}

/** An .xlsx file as Excel would save it: a "Records" sheet holding `rows` (the header row first). */
export async function xlsx(rows: readonly (readonly (string | number | null)[])[], name = 'records.xlsx'): Promise<File> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Records');
  for (const row of rows) sheet.addRow([...row]);
  const buffer = await workbook.xlsx.writeBuffer();
  return new File([buffer], name, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}

const HEADER = CLASSROOM_HEADER.split(',');

/** `n` clean classroom records for distinct users. */
export function cleanRows(n: number, from = 1): (string | null)[][] {
  return classroomRows(n, from).map((line) => line.split(',').map((v) => (v === '' ? null : v)));
}

export const cleanFile = (n = 5): Promise<File> => xlsx([HEADER, ...cleanRows(n)], 'records.xlsx');

/** Three clean rows, then row 5 with three issues (e-mail, date, status) and row 6 missing its date. */
export const badFile = (): Promise<File> =>
  xlsx([HEADER, ...cleanRows(3), ['not-an-email', '31/02/2026', 'Maybe', null, null], ['user9@example.com', null, 'Completed', null, null]], 'bad.xlsx');

/** Chooses (as `choose` does) and shows the upload step, ready for a file. */
export async function toUpload(el: OfflineUploadWizardElement): Promise<void> {
  await choose(el);
  el.goToStep('upload');
  await atStep(el, 'upload');
}

type Mounted = { el: OfflineUploadWizardElement; backend: FakeBackend };

/**
 * The shared wizard fixture for a review with issues: mounts (with `mount`'s arguments), chooses, uploads
 * `badFile()` and waits for its review (rows 5 and 6 with problems, rows 2–4 clean).
 */
export async function toIssues(backend = new FakeBackend(), template?: Parameters<typeof mount>[1]): Promise<Mounted> {
  const mounted = await mount(backend, template);
  await toUpload(mounted.el);
  await drop(mounted.el, await badFile());
  await untilStatus(mounted.el, 'has-issues');
  await atStep(mounted.el, 'review');
  return mounted;
}

/** Mounts, chooses, uploads a clean file and waits for the review step. */
export async function toReady(backend = new FakeBackend(), n = 5): Promise<Mounted> {
  const mounted = await mount(backend);
  await toUpload(mounted.el);
  await drop(mounted.el, await cleanFile(n));
  await untilStatus(mounted.el, 'ready');
  await atStep(mounted.el, 'review');
  return mounted;
}
