// offline-upload-conformance: runs the contract's behavioural tests against an LMS over HTTP and prints a
// pass/fail table. Exit code 0 when nothing failed, 1 when a check failed, 2 when the command line is wrong.
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { parseAuth } from './http.js';
import { Kit } from './kit.js';
import type { CheckResult, KitOptions } from './kit.js';

export const USAGE = `offline-upload-conformance — checks that an LMS keeps the offline-upload contract (openapi.json)

Usage: offline-upload-conformance --base-url URL [options]

  --base-url URL        The API's base, e.g. https://lms.example.com/api/lms. Give it more than once for
                        several instances of one LMS: requests are spread across them, and the races run
                        across two of them.
  --auth SPEC           Credentials of an admin who may upload:
                          bearer:TOKEN
                          cookie:NAME=VALUE                    (a session cookie)
                          cookie:NAME=VALUE;csrf=HEADER:VALUE  (+ the CSRF header sent on every write)
                        Without it the kit calls anonymously and skips the 401 check.
  --other-auth SPEC     Credentials of a signed-in user who may NOT upload (the no-access checks).
  --header "N: V"       An extra header on every request (repeatable).
  --activity ID         The offline activity to upload to (default: the one with the longest date range).
  --domain ID           The user domain (default: the first listed).
  --identifier-kind K   The identifier kind (default: the domain's first).
  --identifiers LIST    Identifiers of active users of that domain, comma-separated, or @file (one a
                        line). The kit dry-runs (user, date) pairs to find ones with no record yet, so a
                        database that keeps earlier runs is fine. Default: the template's example.
  --max-records N       Most records one upload may hold, when the LMS does not advertise it.
  --expiry-wait SEC     Longest wait for a staged upload to expire (default 60); longer expiries are
                        reported "not testable".
  --only TEXT           Run only the checks whose name contains TEXT (repeatable).
  --json FILE           Also write the results as JSON ({ passed, failed, skipped, checks }).
  --quiet               Print only the table.
  --help

Creates records in the LMS (test records for the chosen activity and users): run it against a test
instance, never production.`;

export interface CliResult {
  readonly results: readonly CheckResult[];
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
  readonly requests: number;
}

export function table(results: readonly CheckResult[]): string {
  const word = { pass: 'PASS', fail: 'FAIL', skip: 'N/T ' } as const;
  const width = Math.min(100, Math.max(...results.map((r) => r.name.length)));
  const lines = results.map((r) => {
    const name = r.name.length > width ? `${r.name.slice(0, width - 1)}…` : r.name.padEnd(width);
    const time = `${Math.round(r.ms)} ms`.padStart(8);
    return `${word[r.outcome]}  ${name}  ${time}${r.detail && r.outcome !== 'pass' ? `\n      ${r.detail}` : r.detail ? `  (${r.detail})` : ''}`;
  });
  return [`${'RESULT'}  ${'CHECK'.padEnd(width)}  ${'TIME'.padStart(8)}`, ...lines].join('\n');
}

function listOf(text: string | undefined): string[] | undefined {
  if (text === undefined) return undefined;
  const raw = text.startsWith('@') ? readFileSync(text.slice(1), 'utf8').split(/\r?\n/) : text.split(',');
  return raw.map((s) => s.trim()).filter(Boolean);
}

function positiveNumber(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} takes a positive number, not "${text}".`);
  return n;
}

export function optionsFromArgs(args: readonly string[]): (KitOptions & { json?: string; quiet: boolean }) | 'help' {
  const { values } = parseArgs({
    args: [...args],
    options: {
      'base-url': { type: 'string', multiple: true },
      auth: { type: 'string' },
      'other-auth': { type: 'string' },
      header: { type: 'string', multiple: true },
      activity: { type: 'string' },
      domain: { type: 'string' },
      'identifier-kind': { type: 'string' },
      identifiers: { type: 'string' },
      'max-records': { type: 'string' },
      'expiry-wait': { type: 'string' },
      only: { type: 'string', multiple: true },
      json: { type: 'string' },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) return 'help';
  const baseUrls = values['base-url'] ?? [];
  if (baseUrls.length === 0) throw new Error('--base-url is required.');
  for (const url of baseUrls) {
    if (!/^https?:\/\//.test(url)) throw new Error(`--base-url must be an http(s) URL, not "${url}".`);
  }
  const headers: Record<string, string> = {};
  for (const h of values.header ?? []) {
    const at = h.indexOf(':');
    if (at < 1) throw new Error(`--header "${h}" must look like "Name: value".`);
    headers[h.slice(0, at).trim()] = h.slice(at + 1).trim();
  }
  const maxRecords = positiveNumber('max-records', values['max-records']);
  const expiryWait = positiveNumber('expiry-wait', values['expiry-wait']);
  return {
    baseUrls,
    auth: values.auth ? parseAuth(values.auth) : { kind: 'none' },
    ...(values['other-auth'] ? { otherAuth: parseAuth(values['other-auth']) } : {}),
    headers,
    activityId: values.activity,
    domainId: values.domain,
    identifierKind: values['identifier-kind'],
    identifiers: listOf(values.identifiers),
    ...(maxRecords !== undefined ? { maxRecords: Math.floor(maxRecords) } : {}),
    ...(expiryWait !== undefined ? { expiryWaitMs: expiryWait * 1000 } : {}),
    only: values.only,
    json: values.json,
    quiet: values.quiet,
  };
}

/** Runs the kit as the command does; returns the counts (and prints unless quiet). */
export async function runKit(options: KitOptions & { json?: string; quiet?: boolean }): Promise<CliResult> {
  const kit = new Kit({ ...options, log: options.quiet ? undefined : (line) => console.log(line) });
  const results = await kit.run();
  const count = (o: CheckResult['outcome']) => results.filter((r) => r.outcome === o).length;
  const summary: CliResult = { results, passed: count('pass'), failed: count('fail'), skipped: count('skip'), requests: kit.api.requests };
  console.log(`\nConformance of ${options.baseUrls.join(' + ')}\n`);
  console.log(table(results));
  console.log(`\n${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} not testable (${summary.requests} requests)`);
  if (options.json) writeFileSync(options.json, JSON.stringify({ baseUrls: options.baseUrls, passed: summary.passed, failed: summary.failed, skipped: summary.skipped, checks: results }, null, 2));
  return summary;
}

export async function main(): Promise<void> {
  let options;
  try {
    options = optionsFromArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    process.exit(2);
  }
  if (options === 'help') {
    console.log(USAGE);
    return;
  }
  const summary = await runKit(options);
  process.exitCode = summary.failed > 0 ? 1 : 0;
}

// `npx tsx conformance/cli.ts …` while developing; the package's bin is conformance/bin.ts, built.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.stack ?? error.message : String(error));
    process.exit(1);
  });
}
