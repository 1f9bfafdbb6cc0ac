// `npm run demo:server`: the demo console on the reference LMS server instead of the in-browser mock —
// starts the server (PGlite in .lms-data, demo sign-in on) and Vite with /api/lms proxied to it, and prints
// the page's address. Ctrl+C stops both.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';

const port = process.env['PORT'] ?? '8787';
const children: ChildProcess[] = [];

function start(command: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  children.push(child);
  child.on('exit', (code) => {
    if (!stopping) {
      console.error(`${command} ${args.join(' ')} exited (${code}); stopping the demo.`);
      stop(code ?? 1);
    }
  });
  return child;
}

let stopping = false;
function stop(code = 0): void {
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 500).unref();
}
process.on('SIGINT', () => stop());
process.on('SIGTERM', () => stop());

start(process.execPath, ['--import', 'tsx', 'server/main.ts', 'serve'], { PORT: port, LMS_DEV_SIGNIN: 'on' });
// Vite's own binary (not npx), so the pid held is Vite's.
for (let i = 0; i < 600; i++) {
  if (await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.ok, () => false)) break;
  await new Promise((r) => setTimeout(r, 200));
}
start('node_modules/.bin/vite', ['--config', 'vite.config.ts', '--host', '127.0.0.1'], { LMS_SERVER_URL: `http://127.0.0.1:${port}` });
console.log('\nDemo console on the reference server: open the address Vite prints with ?backend=server (add &user=adm-00003 for an admin without permission).\n');
