import type { Shape } from '../shape.js';
import { accordingToShape } from './according-to.js';
import { characterization } from './characterization.js';
import { colon } from './colon.js';
import { dash } from './dash.js';
import { headline } from './headline.js';
import { invertedColon } from './inverted-colon.js';
import { leadingCue } from './leading-cue.js';
import { nounOfSaying } from './noun-of-saying.js';
import { passiveAgent } from './passive-agent.js';
import { question } from './question.js';
import { trailingCue } from './trailing-cue.js';

/**
 * The attribution shapes in priority order. A sentence shape reads the sentence once where its
 * trigger matches; the cue shapes (a run of them, read together) are tried at each reporting cue
 * in turn, the first that claims the cue deciding it. select.ts then decides between the
 * sentence's candidates in this order, by what each shape yields to.
 */
export const SHAPES: readonly Shape[] = [
  headline,
  question,
  accordingToShape,
  passiveAgent,
  invertedColon,
  leadingCue,
  trailingCue,
  dash,
  colon,
  characterization,
  nounOfSaying,
];
