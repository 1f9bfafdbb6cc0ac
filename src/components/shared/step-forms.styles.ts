// The forms and tables of the steps on the first screens: fieldset legends and the template's column table
// with badges and rules. The choose step's own form (step-choose/choose-form.styles.ts) comes with it.
import { css } from 'lit';

export const stepFormStyles = css`
  /* A legend, in any step's fieldset (the choose step's identifier kinds, the review's rows view) */
  fieldset legend {
    padding: 0;
    margin-block-end: 0.25rem;
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
`;
