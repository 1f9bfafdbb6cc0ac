// Look of the records preview: filter chips, a scrollable real table (one card per row under ~38rem),
// page size and paging below. Logical properties throughout (right-to-left works).
import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    container-type: inline-size;
  }
  .counts {
    list-style: none;
    margin: 0 0 0.75rem;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.375rem;
  }
  .chip {
    display: inline-flex;
    gap: 0.375rem;
    align-items: baseline;
    min-block-size: 2rem;
    padding-block: 0.125rem;
    padding-inline: 0.625rem;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_surface);
    color: inherit;
    font: inherit;
    font-size: 0.875em;
    cursor: pointer;
  }
  .chip.create {
    background: var(--_success-soft);
  }
  .chip:hover {
    border-color: var(--_control-border);
  }
  .chip[aria-pressed='true'] {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
  }
  .chip strong {
    font-variant-numeric: tabular-nums;
  }
  tbody th,
  .date,
  .score {
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .identifier {
    overflow-wrap: break-word;
  }
  .learner {
    font-weight: 600;
  }
  .muted {
    color: var(--_muted);
    font-weight: normal;
    font-style: italic;
  }
  .badge {
    display: inline-block;
    padding-block: 0.0625rem;
    padding-inline: 0.5rem;
    border-radius: 999px;
    font-size: 0.875em;
    background: var(--_success-soft);
    border: 1px solid var(--_success);
    color: var(--_text);
    white-space: nowrap;
  }
  .badge.already-recorded {
    background: var(--_surface);
    color: var(--_muted);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    white-space: normal;
  }
  .verdict {
    min-inline-size: 7.5rem;
  }
  /* Middle widths (a wizard beside a side panel): tighter cells so that every column fits. */
  @container (max-width: 52rem) {
    th,
    td {
      padding-inline: 0.5rem;
    }
    .learner {
      font-weight: normal;
    }
  }
  .none {
    padding: 1rem;
    margin: 0;
    color: var(--_muted);
  }
  .paging {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem 1rem;
    flex-wrap: wrap;
    margin-block-start: 0.75rem;
  }
  .size {
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
  }
  .size .control {
    inline-size: auto;
  }
  nav {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    flex-wrap: wrap;
  }
  .page-info {
    font-variant-numeric: tabular-nums;
  }
  /* Narrow: one card per record, each value named by its column (the header row is hidden). */
  @container (max-width: 38rem) {
    .scroller {
      border: none;
      overflow: visible;
    }
    table,
    tbody,
    tr,
    th,
    td {
      display: block;
    }
    caption {
      display: block;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      margin-block-end: 0.5rem;
    }
    thead {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      overflow: hidden;
      clip-path: inset(50%);
    }
    tbody tr {
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      margin-block-end: 0.5rem;
      padding-block: 0.25rem;
    }
    tbody th,
    td {
      display: grid;
      grid-template-columns: minmax(6rem, 35%) 1fr;
      gap: 0.5rem;
      border: none;
      padding-block: 0.25rem;
      white-space: normal;
    }
    tbody th::before,
    td::before {
      content: attr(data-label);
      color: var(--_muted);
      font-weight: normal;
      font-size: 0.875em;
    }
    tbody tr:last-child > * {
      border: none;
    }
    .verdict {
      min-inline-size: 0;
    }
    .paging {
      flex-direction: column;
      align-items: stretch;
    }
    nav {
      justify-content: space-between;
    }
  }
`;
