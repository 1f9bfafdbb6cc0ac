// Look of <upload-summary>: its own --upload-summary-* properties first, then the wizard's theme.
import { css } from 'lit';

export const styles = css`
  :host {
    --_font: var(--upload-summary-font-family, var(--offline-upload-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif));
    --_text: var(--upload-summary-color-text, var(--offline-upload-color-text, #1b1f24));
    --_muted: var(--upload-summary-color-muted, var(--offline-upload-color-muted, #57606a));
    --_bg: var(--upload-summary-color-background, var(--offline-upload-color-background, #ffffff));
    --_surface: var(--upload-summary-color-surface, var(--offline-upload-color-surface, #f6f8fa));
    --_border: var(--upload-summary-color-border, var(--offline-upload-color-border, #d0d7de));
    --_accent: var(--upload-summary-color-accent, var(--offline-upload-color-accent, #0b5cad));
    --_danger: var(--upload-summary-color-danger, var(--offline-upload-color-danger, #b42318));
    --_success: var(--upload-summary-color-success, var(--offline-upload-color-success, #1a7f37));
    --_radius: var(--upload-summary-radius, var(--offline-upload-radius, 6px));
    display: block;
    font-family: var(--_font);
    color: var(--_text);
    line-height: 1.5;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  .base {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    padding: 1rem;
  }
  .headline {
    margin: 0 0 0.75rem;
    font-size: 1.125em;
  }
  .headline strong {
    font-size: 1.75em;
    line-height: 1.1;
    color: var(--_success);
    margin-inline-end: 0.25em;
    font-variant-numeric: tabular-nums;
  }
  .headline.none strong {
    color: var(--_muted);
  }
  dl {
    margin: 0;
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr));
    gap: 0.75rem;
  }
  .figure {
    background: var(--_surface);
    border-radius: var(--_radius);
    padding-block: 0.5rem;
    padding-inline: 0.75rem;
    min-inline-size: 0;
  }
  dt {
    color: var(--_muted);
    font-size: 0.8125em;
    font-weight: 600;
    text-transform: none;
  }
  dd {
    margin: 0;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
    overflow-wrap: anywhere;
  }
  dd.issues {
    color: var(--_danger);
  }
  .breakdowns {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr));
    gap: 1rem;
    margin-block-start: 1rem;
  }
  .breakdown-heading {
    margin: 0 0 0.375rem;
    font-size: 0.9375em;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.375rem;
  }
  li {
    display: grid;
    grid-template-columns: 1fr auto;
    column-gap: 0.5rem;
    align-items: baseline;
  }
  .count {
    font-variant-numeric: tabular-nums;
    font-weight: 600;
  }
  .bar {
    grid-column: 1 / -1;
    block-size: 0.25rem;
    border-radius: 2px;
    background: var(--_surface);
    overflow: hidden;
  }
  .bar > span {
    display: block;
    /* --_share is set with style.setProperty (no style attribute: a strict CSP forbids them). */
    inline-size: calc(var(--_share, 0) * 1%);
    block-size: 100%;
    background: var(--_accent);
  }
  .bar.issue > span {
    background: var(--_danger);
  }
  .empty {
    color: var(--_muted);
    margin: 0;
  }

  /* Compact: one wrapping line of figures, no breakdowns. */
  :host([layout='compact']) .base {
    padding-block: 0.5rem;
    padding-inline: 0.75rem;
  }
  :host([layout='compact']) .headline {
    margin-block-end: 0.25rem;
    font-size: 1em;
  }
  :host([layout='compact']) .headline strong {
    font-size: 1.25em;
  }
  :host([layout='compact']) dl {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1.25rem;
  }
  :host([layout='compact']) .figure {
    background: none;
    padding: 0;
    display: flex;
    gap: 0.375rem;
    align-items: baseline;
  }
`;
