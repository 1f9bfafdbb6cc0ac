// The wizard's side of "work never lost": one WorkKeeper (session/persistence.ts) per flow, the page's
// `beforeunload` guard only while there is work not yet created, a save of the last fix when the page is
// hidden, and the offer to continue, worded and rendered above the step.
import { html, nothing, type TemplateResult } from 'lit';
import type { Localizer } from '../../i18n/localize.js';
import { WorkKeeper, type KeeperEventMap } from '../../session/persistence.js';
import type { WizardFlow } from '../../session/wizard-flow.js';

export interface PersistenceHooks {
  /** The wizard's key and how long work is kept (ms; 0 keeps nothing). */
  settings(): { slot: string; keepMs: number };
  /** Re-render. */
  update(): void;
  /** Saved work was brought back. */
  restored(detail: KeeperEventMap['restored']['detail']): void;
  /** Saved work is offered (to be announced). */
  offered(): void;
}

/** @internal Keeps the wizard's work across reloads and guards leaving the page. */
export class PersistenceController {
  keeper?: WorkKeeper;
  #stop?: () => void;
  #guarding = false;

  constructor(private readonly hooks: PersistenceHooks) {}

  /** Follows `flow` (a new keeper); returns what stops it. */
  attach(flow: WizardFlow): () => void {
    this.detach();
    const { slot, keepMs } = this.hooks.settings();
    const keeper = new WorkKeeper(flow, { slot, keepMs });
    this.keeper = keeper;
    let offered = false;
    const onChange = (): void => {
      this.#guard(keeper.hasWork);
      if (keeper.offer && !offered) {
        offered = true;
        this.hooks.offered();
      }
      this.hooks.update();
    };
    const onRestored = (e: KeeperEventMap['restored']): void => this.hooks.restored(e.detail);
    const onState = (): void => this.#guard(keeper.hasWork);
    const onHide = (): void => keeper.flush();
    keeper.addEventListener('change', onChange);
    keeper.addEventListener('restored', onRestored);
    flow.session.addEventListener('statechange', onState);
    window.addEventListener('pagehide', onHide);
    this.#stop = () => {
      keeper.removeEventListener('change', onChange);
      keeper.removeEventListener('restored', onRestored);
      flow.session.removeEventListener('statechange', onState);
      window.removeEventListener('pagehide', onHide);
      this.#guard(false);
      keeper.dispose();
      if (this.keeper === keeper) this.keeper = undefined;
    };
    return () => this.detach();
  }

  detach(): void {
    const stop = this.#stop;
    this.#stop = undefined;
    stop?.();
  }

  /** Forgets this wizard's saved work (the host's clearSavedWork). */
  async clear(): Promise<void> {
    const keeper = this.keeper;
    if (keeper) {
      await keeper.clear();
      this.#guard(keeper.hasWork);
    }
  }

  /**
   * Listens to `beforeunload` only while leaving would lose work: a listener there keeps the page out of
   * the back/forward cache, and a prompt with nothing to lose teaches people to click through it.
   */
  #guard(on: boolean): void {
    if (on === this.#guarding) return;
    this.#guarding = on;
    if (on) window.addEventListener('beforeunload', onBeforeUnload);
    else window.removeEventListener('beforeunload', onBeforeUnload);
  }
}

function onBeforeUnload(event: BeforeUnloadEvent): void {
  // The browser words the question itself; both calls are needed across browsers.
  event.preventDefault();
  event.returnValue = '';
}

/** @internal The offer to continue saved work, above the step; nothing when there is none. */
export function renderResumeOffer(l: Localizer, keeper: WorkKeeper | undefined, startOver: () => void): TemplateResult | typeof nothing {
  const offer = keeper?.offer;
  if (!keeper || !offer) return nothing;
  const time = new Intl.DateTimeFormat(l.locale, { dateStyle: 'medium', timeStyle: 'short' }).format(offer.savedAt);
  const body = offer.activityName
    ? l.t('resumeBody', { file: offer.fileName, activity: offer.activityName, time })
    : l.t('resumeBodyFile', { file: offer.fileName, time });
  return html`<section part="resume" class="resume" aria-labelledby="resume-heading">
    <h2 id="resume-heading">${l.t('resumeHeading')}</h2>
    <p>${body}</p>
    ${offer.committing
      ? html`<p>${l.t('resumeCommitting')}</p>`
      : offer.changes > 0
        ? html`<p>${l.t('resumeChanges', { count: offer.changes })}</p>`
        : nothing}
    <div class="resume-actions">
      <button type="button" class="button primary" id="resume-continue" @click=${() => void keeper.resume()}>${l.t('resumeContinue')}</button>
      <button type="button" class="button" id="resume-start-over" @click=${startOver}>${l.t('resumeStartOver')}</button>
    </div>
  </section>`;
}
