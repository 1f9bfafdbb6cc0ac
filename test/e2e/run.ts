// End to end: builds the demo, serves it with `vite preview`, and runs every scenario in
// test/e2e/scenarios/ (in file-name order) in the system Chromium as an admin would. Screenshots go to
// screenshots/ (not committed). Results: test-results/e2e.json = {"passed","failed"}.
// Run: npx tsx test/e2e/run.ts [name-part …]   (only the scenarios whose file name contains a part)
//      E2E_NO_BUILD=1 reuses the last build in dist-demo/ (for quick reruns while writing a scenario).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { browserPath, CHROMIUM_ARGS } from '../../scripts/browser-path.mjs';
import { checker, root, shots, totals, work, type E2EContext } from './harness.js';

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });
}

async function waitForServer(url: string, server: ChildProcess, ms = 30_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (server.exitCode !== null) throw new Error(`vite preview exited with ${server.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer within ${ms / 1000} s`);
}

type Scenario = (ctx: E2EContext) => Promise<void>;

async function run(only: readonly string[]): Promise<void> {
  mkdirSync(shots, { recursive: true });
  const dir = join(import.meta.dirname, 'scenarios');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .filter((f) => only.length === 0 || only.some((part) => f.includes(part)))
    .sort();
  if (files.length === 0) throw new Error(`no scenario matches ${only.join(', ')}`);

  const vite = join(root, 'node_modules/.bin/vite');
  if (!(process.env.E2E_NO_BUILD && existsSync(join(root, 'dist-demo')))) {
    console.log('building the demo (vite build --mode demo)…');
    const build = spawnSync(vite, ['build', '--config', 'vite.config.ts', '--mode', 'demo', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) throw new Error(`vite build --mode demo failed (${build.status})`);
  }

  const port = await freePort();
  // Started as the vite binary itself, so that the pid we hold is the server's.
  const server = spawn(vite, ['preview', '--config', 'vite.config.ts', '--mode', 'demo', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let browser: Browser | undefined;
  try {
    const base = `http://127.0.0.1:${port}`;
    await waitForServer(`${base}/`, server);
    const executablePath = browserPath();
    if (!executablePath) throw new Error('no Chromium found (set CHROME_PATH)');
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
    for (const file of files) {
      console.log(`\n${file}`);
      try {
        const scenario = (await import(pathToFileURL(join(dir, file)).href)) as { default: Scenario };
        await scenario.default({ browser, base, check: checker() });
      } catch (error) {
        // A scenario that throws outside its checks still fails the run, and the next one still runs.
        totals.failed += 1;
        console.log(`  ✗ ${file} stopped: ${error instanceof Error ? (error.stack ?? error.message).split('\n').slice(0, 4).join('\n    ') : String(error)}`);
      }
    }
  } finally {
    await browser?.close();
    server.kill('SIGTERM');
    rmSync(work, { recursive: true, force: true });
  }
}

try {
  await run(process.argv.slice(2));
} catch (error) {
  totals.failed += 1;
  console.error(error);
}
mkdirSync(join(root, 'test-results'), { recursive: true });
writeFileSync(join(root, 'test-results/e2e.json'), JSON.stringify(totals));
console.log(`e2e: ${totals.passed} passed, ${totals.failed} failed — screenshots in screenshots/`);
process.exit(totals.failed > 0 ? 1 : 0);
