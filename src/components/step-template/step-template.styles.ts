// The template step's own look, after the column table's (shared/column-table.styles.ts): the choice it is
// for, the width of the names' column, the notes under a format, the required badge, the activity's rules.
import { css } from 'lit';

export const templateStyles = css`
  .for {
    margin: 0;
    font-weight: 600;
  }
  table.columns tbody th {
    inline-size: 30%;
  }
  .note {
    display: block;
    color: var(--_muted);
    font-size: 0.875em;
  }
  .badge.required {
    border-color: var(--_accent);
    color: var(--_accent);
    font-weight: 600;
  }
  .rules {
    margin: 0;
    padding-inline-start: 1.25rem;
    color: var(--_muted);
  }
`;
