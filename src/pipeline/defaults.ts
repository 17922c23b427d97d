import { entitiesStage } from '../stages/entities/index.js';
import { assembleStage } from '../stages/assemble/index.js';
import { creditsStage } from '../stages/credits/index.js';
import { quotesStage } from '../stages/quotes/index.js';
import { datesStage } from '../stages/dates/index.js';
import { layoutStage } from '../stages/layout/index.js';
import { segmentStage } from '../stages/segment/index.js';
import { tokenizeStage } from '../stages/tokenize/index.js';
import type { Stage } from './stage.js';

/** The default stage order: the one place it is written. */
export const DEFAULT_STAGES: readonly Stage[] = [
  tokenizeStage,
  layoutStage,
  segmentStage,
  entitiesStage,
  datesStage,
  quotesStage,
  creditsStage,
  assembleStage,
];
