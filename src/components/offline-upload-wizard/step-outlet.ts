// The step shown in the wizard's panel: one internal element per step, chosen by the flow; before there
// is a session, the access step with what the connection says; the no-access panel alone, with the host's
// own contact words when it slots them.
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Localizer } from '../../i18n/localize.js';
import type { WizardStep } from '../../session/steps.js';
import { STEP_PARTS } from '../shared/step-element.js';
import type { StepAccessElement } from '../step-access/step-access.component.js';
import { ensureStep } from './lazy-steps.js';
import type { SessionController } from './session-controller.js';

/** Each wizard's step element, kept while the flow shows the same step (a new one for another step). */
const shown = new WeakMap<HTMLElement, HTMLElement>();

/**
 * The element of `step`, made here rather than by lit's static html (whose module the first load would
 * carry for this one tag): rendered as a node, it stays the same element while the step does.
 */
function stepElement(host: HTMLElement, step: WizardStep): HTMLElement {
  const tag = `offline-upload-step-${step}`;
  let element = shown.get(host);
  if (element?.localName !== tag) {
    element = document.createElement(tag);
    element.toggleAttribute('data-step', true);
    element.setAttribute('exportparts', STEP_PARTS);
    shown.set(host, element);
  }
  return element;
}

/** The access step with what it says in place of a step: the connection's failure, or a step's chunk's. */
function accessStep(connection: StepAccessElement['connection']): TemplateResult {
  return html`<offline-upload-step-access data-step exportparts=${STEP_PARTS} .connection=${connection}></offline-upload-step-access>`;
}

/** @internal The current step's element (`data-step`), its parts re-exported as the wizard's. */
export function renderStep(connection: SessionController, l: Localizer, host: HTMLElement & ReactiveControllerHost): TemplateResult {
  const { session, flow, failure } = connection;
  if (!session || !flow) {
    const retry = failure?.code === 'connect-failed' ? () => void connection.connect(true) : undefined;
    return accessStep({ localizer: l, failure, retry });
  }
  if (session.state.status === 'no-access') {
    const failed = ensureStep('no-access', l, host);
    if (failed) return accessStep(failed);
    const custom = host.querySelector(':scope > [slot="no-access"]') !== null;
    return html`<offline-upload-step-no-access data-step exportparts=${STEP_PARTS} .customContact=${custom}>
      ${custom ? html`<slot name="no-access" slot="contact"></slot>` : nothing}
    </offline-upload-step-no-access>`;
  }
  // A step in a chunk of its own is rendered at once and upgrades when defined (the choose step a fully
  // preset wizard passes through is not loaded for it); if its chunk did not load, the access step says so
  // under the step's heading, with Try again.
  const unloaded = ensureStep(flow.step, l, host, flow.skippingChoose);
  if (unloaded) return accessStep(unloaded);
  return html`${stepElement(host, flow.step)}`;
}
