// The look of the offer to continue saved work, above the step: it comes with the persistence controller
// (its chunk, vite.config.ts wizardChunks), which adds it to the wizard's shadow root when it first shows
// the offer (shared/add-styles.ts).
import { css } from 'lit';

export const resumeOfferStyles = css`
  .resume {
    border: 1px solid var(--_accent);
    border-inline-start-width: 4px;
    border-radius: var(--_radius);
    background: var(--_accent-soft);
    padding: var(--_space);
  }
  .resume h2 {
    margin: 0 0 0.25rem;
    font-size: 1.0625em;
  }
  .resume p {
    margin: 0 0 0.5rem;
    overflow-wrap: anywhere;
  }
  .resume-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
`;
