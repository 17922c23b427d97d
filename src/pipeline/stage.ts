import { QuotegraphPipelineError, describeValue } from '../errors.js';
import type { Doc } from './doc.js';
import type { LayerName } from './layers.js';

/**
 * A named pipeline stage (spaCy's components are the model): it declares every layer it
 * reads and writes, and `run` adds its layers to the document. The pipeline checks the
 * declarations when it is built (see `checkOrder` in pipeline.ts); layer names are typed by
 * `LayerMap` (src/pipeline/layers.ts), which a stage of one's own augments; `tests/stage-contracts.test.ts`
 * checks that the built-in stages' declarations are true.
 */
export interface Stage {
  readonly name: string;
  /** Layers it cannot run without: an earlier stage must provide each. */
  readonly requires: readonly LayerName[];
  /**
   * Layers it reads when they are there and does without when no stage of the pipeline
   * provides them: where one does, it must run earlier.
   */
  readonly reads?: readonly LayerName[];
  /** Every layer it writes: creates, adds to or changes. */
  readonly provides: readonly LayerName[];
  run(doc: Doc): void;
}

/**
 * What is wrong with a would-be stage, said so that the caller can fix it (`where`
 * names the place it was given, e.g. 'new Pipeline(): stage 2'); undefined when sound.
 */
export function stageProblem(stage: unknown, where: string): string | undefined {
  if (typeof stage !== 'object' || stage === null || Array.isArray(stage)) {
    return `${where} must be a stage object { name, requires, provides, run } (see defineStage()), not ${describeValue(stage)}.`;
  }
  const s = stage as Record<string, unknown>;
  if (typeof s.name !== 'string' || s.name.length === 0) return `${where}: a stage needs a non-empty string \`name\`.`;
  if (typeof s.run !== 'function') return `${where}: stage "${s.name}" needs a function \`run(doc)\`.`;
  for (const key of ['requires', 'reads', 'provides'] as const) {
    const v = s[key];
    if (key === 'reads' && v === undefined) continue;
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) {
      return `${where}: stage "${s.name}": \`${key}\` must be an array of layer names (strings).`;
    }
  }
  return undefined;
}

export function defineStage(stage: Stage): Stage {
  if (typeof stage !== 'object' || stage === null) {
    throw new QuotegraphPipelineError('E_STAGE_DEFINITION', 'defineStage() takes an object { name, requires, provides, run }.');
  }
  const problem = stageProblem(stage, 'defineStage()');
  if (problem !== undefined) throw new QuotegraphPipelineError('E_STAGE_DEFINITION', problem);
  return Object.freeze({ ...stage, requires: [...stage.requires], ...(stage.reads ? { reads: [...stage.reads] } : {}), provides: [...stage.provides] });
}
