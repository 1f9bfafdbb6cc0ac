// The no-access step's look.
import { css } from 'lit';

export const noAccessStyles = css`
  .no-access {
    border-inline-start: 4px solid var(--_danger);
    background: var(--_danger-soft);
    border-radius: var(--_radius);
    padding-block: 0.75rem;
    padding-inline: 1rem;
  }
  .no-access p {
    margin-block: 0 0.5rem;
  }
  .reason {
    font-style: italic;
  }
  .contact ul {
    list-style: none;
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin: 0;
    padding: 0;
  }
  .contact-lead {
    font-weight: 600;
  }
`;
