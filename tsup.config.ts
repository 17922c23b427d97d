import { defineConfig } from 'tsup';
import type { Plugin } from 'esbuild';

/**
 * The built package (the library's entries and the command line) reads compromise's lexicon
 * from a snapshot taken at build time instead of loading compromise. The library reads only that word list from compromise
 * (`src/stages/entities/features.ts`: gazetteer classes and first-name genders; no parsing),
 * yet loading compromise costs every isolate about 0.6 s of CPU and 30–40 MB of memory,
 * paid by every program that imports quotegraph and once per worker by `quotegraph extract
 * --jobs N`. The snapshot is the same object
 * (`nlp.world().model.one.lexicon` of the installed compromise, key order kept), parsed from
 * JSON on the one call that reads it, so the graphs are identical. Only that importer gets
 * the snapshot; anything else importing compromise gets the real package.
 */
const compromiseLexicon: Plugin = {
  name: 'quotegraph-compromise-lexicon',
  setup(build) {
    build.onResolve({ filter: /^compromise$/ }, (args) =>
      /[\\/]src[\\/]stages[\\/]entities[\\/]features\.ts$/.test(args.importer) ? { path: 'compromise-lexicon', namespace: 'quotegraph-lexicon' } : undefined);
    build.onLoad({ filter: /.*/, namespace: 'quotegraph-lexicon' }, async () => {
      const { default: nlp } = (await import('compromise')) as unknown as { default: { world(): { model: { one: { lexicon: object } } } } };
      const json = JSON.stringify(nlp.world().model.one.lexicon);
      return {
        loader: 'js',
        contents: [
          '// compromise\'s lexicon, snapshotted by tsup.config.ts when the package was built',
          `const LEXICON = ${JSON.stringify(json)};`,
          'function nlp() { throw new Error("quotegraph\'s build carries only compromise\'s lexicon (see tsup.config.ts)"); }',
          'nlp.world = () => ({ model: { one: { lexicon: JSON.parse(LEXICON) } } });',
          'export default nlp;',
        ].join('\n'),
      };
    });
  },
};

export default defineConfig([
  {
    // The library's entries: `quotegraph` (no Node built-ins, no HTML parser: it bundles for
    // browsers), `quotegraph/html` (linkedom and Readability), `quotegraph/node` (worker
    // threads: its workers load `cli-worker.js`, built below). Built together so that their
    // ES modules share one copy of the core (one `QuotegraphError` class for `instanceof`).
    entry: { index: 'src/index.ts', html: 'src/html/index.ts', node: 'src/node/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'node20',
    platform: 'neutral',
    external: [/^node:/],
    // `import.meta.url` (where the node entry finds its worker) in the CommonJS build too
    shims: true,
    outDir: 'dist',
    // compromise's lexicon from the snapshot (see above), not compromise itself: importing the
    // library then costs about 30 ms for it instead of about 1 s (tests/compromise-snapshot.test.ts)
    noExternal: [/^compromise$/],
    esbuildPlugins: [compromiseLexicon],
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
    // compromise goes through the plugin above rather than staying an external import.
    noExternal: [/^compromise$/],
    esbuildPlugins: [compromiseLexicon],
  },
]);
