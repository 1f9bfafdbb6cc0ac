// The wizard's one live region, as a reactive controller: polite for progress, assertive for failures.
// It takes the steps' sentences (AnnounceEvent, stopped at the shell), words reading and dry-run progress
// at each phase and quarter, and renders the region itself.
import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Localizer } from '../../i18n/localize.js';
import type { SessionState } from '../../session/types.js';
import { ANNOUNCE_EVENT, type AnnounceEvent } from '../shared/internal-events.js';
import { phaseName } from '../shared/phase.js';

type LiveHost = ReactiveControllerHost & { readonly renderRoot: HTMLElement | DocumentFragment };

/** @internal The wizard's live region. */
export class LiveRegionController implements ReactiveController {
  message = '';
  politeness: 'polite' | 'assertive' = 'polite';
  #timer?: ReturnType<typeof setTimeout>;
  #progressMark = '';

  constructor(private readonly host: LiveHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.renderRoot.addEventListener(ANNOUNCE_EVENT, this.#onAnnounce as EventListener);
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
    this.host.renderRoot.removeEventListener(ANNOUNCE_EVENT, this.#onAnnounce as EventListener);
  }

  say(message: string, assertive = false): void {
    clearTimeout(this.#timer);
    // Politeness first, text a moment later, so that screen readers see the region's new mode; the text
    // is cleared first so that the same sentence twice is announced twice.
    this.politeness = assertive ? 'assertive' : 'polite';
    this.message = '';
    this.host.requestUpdate();
    this.#timer = setTimeout(() => {
      this.message = message;
      this.host.requestUpdate();
    }, 60);
  }

  /** Progress in words at each phase and every quarter, not at every tick. */
  progress(state: SessionState, l: Localizer): void {
    const progress = state.progress;
    if (!progress || !(state.status === 'reading' || state.status === 'dry-run')) {
      this.#progressMark = '';
      return;
    }
    const mark = `${progress.phase}:${Math.floor(progress.fraction * 4)}`;
    if (mark === this.#progressMark) return;
    this.#progressMark = mark;
    this.say(l.t('announceProgress', { phase: phaseName({ localizer: l }, progress.phase), percent: l.percent(progress.fraction) }));
  }

  render(): TemplateResult {
    return html`<div class="visually-hidden" aria-live=${this.politeness} aria-atomic="true" data-live>${this.message}</div>`;
  }

  #onAnnounce = (event: AnnounceEvent): void => {
    event.stopPropagation();
    this.say(event.detail.message, event.detail.assertive === true);
  };
}
