/** HTML input: `extractHtml(html, options?)`, also published as the `quotegraph/html` entry. */
export { extractHtml } from './extract-html.js';
export type { HtmlMeta } from './extract-html.js';
export type { PageMetadata } from './metadata.js';
