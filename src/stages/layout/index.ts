import { defineStage } from '../../pipeline/stage.js';
import { resolveExpression } from '../dates/resolve.js';
import { readArticles } from './articles.js';
import { splitBlocks } from './lines.js';

const FULL_DATE = /^\d{4}-\d{2}-\d{2}/;

/**
 * Reads the page's layout: its lines (headline, body, byline, credit, outlet,
 * timestamp, boilerplate) and the articles they make up, each with its title, outlet
 * and publication time. Boilerplate lines belong to no article.
 */
export const layoutStage = defineStage({
  name: 'layout',
  requires: ['tokens'],
  provides: ['blocks', 'articles'],
  run(doc) {
    doc.blocks = splitBlocks(doc.tokens);
    const page = readArticles(doc.blocks, doc.tokens, doc.view.text, doc.text);
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
