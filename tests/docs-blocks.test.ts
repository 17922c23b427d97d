/** The worked example of docs/own-stage.md, run: it prints exactly the output the page shows. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
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
});
