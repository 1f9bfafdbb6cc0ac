// Look of the choose step's parts after a choice (choose-parts.ts adopts them when it loads): the identifier
// kinds' radios, a host's fixed choices, and the "put the file away?" question.
import { css } from 'lit';

export const partStyles = css`
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
`;

/** The question's rules, after the dialogs' own (dialog.styles.ts). */
export const questionStyles = css`
  dialog p {
    overflow-wrap: anywhere;
  }
  dialog .dialog-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    justify-content: space-between;
  }
`;
