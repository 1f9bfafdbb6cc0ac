// The base of the wizard's step elements: the context from the shell (session, flow, state, localizer),
// and what every step renders the same way — its heading (focused on step change), its row of actions
// with Back, and a failure (its "Details for support" disclosure comes a moment later: failure-details.ts).
import { ContextConsumer } from '@lit/context';
import { html, LitElement, nothing, type PropertyDeclarations, type ReactiveElement, type TemplateResult } from 'lit';
import type { Localizer } from '../../i18n/localize.js';
import type * as FailureDetails from './failure-details.js';
import type { SessionFailure } from '../../session/failures.js';
import { tokens, base } from './tokens.styles.js';
import { stepStyles } from './step.styles.js';
import { wizardContext, type WizardContext } from './wizard-context.js';

/** The parts every step renders, re-exported by the shell (`exportparts`) so the theming surface stays one. */
export const STEP_PARTS = 'heading, guidance, actions, progress, progress-bar, no-access, summary, summary-base, summary-headline, drop-zone, issues';

/** @internal */
export abstract class StepElement extends LitElement {
  static override styles = [tokens, base, stepStyles];

  // Declared here rather than with decorators: their code would be on every host's first load for this.
  static override properties: PropertyDeclarations = { ctx: { state: true } };

  /** @internal Provided by the shell; a new value at every change of the session or the flow. */
  protected ctx?: WizardContext;

  constructor() {
    super();
    // A controller of the element: it asks for the shell's context while connected.
    new ContextConsumer(this, { context: wizardContext, subscribe: true, callback: (ctx) => (this.ctx = ctx) });
  }

  /** Focuses the step's heading (the shell calls it when the step changes under the admin's hands). */
  async focusHeading(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[data-step-heading]')?.focus();
  }

  /**
   * Focuses `selector` in the step once rendered: after a change the flow tells the shell, which hands
   * the step a new context, so the target may appear a frame or two later.
   */
  protected async focusLater(selector: string): Promise<void> {
    for (let tries = 0; tries < 10; tries++) {
      await this.updateComplete;
      const target = this.renderRoot.querySelector<HTMLElement>(selector);
      if (target) {
        target.focus();
        return;
      }
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
  }

  /** Complete once the step and the parts it renders (drop zone, table, summary…) have rendered. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    // A failure shown: complete once its details are here and shown too.
    if (await failureDetailsArrived()) done = await super.getUpdateComplete();
    const parts = [...this.renderRoot.querySelectorAll('*')].filter((e): e is LitElement => 'updateComplete' in e);
    await Promise.all(parts.map((part) => part.updateComplete));
    return done;
  }

  protected override render(): TemplateResult | typeof nothing {
    return this.ctx ? this.renderStep(this.ctx) : nothing;
  }

  protected abstract renderStep(ctx: WizardContext): TemplateResult;

  protected renderHeading(heading: string, guidance: string): TemplateResult {
    return html`
      <h2 part="heading" class="heading" tabindex="-1" data-step-heading>${heading}</h2>
      <p part="guidance" class="guidance">${guidance}</p>
    `;
  }

  protected renderActions(content: TemplateResult | typeof nothing, withBack = true): TemplateResult {
    const ctx = this.ctx!;
    const back = withBack ? ctx.flow.previous : undefined;
    return html`<div part="actions" class="actions">
      ${back
        ? html`<button type="button" class="button back" @click=${() => ctx.flow.back()}>
            <span class="arrow" aria-hidden="true">←</span> ${ctx.localizer.t('back')}
          </button>`
        : nothing}
      <span class="spacer"></span>
      ${content}
    </div>`;
  }

  /** A failure in the admin's words, the LMS's own reason when it gave one, and the support details collapsed. */
  protected renderFailure(failure: SessionFailure, at?: Date): TemplateResult {
    return renderFailure(this, this.ctx!.localizer, failure, at);
  }
}

/** The failure's details (failure-details.ts), once loaded: a chunk of its own, loaded with the first failure shown. */
let details: typeof FailureDetails | undefined;
let detailsLoad: Promise<unknown> | undefined;

/**
 * Resolves once the failure's details asked for are here (true), at once when none is on its way (false):
 * the steps' updateComplete waits for them, so that a failure is complete when it says it is.
 */
export async function failureDetailsArrived(): Promise<boolean> {
  if (details || !detailsLoad) return false;
  await detailsLoad;
  return details !== undefined;
}

/**
 * The failure block, rendered by `host` (also for failures the shell owns: no backend, no REST client): the
 * message and the LMS's reason at once; the attempts, the upload reference and the support details once their
 * chunk is here (`host` renders again then). Should that chunk not load, the message stands alone.
 */
export function renderFailure(host: ReactiveElement, l: Localizer, failure: SessionFailure, at?: Date): TemplateResult {
  const reason = failure.params['reason'];
  const time = at ?? failureTime(failure);
  if (!details) {
    detailsLoad ??= import('./failure-details.js').then(
      (loaded) => (details = loaded),
      () => (detailsLoad = undefined),
    );
    void detailsLoad.then(() => details && host.requestUpdate());
  }
  return html`<div class="alert error">
    <p>${l.failure(failure)}</p>
    ${typeof reason === 'string' && reason ? html`<p class="reason">${l.t('lmsSays', { reason })}</p>` : nothing}
    ${details?.renderFailureDetails(host, l, failure, time)}
  </div>`;
}

/** When each failure was first shown (failures are immutable snapshots: the same object is the same failure). */
const failureTimes = new WeakMap<SessionFailure, Date>();
export function failureTime(failure: SessionFailure): Date {
  let at = failureTimes.get(failure);
  if (!at) {
    at = new Date();
    failureTimes.set(failure, at);
  }
  return at;
}
