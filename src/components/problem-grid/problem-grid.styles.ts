// Look of the problem grid: a scrolling viewport with a sticky header, rows of one fixed height (the
// window of rendered rows is moved with a transform), problem cells tinted; cards on small screens.
import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    --_row-h: 3.25rem;
    --_cols: 5.5rem 2.75rem repeat(var(--grid-cols, 4), minmax(9rem, 1fr)) minmax(12rem, 1.5fr);
  }
  .hint,
  .status {
    margin: 0 0 0.5rem;
    color: var(--_muted);
    font-size: 0.875em;
  }
  .status {
    margin-block: 0.5rem 0;
    min-block-size: 1.5em;
    color: var(--_danger);
  }
  .viewport {
    position: relative;
    max-block-size: min(65vh, 34rem);
    overflow: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
  }
  /* As wide as the viewport, never narrower than the columns' minimums (then the viewport scrolls):
     long values and messages are cut with an ellipsis, and shown whole under the grid for the active cell. */
  .grid {
    inline-size: 100%;
    min-inline-size: calc(20.25rem + var(--grid-cols, 4) * 9rem);
  }
  .row {
    display: grid;
    grid-template-columns: var(--_cols);
    block-size: var(--_row-h);
    border-block-end: 1px solid var(--_border);
  }
  .row.head {
    position: sticky;
    inset-block-start: 0;
    z-index: 1;
    block-size: auto;
    background: var(--_surface);
    font-weight: 600;
  }
  /* The rows' height and the window's place are written on these elements by the grid as it scrolls. */
  .sizer {
    position: relative;
    contain: layout paint style;
  }
  .window {
    position: relative;
  }
  /* A rendered row is laid out and painted on its own: new text in one row lays out that row only. */
  .window > .row {
    contain: strict;
  }
  /* The active row kept while scrolled out of the window: at its own place, not in the window's flow. */
  .row.outside {
    position: absolute;
    inset-inline: 0;
  }
  [role='columnheader'],
  [role='gridcell'],
  [role='rowheader'] {
    display: flex;
    flex-direction: column;
    justify-content: center;
    min-inline-size: 0;
    padding-block: 0.25rem;
    padding-inline: 0.5rem;
    overflow: hidden;
  }
  [role='rowheader'] {
    font-variant-numeric: tabular-nums;
    color: var(--_muted);
  }
  .learner {
    font-size: 0.8125em;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
    color: var(--_text);
  }
  .value,
  .message {
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .message {
    font-size: 0.8125em;
    color: var(--_danger);
  }
  .problem {
    background: var(--_danger-soft);
    box-shadow: inset 3px 0 0 var(--_danger);
  }
  :dir(rtl) .problem {
    box-shadow: inset -3px 0 0 var(--_danger);
  }
  .row[aria-selected='true'] {
    background: var(--_accent-soft);
  }
  [tabindex='0']:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: -3px;
  }
  .editor {
    inline-size: 100%;
    font: inherit;
    padding: 0.25rem 0.375rem;
    border: 1px solid var(--_control-border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_text);
  }
  .empty {
    color: var(--_muted);
  }
  .cards {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.75rem;
  }
  .card {
    border: 1px solid var(--_border);
    border-inline-start: 4px solid var(--_danger);
    border-radius: var(--_radius);
    padding: 0.75rem;
    display: grid;
    gap: 0.5rem;
  }
  /* A row without problems (the all-rows view): no danger mark. */
  .card.clean {
    border-inline-start-color: var(--_border);
  }
  .card-head {
    margin: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: baseline;
  }
  .card-select {
    margin-inline-start: auto;
    display: inline-flex;
    gap: 0.25rem;
    align-items: center;
    font-size: 0.875em;
  }
  .card .message,
  .card .value {
    white-space: normal;
  }
  .field {
    display: grid;
    gap: 0.25rem;
  }
  .field-name {
    font-weight: 600;
  }
  .field input,
  .field select {
    font: inherit;
    padding: 0.375rem 0.5rem;
    border: 1px solid var(--_control-border);
    border-radius: var(--_radius);
  }
  .buttons {
    display: flex;
    gap: 0.5rem;
  }
  button {
    justify-self: start;
    font: inherit;
    padding: 0.375rem 0.75rem;
    border: 1px solid var(--_control-border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_text);
    cursor: pointer;
  }
  button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
  }
  .more {
    margin-block-start: 0.75rem;
  }
`;

/** The column-wide fix form above the grid: fields in a wrapping row. */
export const bulkStyles = css`
  :host {
    display: block;
  }
  fieldset {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 0.75rem;
    align-items: end;
    margin: 0;
    padding: 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  legend {
    padding-inline: 0.25rem;
    font-weight: 600;
  }
  .field {
    display: grid;
    gap: 0.25rem;
    min-inline-size: 9rem;
  }
  label {
    font-size: 0.875em;
    color: var(--_muted);
  }
  select,
  input,
  .button {
    font: inherit;
    padding: 0.375rem 0.5rem;
    border: 1px solid var(--_control-border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_text);
  }
  .button {
    cursor: pointer;
    padding-inline: 0.875rem;
  }
  .outcome {
    margin: 0.25rem 0 0;
    min-block-size: 1.5em;
    font-size: 0.875em;
    color: var(--_muted);
  }
`;
