import { defineStage } from '../../pipeline/stage.js';
import { splitBlocks } from './lines.js';

/**
 * Reads the page's layout: its lines, and the articles they make up. This first form
 * takes the whole text as one article of body lines.
 */
export const layoutStage = defineStage({
  name: 'layout',
  requires: ['tokens'],
  provides: ['blocks', 'articles'],
  run(doc) {
    doc.blocks = splitBlocks(doc.tokens);
    const first = doc.blocks[0];
    const last = doc.blocks[doc.blocks.length - 1];
    if (first === undefined || last === undefined) return;
    const article = { start: first.start, end: last.end, ...(doc.options.title ? { title: doc.options.title } : {}), ...(doc.options.outlet ? { outlet: doc.options.outlet } : {}) };
    doc.articles = [article];
    const ref = doc.graph.addSpan('article', article.start, article.end, { title: article.title, outlet: article.outlet });
    if (ref) Object.assign(article, { ref });
    for (const b of doc.blocks) b.article = article;
  },
});
