// The demo console page: starts the demo LMS (an msw service worker), then points the wizard at it.
// The LMS's state is exposed as `window.__demoLms` for the end-to-end test. With `?backend=server` (what
// `npm run demo:server` opens) the wizard talks to the reference LMS server (server/) behind Vite's proxy
// instead, signed in through the server's demo sign-in (`&user=adm-00003` for an admin without permission).
// The registration modules themselves: package.json's sideEffects lists them (not src/register.ts).
import '../src/components/offline-upload-wizard/offline-upload-wizard.js';
import '../src/components/upload-summary/upload-summary.js';
import type { OfflineUploadWizardElement } from '../src/components/index.js';
import { RestBackend } from '../src/backend/rest-backend.js';
import { DEMO } from './mocks/data.js';
import { startDemoLms, type DemoLmsControls } from './mocks/browser.js';
import { logEvents } from './shared.js';

declare global {
  interface Window {
    __demoLms?: DemoLmsControls;
  }
}

const wizard = document.querySelector<OfflineUploadWizardElement>('#wizard')!;
const params = new URLSearchParams(location.search);
let controls: DemoLmsControls | undefined;

/** A session on the reference server (its demo sign-in), and a RestBackend that sends the session's CSRF token. */
async function referenceServer(userId: string): Promise<RestBackend> {
  const response = await fetch('/api/lms/dev/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ userId }) });
  if (!response.ok) {
    throw new Error(`The reference server's demo sign-in answered ${response.status}: start the page with \`npm run demo:server\`.`);
  }
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return new RestBackend({ baseUrl: '/api/lms', headers: { 'X-CSRF-Token': csrfToken } });
}

if (params.get('backend') === 'server') {
  const controlsPanel = document.querySelector('.demo-controls')!;
  controlsPanel.querySelector('fieldset')?.remove();
  document.querySelector('#apply')?.parentElement?.remove();
  controlsPanel.querySelector('p')!.textContent = 'The LMS here is the reference server (server/, npm run lms) on its database, with the demo data.';
  wizard.backend = await referenceServer(params.get('user') ?? 'adm-00001');
} else {
  controls = await startDemoLms({ baseUrl: '/api/lms' });
  window.__demoLms = controls;
  wizard.apiBase = '/api/lms';
}
logEvents(wizard, document.querySelector('#event-log')!);

const users = document.querySelector('#demo-users')!;
for (const [label, value] of [
  ['Employee', DEMO.employees[0]!.email],
  ['Employee', DEMO.employees[1]!.email],
  ['Inactive', DEMO.inactiveEmployee.email],
  ['Partner only', DEMO.partnersOnly[0]!.email],
  ['Unknown', DEMO.unknownEmail],
  ['Already recorded (HSE-101)', DEMO.existingRecord.email],
] as const) {
  const li = document.createElement('li');
  li.innerHTML = `${label}: <code></code>`;
  li.querySelector('code')!.textContent = value;
  users.append(li);
}

const presets = [...document.querySelectorAll<HTMLInputElement>('input[name=preset]')];
const fromUrl = new URLSearchParams(location.search).get('lms')?.split(',') ?? [];
for (const box of presets) box.checked = fromUrl.includes(box.value);

document.querySelector('#apply')?.addEventListener('click', () => {
  const chosen = presets.filter((p) => p.checked).map((p) => p.value);
  const url = new URL(location.href);
  if (chosen.length > 0) url.searchParams.set('lms', chosen.join(','));
  else url.searchParams.delete('lms');
  location.assign(url);
});
document.querySelector('#reset')?.addEventListener('click', () => {
  controls?.reset();
  const url = new URL(location.href);
  url.searchParams.delete('lms');
  location.assign(url);
});
