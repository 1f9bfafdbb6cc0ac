// The no-access step's look, and the one check on the contact link it shows.
import { css } from 'lit';

/** Only http(s) and mailto links are followed: a contact URL from an LMS must not run script. */
export function safeContactUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url, document.baseURI);
    return ['http:', 'https:', 'mailto:'].includes(parsed.protocol) ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

export const noAccessStyles = css`
  .no-access {
    border-inline-start: 4px solid var(--_danger);
    background: var(--_danger-soft);
    border-radius: var(--_radius);
    padding-block: 0.75rem;
    padding-inline: 1rem;
  }
  .no-access p {
    margin-block: 0 0.5rem;
  }
  .reason {
    font-style: italic;
  }
  .contact ul {
    list-style: none;
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin: 0;
    padding: 0;
  }
  .contact-lead {
    font-weight: 600;
  }
`;
