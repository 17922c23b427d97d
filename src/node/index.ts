/**
 * `quotegraph/node`: what needs Node (worker threads). Everything else is in `quotegraph`.
 *
 * @module quotegraph/node
 */
export { extractParallel } from './parallel.js';
export type { ParallelOptions, ParallelProgress } from './parallel.js';
