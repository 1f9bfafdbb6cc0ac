// The server's settings, from the environment (and a few command-line flags in main.ts). Every limit it
// enforces is here, and is what it advertises.

export interface ServerConfig {
  readonly host: string;
  readonly port: number;
  /** postgres://… — PostgreSQL; when absent, PGlite in `dataDir`. */
  readonly databaseUrl?: string;
  /** PGlite's data directory (default `.lms-data`); `memory` keeps it in memory. */
  readonly dataDir: string;
  /** Where the contract's operations are served (openapi.json `servers`). */
  readonly basePath: string;
  /** Origins allowed to call from a browser on another origin; empty = CORS off. */
  readonly corsOrigins: readonly string[];
  readonly limits: {
    /** Most records in one upload. */
    readonly maxRecords: number;
    /** Most records in one dry-run chunk. */
    readonly maxChunkRecords: number;
    /** The chunk size the server prefers (advertised to clients). */
    readonly preferredChunkRecords: number;
    /** Largest request body of a dry-run chunk in bytes, after gzip decompression. */
    readonly maxChunkBytes: number;
    /** Largest spreadsheet admins should upload (advertised; the file never reaches the server). */
    readonly maxFileBytes: number;
    /** Largest body of any other request, in bytes. */
    readonly maxBodyBytes: number;
    /** Staged uploads never committed are forgotten after this long. */
    readonly uploadTtlMs: number;
    /** Uploads (stageUpload) one user may start per minute; 0 = no limit. */
    readonly uploadsPerMinute: number;
  };
  /** How often expired uploads are swept, in ms (0 = never, tests sweep by hand). */
  readonly sweepIntervalMs: number;
  /** Committed uploads and idempotency keys are kept this long, in ms. */
  readonly keepCommittedMs: number;
  /** `POST <basePath>/dev/session` signs anyone in as any user: for the demo only. */
  readonly devSignIn: boolean;
  /** Loads the demo data set into an empty database at start. */
  readonly seedWhenEmpty: boolean;
  readonly logLevel: string;
  readonly contact: { readonly contactUrl?: string; readonly contactEmail?: string; readonly noAccessReason?: string };
  /** How long a signed-in session lasts, in ms. */
  readonly sessionTtlMs: number;
}

export const DEFAULT_CONFIG: ServerConfig = {
  host: '127.0.0.1',
  port: 8787,
  dataDir: '.lms-data',
  basePath: '/api/lms',
  corsOrigins: [],
  limits: {
    maxRecords: 100_000,
    maxChunkRecords: 10_000,
    preferredChunkRecords: 5_000,
    maxChunkBytes: 16 * 1024 * 1024,
    maxBodyBytes: 64 * 1024,
    maxFileBytes: 50 * 1024 * 1024,
    uploadTtlMs: 2 * 3600_000,
    uploadsPerMinute: 60,
  },
  sweepIntervalMs: 60_000,
  keepCommittedMs: 24 * 3600_000,
  devSignIn: false,
  seedWhenEmpty: true,
  logLevel: 'info',
  contact: {
    contactUrl: 'mailto:lms-support@northwind.example?subject=Offline%20records%20role',
    contactEmail: 'lms-support@northwind.example',
    noAccessReason: 'Uploading offline records needs the "Training records administrator" role.',
  },
  sessionTtlMs: 8 * 3600_000,
};

function int(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw.trim())) throw new Error(`${name} must be a whole number, not "${raw}".`);
  return Number(raw);
}

function flag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'on', 'yes'].includes(raw)) return true;
  if (['0', 'false', 'off', 'no'].includes(raw)) return false;
  throw new Error(`${name} must be on or off, not "${env[name]}".`);
}

/** The configuration from environment variables (README "Reference LMS server" lists them). */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const d = DEFAULT_CONFIG;
  const databaseUrl = env['DATABASE_URL']?.trim();
  return {
    host: env['HOST']?.trim() || d.host,
    port: int(env, 'PORT', d.port),
    ...(databaseUrl ? { databaseUrl } : {}),
    dataDir: env['LMS_DATA_DIR']?.trim() || d.dataDir,
    basePath: (env['LMS_BASE_PATH']?.trim() || d.basePath).replace(/\/+$/, ''),
    corsOrigins: (env['LMS_CORS_ORIGINS'] ?? '').split(',').map((o) => o.trim()).filter(Boolean),
    limits: {
      maxRecords: int(env, 'LMS_MAX_RECORDS', d.limits.maxRecords),
      maxChunkRecords: int(env, 'LMS_MAX_CHUNK_RECORDS', d.limits.maxChunkRecords),
      preferredChunkRecords: int(env, 'LMS_CHUNK_RECORDS', d.limits.preferredChunkRecords),
      maxChunkBytes: int(env, 'LMS_MAX_CHUNK_BYTES', d.limits.maxChunkBytes),
      maxBodyBytes: d.limits.maxBodyBytes,
      maxFileBytes: int(env, 'LMS_MAX_FILE_BYTES', d.limits.maxFileBytes),
      uploadTtlMs: int(env, 'LMS_UPLOAD_TTL_SECONDS', d.limits.uploadTtlMs / 1000) * 1000,
      uploadsPerMinute: int(env, 'LMS_UPLOADS_PER_MINUTE', d.limits.uploadsPerMinute),
    },
    sweepIntervalMs: int(env, 'LMS_SWEEP_SECONDS', d.sweepIntervalMs / 1000) * 1000,
    keepCommittedMs: d.keepCommittedMs,
    devSignIn: flag(env, 'LMS_DEV_SIGNIN', d.devSignIn),
    seedWhenEmpty: flag(env, 'LMS_SEED', d.seedWhenEmpty),
    logLevel: env['LOG_LEVEL']?.trim() || d.logLevel,
    contact: d.contact,
    sessionTtlMs: d.sessionTtlMs,
  };
}
