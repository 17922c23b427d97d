import type { Block } from '../../pipeline/doc.js';
import { defineStage } from '../../pipeline/stage.js';
import type { Token } from '../../text/tokenize.js';
import { parseDateline } from '../credits/lines.js';
import { resolveExpression } from '../dates/resolve.js';
import { readArticles } from './articles.js';
import { unglue } from './glue.js';
import { splitBlocks } from './lines.js';

const FULL_DATE = /^\d{4}-\d{2}-\d{2}/;
/** Words a line of an article needs to read as running text of its story rather than a label. */
const STORY_WORDS = 12;

/** Whether a block is a line of a story: in an article, and a paragraph of running text or opened by a dateline. */
function storyLine(tokens: readonly Token[], view: string, block: Block): boolean {
  if (block.article === undefined || block.kind !== 'body') return false;
  let words = 0;
  for (let t = block.first; t < block.last && words < STORY_WORDS; t++) if (tokens[t]!.kind === 'word') words++;
  return words >= STORY_WORDS || parseDateline(view.slice(tokens[block.first]!.vstart, tokens[block.last - 1]!.vend)) !== undefined;
}

/**
 * Reads the page's layout: its lines (headline, body, byline, credit, outlet,
 * timestamp, boilerplate) and the articles they make up, each with its title, outlet
 * and publication time. Boilerplate lines belong to no article.
 */
export const layoutStage = defineStage({
  name: 'layout',
  requires: ['tokens'],
  reads: ['options'],
  // it cuts glued words (tokens) and adds the publication date a page states (options)
  provides: ['tokens', 'blocks', 'articles', 'options'],
  run(doc) {
    doc.tokens = unglue(doc.tokens, doc.view);
    doc.blocks = splitBlocks(doc.tokens);
    const page = readArticles(doc.blocks, doc.tokens, doc.view.text, doc.text);
    // a page of furniture and short lines: say so rather than return no story silently
    const furniture = doc.blocks.some((b) => b.kind === 'boilerplate');
    if (furniture && !doc.blocks.some((b) => storyLine(doc.tokens, doc.view.text, b))) {
      doc.graph.diagnostic('layout-no-story', 'No story start was recognised on this page: no dateline and no paragraph of running text, only furniture and short lines. Its articles, datelines and credits may be missing.', 0, doc.text.length);
    }
    const { options } = doc;
    doc.articles = page.map((p) => p.article);
    for (const [i, article] of doc.articles.entries()) {
      if (i === 0 && options.title !== undefined) article.title = options.title;
      if (article.outlet === undefined && options.outlet !== undefined) article.outlet = options.outlet;
      // a lone article was published when the caller says the document was
      if (article.published === undefined && doc.articles.length === 1 && options.published !== undefined) {
        article.published = options.published;
        article.publishedValue = options.published;
      } else if (article.published !== undefined) {
        const value = resolveExpression(article.published, options.published);
        if (value !== undefined) article.publishedValue = value;
      }
    }
    // a publication date the page states serves as the reference when none was given
    const stated = doc.articles.find((a) => a.publishedValue !== undefined && FULL_DATE.test(a.publishedValue));
    if (options.published === undefined && stated?.publishedValue !== undefined) {
      options.published = stated.publishedValue;
      options.publishedSource = 'document';
    }
    for (const article of doc.articles) {
      article.ref = doc.graph.addSpan('article', article.start, article.end, {
        title: article.title,
        outlet: article.outlet,
        published: article.published,
        publishedValue: article.publishedValue,
      });
    }
  },
});
