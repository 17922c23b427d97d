import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // The library: no Node built-ins, so it bundles for browsers too.
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'node20',
    platform: 'neutral',
    outDir: 'dist',
  },
  {
    // The command line and file I/O, apart from the library.
    // The worker threads of `quotegraph extract --jobs N` load `cli-worker.js` beside `cli.js`.
    entry: { cli: 'src/cli/main.ts', 'cli-worker': 'src/cli/worker.ts' },
    format: ['esm'],
    sourcemap: true,
    target: 'node20',
    platform: 'node',
    outDir: 'dist',
    banner: { js: '#!/usr/bin/env node' },
  },
]);
