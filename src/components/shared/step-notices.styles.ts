// Notices in a step: alerts (info, error, success) with their detail and the LMS's reason (a failure's
// "Details for support" is in failure-details.styles.ts, which comes with them; the review's list of reasons
// a file was refused as a whole is in step-review.styles.ts).
import { css } from 'lit';

export const stepNoticeStyles = css`
  /* Alerts */
  .alert {
    border-radius: var(--_radius);
    padding-block: 0.75rem;
    padding-inline: 1rem;
    border-inline-start: 4px solid var(--_accent);
    background: var(--_accent-soft);
  }
  .alert p {
    margin: 0;
  }
  .alert p + p {
    margin-block-start: 0.375rem;
  }
  .alert.error {
    border-inline-start-color: var(--_danger);
    background: var(--_danger-soft);
  }
  .alert.success {
    border-inline-start-color: var(--_success);
    background: var(--_success-soft);
  }
  .alert .detail {
    font-size: 0.875em;
    color: var(--_muted);
  }
  .alert .reason {
    font-style: italic;
  }
`;
