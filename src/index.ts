/**
 * `quotegraph`: the library for any runtime (Node, browsers, Deno, Bun): no Node built-ins and
 * no HTML parser. Web pages: `quotegraph/html`; worker threads: `quotegraph/node`.
 *
 * @module quotegraph
 */
export { extract, extractAll, getDefaultPipeline } from './extract.js';
export type { ExtractInput, InputIterable } from './extract.js';
export { extractStream } from './stream.js';
export type { ExtractOptions } from './pipeline/options.js';
export { Pipeline } from './pipeline/pipeline.js';
export type { PipelineEdits } from './pipeline/pipeline.js';
export { defineStage } from './pipeline/stage.js';
export type { Stage } from './pipeline/stage.js';
export type { LayerItems, LayerMap, LayerName } from './pipeline/layers.js';
export type { Article, Block, BlockKind, Sentence } from './pipeline/doc-types.js';
export type { ResolvedOptions } from './pipeline/resolved.js';
export type { NodeRef } from './graph/builder.js';
export type { Token } from './text/token.js';
export type { TextView } from './text/view.js';
export { Doc } from './pipeline/doc.js';
export { DEFAULT_STAGES } from './default-pipeline.js';
export { GraphBuilder } from './graph/builder.js';
export { GraphQuery, query } from './graph/query.js';
export type { ArticleView, EntityRef, EntityView, MentionView, QuoteSpeakerView, QuoteView } from './graph/views.js';
export { checkGraph } from './graph/check.js';
export { ERROR_CODES, QuotegraphError, QuotegraphOptionsError, QuotegraphPipelineError } from './errors.js';
export type { ErrorCode } from './errors.js';
export { DIAGNOSTICS } from './diagnostics.js';
export type { DiagnosticCode, DiagnosticInfo } from './diagnostics.js';
export * from './graph/types.js';
