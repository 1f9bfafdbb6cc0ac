#!/usr/bin/env node
// The package's `offline-upload-conformance` command (built to dist/conformance/bin.js by conformance/vite.config.ts).
import { main } from './cli.js';

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
