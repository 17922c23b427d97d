import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { QuotegraphOptionsError, describeValue } from '../errors.js';
import type { AnnotationGraph, Diagnostic } from '../graph/types.js';
import { prepareCall, runCall } from '../call.js';
import { resolvePublished, type ExtractOptions } from '../pipeline/options.js';
import { isoPublished, readMetadata, type MetaDocument, type PageMetadata } from './metadata.js';
import { MAX_READABLE_DEPTH, deeperThan } from './depth.js';
import { paragraphsOf, type TextNode } from './text.js';

/** What `graph.meta.html` records about the page an article came from. */
export interface HtmlMeta extends PageMetadata {
  /** Whether Readability found an article; when not, the page's whole body was read. */
  readonly readable: boolean;
}

const HAS_DOCUMENT = /<\s*(?:html|body)[\s>]/i;

/**
 * Reads a news page: finds its article with @mozilla/readability over a linkedom DOM,
 * takes title, byline, site name and publication time from the page's metadata
 * (og:, article:published_time, JSON-LD NewsArticle), and runs the pipeline on the
 * article's text (headline, byline, then paragraphs). The graph's `text` is that
 * text; `meta.html` records what came from the page. The caller's `published`,
 * `title` and `outlet` win over the page's.
 */
export function extractHtml(html: string, options?: ExtractOptions): AnnotationGraph {
  if (typeof html !== 'string') {
    throw new QuotegraphOptionsError('E_TEXT_TYPE', `extractHtml() takes the page's HTML as a string, not ${describeValue(html)}; read files with fs.readFileSync(path, 'utf8').`);
  }
  const call = prepareCall(options);
  const { resolved } = call;
  const source = HAS_DOCUMENT.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`;
  let { document } = parseHTML(source);
  const page = readMetadata(document as unknown as MetaDocument);
  const notes: Diagnostic[] = [];
  let article: ReturnType<Readability['parse']> = null;
  if (document.body && deeperThan(document.body as unknown as TextNode, MAX_READABLE_DEPTH)) {
    notes.push({ code: 'W_HTML_DEEP', message: `The page nests elements more than ${MAX_READABLE_DEPTH} levels deep; its article was not looked for and its whole body was read.` });
  } else {
    try {
      article = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0]).parse();
    } catch (err) {
      // Readability may have emptied the document before it failed: the body is read from a fresh parse
      article = null;
      document = parseHTML(source).document;
      notes.push({ code: 'W_HTML_UNREADABLE', message: `The article could not be told apart from the page (${err instanceof Error ? err.message : String(err)}); the whole body was read.` });
    }
  }
  const root = article?.content ? (parseHTML(`<!doctype html><html><body>${article.content}</body></html>`).document.body as unknown as TextNode) : (document.body as unknown as TextNode | null);
  const paragraphs = root ? paragraphsOf(root) : [];

  const title = page.title ?? article?.title ?? undefined;
  const byline = page.byline ?? article?.byline ?? undefined;
  const siteName = page.siteName ?? article?.siteName ?? undefined;
  // the headline and byline open the text unless the article's own first lines give them
  const head: string[] = [];
  const opening = paragraphs.slice(0, 3).map((p) => p.toLowerCase());
  if (title && !opening.some((p) => p === title.toLowerCase() || title.toLowerCase().startsWith(p))) head.push(title);
  if (byline && !opening.some((p) => p.includes(byline.toLowerCase()))) head.push(/^by\b/i.test(byline) ? byline : `By ${byline}`);
  const text = [...head, ...paragraphs].join('\n\n');

  const published = isoPublished(page.published ?? article?.publishedTime ?? undefined);
  const fromPage = resolved.published === undefined && published !== undefined;
  if (fromPage) {
    resolved.published = resolvePublished(published);
    resolved.publishedSource = 'html';
  }
  if (resolved.title === undefined && title !== undefined) resolved.title = title;
  if (resolved.outlet === undefined && siteName !== undefined) resolved.outlet = siteName;
  const graph = runCall(text, call);
  const meta: HtmlMeta = {
    readable: article !== null,
    ...(title !== undefined ? { title } : {}),
    ...(byline !== undefined ? { byline } : {}),
    ...(siteName !== undefined ? { siteName } : {}),
    ...(page.published !== undefined ? { published: page.published } : {}),
    ...(page.publishedFrom !== undefined ? { publishedFrom: page.publishedFrom } : {}),
    ...(page.url !== undefined ? { url: page.url } : {}),
  };
  const diagnostics = [...graph.diagnostics, ...notes];
  if (text.length === 0) diagnostics.push({ code: 'W_HTML_NO_TEXT', message: 'The page holds no article text: nothing was read. Pass the article page itself, not an index or a script-rendered shell.' });
  if (page.published !== undefined && published === undefined) {
    diagnostics.push({ code: 'W_HTML_DATE', message: `The page's publication time ${JSON.stringify(page.published)} is not a date; relative dates were not resolved against it.` });
  }
  return {
    ...graph,
    meta: { ...graph.meta, html: meta },
    diagnostics,
  };
}
