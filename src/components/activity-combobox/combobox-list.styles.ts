// Look of the activity combobox's popup of options, adopted by the list (combobox-list.ts) when its code
// loads, after the field's styles.
import { css } from 'lit';

export const listStyles = css`
  .popup {
    position: absolute;
    z-index: 10;
    inset-inline: 0;
    inset-block-start: calc(100% + 0.25rem);
    background: var(--_bg);
    border: 1px solid var(--_control-border);
    border-radius: var(--_radius);
    box-shadow: 0 8px 24px rgb(0 0 0 / 0.12);
  }
  /* The listbox scrolls, not its wrapper: it is what the combobox controls (aria-controls). */
  [role='listbox'] {
    list-style: none;
    margin: 0;
    padding: 0.25rem 0;
    max-block-size: min(22rem, 60vh);
    overflow-y: auto;
  }
  [role='listbox']:empty {
    display: none;
  }
  [role='option'] {
    padding-block: 0.5rem;
    padding-inline: 0.75rem;
    cursor: pointer;
    border-inline-start: 3px solid transparent;
  }
  [role='option'][aria-selected='true'] {
    background: var(--_accent-soft);
    border-inline-start-color: var(--_accent);
    outline: 2px solid var(--_focus);
    outline-offset: -2px;
  }
  .option-name {
    font-weight: 600;
    display: block;
  }
  .option-meta {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .code {
    font-variant-numeric: tabular-nums;
    margin-inline-end: 0.375em;
  }
  .more {
    color: var(--_accent);
    font-weight: 600;
  }
  .status {
    padding-block: 0.5rem;
    padding-inline: 0.75rem;
    color: var(--_muted);
    display: flex;
    gap: 0.5rem;
    align-items: center;
    flex-wrap: wrap;
  }
  .status.error {
    color: var(--_danger);
  }
  mark {
    background: none;
    color: inherit;
    text-decoration: underline;
    text-underline-offset: 2px;
  }
`;
