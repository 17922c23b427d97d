import { QuotegraphOptionsError, describeValue } from './errors.js';
import type { AnnotationGraph } from './graph/types.js';
import { prepareCall, runCall } from './call.js';
import type { ExtractOptions } from './pipeline/options.js';
import { inputParts, iterableKind, type ExtractInput, type InputIterable } from './inputs.js';

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

export type { ExtractInput, InputIterable } from './inputs.js';

/**
 * Extracts graphs from many texts, in input order. Items are strings or `{ text, options }`
 * (its options over the shared ones). A sync iterable (an array, a generator) gives a
 * generator; an async iterable (an async generator, a Node or Web stream) gives an async one.
 */
export function extractAll(inputs: Iterable<ExtractInput>, options?: ExtractOptions): Generator<AnnotationGraph>;
export function extractAll(inputs: AsyncIterable<ExtractInput>, options?: ExtractOptions): AsyncGenerator<AnnotationGraph>;
export function extractAll(inputs: InputIterable, options?: ExtractOptions): Generator<AnnotationGraph> | AsyncGenerator<AnnotationGraph>;
export function extractAll(inputs: InputIterable, options?: ExtractOptions): Generator<AnnotationGraph> | AsyncGenerator<AnnotationGraph> {
  const kind = iterableKind(inputs, 'extractAll()');
  return kind === 'async' ? extractAsync(inputs as AsyncIterable<ExtractInput>, options) : extractSync(inputs as Iterable<ExtractInput>, options);
}

function* extractSync(inputs: Iterable<ExtractInput>, options: ExtractOptions | undefined): Generator<AnnotationGraph> {
  for (const input of inputs) yield extractInput(input, options, 'extractAll()');
}

async function* extractAsync(inputs: AsyncIterable<ExtractInput>, options: ExtractOptions | undefined): AsyncGenerator<AnnotationGraph> {
  for await (const input of inputs) yield extractInput(input, options, 'extractAll()');
}

function extractInput(input: unknown, options: ExtractOptions | undefined, caller: string): AnnotationGraph {
  const parts = inputParts(input, options, caller);
  return extract(parts.text, parts.options);
}
