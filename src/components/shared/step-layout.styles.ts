// Layout of every step: host column, heading, guidance, the row of actions (and the template's downloads
// row; the review's rows are in step-review.styles.ts), with the narrow-column rules (the wizard is the container). Logical properties throughout.
import { css } from 'lit';

export const stepLayoutStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
  }
  .heading {
    margin: 0;
    font-size: 1.375em;
    line-height: 1.25;
    outline-offset: 4px;
  }
  .heading:focus:not(:focus-visible) {
    outline: none;
  }
  .guidance {
    margin: -0.5rem 0 0;
    color: var(--_muted);
    max-inline-size: 70ch;
  }
  .guidance:empty {
    display: none;
  }
  .quiet-loading {
    color: var(--_muted);
    margin: 0;
  }

  /* Actions */
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
    border-block-start: 1px solid var(--_border);
    padding-block-start: var(--_space);
    margin-block-start: 0.25rem;
  }
  .spacer {
    flex: 1 1 auto;
  }
  :host(:dir(rtl)) .arrow {
    display: inline-block;
    transform: scaleX(-1);
  }
  .downloads {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }

  /* Narrow columns (the wizard is the container). */
  @container (max-width: 26rem) {
    .actions .button {
      flex: 1 1 auto;
    }
    .actions .spacer {
      display: none;
    }
    .heading {
      font-size: 1.1875em;
    }
  }
`;
