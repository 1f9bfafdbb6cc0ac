// The step shown in the wizard's panel: one internal element per step, chosen by the flow; before there
// is a session, the access step with what the connection says; the no-access panel alone, with the host's
// own contact words when it slots them.
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { html as staticHtml, literal, type StaticValue } from 'lit/static-html.js';
import type { Localizer } from '../../i18n/localize.js';
import type { WizardStep } from '../../session/steps.js';
import { STEP_PARTS } from '../shared/step-element.js';
import { ensureStep } from './lazy-steps.js';
import type { SessionController } from './session-controller.js';

const STEP_TAGS: Record<WizardStep, StaticValue> = {
  access: literal`offline-upload-step-access`,
  choose: literal`offline-upload-step-choose`,
  template: literal`offline-upload-step-template`,
  upload: literal`offline-upload-step-upload`,
  match: literal`offline-upload-step-match`,
  review: literal`offline-upload-step-review`,
  create: literal`offline-upload-step-create`,
  done: literal`offline-upload-step-done`,
};

/** @internal The current step's element (`data-step`), its parts re-exported as the wizard's. */
export function renderStep(connection: SessionController, l: Localizer, host: HTMLElement & ReactiveControllerHost): TemplateResult {
  const { session, flow, failure } = connection;
  if (!session || !flow) {
    const retry = failure?.code === 'connect-failed' ? () => void connection.connect(true) : undefined;
    return html`<offline-upload-step-access data-step exportparts=${STEP_PARTS} .connection=${{ localizer: l, failure, retry }}></offline-upload-step-access>`;
  }
  if (session.state.status === 'no-access') {
    const failed = ensureStep('no-access', l, host);
    if (failed) return html`<offline-upload-step-access data-step exportparts=${STEP_PARTS} .connection=${failed}></offline-upload-step-access>`;
    const custom = host.querySelector(':scope > [slot="no-access"]') !== null;
    return html`<offline-upload-step-no-access data-step exportparts=${STEP_PARTS} .customContact=${custom}>
      ${custom ? html`<slot name="no-access" slot="contact"></slot>` : nothing}
    </offline-upload-step-no-access>`;
  }
  // A step in a chunk of its own is rendered at once and upgrades when defined (the choose step a fully
  // preset wizard passes through is not loaded for it); if its chunk did not load, the access step says so
  // under the step's heading, with Try again.
  const unloaded = ensureStep(flow.step, l, host, flow.skippingChoose);
  if (unloaded) return html`<offline-upload-step-access data-step exportparts=${STEP_PARTS} .connection=${unloaded}></offline-upload-step-access>`;
  const tag = STEP_TAGS[flow.step];
  return staticHtml`<${tag} data-step exportparts=${STEP_PARTS}></${tag}>`;
}
