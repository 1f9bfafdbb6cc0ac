// `npm run lms` — the reference LMS: opens the database (PGlite in .lms-data, or PostgreSQL at DATABASE_URL),
// migrates it, loads the demo data set when it is empty, serves the contract, sweeps expired uploads, and
// shuts down gracefully on SIGINT/SIGTERM (in-flight requests finish, then the database closes).
//   tsx server/main.ts [serve]          start the server (default)
//   tsx server/main.ts seed [--reset]   migrate and load the demo data (--reset empties every table first)
//   tsx server/main.ts migrate          apply pending migrations only
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildApp } from './app.js';
import { configFromEnv } from './config.js';
import type { ServerConfig } from './config.js';
import { openDatabase } from './db/database.js';
import type { Database } from './db/database.js';
import { migrate } from './db/migrate.js';
import { DEMO_ADMINS, isSeeded, seed } from './db/seed.js';
import { sweep } from './lms/uploads.js';

const { values: flags, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    'data-dir': { type: 'string' },
    'dev-signin': { type: 'boolean' },
    reset: { type: 'boolean' },
  },
});
const command = positionals[0] ?? 'serve';

const base = configFromEnv();
const config: ServerConfig = {
  ...base,
  ...(flags.port ? { port: Number(flags.port) } : {}),
  ...(flags.host ? { host: flags.host } : {}),
  ...(flags['data-dir'] ? { dataDir: flags['data-dir'] } : {}),
  ...(flags['dev-signin'] ? { devSignIn: true } : {}),
};

function log(message: string): void {
  console.log(JSON.stringify({ level: 30, time: Date.now(), msg: message }));
}

async function open(): Promise<Database> {
  const db = await openDatabase(config.databaseUrl ? { url: config.databaseUrl } : config.dataDir === 'memory' ? {} : { dataDir: resolve(config.dataDir) });
  const applied = await migrate(db);
  if (applied.length > 0) log(`database migrated: ${applied.join(', ')}`);
  return db;
}

const TABLES = 'rate_windows, api_tokens, sessions, idempotency_keys, completion_records, staged_rows, staged_uploads, user_identifiers, user_domains, users, domain_identifier_kinds, domains, activities, categories';

async function main(): Promise<void> {
  const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : config.dataDir === 'memory' ? 'PGlite in memory' : `PGlite in ${resolve(config.dataDir)}`;
  if (command === 'migrate') {
    const db = await open();
    await db.close();
    return;
  }
  if (command === 'seed') {
    const db = await open();
    if (flags.reset) await db.query(`TRUNCATE ${TABLES}`);
    if (await isSeeded(db)) log('the database already holds data; nothing loaded (use --reset to start again)');
    else {
      const counts = await seed(db);
      log(`demo data loaded into ${where}: ${counts.users} users, ${counts.records} records`);
    }
    await db.close();
    return;
  }
  if (command !== 'serve') throw new Error(`Unknown command "${command}": use serve, seed or migrate.`);

  const db = await open();
  if (config.seedWhenEmpty && !(await isSeeded(db))) {
    const counts = await seed(db);
    log(`demo data loaded: ${counts.users} users, ${counts.records} records`);
  }
  const app = buildApp({ db, config });
  const sweeper =
    config.sweepIntervalMs > 0
      ? setInterval(() => {
          sweep(db, new Date(), config.keepCommittedMs)
            .then((swept) => {
              if (swept.uploads > 0 || swept.keys > 0) app.log.info(swept, 'swept expired uploads');
            })
            .catch((error: unknown) => app.log.error({ err: error }, 'sweep failed'));
        }, config.sweepIntervalMs)
      : undefined;
  sweeper?.unref();

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing requests in flight');
    if (sweeper) clearInterval(sweeper);
    const force = setTimeout(() => {
      app.log.error('shutdown took longer than 15 s; exiting');
      process.exit(1);
    }, 15_000);
    force.unref();
    app
      .close()
      .then(() => db.close())
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));

  const address = await app.listen({ host: config.host, port: config.port });
  app.log.info(
    {
      database: where,
      api: `${address}${config.basePath}`,
      cors: config.corsOrigins.length > 0 ? config.corsOrigins : 'off',
      devSignIn: config.devSignIn,
      demoTokens: DEMO_ADMINS.map((a) => `${a.token} (${a.canUpload ? 'may upload' : 'no permission'})`),
    },
    'reference LMS ready',
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
