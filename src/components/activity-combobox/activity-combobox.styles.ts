// Look of the activity combobox's field: the text field, its indicator and the chosen activity's details.
// The popup of options below it comes with the list's code (combobox-list.styles.ts).
import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    position: relative;
  }
  .input-wrap {
    position: relative;
  }
  .input-wrap .control {
    padding-inline-end: 2.25rem;
  }
  .indicator {
    position: absolute;
    inset-inline-end: 0.75rem;
    inset-block-start: 50%;
    translate: 0 -50%;
    color: var(--_muted);
    pointer-events: none;
  }
  .selected {
    margin-block-start: 0.25rem;
  }
`;
