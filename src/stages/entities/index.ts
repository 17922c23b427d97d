import { defineStage } from '../../pipeline/stage.js';
import modelFile from './model/ner.json';
import secondFile from './model/ner2.json';
import { tagTwoPass } from './doc-evidence.js';
import { docStats } from './features.js';
import { nameSpans } from './kinds.js';
import { PackedModel, type ModelFile } from './model.js';
import { resolveEntities } from './resolve.js';
import { tagUnits } from './units.js';

let model: PackedModel | undefined;
let second: PackedModel | undefined;
/** The shipped tagger, decoded on first use. */
function nerModel(): PackedModel {
  model ??= new PackedModel(modelFile as ModelFile);
  return model;
}
/** The second pass, which reads the first pass's labels of each word elsewhere in the document. */
function secondModel(): PackedModel {
  second ??= new PackedModel(secondFile as ModelFile);
  return second;
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
    const tagged = tagTwoPass(doc.tokens, units, docStats(doc.tokens, units), nerModel(), secondModel(), process.env.NER11_ALL === '1');
    resolveEntities(doc, nameSpans(doc.tokens, doc.blocks, tagged));
  },
});
