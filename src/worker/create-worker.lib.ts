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
  const options: WorkerOptions = { type: 'module', name: 'offline-upload-validate' };
  // A worker must come from the page's origin. Loaded from a CDN (dist/cdn/) or from a host's assets
  // origin, the file is imported (CORS) by a one-line module of the page's origin instead.
  if (typeof location !== 'undefined' && url.origin !== location.origin) {
    const shim = URL.createObjectURL(new Blob([`import ${JSON.stringify(url.href)};`], { type: 'text/javascript' }));
    const worker = new Worker(workerScriptUrl(new URL(shim)), options);
    const revoke = (): void => URL.revokeObjectURL(shim);
    worker.addEventListener('message', revoke, { once: true });
    worker.addEventListener('error', revoke, { once: true });
    return worker;
  }
  return new Worker(workerScriptUrl(url), options);
}
