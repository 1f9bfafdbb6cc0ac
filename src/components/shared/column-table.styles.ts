// The table of the template's columns, one row per column with its name and a badge: the template step
// lists what each holds, the match step which of the file's columns fills it. Not in every step's styles:
// it loads with those two steps only.
import { css } from 'lit';

export const columnTableStyles = css`
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
  .column-name {
    display: block;
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
`;
