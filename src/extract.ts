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

/** A sync or async iterable, as `extractAll` and `extractParallel` take. */
export type InputIterable = Iterable<ExtractInput> | AsyncIterable<ExtractInput>;

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

/** Whether `inputs` is an async iterable (preferred where it is both) or a sync one; throws E_INPUT_ITERABLE for anything else. */
export function iterableKind(inputs: unknown, caller: string): 'sync' | 'async' {
  if (inputs !== null && typeof inputs === 'object') {
    if (typeof (inputs as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function') return 'async';
    if (typeof (inputs as Iterable<unknown>)[Symbol.iterator] === 'function') return 'sync';
  }
  throw new QuotegraphOptionsError('E_INPUT_ITERABLE', `${caller} takes an iterable or async iterable (an array, a generator, a stream) of strings or { text, options } records, not ${describeValue(inputs)}.`);
}

/** One input's text and its options (its own over the shared ones); throws E_INPUT_ITERABLE for an item of another kind. */
export function inputParts(input: unknown, options: ExtractOptions | undefined, caller: string): { text: string; options: ExtractOptions | undefined } {
  if (typeof input === 'string') return { text: input, options };
  if (input !== null && typeof input === 'object' && typeof (input as { text?: unknown }).text === 'string') {
    const own = (input as { options?: ExtractOptions }).options;
    return { text: (input as { text: string }).text, options: own === undefined ? options : { ...options, ...own } };
  }
  throw new QuotegraphOptionsError('E_INPUT_ITERABLE', `${caller} inputs must be strings or { text, options } records; got ${describeValue(input)}.`);
}

function extractInput(input: unknown, options: ExtractOptions | undefined, caller: string): AnnotationGraph {
  const parts = inputParts(input, options, caller);
  return extract(parts.text, parts.options);
}
