// The wizard's one live region, as a reactive controller: polite for progress, assertive for failures.
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** @internal The wizard's live region. */
export class LiveRegionController implements ReactiveController {
  message = '';
  politeness: 'polite' | 'assertive' = 'polite';
  #timer?: ReturnType<typeof setTimeout>;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
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
}
