// The demo console page: starts the demo LMS (an msw service worker), then points the wizard at it.
// The LMS's state is exposed as `window.__demoLms` for the end-to-end test.
// The registration modules themselves: package.json's sideEffects lists them (not src/register.ts).
import '../src/components/offline-upload-wizard/offline-upload-wizard.js';
import '../src/components/upload-summary/upload-summary.js';
import type { OfflineUploadWizardElement } from '../src/components/index.js';
import { DEMO } from './mocks/data.js';
import { startDemoLms, type DemoLmsControls } from './mocks/browser.js';
import { logEvents } from './shared.js';

declare global {
  interface Window {
    __demoLms?: DemoLmsControls;
  }
}

const controls = await startDemoLms({ baseUrl: '/api/lms' });
window.__demoLms = controls;

const wizard = document.querySelector<OfflineUploadWizardElement>('#wizard')!;
wizard.apiBase = '/api/lms';
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

document.querySelector('#apply')!.addEventListener('click', () => {
  const chosen = presets.filter((p) => p.checked).map((p) => p.value);
  const url = new URL(location.href);
  if (chosen.length > 0) url.searchParams.set('lms', chosen.join(','));
  else url.searchParams.delete('lms');
  location.assign(url);
});
document.querySelector('#reset')!.addEventListener('click', () => {
  controls.reset();
  const url = new URL(location.href);
  url.searchParams.delete('lms');
  location.assign(url);
});
