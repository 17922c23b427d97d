/**
 * docs/api, the API reference, is generated from the types by TypeDoc (`npm run docs:api`,
 * typedoc.json) and checked in. This test generates it afresh and fails when the checked-in copy
 * differs, so a change to an exported signature or its comment comes with its reference page.
 * TypeDoc runs with treatWarningsAsErrors: a public type that refers to one the entries do not
 * export fails too.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const out = mkdtempSync(join(tmpdir(), 'quotegraph-api-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

function files(dir: string): Record<string, string> {
  const found: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else found[relative(dir, p)] = readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return found;
}

describe('docs/api', () => {
  it('is what TypeDoc generates from the current types (run npm run docs:api after changing the API)', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typedoc', 'bin', 'typedoc'), '--out', out, '--logLevel', 'Warn'], { cwd: ROOT, encoding: 'utf8' });
    expect([r.status, r.stderr, r.stdout]).toEqual([0, '', '']);
    const generated = files(out);
    expect(Object.keys(generated).sort()).toEqual(['README.md', 'quotegraph.md', 'quotegraph/html.md', 'quotegraph/node.md']);
    const checkedIn = files(join(ROOT, 'docs', 'api'));
    expect(Object.keys(checkedIn).sort()).toEqual(Object.keys(generated).sort());
    for (const [name, text] of Object.entries(generated)) expect({ name, text: checkedIn[name] }).toEqual({ name, text });
  }, 300_000);
});
