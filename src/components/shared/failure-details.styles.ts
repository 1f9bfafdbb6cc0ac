// The look of a failure's details (failure-details.ts): the collapsed "Details for support" and the upload
// reference to quote. It comes with them, added to the shadow root of each element that shows a failure
// when it first does (shared/add-styles.ts); the alert itself is in step-notices.styles.ts.
import { css } from 'lit';

export const failureDetailsStyles = css`
  .alert details.support {
    margin-block-start: 0.5rem;
    font-size: 0.875em;
    color: var(--_muted);
  }
  .alert details.support summary {
    cursor: pointer;
    inline-size: fit-content;
  }
  .alert details.support ul {
    margin-block: 0.25rem 0;
    padding-inline-start: 1.25rem;
    overflow-wrap: anywhere;
  }
  /* The upload reference in a failure's "Details for support". */
  .upload-reference {
    white-space: nowrap;
    user-select: all;
    font-weight: 600;
  }
`;
