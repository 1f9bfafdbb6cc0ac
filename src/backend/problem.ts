// A refusal as an LMS answers it: application/problem+json (RFC 9457) with the contract's problem `type`
// URIs. The LMS side of the contract, shared by both LMSs of this repository that implement it — the
// reference server (server/) and the demo LMS (demo/mocks/); the widget itself only reads such documents.
import type { ServerIssue } from './types.js';

/** The contract's problem types are `urn:problem:offline-upload:<slug>` (see openapi.json). */
export const problemType = (slug: string): string => `urn:problem:offline-upload:${slug}`;

/** @internal A refusal with its HTTP status, as an LMS turns it into application/problem+json. */
export class LmsProblem extends Error {
  constructor(
    readonly status: number,
    /** Short slug; the problem `type` is `urn:problem:offline-upload:<slug>`. */
    readonly slug: string,
    readonly title: string,
    /** A sentence for the admin. */
    readonly detail: string,
    /** The rows concerned (409/422). */
    readonly issues?: readonly ServerIssue[],
    /** Extra response headers (Retry-After on 429, WWW-Authenticate on 401). */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(detail);
    this.name = 'LmsProblem';
  }

  get type(): string {
    return problemType(this.slug);
  }

  /** The problem document. */
  body(): Record<string, unknown> {
    return {
      type: this.type,
      title: this.title,
      status: this.status,
      detail: this.detail,
      ...(this.issues ? { issues: this.issues } : {}),
    };
  }

  toJSON(): Record<string, unknown> {
    return this.body();
  }
}
