// Contact details an LMS sends with a "no access" answer, made safe to put in a link. The LMS is trusted
// to say who grants the permission, not to write the link: a `contactEmail` of
// `someone@lms.example?bcc=attacker@evil.example` would copy the admin's message elsewhere, and a
// `contactUrl` of `javascript:…` would run script. The UI builds its links with these helpers only.
import { plainEmail } from './plain-email.js';

export { plainEmail };

/** `mailto:` link for one plain address (each part percent-encoded), or undefined when it is not one. */
export function mailtoHref(email: string | undefined | null, subject?: string): string | undefined {
  const address = plainEmail(email);
  if (!address) return undefined;
  const at = address.lastIndexOf('@');
  const href = `mailto:${encodeURIComponent(address.slice(0, at))}@${encodeURIComponent(address.slice(at + 1))}`;
  return subject ? `${href}?subject=${encodeURIComponent(subject)}` : href;
}

/**
 * A contact link safe to follow: http(s) as given (resolved against `base`), or a `mailto:` rebuilt from
 * its one plain address with only `subject` and `body` kept (no `cc`, `bcc`, `to` or second address).
 * Anything else (javascript:, data:, a malformed URL) → undefined.
 */
export function safeContactUrl(url: string | undefined | null, base?: string): string | undefined {
  if (typeof url !== 'string' || url.trim() === '') return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url.trim(), base ?? globalThis.document?.baseURI ?? globalThis.location?.href);
  } catch {
    return undefined;
  }
  if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return parsed.href;
  if (parsed.protocol !== 'mailto:') return undefined;
  let address: string;
  try {
    address = decodeURIComponent(parsed.pathname);
  } catch {
    return undefined;
  }
  const href = mailtoHref(address);
  if (!href) return undefined;
  const kept = new URLSearchParams();
  for (const name of ['subject', 'body']) {
    const value = parsed.searchParams.get(name);
    if (value) kept.set(name, value);
  }
  // URLSearchParams writes spaces as "+", which mail clients show as "+": write %20 instead.
  const query = kept.toString().replace(/\+/g, '%20');
  return query ? `${href}?${query}` : href;
}
