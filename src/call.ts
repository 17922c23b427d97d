import { QuotegraphOptionsError, describeValue } from './errors.js';
import type { AnnotationGraph } from './graph/types.js';
import { getDefaultPipeline } from './default-pipeline.js';
import { resolveOptions } from './pipeline/options.js';
import { Pipeline } from './pipeline/pipeline.js';
import type { ResolvedOptions } from './pipeline/resolved.js';

/** What one call of `extract()` or `extractHtml()` runs: its checked options and its pipeline. */
export interface PreparedCall {
  readonly resolved: ResolvedOptions;
  readonly pipeline: Pipeline;
}

/**
 * Checks a caller's options once for every entry point (`extract`, `extractHtml`): their
 * shape, and the pipeline or its edits.
 */
export function prepareCall(options: unknown): PreparedCall {
  const resolved = resolveOptions(options);
  const pipeline = pipelineFor((options as { pipeline?: unknown } | null | undefined)?.pipeline);
  return { resolved, pipeline };
}

function pipelineFor(p: unknown): Pipeline {
  if (p === undefined) return getDefaultPipeline();
  if (p instanceof Pipeline) return p;
  if (typeof p !== 'object' || p === null || Array.isArray(p)) {
    throw new QuotegraphOptionsError('E_OPTION_VALUE', `Option "pipeline" must be a Pipeline or edits { drop, replace, add }${Array.isArray(p) ? ' (for a list of stages, pass new Pipeline([...stages]))' : ''}, not ${describeValue(p)}.`);
  }
  return getDefaultPipeline().edit(p);
}

/** Runs a prepared call over a text, with per-stage timings in `meta.timings` when asked. */
export function runCall(text: string, { resolved, pipeline }: PreparedCall): AnnotationGraph {
  if (!resolved.timings) return pipeline.run(text, resolved);
  const doc = pipeline.runDoc(text, resolved);
  doc.graph.meta.timings = { ...doc.timings };
  return doc.graph.build();
}
