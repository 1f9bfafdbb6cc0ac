// One Vite config: `npm start` serves the demo (demo/, with the mock LMS service worker from public/);
// `npm run build` builds the library (unbundled-ish ESM of src/ for hosts); `--mode demo` builds the demo.
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const root = import.meta.dirname;

export default defineConfig(({ command, mode }) => {
  if (command === 'serve' || mode === 'demo') {
    return {
      root: resolve(root, 'demo'),
      publicDir: resolve(root, 'public'),
      server: {
        port: 5173,
        strictPort: false,
        fs: { allow: [root] },
        // `npm run demo:server`: the reference LMS server answers /api/lms (same origin, so its cookie works).
        ...(process.env['LMS_SERVER_URL'] ? { proxy: { '/api/lms': process.env['LMS_SERVER_URL'] } } : {}),
      },
      preview: { port: 4173 },
      worker: { format: 'es' },
      build: {
        outDir: resolve(root, 'dist-demo'),
        emptyOutDir: true,
        rolldownOptions: {
          input: {
            main: resolve(root, 'demo/index.html'),
            ...(mode === 'demo' ? { configurations: resolve(root, 'demo/configurations.html') } : {}),
          },
        },
      },
    };
  }
  return {
    // Relative asset URLs: the validation worker must load from beside the library, not the host's root.
    base: './',
    publicDir: false,
    worker: { format: 'es' },
    build: {
      outDir: resolve(root, 'dist'),
      emptyOutDir: true,
      sourcemap: true,
      lib: {
        entry: {
          index: resolve(root, 'src/index.ts'),
          core: resolve(root, 'src/core/index.ts'),
          components: resolve(root, 'src/components/index.ts'),
          register: resolve(root, 'src/register.ts'),
        },
        formats: ['es'],
      },
      rolldownOptions: {
        // Hosts bring their own copies; exceljs stays a lazy import.
        external: [/^lit/, 'zod', 'exceljs', 'fflate', 'papaparse'],
        output: { minify: true },
      },
    },
  };
});
