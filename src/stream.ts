import { extract } from './extract.js';
import { inputParts, type ExtractInput } from './inputs.js';
import type { AnnotationGraph } from './graph/types.js';
import type { ExtractOptions } from './pipeline/options.js';

/**
 * A Web Streams `TransformStream` of records (strings or `{ text, options }`) to their graphs,
 * in order: `readable.pipeThrough(extractStream())`. Any runtime with Web Streams (Node 20,
 * browsers, Deno, Bun). Misuse (a record that is not text) errors the stream with its
 * coded `QuotegraphError`.
 */
export function extractStream(options?: ExtractOptions): TransformStream<ExtractInput, AnnotationGraph> {
  return new TransformStream<ExtractInput, AnnotationGraph>({
    transform(input, controller) {
      const parts = inputParts(input, options, 'extractStream()');
      controller.enqueue(extract(parts.text, parts.options));
    },
  });
}
