// Design tokens and base styles shared by the elements: every public `--offline-upload-*` custom
// property is read here once into a private `--_*` variable, so themes have one place to land.
import { css } from 'lit';

/** Private variables from the public theme properties (custom properties inherit into inner shadow roots). */
export const tokens = css`
  :host {
    --_font: var(--offline-upload-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif);
    --_font-size: var(--offline-upload-font-size, 0.9375rem);
    --_text: var(--offline-upload-color-text, #1b1f24);
    --_muted: var(--offline-upload-color-muted, #57606a);
    --_bg: var(--offline-upload-color-background, #ffffff);
    --_surface: var(--offline-upload-color-surface, #f6f8fa);
    --_border: var(--offline-upload-color-border, #d0d7de);
    --_control-border: var(--offline-upload-color-control-border, #6e7781);
    --_accent: var(--offline-upload-color-accent, #0b5cad);
    --_accent-hover: var(--offline-upload-color-accent-hover, #084a8c);
    --_on-accent: var(--offline-upload-color-on-accent, #ffffff);
    --_accent-soft: var(--offline-upload-color-accent-soft, #e8f1fb);
    --_danger: var(--offline-upload-color-danger, #b42318);
    --_danger-soft: var(--offline-upload-color-danger-soft, #fdecea);
    --_success: var(--offline-upload-color-success, #1a7f37);
    --_success-soft: var(--offline-upload-color-success-soft, #e6f4ea);
    --_focus: var(--offline-upload-color-focus, #0b5cad);
    --_radius: var(--offline-upload-radius, 6px);
    --_space: var(--offline-upload-space, 1rem);
  }
`;

/** Buttons, fields, focus rings, visually hidden text: the few building blocks every element uses. */
export const base = css`
  :host {
    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: 1.5;
    color: var(--_text);
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  [hidden] {
    display: none !important;
  }
  .visually-hidden {
    position: absolute !important;
    inline-size: 1px;
    block-size: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  button,
  input,
  select {
    font: inherit;
    color: inherit;
  }
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.5em;
    min-block-size: 2.5rem;
    padding-block: 0.375rem;
    padding-inline: 1rem;
    border: 1px solid var(--_control-border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_text);
    font-weight: 600;
    text-decoration: none;
    cursor: pointer;
    text-align: center;
  }
  .button:hover:not(:disabled) {
    background: var(--_surface);
  }
  .button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
  }
  .button.primary:hover:not(:disabled) {
    background: var(--_accent-hover);
    border-color: var(--_accent-hover);
  }
  .button.danger {
    background: var(--_danger);
    border-color: var(--_danger);
    color: #fff;
  }
  .button:disabled {
    cursor: not-allowed;
    opacity: 0.55;
  }
  .button.quiet {
    border-color: transparent;
    background: transparent;
    color: var(--_accent);
    padding-inline: 0.5rem;
  }
  .button.quiet:hover:not(:disabled) {
    background: var(--_accent-soft);
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
  }
  .field > label,
  .label {
    font-weight: 600;
  }
  .hint {
    color: var(--_muted);
    font-size: 0.875em;
    margin: 0;
  }
  .control {
    inline-size: 100%;
    min-block-size: 2.5rem;
    padding-block: 0.375rem;
    padding-inline: 0.625rem;
    border: 1px solid var(--_control-border);
    border-radius: var(--_radius);
    background: var(--_bg);
  }
  .control:focus-visible {
    outline-offset: 0;
  }
  .error-text {
    color: var(--_danger);
    margin: 0;
  }
  .spinner {
    display: inline-block;
    inline-size: 1em;
    block-size: 1em;
    border: 2px solid currentColor;
    border-inline-end-color: transparent;
    border-radius: 50%;
    animation: spin 0.8s linear infinite;
    vertical-align: -0.125em;
  }
  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation-duration: 2.4s;
    }
  }
`;
