import { defineStage } from '../../pipeline/stage.js';
import { tokenize } from '../../text/tokenize.js';

/** Splits the normalised view into tokens with source offsets (wink-nlp's tokenizer and POS tagger). */
export const tokenizeStage = defineStage({
  name: 'tokenize',
  requires: ['view'],
  provides: ['tokens'],
  run(doc) {
    doc.tokens = tokenize(doc.view);
  },
});
