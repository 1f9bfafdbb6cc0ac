// The reference server (server/) as the gate and the load run start it: on PGlite, on PostgreSQL, and as two
// instances over one PostgreSQL. Filled in once server/ lands; until then no target is listed.
import type { Auth } from './http.js';

export interface RunningTarget {
  readonly baseUrls: readonly string[];
  readonly auth: Auth;
  readonly otherAuth?: Auth;
  stop(): Promise<void>;
}

export interface ReferenceTarget {
  readonly label: string;
  readonly postgres: boolean;
  /** Why it cannot run here (e.g. no PostgreSQL), or undefined when it can. */
  unavailable(): string | undefined;
  start(): Promise<RunningTarget>;
}

export const REFERENCE_TARGETS: readonly ReferenceTarget[] = [];
