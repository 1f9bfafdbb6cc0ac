// Progress of reading, checking and creating: the block, its bar (with the striped stretch the request in
// flight will fill, and the indeterminate slide), reduced motion, and the file line under it. Added by the
// steps that show them (upload, create) after StepElement's styles, so not on the first load.
import { css } from 'lit';

export const stepProgressStyles = css`
  /* Upload and progress */
  .progress {
    display: grid;
    gap: 0.5rem;
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .progress-head {
    display: flex;
    justify-content: space-between;
    gap: 0.5rem;
    font-weight: 600;
  }
  .percent {
    font-variant-numeric: tabular-nums;
  }
  .track {
    display: flex;
    block-size: 0.625rem;
    border-radius: 999px;
    background: var(--_border);
    overflow: hidden;
  }
  .fill {
    display: block;
    /* --_percent is set with style.setProperty on the track (no style attribute: strict CSP). */
    inline-size: calc(var(--_percent, 0) * 1%);
    block-size: 100%;
    background: var(--_accent);
    border-radius: inherit;
    transition: inline-size 0.2s ease-out;
  }
  /* The stretch the request in flight will fill once answered (a part of the LMS's check): striped, moving. */
  .pending {
    display: block;
    flex: none;
    inline-size: calc(var(--_pending, 0) * 1%);
    block-size: 100%;
    background: repeating-linear-gradient(-45deg, var(--_accent) 0 0.375rem, transparent 0.375rem 0.75rem);
    background-size: 1.0607rem 100%;
    opacity: 0.35;
    animation: stripes 0.9s linear infinite;
  }
  @keyframes stripes {
    to {
      background-position: 1.0607rem 0;
    }
  }
  .progress-detail {
    margin: 0;
    font-size: 0.875em;
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  .track.indeterminate .fill {
    inline-size: 35%;
    animation: slide 1.4s ease-in-out infinite;
  }
  @keyframes slide {
    from {
      margin-inline-start: -35%;
    }
    to {
      margin-inline-start: 100%;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .fill {
      transition: none;
    }
    .pending {
      animation: none;
    }
    .track.indeterminate .fill {
      animation: none;
      inline-size: 100%;
      opacity: 0.6;
    }
  }
  .progress .button {
    justify-self: start;
  }
  .file {
    margin: 0;
    color: var(--_muted);
    overflow-wrap: anywhere;
  }
`;
