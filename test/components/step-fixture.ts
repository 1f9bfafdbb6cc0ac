// Mounts one step element alone, as the wizard would show it: a session and a flow over the fake
// backend, shared through the same @lit/context the shell provides, re-provided at every change.
import { ContextProvider } from '@lit/context';
import { fixture, html } from '@open-wc/testing';
import '../../src/register.js';
import { defineChooseStep } from '../../src/components/offline-upload-wizard/choose-step.js';
import { defineLaterSteps } from '../../src/components/offline-upload-wizard/later-steps.js';
import { defineNoAccessStep } from '../../src/components/offline-upload-wizard/no-access-step.js';
import { defineTemplateStep } from '../../src/components/offline-upload-wizard/template-step.js';
import { wizardContext, type WizardContext, type WizardOptions } from '../../src/components/shared/wizard-context.js';
import { Localizer } from '../../src/i18n/localize.js';
import type { Preset } from '../../src/session/types.js';
import { UploadSession } from '../../src/session/upload-session.js';
import { WizardFlow } from '../../src/session/wizard-flow.js';
import { FakeBackend, fireSafety } from '../session/fake-backend.js';
import { CLASSROOM_HEADER, classroomRows, csv } from '../session/helpers.js';
import { waitFor } from './helpers.js';

// Steps are mounted here without the wizard, which would load the lazy ones (lazy-steps.ts) itself.
defineChooseStep();
defineTemplateStep();
defineLaterSteps();
defineNoAccessStep();

export { FakeBackend, fireSafety, waitFor };

export const ALL_PRESET: Preset = { activityId: fireSafety.id, domainId: 'dom-employees', identifierKind: 'email' };

export interface Mounted<E extends HTMLElement> {
  readonly el: E;
  readonly session: UploadSession;
  readonly flow: WizardFlow;
  readonly backend: FakeBackend;
  /** What the step asked the live region to say. */
  readonly said: string[];
}

export async function mountStep<E extends HTMLElement & { updateComplete: Promise<boolean> }>(
  tag: string,
  setup: {
    backend?: FakeBackend;
    preset?: Preset;
    lang?: string;
    options?: WizardOptions;
    /** Wait for the access check and lists (default); false when a test holds them. */
    started?: boolean;
    before?: (m: Omit<Mounted<E>, 'el'>) => Promise<void>;
  } = {},
): Promise<Mounted<E>> {
  const backend = setup.backend ?? new FakeBackend();
  const session = new UploadSession(backend, { useWorker: false });
  const flow = new WizardFlow(session);
  const said: string[] = [];
  const localizer = new Localizer(setup.lang ?? 'en');
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  const value = (): WizardContext => ({ session, flow, state: session.state, localizer, options: setup.options ?? {}, announce: (m) => said.push(m) });
  const provider = new ContextProvider(host, { context: wizardContext, initialValue: value() });
  const refresh = (): void => provider.setValue(value());
  session.addEventListener('statechange', refresh);
  flow.addEventListener('change', refresh);
  const start = flow.start(setup.preset ?? {});
  if (setup.started !== false) await start;
  await setup.before?.({ session, flow, backend, said });
  const el = document.createElement(tag) as E;
  host.append(el);
  await el.updateComplete;
  return { el, session, flow, backend, said };
}

/** Waits for the flow to settle on a ready template spec. */
export async function specReady(m: { session: UploadSession }): Promise<void> {
  await waitFor(() => m.session.state.spec.status === 'ready', 'spec ready');
}

export const cleanCsv = (n = 3): File => csv([CLASSROOM_HEADER, ...classroomRows(n)]);

export function inStep(el: HTMLElement): ShadowRoot {
  return el.shadowRoot!;
}

/** The text of the step as a reader meets it. */
export function said(el: HTMLElement): string {
  const parts: string[] = [];
  const walk = (root: Node): void => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (let n: Node | null = walker.currentNode; n; n = walker.nextNode()) {
      if (n.nodeType === Node.TEXT_NODE) parts.push(n.textContent ?? '');
      else if ((n as Element).shadowRoot) walk((n as Element).shadowRoot!);
    }
  };
  walk(el.shadowRoot!);
  return parts.join(' ').replace(/\s+/g, ' ');
}
