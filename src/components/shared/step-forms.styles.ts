// The forms of the steps: fieldset legends (the choose step's identifier kinds, the review's rows view).
// The choose step's own form (step-choose/choose-form.styles.ts) comes with it; the template's column table
// with the steps that show it (column-table.styles.ts).
import { css } from 'lit';

export const stepFormStyles = css`
  fieldset legend {
    padding: 0;
    margin-block-end: 0.25rem;
  }
`;
