import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { QuotegraphOptionsError, describeValue } from '../errors.js';
import type { AnnotationGraph, Diagnostic } from '../graph/types.js';
import { diagnostic } from '../diagnostics.js';
import { prepareCall, runCall } from '../call.js';
import { resolvePublished, type ExtractOptions } from '../pipeline/options.js';
import { isoPublished, readMetadata, type MetaDocument, type PageMetadata } from './metadata.js';
import { MAX_PARSE_DEPTH, MAX_READABLE_CHILDREN, MAX_READABLE_DEPTH, shapeOf } from './depth.js';
import { boundNesting } from './nesting.js';
import { paragraphsOf, type TextNode } from './text.js';
import { articleParagraphs, bylineLine, bylineNames, cleanTitle, onlyNames, unglue } from './page-text.js';

/** What `graph.meta.html` records about the page an article came from. */
export interface HtmlMeta extends PageMetadata {
  /** Whether Readability found an article; when not, the page's whole body was read. */
  readonly readable: boolean;
}

const HAS_DOCUMENT = /<\s*(?:html|body)[\s>]/i;

/**
 * The page's DOM, its adjacent texts merged: linkedom makes a text node of each stretch
 * between entities ("a &amp; b" is three), and thousands of them under one element make
 * every later walk long.
 */
function parsePage(source: string): ReturnType<typeof parseHTML>['document'] {
  const { document } = parseHTML(source);
  (document.documentElement as unknown as { normalize?: () => void } | null)?.normalize?.();
  return document;
}

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
  const page0 = HAS_DOCUMENT.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`;
  // comments out, nesting bounded: linkedom and Readability are not linear in either
  const bounded = boundNesting(page0, MAX_PARSE_DEPTH);
  const source = bounded.html;
  let document = parsePage(source);
  const page = readMetadata(document as unknown as MetaDocument);
  // the printed times, read before Readability rewrites the document
  const times = new Set<string>();
  const timeNodes = document.querySelectorAll('time');
  for (let i = 0; i < timeNodes.length; i++) {
    const t = (timeNodes[i]!.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (t.length > 0) times.add(t);
  }
  const notes: Diagnostic[] = [];
  let article: ReturnType<Readability['parse']> = null;
  const shape = document.body ? shapeOf(document.body as unknown as TextNode, MAX_READABLE_DEPTH, MAX_READABLE_CHILDREN) : { deep: false, wide: false };
  if (bounded.cut > 0 || shape.deep) {
    const cut = bounded.cut > 0 ? ` the tags of ${bounded.cut} elements below level ${MAX_PARSE_DEPTH} were taken out (their text kept),` : '';
    notes.push(diagnostic('W_HTML_DEEP', `The page nests elements more than ${MAX_READABLE_DEPTH} levels deep;${cut} its article was not looked for and its whole body was read.`));
  }
  if (shape.wide) {
    notes.push(diagnostic('W_HTML_WIDE', `An element of the page holds more than ${MAX_READABLE_CHILDREN} children; its article was not looked for and its whole body was read.`));
  }
  if (notes.length === 0) {
    try {
      article = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0]).parse();
    } catch (err) {
      // Readability may have emptied the document before it failed: the body is read from a fresh parse
      article = null;
      document = parsePage(source);
      notes.push(diagnostic('W_HTML_UNREADABLE', `The article could not be told apart from the page (${err instanceof Error ? err.message : String(err)}); the whole body was read.`));
    }
    // Readability rewrites the document as it looks (scripts out, <br> runs into paragraphs…): when it finds
    // no article, the body is read from a fresh parse, as the page has it
    if (article === null && notes.length === 0) document = parsePage(source);
  }
  const root = article?.content ? (parseHTML(`<!doctype html><html><body>${article.content}</body></html>`).document.body as unknown as TextNode) : (document.body as unknown as TextNode | null);
  const siteName = page.siteName ?? article?.siteName ?? undefined;
  const rawTitle = page.title ?? article?.title ?? undefined;
  const title = rawTitle === undefined ? undefined : cleanTitle(rawTitle, siteName);
  const printedByline = page.byline ?? article?.byline ?? undefined;
  // "By Tess Ikonomou-BrandtAustralian Associated Press": the byline, and the agency or outlet printed after it
  const [byline, bylineRest] = printedByline === undefined ? [] : unglue(printedByline);
  const dated = page.published !== undefined || Boolean(article?.publishedTime);
  const paragraphs = articleParagraphs(root ? paragraphsOf(root) : [], { dated, times });
  // the headline and byline open the text unless the article's own first lines give them
  const head: string[] = [];
  const opening = paragraphs.slice(0, 3).map((p) => p.toLowerCase());
  if (title && !opening.some((p) => p === title.toLowerCase() || title.toLowerCase().startsWith(p))) head.push(title);
  if (byline) {
    const names = bylineNames(byline);
    // "Lena Hartmann | Oliver Pieper" printed as the byline: read as one, in the form bylines take
    const printed = paragraphs.slice(0, 3).findIndex((p) => onlyNames(p, names));
    if (printed >= 0) paragraphs[printed] = bylineLine(names);
    else if (!opening.some((p) => p.includes(byline.toLowerCase()))) head.push(bylineLine(names), ...(bylineRest !== undefined ? [bylineRest] : []));
  }
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
  if (text.length === 0) diagnostics.push(diagnostic('W_HTML_NO_TEXT', 'The page holds no article text: nothing was read. Pass the article page itself, not an index or a script-rendered shell.'));
  if (page.published !== undefined && published === undefined) {
    diagnostics.push(diagnostic('W_HTML_DATE', `The page's publication time ${JSON.stringify(page.published)} is not a date; relative dates were not resolved against it.`));
  }
  return {
    ...graph,
    meta: { ...graph.meta, html: meta },
    diagnostics,
  };
}
