// The modal dialogs' box (the wizard's create confirmation, the choose step's "discard the checked file?"):
// border, padding, width, colours, shadow, backdrop, heading and paragraph. Each element adds its own rules after it.
import { css } from 'lit';

export const dialogStyles = css`
  dialog {
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) + 2px);
    padding: calc(var(--_space) * 1.25);
    max-inline-size: min(32rem, calc(100vw - 2rem));
    color: var(--_text);
    background: var(--_bg);
    box-shadow: 0 16px 48px rgb(0 0 0 / 0.2);
  }
  dialog::backdrop {
    background: rgb(15 23 42 / 0.45);
  }
  dialog h2 {
    margin: 0 0 0.5rem;
    font-size: 1.25em;
  }
  dialog p {
    margin: 0 0 var(--_space);
  }
`;
