/**
 * The browser bundle of `quotegraph` as a user's bundler makes it: `import { extract, query }`,
 * esbuild for the browser platform, minified, and its size gzipped at level 9. Printed by
 * `npm run bench`; tests/package.test.ts measures the same from the packed package and holds it.
 */
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

export interface BundleSize {
  minified: number;
  gzipped: number;
  /** Bundled inputs by package (or 'quotegraph' for the project's own files), in bytes. */
  byPackage: Record<string, number>;
  /** Every file the bundler read, tree-shaken away or not. */
  inputs: string[];
}

export async function browserBundleSize(resolveDir: string, specifier = 'quotegraph'): Promise<BundleSize> {
  const result = await build({
    stdin: { contents: `import { extract, query } from '${specifier}'; globalThis.out = query(extract('Hello there. Bye.')).quotes();`, resolveDir, loader: 'ts' },
    bundle: true,
    minify: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    logLevel: 'silent',
    metafile: true,
  });
  const code = result.outputFiles[0]!.contents;
  const byPackage: Record<string, number> = {};
  for (const [path, input] of Object.entries(Object.values(result.metafile.outputs)[0]!.inputs)) {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
    const key = m ? m[1]! : 'quotegraph';
    byPackage[key] = (byPackage[key] ?? 0) + input.bytesInOutput;
  }
  return { minified: code.byteLength, gzipped: gzipSync(code, { level: 9 }).byteLength, byPackage, inputs: Object.keys(result.metafile.inputs) };
}
