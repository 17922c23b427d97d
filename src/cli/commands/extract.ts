import { createWriteStream, readFileSync } from 'node:fs';
import { extract } from '../../extract.js';
import { UsageError, parseArgs } from '../usage.js';

/** `quotegraph extract <file…> [--out FILE]`: one graph per file, as JSONL. */
export async function runExtract(argv: string[]): Promise<number> {
  const { positionals, options } = parseArgs(argv, { values: ['out', 'published'], booleans: [] });
  if (positionals.length === 0) throw new UsageError('extract needs at least one input file');
  const out = typeof options.out === 'string' ? createWriteStream(options.out) : process.stdout;
  let skipped = 0;
  for (const file of positionals) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      process.stderr.write(`quotegraph: skipped ${file}: ${(err as Error).message}\n`);
      skipped++;
      continue;
    }
    const graph = extract(text, typeof options.published === 'string' ? { published: options.published } : undefined);
    out.write(`${JSON.stringify({ ...graph, id: file })}\n`);
  }
  if (out !== process.stdout) await new Promise<void>((resolve) => (out as NodeJS.WritableStream).end(resolve));
  return skipped > 0 ? 3 : 0;
}
