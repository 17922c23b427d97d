/**
 * Prints, per test-corpus article, the expected quotes the system misses (span or speaker)
 * and the system quotes no expectation has: `npx tsx scripts/corpus-quote-diff.ts [id…]`.
 */
import { extract, query } from '../src/index.js';
import { loadManifest, readArticle, readExpected } from './eval/corpus.js';

interface Expected { start: number; end: number; text: string; entity: string | null }
const ids = process.argv.slice(2);
for (const entry of loadManifest()) {
  if (ids.length && !ids.includes(entry.id)) continue;
  const expected = readExpected<{ quotes: Expected[] }>(entry.id, 'quotes');
  if (!expected) continue;
  const quotes = query(extract(readArticle(entry), entry.published ? { published: entry.published } : undefined)).quotes();
  for (const q of expected.quotes) {
    const hit = quotes.find((x) => x.start === q.start && x.end === q.end);
    if (!hit) console.log(`${entry.id} MISSING ${q.start}-${q.end} [${q.entity}] ${q.text.slice(0, 140)}`);
    else if (hit.speaker?.entity?.name !== q.entity) console.log(`${entry.id} SPEAKER ${q.start} want ${q.entity} got ${hit.speaker?.entity?.name}`);
  }
  for (const x of quotes) {
    if (!expected.quotes.some((q) => q.start === x.start && q.end === x.end)) console.log(`${entry.id} EXTRA ${x.start}-${x.end} ${x.rule} [${x.speaker?.entity?.name}] ${x.text.slice(0, 140)}`);
  }
}
