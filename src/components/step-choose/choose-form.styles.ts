// The choose step's form: the choice grid, the identifier kinds' radios, fixed (preset) values and the
// template spec's status. With the choose step's chunk, after StepElement's styles (no rule of theirs
// targets these classes, so the cascade is the same as when they were among them).
import { css } from 'lit';

export const chooseFormStyles = css`
  .form {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 18rem), 1fr));
    gap: var(--_space);
    align-items: start;
  }
  fieldset.identifier {
    border: none;
    margin: 0;
    padding: 0;
    min-inline-size: 0;
  }
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
  .spec-status:empty {
    display: none;
  }
  .spec-status p {
    margin: 0;
  }
`;
