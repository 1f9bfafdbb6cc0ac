// The scrollable real table shared by the issues table and the records preview: borders, sticky head,
// cell padding. Each element adds its own columns, chips and small-screen cards.
import { css } from 'lit';

export const tableStyles = css`
  .scroller {
    overflow-x: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  table {
    border-collapse: collapse;
    inline-size: 100%;
    font-size: 0.9375em;
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding-block: 0.5rem;
    padding-inline: 0.75rem;
    background: var(--_surface);
    border-block-end: 1px solid var(--_border);
  }
  th,
  td {
    text-align: start;
    vertical-align: top;
    padding-block: 0.5rem;
    padding-inline: 0.75rem;
    border-block-end: 1px solid var(--_border);
  }
  thead th {
    background: var(--_surface);
    font-size: 0.8125em;
    color: var(--_muted);
    white-space: nowrap;
  }
  tbody tr:last-child > * {
    border-block-end: none;
`;
