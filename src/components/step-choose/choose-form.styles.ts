// The choose step's form: the choice grid, the identifier kinds' fieldset and the template spec's status
// (the kinds' radios and fixed preset values are styled by choose-parts.ts, which shows them). With the
// choose step's chunk, after StepElement's styles (no rule of theirs targets these classes, so the
// cascade is the same as when they were among them).
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
  .spec-status:empty {
    display: none;
  }
  .spec-status p {
    margin: 0;
  }
`;
