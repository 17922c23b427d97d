/**
 * The bundled test corpus: `test-corpus/manifest.json` lists the articles; each has
 * expectations checked by hand in `test-corpus/expected/<id>.<part>.json`, one file
 * per part (sentences, entities, quotes, layout) so each part is edited on its own.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TEST_CORPUS } from './paths.js';

export interface CorpusEntry {
  readonly id: string;
  /** Path under test-corpus/. */
  readonly file: string;
  /** Where the text came from. */
  readonly source: string;
  /** Publication date given to extract(), where the article has one. */
  readonly published?: string;
  /** What the article is there to exercise. */
  readonly phenomena: readonly string[];
}

export function loadManifest(): CorpusEntry[] {
  return JSON.parse(readFileSync(join(TEST_CORPUS, 'manifest.json'), 'utf8')) as CorpusEntry[];
}

export function readArticle(entry: CorpusEntry): string {
  return readFileSync(join(TEST_CORPUS, entry.file), 'utf8');
}

/** The expectations of one part for one article, or undefined where none are written yet. */
export function readExpected<T>(id: string, part: 'sentences' | 'entities' | 'quotes' | 'layout'): T | undefined {
  const path = join(TEST_CORPUS, 'expected', `${id}.${part}.json`);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as T) : undefined;
}
