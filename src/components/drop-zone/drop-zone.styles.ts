// Look of the drop zone: a dashed area that lights up while a file is dragged over it.
import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  .zone {
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    gap: 0.5rem;
    padding-block: 1.75rem;
    padding-inline: 1rem;
    border: 2px dashed var(--_control-border);
    border-radius: var(--_radius);
    background: var(--_surface);
    text-align: center;
    transition: background-color 0.15s, border-color 0.15s;
  }
  .zone.dragging {
    border-color: var(--_accent);
    background: var(--_accent-soft);
  }
  :host([compact]) .zone {
    flex-direction: row;
    flex-wrap: wrap;
    padding: 0;
    border: none;
    background: none;
    justify-content: flex-start;
  }
  :host([compact]) .zone.dragging {
    outline: 2px dashed var(--_accent);
    outline-offset: 4px;
  }
  .icon {
    inline-size: 2.5rem;
    block-size: 2.5rem;
    color: var(--_accent);
  }
  p {
    margin: 0;
  }
  input[type='file'] {
    display: none;
  }
`;
