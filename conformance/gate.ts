// The `conformance` step of `npm test` (scripts/test.mjs): the kit against every LMS this repository ships,
// over real HTTP —
//   1. the demo LMS (demo/mocks/lms.ts through conformance/demo-lms.ts), staging time shortened so expiry is tested;
//   2. the reference server (server/) on PGlite;
//   3. the reference server on PostgreSQL;
//   4. two reference-server instances on different ports over one PostgreSQL, requests spread across both.
// PostgreSQL comes from CONFORMANCE_DATABASE_URL (set by .ci/run, which installs and starts Debian's
// postgresql). Without it the PostgreSQL runs are reported in one line and skipped, unless
// CONFORMANCE_REQUIRE_POSTGRES=1 (CI), where that is a failure. Writes test-results/conformance.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { USERS } from '../demo/mocks/data.js';
import { runKit } from './cli.js';
import type { CliResult } from './cli.js';
import { startDemoLms } from './demo-lms.js';
import type { KitOptions } from './kit.js';
import { REFERENCE_TARGETS, hasServer } from './targets.js';

/** Active employees of the demo data set (the reference server seeds the same data). */
export const DEMO_IDENTIFIERS = USERS.filter((u) => u.active && u.domainIds.length === 1 && u.domainIds[0] === 'dom-employees')
  .slice(0, 60)
  .map((u) => u.email);

export const DEMO_KIT_OPTIONS = {
  domainId: 'dom-employees',
  identifierKind: 'email',
  identifiers: DEMO_IDENTIFIERS,
} as const satisfies Partial<KitOptions>;

interface Totals {
  passed: number;
  failed: number;
  skipped: number;
}

const totals: Totals = { passed: 0, failed: 0, skipped: 0 };
const lines: string[] = [];

function count(label: string, result: CliResult): void {
  totals.passed += result.passed;
  totals.failed += result.failed;
  totals.skipped += result.skipped;
  lines.push(`${label}: ${result.passed} passed, ${result.failed} failed, ${result.skipped} not testable`);
}

function fault(label: string, message: string): void {
  totals.failed += 1;
  lines.push(`${label}: FAILED — ${message}`);
  console.error(`\n${label}: ${message}`);
}

async function demo(): Promise<void> {
  const label = 'demo LMS';
  console.log(`\n━━ conformance: ${label} ━━`);
  const server = await startDemoLms({ uploadTtlMs: 20_000, maxRecords: 10_000 });
  try {
    count(label, await runKit({ baseUrls: [server.baseUrl], auth: { kind: 'none' }, ...DEMO_KIT_OPTIONS, expiryWaitMs: 30_000, quiet: true }));
  } catch (error) {
    fault(label, error instanceof Error ? error.message : String(error));
  } finally {
    await server.close();
  }
}

async function main(): Promise<void> {
  await demo();
  for (const target of REFERENCE_TARGETS) {
    console.log(`\n━━ conformance: ${target.label} ━━`);
    const why = target.unavailable();
    if (why) {
      if (target.postgres && hasServer() && process.env['CONFORMANCE_REQUIRE_POSTGRES'] === '1') fault(target.label, `${why} (required here: CONFORMANCE_REQUIRE_POSTGRES=1)`);
      else {
        totals.skipped += 1;
        lines.push(`${target.label}: not run — ${why}`);
        console.log(`not run — ${why}`);
      }
      continue;
    }
    let instances;
    try {
      instances = await target.start();
    } catch (error) {
      fault(target.label, `the server did not start: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    try {
      count(target.label, await runKit({ baseUrls: instances.baseUrls, auth: instances.auth, ...(instances.otherAuth ? { otherAuth: instances.otherAuth } : {}), ...DEMO_KIT_OPTIONS, expiryWaitMs: 45_000, quiet: true }));
    } catch (error) {
      fault(target.label, error instanceof Error ? error.message : String(error));
    } finally {
      await instances.stop();
    }
  }
  console.log(`\n${lines.join('\n')}`);
  mkdirSync('test-results', { recursive: true });
  writeFileSync('test-results/conformance.json', JSON.stringify(totals));
  process.exitCode = totals.failed > 0 ? 1 : 0;
}

await main();
