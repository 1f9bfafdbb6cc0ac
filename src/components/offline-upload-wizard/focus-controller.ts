// Where the wizard puts focus: on the new step's heading when the flow moves (only once the admin is
// using the wizard, never on page load) or when they start over, and back on "Create records" when the
// confirmation is cancelled.
import type { ReactiveController, ReactiveControllerHost } from 'lit';

type FocusHost = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

/** What a step element offers for focus (StepElement). */
interface FocusableStep extends HTMLElement {
  focusHeading?: () => Promise<void>;
  focusCreate?: () => Promise<void>;
}

const INTERACTIONS = ['pointerdown', 'keydown', 'drop'] as const;

/** @internal The wizard's focus management. */
export class FocusController implements ReactiveController {
  #interacted = false;
  #pending = false;

  constructor(private readonly host: FocusHost) {
    host.addController(this);
  }

  hostConnected(): void {
    for (const type of INTERACTIONS) this.host.addEventListener(type, this.#markInteracted);
  }

  hostDisconnected(): void {
    for (const type of INTERACTIONS) this.host.removeEventListener(type, this.#markInteracted);
  }

  hostUpdated(): void {
    if (!this.#pending) return;
    this.#pending = false;
    void this.#focusHeading();
  }

  /** The step's heading; a step in a chunk of its own (lazy-steps.ts) first waits for its definition. */
  async #focusHeading(): Promise<void> {
    const step = this.#step();
    if (step && !customElements.get(step.localName)) await customElements.whenDefined(step.localName);
    if (step?.isConnected) await step.focusHeading?.();
  }

  /** The step changed: its heading gets focus after the next render if the admin is using the wizard. */
  stepChanged(): void {
    this.#pending = this.#interacted || this.host.matches(':focus-within');
  }

  /** The admin asked for a fresh step (e.g. started over): its heading gets focus after the next render. */
  toHeading(): void {
    this.#pending = true;
    this.host.requestUpdate();
  }

  /** Focus back on the step's "Create records" once the host has rendered. */
  async toCreate(): Promise<void> {
    await this.host.updateComplete;
    await this.#step()?.focusCreate?.();
  }

  #step(): FocusableStep | null {
    return this.host.renderRoot.querySelector<FocusableStep>('[data-step]');
  }

  #markInteracted = (): void => {
    this.#interacted = true;
  };
}
