// Look of the wizard's steps: headings, guidance, actions, alerts, the forms and tables of each step,
// progress; logical properties throughout (right-to-left works). The shell's own look (card, stepper,
// dialog) is in offline-upload-wizard.styles.ts.
import { css } from 'lit';

export const stepStyles = css`
  :host {
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
    /* A long example (an e-mail address) wraps instead of widening the table past a phone's screen. */
    overflow-wrap: anywhere;
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
    display: flex;
    block-size: 0.625rem;
    border-radius: 999px;
    background: var(--_border);
    overflow: hidden;
  }
  .fill {
    display: block;
    /* --_percent is set with style.setProperty on the track (no style attribute: strict CSP). */
    inline-size: calc(var(--_percent, 0) * 1%);
    block-size: 100%;
    background: var(--_accent);
    border-radius: inherit;
    transition: inline-size 0.2s ease-out;
  }
  /* The stretch the request in flight will fill once answered (a part of the LMS's check): striped, moving. */
  .pending {
    display: block;
    flex: none;
    inline-size: calc(var(--_pending, 0) * 1%);
    block-size: 100%;
    background: repeating-linear-gradient(-45deg, var(--_accent) 0 0.375rem, transparent 0.375rem 0.75rem);
    background-size: 1.0607rem 100%;
    opacity: 0.35;
    animation: stripes 0.9s linear infinite;
  }
  @keyframes stripes {
    to {
      background-position: 1.0607rem 0;
    }
  }
  .progress-detail {
    margin: 0;
    font-size: 0.875em;
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
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
    .pending {
      animation: none;
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
  .upload-reference {
    white-space: nowrap;
    user-select: all;
    font-weight: 600;
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
  .alert details.support {
    margin-block-start: 0.5rem;
    font-size: 0.875em;
    color: var(--_muted);
  }
  .alert details.support summary {
    cursor: pointer;
    inline-size: fit-content;
  }
  .alert details.support ul {
    margin-block: 0.25rem 0;
    padding-inline-start: 1.25rem;
    overflow-wrap: anywhere;
  }
  .alert .reason {
    font-style: italic;
  }
  .counts-chips {
    display: flex;
    flex-wrap: wrap;
    gap: 0.375rem;
  }

  /* Narrow columns (the wizard is the container). */
  @container (max-width: 26rem) {
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
