import { entitiesSuite } from './entities.js';
import { datesSuite } from './dates.js';
import { gapSuite } from './gap.js';
import { layoutSuite } from './layout.js';
import { peerQuotesSuite } from './peer-quotes.js';
import { quotesSuite } from './quotes.js';
import { segmentationSuite } from './segmentation.js';
import { speedSuite } from './speed.js';
import type { EvalSuite } from './suite.js';

/** Every suite `npm run eval` runs, in order. */
export const SUITES: readonly EvalSuite[] = [segmentationSuite, entitiesSuite, layoutSuite, quotesSuite, peerQuotesSuite, datesSuite, gapSuite, speedSuite];
