// The look of a part that loads after its element (the confirmation dialog, <upload-summary>'s view, the
// combobox's list, the choose step's parts, the restore offer, a failure's details): added to the element's
// shadow root after the styles it already has, in the update that first renders the part, so that no first
// load carries it and the part never shows unstyled.
import { adoptStyles, supportsAdoptingStyleSheets, type CSSResult, type ReactiveElement } from 'lit';

/** Adds `styles` to `host`'s shadow root, after those it has. */
export function addStyles(host: ReactiveElement, styles: readonly CSSResult[]): void {
  const root = host.renderRoot as ShadowRoot;
  if (supportsAdoptingStyleSheets) root.adoptedStyleSheets = [...root.adoptedStyleSheets, ...styles.map((s) => s.styleSheet!)];
  // Without adoptable sheets, lit adds a <style> element for each, after the element's own.
  else adoptStyles(root, [...styles]);
}
