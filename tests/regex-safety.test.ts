/**
 * No regular expression in src/ backtracks catastrophically: every regex literal (and
 * every `new RegExp` built from a literal string) is run against long adversarial
 * strings in a worker thread that is stopped if it takes too long.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Worker } from 'node:worker_threads';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..', 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return p.endsWith('.ts') ? [p] : [];
  });
}

interface Found { where: string; source: string; flags: string }

function regexesIn(file: string): Found[] {
  const text = readFileSync(file, 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const found: Found[] = [];
  const visit = (node: ts.Node): void => {
    const line = sf.getLineAndCharacterOfPosition(node.getStart()).line + 1;
    const where = `${relative(SRC, file)}:${line}`;
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const lit = node.getText();
      const slash = lit.lastIndexOf('/');
      found.push({ where, source: lit.slice(1, slash), flags: lit.slice(slash + 1) });
    } else if (ts.isNewExpression(node) && node.expression.getText() === 'RegExp') {
      const [pattern, flags] = node.arguments ?? [];
      if (pattern && (ts.isStringLiteral(pattern) || ts.isNoSubstitutionTemplateLiteral(pattern))) {
        found.push({ where, source: pattern.text, flags: flags && ts.isStringLiteral(flags) ? flags.text : '' });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const N = 20000;
const units = ['a', 'A', ' ', '  a', 'a ', 'Aa ', 'A. ', '"', "'", '.', ',', '-', '\\n', '\\n\\n', '1', '1,', 'a.', '" a', 'said ', 'Mr. ', '(a', 'a-', ' – ', 'A A ', '\\u201c'];
const inputs = [];
for (const u of units) {
  const body = u.repeat(Math.ceil(N / u.length)).slice(0, N);
  inputs.push(body, body + '!', '!' + body);
}
for (const { source, flags } of workerData) {
  let re;
  try { re = new RegExp(source, flags); } catch { continue; }
  const g = new RegExp(source, flags.includes('g') ? flags : flags + 'g');
  for (const s of inputs) {
    re.lastIndex = 0;
    re.test(s);
    g.lastIndex = 0;
    let count = 0;
    for (let m = g.exec(s); m !== null && count < 50000; m = g.exec(s)) {
      count++;
      if (m[0].length === 0) g.lastIndex++;
    }
  }
  parentPort.postMessage(source);
}
parentPort.postMessage(null);
`;

/** Runs the regexes of one file; resolves with the one that did not finish in time, if any. */
function runFile(found: Found[], limitMs: number): Promise<Found | undefined> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { eval: true, workerData: found });
    let done = 0;
    let timer = setTimeout(onTimeout, limitMs);
    function onTimeout(): void {
      void worker.terminate();
      resolve(found[done]);
    }
    worker.on('message', (msg: string | null) => {
      clearTimeout(timer);
      if (msg === null) {
        void worker.terminate();
        resolve(undefined);
        return;
      }
      done++;
      timer = setTimeout(onTimeout, limitMs);
    });
    worker.on('error', reject);
  });
}

const files = sourceFiles(SRC).map((f) => [relative(SRC, f), regexesIn(f)] as const).filter(([, r]) => r.length > 0);

describe('regular expressions in src/ stay linear on long adversarial strings', () => {
  it('finds the regexes to check', () => {
    expect(files.length).toBeGreaterThan(3);
  });

  it.each(files)('%s', async (_file, found) => {
    // one regex over all 75 adversarial strings of 20,000 characters; seconds are generous
    const slow = await runFile(found, 8_000);
    expect(slow ? `${slow.where} /${slow.source}/${slow.flags} did not finish` : 'all finished').toBe('all finished');
  }, 600_000);
});
