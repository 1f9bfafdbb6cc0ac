// The review step's own look: the "fix it here" section above the issues list.
import { css } from 'lit';

export const reviewStyles = css`
  .fixing {
    display: grid;
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
  .fixing .deleted {
    margin: 0;
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
