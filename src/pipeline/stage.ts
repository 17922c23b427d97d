import { QuotegraphPipelineError } from '../errors.js';
import type { Doc } from './doc.js';

/**
 * A named pipeline stage (spaCy's components are the model): it declares the layers it
 * requires and provides, and `run` adds them to the document.
 */
export interface Stage {
  readonly name: string;
  readonly requires: readonly string[];
  readonly provides: readonly string[];
  run(doc: Doc): void;
}

export function defineStage(stage: Stage): Stage {
  if (typeof stage !== 'object' || stage === null) {
    throw new QuotegraphPipelineError('E_STAGE_DEFINITION', 'defineStage() takes an object { name, requires, provides, run }.');
  }
  if (typeof stage.name !== 'string' || stage.name.length === 0) {
    throw new QuotegraphPipelineError('E_STAGE_DEFINITION', 'A stage needs a non-empty string `name`.');
  }
  if (typeof stage.run !== 'function') {
    throw new QuotegraphPipelineError('E_STAGE_DEFINITION', `Stage "${stage.name}" needs a function \`run(doc)\`.`);
  }
  for (const key of ['requires', 'provides'] as const) {
    const v = stage[key];
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) {
      throw new QuotegraphPipelineError('E_STAGE_DEFINITION', `Stage "${stage.name}": \`${key}\` must be an array of layer names (strings).`);
    }
  }
  return Object.freeze({ ...stage, requires: [...stage.requires], provides: [...stage.provides] });
}
