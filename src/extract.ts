import { QuotegraphOptionsError, describeValue } from './errors.js';
import type { AnnotationGraph } from './graph/types.js';
import { prepareCall, runCall } from './call.js';
import type { ExtractOptions } from './pipeline/options.js';

export { getDefaultPipeline } from './default-pipeline.js';

/**
 * Reads one article (or a page of articles) and returns its annotation graph.
 * Throws a `QuotegraphError` only for misuse; problems with the text become diagnostics.
 */
export function extract(text: string, options?: ExtractOptions): AnnotationGraph {
  if (typeof text !== 'string') {
    throw new QuotegraphOptionsError('E_TEXT_TYPE', `extract() takes the article's text as a string, not ${describeValue(text)}; read files with fs.readFileSync(path, 'utf8').`);
  }
  return runCall(text, prepareCall(options));
}

/** One input of `extractAll`: a text, or a text with its own options. */
export type ExtractInput = string | { readonly text: string; readonly options?: ExtractOptions };

/** Extracts graphs from many texts, yielding them in input order. */
export function* extractAll(inputs: Iterable<ExtractInput>, options?: ExtractOptions): Generator<AnnotationGraph> {
  if (inputs === null || typeof inputs !== 'object' || typeof (inputs as Iterable<unknown>)[Symbol.iterator] !== 'function') {
    throw new QuotegraphOptionsError('E_INPUT_ITERABLE', `extractAll() takes an iterable (an array or generator) of strings or { text, options } records, not ${describeValue(inputs)}.`);
  }
  for (const input of inputs) {
    if (typeof input === 'string') yield extract(input, options);
    else if (input !== null && typeof input === 'object' && typeof input.text === 'string') {
      yield extract(input.text, { ...options, ...input.options });
    } else {
      throw new QuotegraphOptionsError('E_INPUT_ITERABLE', `extractAll() inputs must be strings or { text, options } records; got ${describeValue(input)}.`);
    }
  }
}
