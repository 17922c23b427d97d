import { openIndex } from '../src/store/db.js';
import { Indexer } from '../src/store/indexer.js';
import { quoteGraph } from './index-db.helpers.js';

/** Text that would run as script or markup if it were ever written as HTML. */
export const HOSTILE = '</script><script>alert(1)</script> <img src=x onerror=alert(2)>';

const LAVROV = { name: 'Sergei Lavrov', aliases: ['Lavrov'], roles: ['foreign minister'] };
export const TALKS = [
  { quote: 'Security guarantees must cover Russia too', says: 'Sergei Lavrov', entity: LAVROV },
  { quote: 'The talks are not over', says: 'he', entity: LAVROV },
];

/**
 * The index the server tests read: Lavrov's two quotes in an article and in a syndicated copy
 * a day later, and an article with a prosecutor's quote and a hostile one by the police.
 */
export function buildServeIndex(path: string): void {
  const index = openIndex(path);
  const indexer = new Indexer(index);
  indexer.add(quoteGraph('moscow/talks.txt', 'Lavrov rejects guarantees', '2022-03-01', TALKS));
  indexer.add(quoteGraph('wire/talks-copy.txt', 'Russia on guarantees', '2022-03-02', TALKS));
  indexer.add(quoteGraph('warsaw/blast.txt', 'Blast near Warsaw', '2022-04-20', [
    { quote: 'No casualties resulted', says: 'Grzegorz Trusiewicz', entity: { name: 'Grzegorz Trusiewicz', aliases: ['Trusiewicz'] } },
    { quote: HOSTILE, says: 'police', form: 'indirect' },
  ]));
  indexer.finish();
  index.close();
}
