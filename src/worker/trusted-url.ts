// Trusted Types for the validation worker's URL. A page that enforces `require-trusted-types-for
// 'script'` refuses `new Worker(url)` with a plain string or URL; the worker must then be started from a
// TrustedScriptURL made by a policy the host allows by name (`trusted-types offline-upload` in its CSP).
// The policy vouches for exactly the URLs this package names itself (its own worker file), nothing else.

/** The Trusted Types policy name a host lists in its CSP: `trusted-types offline-upload lit-html`. */
export const TRUSTED_TYPES_POLICY_NAME = 'offline-upload';

interface ScriptUrlPolicy {
  createScriptURL(input: string): unknown;
}
interface TrustedTypesFactory {
  createPolicy(name: string, rules: { createScriptURL(input: string): string }): ScriptUrlPolicy;
}

/** The URLs our policy may vouch for: only those this package asked for. */
const ours = new Set<string>();
let policy: ScriptUrlPolicy | null | undefined;

function getPolicy(): ScriptUrlPolicy | null {
  if (policy !== undefined) return policy;
  const factory = (globalThis as { trustedTypes?: TrustedTypesFactory }).trustedTypes;
  try {
    policy = factory
      ? factory.createPolicy(TRUSTED_TYPES_POLICY_NAME, {
          createScriptURL(input) {
            if (!ours.has(input)) throw new TypeError(`${TRUSTED_TYPES_POLICY_NAME}: not the package's own worker URL`);
            return input;
          },
        })
      : null;
  } catch {
    // The host's CSP does not allow our policy name (or allows it once and it exists already): start the
    // worker with a plain URL, which works unless Trusted Types are enforced — then the main thread reads.
    policy = null;
  }
  return policy;
}

/**
 * The worker URL as the `Worker` constructor accepts it on this page: a TrustedScriptURL from the
 * `offline-upload` policy where the browser has Trusted Types, else the URL itself.
 */
export function workerScriptUrl(url: URL): URL | string {
  const p = getPolicy();
  if (!p) return url;
  ours.add(url.href);
  // A TrustedScriptURL; the DOM typings of this project's lib do not name the type.
  return p.createScriptURL(url.href) as string;
}
