// A heading at the level a host asks for, so that an element's headings fit the page's outline: the
// elements that take `heading-level` render their headings through this one function.
import { nothing, type TemplateResult } from 'lit';
// Named apart from lit's `html`: static templates may put a (static) value where a tag name goes.
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';

/** An `h2`…`h6` (`level` clamped to 2–6, 3 when it is not a number). */
export function heading(level: number, text: string, attributes: { readonly id?: string; readonly class?: string } = {}): TemplateResult {
  // Only h2…h6 can come out of the clamp: nothing a host sets reaches unsafeStatic as text.
  const tag = unsafeStatic(`h${Math.min(6, Math.max(2, Math.round(level) || 3))}`);
  return staticHtml`<${tag} id=${attributes.id ?? nothing} class=${attributes.class ?? nothing}>${text}</${tag}>`;
}
