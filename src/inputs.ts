/**
 * The inputs of the batch entry points (`extractAll`, `extractStream`, `extractParallel`): their
 * types and checks, apart from the pipeline, so that `quotegraph/node`'s main thread loads no
 * language model (its workers do).
 */
import { QuotegraphOptionsError, describeValue } from './errors.js';
import type { ExtractOptions } from './pipeline/options.js';

/** One input of `extractAll`: a text, or a text with its own options. */
export type ExtractInput = string | { readonly text: string; readonly options?: ExtractOptions };

/** A sync or async iterable, as `extractAll` and `extractParallel` take. */
export type InputIterable = Iterable<ExtractInput> | AsyncIterable<ExtractInput>;

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

