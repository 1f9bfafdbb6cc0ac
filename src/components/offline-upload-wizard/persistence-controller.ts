// The wizard's side of "work never lost": one WorkKeeper (session/persistence.ts) per flow, kept under
// the wizard's slot for its keep time, the page's `beforeunload` guard only while there is work not yet
// created, a save of the last fix when the page is hidden, and the offer to continue, worded and rendered
// above the step.
import { html, nothing, type ReactiveElement, type TemplateResult } from 'lit';
import { RestoredEvent } from '../../events/restored.js';
import { laterWordsEn } from '../../i18n/later-words.js';
import { useLaterWords, type Localizer } from '../../i18n/localize.js';
import { DEFAULT_KEEP_HOURS, defaultSlot, WorkKeeper, type KeeperEventMap } from '../../session/persistence.js';
import { SavedWorkStore } from '../../session/saved-work-face.js';
import type { WizardFlow } from '../../session/wizard-flow.js';
import { addStyles } from '../shared/add-styles.js';
import { resumeOfferStyles } from './resume-offer.styles.js';

/** The wizard's settings for its saved work (its `work-key` and `keep-work-hours` attributes). */
export interface PersistenceHost extends ReactiveElement {
  readonly workKey?: string;
  readonly keepWorkHours?: number;
}

export interface PersistenceHooks {
  /** The wizard's words. */
  localizer(): Localizer;
  /** Says a sentence in the live region. */
  say(message: string): void;
  /** The admin chose to start over instead of continuing (focus goes to the step). */
  declined(): void;
}

/** This wizard's key for its saved work: its `work-key`, else the page's path with its id or place. */
export function workSlot(host: PersistenceHost): string {
  if (host.workKey) return host.workKey;
  const all: Element[] = [...document.querySelectorAll('offline-upload-wizard')];
  return defaultSlot(location.pathname, host.id || undefined, Math.max(0, all.indexOf(host)));
}

/** How long work is kept, in ms (0 keeps nothing). */
export function keepMs(host: PersistenceHost): number {
  const hours = host.keepWorkHours ?? DEFAULT_KEEP_HOURS;
  return Number.isFinite(hours) && hours > 0 ? hours * 60 * 60 * 1000 : 0;
}

/** @internal Keeps the wizard's work across reloads and guards leaving the page. */
export class PersistenceController {
  keeper?: WorkKeeper;
  #stop?: () => void;
  #guarding = false;
  #styled = false;

  constructor(
    private readonly host: PersistenceHost,
    private readonly hooks: PersistenceHooks,
  ) {
    // The restore offer's words come with this chunk (they are not on the first load: i18n/ui-later.en.ts).
    useLaterWords(laterWordsEn);
  }

  /** Follows `flow` (a new keeper; `began`: a file was picked before it); returns what stops it. */
  attach(flow: WizardFlow, began = false): () => void {
    this.detach();
    const keeper = new WorkKeeper(flow, { slot: workSlot(this.host), keepMs: keepMs(this.host), began });
    this.keeper = keeper;
    let offered = false;
    const onChange = (): void => {
      this.#guard(keeper.hasWork);
      if (keeper.offer && !offered) {
        offered = true;
        this.hooks.say(this.hooks.localizer().t('resumeHeading'));
      }
      this.host.requestUpdate();
    };
    const onRestored = (e: KeeperEventMap['restored']): void => {
      const { fileName, savedAt, step } = e.detail;
      this.host.dispatchEvent(new RestoredEvent({ fileName, savedAt: savedAt.toISOString(), step }));
      this.hooks.say(this.hooks.localizer().t('announceRestored', { file: fileName }));
    };
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

  /** Forgets this wizard's saved work (the host's clearSavedWork), connected to an LMS or not yet. */
  async clear(): Promise<void> {
    const keeper = this.keeper;
    if (!keeper) return new SavedWorkStore({ slot: workSlot(this.host) }).clear();
    await keeper.clear();
    this.#guard(keeper.hasWork);
  }

  /** The offer to continue saved work, above the step; nothing when there is none. */
  renderOffer(l: Localizer): TemplateResult | typeof nothing {
    const offer = renderResumeOffer(l, this.keeper, () => this.#decline());
    // Its look, added in the update that first shows it, after the shell's own.
    if (offer !== nothing && !this.#styled) {
      addStyles(this.host, [resumeOfferStyles]);
      this.#styled = true;
    }
    return offer;
  }

  /** Starts over instead of continuing saved work: it is forgotten. */
  #decline(): void {
    void this.keeper?.discard();
    this.hooks.declined();
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

function renderResumeOffer(l: Localizer, keeper: WorkKeeper | undefined, startOver: () => void): TemplateResult | typeof nothing {
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
