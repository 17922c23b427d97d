/**
 * HTML input: `extractHtml(html, options?)`, published as the `quotegraph/html` entry.
 *
 * @module quotegraph/html
 */
export { extractHtml } from './extract-html.js';
export type { HtmlMeta } from './extract-html.js';
export type { PageMetadata } from './metadata.js';
