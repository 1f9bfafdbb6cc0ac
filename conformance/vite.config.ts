// Builds the conformance kit's command for Node (`npm run build:conformance`): one ES module file with the
// kit, the wire schemas and the core types it checks with; zod stays a dependency. Not part of the browser bundle.
import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';

export default defineConfig({
  publicDir: false,
  build: {
    ssr: 'conformance/bin.ts',
    outDir: 'dist/conformance',
    emptyOutDir: true,
    target: 'node20',
    sourcemap: false,
    rolldownOptions: {
      external: ['zod', /^zod\//, ...builtinModules, /^node:/],
      output: { format: 'es', entryFileNames: 'bin.js', minify: false },
    },
  },
});
