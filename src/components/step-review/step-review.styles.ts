// The review step's own look: its rows of actions, the count of issues, a file refused as a whole (once
// among every step's styles: only this step shows them), and the "fix it here" section above the issues list.
import { css } from 'lit';

export const reviewStyles = css`
  .review-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }
  .issue-count {
    margin: 0;
  }
  .issue-count strong {
    color: var(--_danger);
  }
  /* A file refused as a whole: one line per reason. */
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
  .fixing {
    display: grid;
    /* One column no wider than the step: the grid's own minimum width must not widen the page on a phone
       (its host then measures narrow and shows problem cards). */
    grid-template-columns: minmax(0, 1fr);
    gap: 0.75rem;
    margin-block: 1rem;
  }
  .fixing .hint {
    margin: 0;
  }
  .fix-toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }
  .fixing .checking {
    display: inline-flex;
    gap: 0.375rem;
    align-items: center;
    color: var(--_muted);
  }
  .rows-view {
    display: inline-flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    align-items: center;
    margin: 0;
    padding: 0.25rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .rows-view legend {
    float: inline-start;
    padding: 0;
    margin-inline-end: 0.25rem;
    font-weight: 600;
  }
  .rows-view label {
    display: inline-flex;
    gap: 0.375rem;
    align-items: center;
    min-height: 2.75rem;
    cursor: pointer;
  }
  .deleted {
    display: grid;
    gap: 0.375rem;
    margin-block: 0.5rem;
    padding: 0.75rem 1rem;
    border-inline-start: 0.25rem solid var(--_muted);
    background: var(--_surface);
  }
  .deleted h3 {
    margin: 0;
    font-size: 1rem;
  }
  .deleted p {
    margin: 0;
  }
  .deleted-list {
    overflow-wrap: anywhere;
  }
  .deleted-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .link {
    border: 0;
    padding: 0;
    background: none;
    color: var(--_accent);
    text-decoration: underline;
    font: inherit;
    cursor: pointer;
  }
`;
