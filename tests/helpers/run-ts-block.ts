import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');
const SEED = join(ROOT, '..', 'shared', 'data', 'seed', 'daily8-russia-ukraine-page.txt');

/** The fenced code blocks of a Markdown text, with their language. */
export const codeBlocks = (markdown: string): Array<{ lang: string; code: string }> =>
  [...markdown.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((m) => ({ lang: m[1]!, code: m[2]! }));

/**
 * Runs a TypeScript block of the docs with tsx, its `quotegraph` imports pointed at the source
 * and `articleText` / `text` set to the seed page; returns what it printed and how it ended.
 */
export function runTsBlock(code: string, file: string): { stdout: string; stderr: string; status: number | null } {
  const entry = (sub: string): string => JSON.stringify(join(ROOT, 'src', sub === '' ? 'index.ts' : `${sub.slice(1)}/index.ts`));
  const body = code.replace(/from 'quotegraph(\/\w+)?'/g, (_, sub: string | undefined) => `from ${entry(sub ?? '')}`);
  writeFileSync(file, `import { readFileSync as __read } from 'node:fs';\nconst articleText = __read(${JSON.stringify(SEED)}, 'utf8');\nconst text = articleText;\n${body}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', file], { cwd: ROOT, encoding: 'utf8' });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}
