// The one place that names the worker module. The URL names the `.ts` source: Vite bundles it as a
// worker chunk from this exact pattern, and @web/dev-server serves it compiled by esbuild.
export function createValidateWorker(): Worker {
  return new Worker(new URL('./validate.worker.ts', import.meta.url), { type: 'module', name: 'offline-upload-validate' });
}
