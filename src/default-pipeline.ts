import { Pipeline } from './pipeline/pipeline.js';
import type { Stage } from './pipeline/stage.js';
import { assembleStage } from './stages/assemble/index.js';
import { corefStage } from './stages/coref/index.js';
import { creditsStage } from './stages/credits/index.js';
import { datesStage } from './stages/dates/index.js';
import { entitiesStage } from './stages/entities/index.js';
import { layoutStage } from './stages/layout/index.js';
import { quotesStage } from './stages/quotes/index.js';
import { segmentStage } from './stages/segment/index.js';
import { tokenizeStage } from './stages/tokenize/index.js';

/**
 * The default stage order: the one place it is written. It lives above `pipeline/` (the
 * runner knows no stage) and above `stages/` (no stage knows the others' order).
 */
export const DEFAULT_STAGES: readonly Stage[] = [
  tokenizeStage,
  layoutStage,
  segmentStage,
  entitiesStage,
  datesStage,
  quotesStage,
  creditsStage,
  corefStage,
  assembleStage,
];

let defaultPipeline: Pipeline | undefined;

/** The default pipeline (built once). */
export function getDefaultPipeline(): Pipeline {
  defaultPipeline ??= new Pipeline(DEFAULT_STAGES);
  return defaultPipeline;
}
