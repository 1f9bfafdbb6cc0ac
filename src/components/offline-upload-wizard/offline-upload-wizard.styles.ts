// Look of the wizard: a card with a stepper on top and one step at a time below; logical properties
// throughout (right-to-left works), a container query for narrow columns (down to 320 px).
import { css } from 'lit';
import { noAccessStyles } from '../no-access-panel/no-access-panel.js';
import { base, tokens } from '../shared/tokens.styles.js';

const wizard = css`
  :host {
    display: block;
    container-type: inline-size;
    background: var(--_bg);
  }
  .base {
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) + 2px);
    background: var(--_bg);
    overflow: hidden;
  }

  /* Stepper */
  .stepper {
    background: var(--_surface);
    border-block-end: 1px solid var(--_border);
    padding-block: 0.625rem;
    padding-inline: 0.5rem;
  }
  .stepper ol {
    list-style: none;
    display: flex;
    margin: 0;
    padding: 0;
  }
  .stepper li {
    flex: 1 1 0;
    min-inline-size: 0;
    position: relative;
  }
  /* The line joining each marker to the next one. */
  .stepper li + li::before {
    content: '';
    position: absolute;
    inset-block-start: calc(0.25rem + 0.875rem - 1px);
    inset-inline-end: calc(50% + 1.125rem);
    inline-size: calc(100% - 2.25rem);
    block-size: 2px;
    background: var(--_border);
  }
  .stepper li.complete + li::before,
  .stepper li.complete + li.current::before {
    background: var(--_success);
  }
  .step-link {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: 0.25rem;
    inline-size: 100%;
    padding-block: 0.25rem;
    padding-inline: 0.125rem;
    border: none;
    border-radius: var(--_radius);
    background: none;
    color: var(--_muted);
    font-size: 0.8125em;
    text-align: center;
  }
  button.step-link {
    cursor: pointer;
    color: var(--_text);
  }
  button.step-link:hover {
    background: var(--_accent-soft);
  }
  .marker {
    flex: none;
    display: inline-grid;
    place-items: center;
    inline-size: 1.75rem;
    block-size: 1.75rem;
    border-radius: 50%;
    border: 2px solid var(--_control-border);
    background: var(--_bg);
    font-weight: 700;
    font-size: 0.8125rem;
    font-variant-numeric: tabular-nums;
  }
  .name {
    max-inline-size: 100%;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  li.complete .step-link {
    color: var(--_text);
  }
  li.complete .marker {
    background: var(--_success);
    border-color: var(--_success);
    color: #fff;
  }
  li.current .step-link {
    color: var(--_text);
    font-weight: 700;
  }
  li.current .marker {
    border-color: var(--_accent);
    background: var(--_accent);
    color: var(--_on-accent);
  }
  .step-count {
    display: none;
    margin: 0;
    color: var(--_muted);
  }
  .step-count strong {
    color: var(--_text);
  }
  .step-track {
    display: none;
    block-size: 4px;
    border-radius: 2px;
    background: var(--_border);
    margin-block-start: 0.5rem;
    overflow: hidden;
  }
  .step-track > span {
    display: block;
    block-size: 100%;
    background: var(--_accent);
  }

  /* Panel and headings */
  .panel {
    padding: calc(var(--_space) * 1.25);
    display: flex;
    flex-direction: column;
    gap: var(--_space);
  }
  .heading {
    margin: 0;
    font-size: 1.375em;
    line-height: 1.25;
    outline-offset: 4px;
  }
  .heading:focus:not(:focus-visible) {
    outline: none;
  }
  .guidance {
    margin: -0.5rem 0 0;
    color: var(--_muted);
    max-inline-size: 70ch;
  }
  .guidance:empty {
    display: none;
  }
  .quiet-loading {
    color: var(--_muted);
    margin: 0;
  }

  /* Actions */
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
    border-block-start: 1px solid var(--_border);
    padding-block-start: var(--_space);
    margin-block-start: 0.25rem;
  }
  .spacer {
    flex: 1 1 auto;
  }
  :host(:dir(rtl)) .arrow {
    display: inline-block;
    transform: scaleX(-1);
  }

  /* Alerts */
  .alert {
    border-radius: var(--_radius);
    padding-block: 0.75rem;
    padding-inline: 1rem;
    border-inline-start: 4px solid var(--_accent);
    background: var(--_accent-soft);
  }
  .alert p {
    margin: 0;
  }
  .alert p + p {
    margin-block-start: 0.375rem;
  }
  .alert.error {
    border-inline-start-color: var(--_danger);
    background: var(--_danger-soft);
  }
  .alert.success {
    border-inline-start-color: var(--_success);
    background: var(--_success-soft);
  }
  .alert .detail {
    font-size: 0.875em;
    color: var(--_muted);
  }

  /* Choose */
  .form {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 18rem), 1fr));
    gap: var(--_space);
    align-items: start;
  }
  fieldset.identifier {
    border: none;
    margin: 0;
    padding: 0;
    min-inline-size: 0;
  }
  fieldset legend {
    padding: 0;
    margin-block-end: 0.25rem;
  }
  .radios {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
  }
  .radio {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    min-block-size: 2rem;
    cursor: pointer;
  }
  .radio input {
    inline-size: 1.125rem;
    block-size: 1.125rem;
    margin: 0;
    accent-color: var(--_accent);
  }
  .fixed {
    display: grid;
    grid-template-columns: 1fr auto;
    align-items: center;
    column-gap: 0.5rem;
    padding-block: 0.5rem;
    padding-inline: 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .fixed .label {
    grid-column: 1 / -1;
    font-size: 0.8125em;
    color: var(--_muted);
  }
  .fixed-value {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .spec-status:empty {
    display: none;
  }
  .spec-status p {
    margin: 0;
  }

  /* Template */
  .for {
    margin: 0;
    font-weight: 600;
  }
  .scroller {
    overflow-x: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  table.columns {
    border-collapse: collapse;
    inline-size: 100%;
  }
  table.columns caption {
    text-align: start;
    font-weight: 600;
    padding-block: 0.5rem;
    padding-inline: 0.75rem;
    background: var(--_surface);
    border-block-end: 1px solid var(--_border);
  }
  table.columns th,
  table.columns td {
    text-align: start;
    vertical-align: top;
    padding-block: 0.5rem;
    padding-inline: 0.75rem;
    border-block-end: 1px solid var(--_border);
  }
  table.columns thead th {
    font-size: 0.8125em;
    color: var(--_muted);
    background: var(--_surface);
  }
  table.columns tbody tr:last-child > * {
    border-block-end: none;
  }
  table.columns tbody th {
    inline-size: 30%;
  }
  .column-name {
    display: block;
  }
  .note {
    display: block;
    color: var(--_muted);
    font-size: 0.875em;
  }
  .badge {
    display: inline-block;
    margin-block-start: 0.25rem;
    font-weight: 400;
    padding-inline: 0.5rem;
    border-radius: 999px;
    border: 1px solid var(--_border);
    font-size: 0.8125em;
    white-space: nowrap;
  }
  .badge.required {
    border-color: var(--_accent);
    color: var(--_accent);
    font-weight: 600;
  }
  .rules {
    margin: 0;
    padding-inline-start: 1.25rem;
    color: var(--_muted);
  }
  .file-refused {
    margin: 0;
    padding-block: 0.75rem;
    padding-inline: 2rem 1rem;
    border-inline-start: 4px solid var(--_danger);
    background: var(--_danger-soft);
    border-radius: var(--_radius, 6px);
  }
  .file-refused li + li {
    margin-block-start: 0.5rem;
  }
  .downloads,
  .review-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }

  /* Upload and progress */
  .progress {
    display: grid;
    gap: 0.5rem;
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .progress-head {
    display: flex;
    justify-content: space-between;
    gap: 0.5rem;
    font-weight: 600;
  }
  .percent {
    font-variant-numeric: tabular-nums;
  }
  .track {
    block-size: 0.625rem;
    border-radius: 999px;
    background: var(--_border);
    overflow: hidden;
  }
  .fill {
    display: block;
    block-size: 100%;
    background: var(--_accent);
    border-radius: inherit;
    transition: inline-size 0.2s ease-out;
  }
  .track.indeterminate .fill {
    inline-size: 35%;
    animation: slide 1.4s ease-in-out infinite;
  }
  @keyframes slide {
    from {
      margin-inline-start: -35%;
    }
    to {
      margin-inline-start: 100%;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .fill {
      transition: none;
    }
    .track.indeterminate .fill {
      animation: none;
      inline-size: 100%;
      opacity: 0.6;
    }
  }
  .progress .button {
    justify-self: start;
  }
  .file {
    margin: 0;
    color: var(--_muted);
    overflow-wrap: anywhere;
  }

  /* Review */
  .issue-count {
    margin: 0;
  }
  .issue-count strong {
    color: var(--_danger);
  }

  /* Dialog */
  dialog {
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) + 2px);
    padding: calc(var(--_space) * 1.25);
    max-inline-size: min(32rem, calc(100vw - 2rem));
    color: var(--_text);
    background: var(--_bg);
    box-shadow: 0 16px 48px rgb(0 0 0 / 0.2);
    font-family: var(--_font);
  }
  dialog::backdrop {
    background: rgb(15 23 42 / 0.45);
  }
  dialog h2 {
    margin: 0 0 0.5rem;
    font-size: 1.25em;
  }
  dialog p {
    margin: 0 0 var(--_space);
  }
  dialog .actions {
    border: none;
    padding: 0;
  }

  /* Narrow columns: the stepper becomes "Step 3 of 7 · Template" with a bar. */
  @container (max-width: 38rem) {
    .stepper ol {
      display: none;
    }
    .step-count,
    .step-track {
      display: block;
    }
  }
  @container (max-width: 26rem) {
    .panel {
      padding: 0.75rem;
    }
    .actions .button {
      flex: 1 1 auto;
    }
    .actions .spacer {
      display: none;
    }
    .heading {
      font-size: 1.1875em;
    }
  }
`;

export const styles = [tokens, base, noAccessStyles, wizard];
