// The matching screen's own look: the header row choice, the table of template columns (rows become
// cards in narrow columns), the ignored columns; and the review's notes on how the file was read.
import { css } from 'lit';

export const matchStyles = css`
  .header-row {
    display: grid;
    gap: 0.25rem;
    max-inline-size: 40rem;
  }
  .header-row select,
  table.match select {
    inline-size: 100%;
    max-inline-size: 100%;
  }
  table.match td.sample {
    color: var(--_muted);
    font-size: 0.875em;
  }
  table.match .sample-label {
    display: none;
  }
  table.match tbody th {
    inline-size: 25%;
  }
  table.match td.choice {
    inline-size: 45%;
  }
  table.match th .column-name {
    font-weight: 600;
  }
  .how {
    display: block;
    margin-block-start: 0.25rem;
    font-size: 0.8125em;
    color: var(--_muted);
  }
  .how.check {
    color: var(--_danger);
  }
  select[aria-invalid='true'] {
    border-color: var(--_danger);
    outline: 2px solid var(--_danger);
    outline-offset: 1px;
  }
  .ignored {
    margin: 0;
  }
  .ignored ul {
    margin: 0.25rem 0 0;
    padding-inline-start: 1.25rem;
  }
  .remember {
    margin: 0;
    color: var(--_muted);
    font-size: 0.875em;
  }
  .errors ul {
    margin: 0;
    padding-inline-start: 1.25rem;
  }
  /* Narrow columns (a phone): each template column is a card, its label above the select. */
  @media (max-width: 40rem) {
    table.match thead {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
    table.match,
    table.match tbody,
    table.match tr,
    table.match th,
    table.match td {
      display: block;
      inline-size: auto;
    }
    table.match caption {
      display: block;
    }
    table.match tbody th,
    table.match td.choice {
      inline-size: auto;
      border-block-end: none;
      padding-block-end: 0.25rem;
    }
    table.match td {
      border-block-end: none;
      padding-block: 0.25rem;
    }
    table.match tr {
      border-block-end: 1px solid var(--_border);
      padding-block-end: 0.5rem;
    }
    table.match .sample-label {
      display: block;
      font-size: 0.8125em;
    }
  }

  /* The review's notes */
  .reading-notes {
    display: grid;
    gap: 0.5rem;
  }
  .reading-notes .alert ul {
    margin: 0.25rem 0 0;
    padding-inline-start: 1.25rem;
  }
  .reading-notes .alert .note-actions {
    margin-block-start: 0.5rem;
  }
`;
