// Makes sure a Chromium is there before the browser tests: on a fresh Debian machine where we are root
// it installs Debian's `chromium`; anywhere else it stops with one line saying what to install.
import { execSync } from 'node:child_process';
import { browserPath } from './browser-path.mjs';

if (browserPath()) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
function hasApt() {
  try {
    execSync('command -v apt-get', { stdio: 'ignore', shell: '/bin/sh' });
    return true;
  } catch {
    return false;
  }
}

if (process.env.CHROME_PATH) {
  console.error(`CHROME_PATH points to ${process.env.CHROME_PATH}, which does not exist: point it at a Chrome or Chromium binary.`);
  process.exit(1);
}
if (!isRoot || !hasApt()) {
  console.error('No Chromium found: install Chromium or Chrome (Debian: apt-get install chromium) or set CHROME_PATH to its binary.');
  process.exit(1);
}
console.log('No Chromium found: installing Debian\'s chromium (apt-get install -y chromium)…');
try {
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit', shell: '/bin/sh' });
} catch {
  console.error('Installing chromium with apt-get failed: install Chromium or Chrome yourself, or set CHROME_PATH.');
  process.exit(1);
}
if (!browserPath()) {
  console.error('apt-get finished but /usr/bin/chromium is still missing: install Chromium yourself or set CHROME_PATH.');
  process.exit(1);
}
