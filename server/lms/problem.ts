// A refusal with its HTTP status, as the server turns it into application/problem+json (RFC 9457).
import type { ServerIssue } from '../../src/backend/types.js';

export class ServerProblem extends Error {
  constructor(
    readonly status: number,
    /** Short slug; the problem `type` is `urn:problem:offline-upload:<slug>`. */
    readonly slug: string,
    readonly title: string,
    readonly detail: string,
    readonly issues?: readonly ServerIssue[],
    /** Extra response headers (Retry-After on 429). */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(detail);
    this.name = 'ServerProblem';
  }

  get type(): string {
    return `urn:problem:offline-upload:${this.slug}`;
  }

  body(): Record<string, unknown> {
    return {
      type: this.type,
      title: this.title,
      status: this.status,
      detail: this.detail,
      ...(this.issues ? { issues: this.issues } : {}),
    };
  }
}

export const notFound = (slug: string, title: string, detail: string) => new ServerProblem(404, slug, title, detail);
