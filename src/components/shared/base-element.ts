// The one base of the package's elements, for the chores they share (Shoelace's ShoelaceElement):
// `lang` observed once (a change re-renders the element's words), its Localizer, and `emit`.
import { LitElement } from 'lit';
import type { Localizer, MessageOverrides } from '../../i18n/localize.js';
import { LocaleController } from './locale-controller.js';

/** @internal The package's base element (not an element of its own). */
export abstract class OfflineUploadElement extends LitElement {
  static override get observedAttributes(): string[] {
    // `lang` is a global attribute, not a Lit property: observed here so that setting it re-renders.
    return [...super.observedAttributes, 'lang'];
  }

  /** Locale for text, numbers and dates (e.g. `fr-CA`); wins over `lang`. */
  declare locale?: string;
  /** Host overrides of strings. */
  declare messages?: MessageOverrides;

  /** @internal */
  protected readonly localeController = new LocaleController(this);

  /** @internal The Localizer for the element's locale and overrides. */
  protected get l(): Localizer {
    return this.localeController.localizer;
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang') this.requestUpdate();
  }

  /** @internal Dispatches `event` from the element; returns false when a listener vetoed it. */
  protected emit(event: Event): boolean {
    return this.dispatchEvent(event);
  }
}
