// One plain e-mail address: the only form of an LMS's contactEmail the widget keeps (contact.ts says why).
// Apart from contact.ts's links, which only the no-access panel makes: the first screens' answer checks
// (answers.ts) need only this.

/**
 * A plain address: one `local@domain`, ASCII letters, digits and the usual `.!#$%&'*+/=^_`{|}~-` in the
 * local part (no quoting), a dotted host name. No `mailto:`, no `?`, no spaces, no second `@`.
 */
const PLAIN_EMAIL = /^[A-Za-z0-9.!#$&'*+/=^_`{|}~-]{1,64}@(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

/** The address trimmed when it is one plain address, else undefined (a `mailto:…?bcc=…` is refused). */
export function plainEmail(value: string | undefined | null): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  return text.length <= 254 && PLAIN_EMAIL.test(text) ? text : undefined;
}
