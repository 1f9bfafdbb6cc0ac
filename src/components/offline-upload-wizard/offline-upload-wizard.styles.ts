// Look of the wizard shell: a card with a stepper on top, one step element at a time below (the
// confirmation dialog's look comes with it: confirm-dialog.view.ts; the restore offer's with the persistence
// controller: resume-offer.styles.ts); logical properties throughout, a
// container query for narrow columns (down to 320 px).
// The steps' own look is in shared/step.styles.ts.
import { css } from 'lit';
import { base, tokens } from '../shared/tokens.styles.js';

const wizard = css`
  :host {
    display: block;
    container-type: inline-size;
    background: var(--_bg);
  }
  /* Not clipped (no overflow: hidden): the activity list opens over the card's edge when the step is short. */
  .base {
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) + 2px);
    background: var(--_bg);
  }

  /* Stepper */
  .stepper {
    border-start-start-radius: calc(var(--_radius) + 1px);
    border-start-end-radius: calc(var(--_radius) + 1px);
    background: var(--_surface);
    border-block-end: 1px solid var(--_border);
    padding-block: 0.625rem;
    padding-inline: 0.5rem;
  }
  .stepper ol {
    list-style: none;
    display: flex;
    margin: 0;
    padding: 0;
  }
  .stepper li {
    flex: 1 1 0;
    min-inline-size: 0;
    position: relative;
  }
  /* The line joining each marker to the next one. */
  .stepper li + li::before {
    content: '';
    position: absolute;
    inset-block-start: calc(0.25rem + 0.875rem - 1px);
    inset-inline-end: calc(50% + 1.125rem);
    inline-size: calc(100% - 2.25rem);
    block-size: 2px;
    background: var(--_border);
  }
  .stepper li.complete + li::before,
  .stepper li.complete + li.current::before {
    background: var(--_success);
  }
  .step-link {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: 0.25rem;
    inline-size: 100%;
    padding-block: 0.25rem;
    padding-inline: 0.125rem;
    border: none;
    border-radius: var(--_radius);
    background: none;
    color: var(--_muted);
    font-size: 0.8125em;
    text-align: center;
  }
  button.step-link {
    cursor: pointer;
    color: var(--_text);
  }
  button.step-link:hover {
    background: var(--_accent-soft);
  }
  .marker {
    flex: none;
    display: inline-grid;
    place-items: center;
    inline-size: 1.75rem;
    block-size: 1.75rem;
    border-radius: 50%;
    border: 2px solid var(--_control-border);
    background: var(--_bg);
    font-weight: 700;
    font-size: 0.8125rem;
    font-variant-numeric: tabular-nums;
  }
  .name {
    max-inline-size: 100%;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  li.complete .step-link {
    color: var(--_text);
  }
  li.complete .marker {
    background: var(--_success);
    border-color: var(--_success);
    color: #fff;
  }
  li.current .step-link {
    color: var(--_text);
    font-weight: 700;
  }
  li.current .marker {
    border-color: var(--_accent);
    background: var(--_accent);
    color: var(--_on-accent);
  }
  .step-count {
    display: none;
    margin: 0;
    color: var(--_muted);
  }
  .step-count strong {
    color: var(--_text);
  }
  .step-track {
    display: none;
    block-size: 4px;
    border-radius: 2px;
    background: var(--_border);
    margin-block-start: 0.5rem;
    overflow: hidden;
  }
  .step-track > span {
    display: block;
    /* Set with style.setProperty (no style attribute: a strict CSP forbids them). */
    inline-size: calc(var(--_step-fraction, 0) * 100%);
    block-size: 100%;
    background: var(--_accent);
  }

  /* Panel and headings */
  .panel {
    padding: calc(var(--_space) * 1.25);
    display: flex;
    flex-direction: column;
    gap: var(--_space);
  }
  /* Narrow columns: the stepper becomes "Step 3 of 7 · Template" with a bar. */
  @container (max-width: 38rem) {
    .stepper ol {
      display: none;
    }
    .step-count,
    .step-track {
      display: block;
    }
  }
  @container (max-width: 26rem) {
    .panel {
      padding: 0.75rem;
    }
  }
`;

export const styles = [tokens, base, wizard];
