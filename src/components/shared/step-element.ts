// The base of the wizard's step elements: the context from the shell (session, flow, state, localizer),
// and what every step renders the same way — its heading (focused on step change), its row of actions
// with Back, and a failure with its "Details for support" disclosure.
import { ContextConsumer } from '@lit/context';
import { html, LitElement, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
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
    const done = await super.getUpdateComplete();
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
    return renderFailure(this.ctx!, failure, at);
  }
}

/** The failure block (also used by the shell for failures it owns: no backend, no REST client). */
export function renderFailure(ctx: Pick<WizardContext, 'localizer'>, failure: SessionFailure, at?: Date): TemplateResult {
  const l = ctx.localizer;
  const reason = failure.params['reason'];
  const detail = failure.detail;
  const time = at ?? failureTime(failure);
  const attempts = failure.params['attempts'];
  return html`<div class="alert error">
    <p>${l.failure(failure)}</p>
    ${typeof reason === 'string' && reason ? html`<p class="reason">${l.t('lmsSays', { reason })}</p>` : nothing}
    ${typeof attempts === 'number' && attempts > 1 ? html`<p class="attempts">${l.t('retriesEnded', { count: attempts })}</p>` : nothing}
    ${failure.retryable && detail?.uploadId ? renderQuote(l, detail.uploadId) : nothing}
    <details class="support">
      <summary>${l.t('supportDetails')}</summary>
      <ul>
        ${detail?.uploadId ? html`<li>${l.t('supportReference', { id: detail.uploadId })}</li>` : nothing}
        <li>${l.t('supportTime', { time: l.time(time) })}</li>
        <li>${l.t('supportCode', { code: [failure.code, detail?.errorCode, detail?.operation, detail?.status].filter((p) => p !== undefined).join(' · ') })}</li>
        ${detail?.message ? html`<li><bdi>${l.t('supportDetail', { detail: detail.message })}</bdi></li>` : nothing}
      </ul>
    </details>
  </div>`;
}

/** The upload reference to quote, kept on one line (never broken at its hyphen) and selected in one click. */
function renderQuote(l: WizardContext['localizer'], id: string): TemplateResult {
  const [before = '', after = ''] = l.t('supportQuote', { id: '\u0000' }).split('\u0000');
  return html`<p class="reference">${before}<span class="upload-reference">${id}</span>${after}</p>`;
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
