import { assembleEntities } from '../../model/mentions.js';
import { defineStage } from '../../pipeline/stage.js';

/** Writes what stages gathered in layers (entities and their mentions) into the graph. */
export const assembleStage = defineStage({
  name: 'assemble',
  requires: [],
  reads: ['entities', 'options'],
  provides: ['graph'],
  run(doc) {
    assembleEntities(doc);
    if (doc.options.published !== undefined) doc.graph.meta.published = doc.options.published;
    if (doc.options.publishedSource !== undefined) doc.graph.meta.publishedSource = doc.options.publishedSource;
    if (doc.options.outlet !== undefined) doc.graph.meta.outlet = doc.options.outlet;
  },
});
