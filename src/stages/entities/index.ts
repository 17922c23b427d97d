import { defineStage } from '../../pipeline/stage.js';
import modelFile from './model/ner.json';
import { docStats } from './features.js';
import { nameSpans } from './kinds.js';
import { PackedModel, type ModelFile } from './model.js';
import { resolveEntities } from './resolve.js';
import { tagDocument } from './tagger.js';
import { tagUnits } from './units.js';

let model: PackedModel | undefined;
/** The shipped tagger, decoded on first use. */
function nerModel(): PackedModel {
  model ??= new PackedModel(modelFile as ModelFile);
  return model;
}

/**
 * Named people, places, organizations and news agencies, tied into entities. A greedy
 * averaged-perceptron tagger (trained by `npm run train`) finds the names; lexicons give
 * agencies and seats of government their kind; names of one referent are resolved into
 * one entity with its roles and gender.
 */
export const entitiesStage = defineStage({
  name: 'entities',
  requires: ['tokens', 'blocks', 'sentences'],
  provides: ['mentions', 'entities'],
  run(doc) {
    if (doc.tokens.length === 0) return;
    const units = tagUnits(doc);
    const tagged = tagDocument(doc.tokens, units, docStats(doc.tokens, units), nerModel());
    resolveEntities(doc, nameSpans(doc.tokens, doc.blocks, tagged));
  },
});
