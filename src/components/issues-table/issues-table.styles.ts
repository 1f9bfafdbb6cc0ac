// Look of the issues table: filters and counts above, a scrollable real table, paging below.
import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    container-type: inline-size;
  }
  .counts {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(13rem, 1fr));
    gap: 0.75rem;
    margin-block-end: 1rem;
  }
  .counts :is(h2, h3, h4, h5, h6) {
    font-size: 0.875em;
    margin: 0 0 0.25rem;
    color: var(--_muted);
  }
  .counts ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.375rem;
  }
  .chip {
    display: inline-flex;
    gap: 0.375rem;
    align-items: baseline;
    padding-block: 0.125rem;
    padding-inline: 0.5rem;
    border: 1px solid transparent;
    border-radius: 999px;
    background: var(--_danger-soft);
    color: inherit;
    font: inherit;
    font-size: 0.875em;
    cursor: pointer;
  }
  .chip:hover {
    border-color: var(--_danger);
  }
  .chip[aria-pressed='true'] {
    background: var(--_danger);
    color: var(--_on-accent);
  }
  .chip strong {
    color: var(--_danger);
    font-variant-numeric: tabular-nums;
  }
  .chip[aria-pressed='true'] strong {
    color: inherit;
  }
  .filters {
    margin-block: 0 0.75rem;
  }
  tbody th {
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .column {
    white-space: nowrap;
  }
  .value {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 0.875em;
    overflow-wrap: anywhere;
    min-inline-size: 8rem;
  }
  .learner {
    display: block;
    font-weight: normal;
    font-size: 0.85em;
    color: var(--_muted);
  }
  .empty-value {
    color: var(--_muted);
    font-family: inherit;
    font-style: italic;
  }
  .message {
    min-inline-size: 16rem;
  }
  .none {
    padding: 1rem;
    margin: 0;
    color: var(--_muted);
  }
  nav {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
    margin-block-start: 0.75rem;
    flex-wrap: wrap;
  }
  .page-info {
    font-variant-numeric: tabular-nums;
  }
  @container (max-width: 30rem) {
    .message {
      min-inline-size: 12rem;
    }
    th,
    td {
      padding-inline: 0.5rem;
    }
  }
`;
