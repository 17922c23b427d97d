import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// Two unrelated classes named `SpeakerResolver` (the quotes stage's and the quote index's)
// made each harder to find (issue 12, step 7): no two classes in src/ share a name.
const SRC = resolve(import.meta.dirname, '..', 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

describe('names in src/', () => {
  it('gives every class its own name', () => {
    const where = new Map<string, string[]>();
    for (const file of sourceFiles(SRC)) {
      for (const m of readFileSync(file, 'utf8').matchAll(/^(?:export )?(?:abstract )?class (\w+)/gm)) {
        where.set(m[1]!, [...(where.get(m[1]!) ?? []), relative(SRC, file)]);
      }
    }
    expect(where.size).toBeGreaterThan(10);
    expect([...where].filter(([, files]) => files.length > 1)).toEqual([]);
  });
});
