// The published build's worker factory (vite.config.ts puts it in place of ./create-worker.ts). The
// worker is one self-contained file, dist/validate.worker.js, beside the chunk holding this code, named
// by the `new URL('./…', import.meta.url)` pattern that Vite, webpack 5, Rollup (with its import-meta
// assets plugin), Parcel and esbuild-based tools keep: a host's build copies it as it is and needs no
// worker support of its own. Wrapped for Trusted Types (./trusted-url.ts).
import { workerScriptUrl } from './trusted-url.js';

/** Replaced by the literal './validate.worker.js' in the built chunk (after Vite's own URL handling). */
declare const __OFFLINE_UPLOAD_WORKER_FILE__: string;

export function createValidateWorker(): Worker {
  const url = new URL(__OFFLINE_UPLOAD_WORKER_FILE__, import.meta.url);
  return new Worker(workerScriptUrl(url), { type: 'module', name: 'offline-upload-validate' });
}
