/** The worked example of docs/own-stage.md, run: it prints exactly the output the page shows. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { codeBlocks, runTsBlock } from './helpers/run-ts-block.js';

const ROOT = join(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'quotegraph-docs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('docs/own-stage.md', () => {
  it('its worked example prints what the page says it prints', () => {
    const blocks = codeBlocks(readFileSync(join(ROOT, 'docs', 'own-stage.md'), 'utf8'));
    expect(blocks.map((b) => b.lang)).toEqual(['', 'ts', 'text']);
    const r = runTsBlock(blocks[1]!.code, join(dir, 'own-stage.mts'));
    expect([r.status, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toBe(blocks[2]!.code);
  });

  it('its worked example type-checks as a user writes it (the LayerMap augmentation included)', () => {
    const blocks = codeBlocks(readFileSync(join(ROOT, 'docs', 'own-stage.md'), 'utf8'));
    const file = join(dir, 'typed.mts');
    // as the user writes it: `from 'quotegraph'`, mapped to the source by the compiler's paths
    writeFileSync(file, blocks[1]!.code);
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
      compilerOptions: {
        target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', strict: true, noEmit: true, skipLibCheck: true, resolveJsonModule: true,
        types: ['node'], typeRoots: [join(ROOT, 'node_modules', '@types')], paths: { quotegraph: [join(ROOT, 'src', 'index.ts')] },
      },
      files: [file],
    }));
    const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', dir], { encoding: 'utf8' });
    expect([tsc.status, tsc.stdout]).toEqual([0, '']);
  }, 120_000);
});
