/**
 * Typed layers (issue 19): what each layer of a document holds, by name, as unified's node maps
 * do it. A stage that adds a layer of its own declares it by augmenting `LayerMap`:
 *
 *     declare module 'quotegraph' {
 *       interface LayerMap { figures: Figure[] }
 *     }
 *
 * after which `doc.layer('figures')` is a `Figure[]`, and a stage's `requires`, `reads` and
 * `provides` accept 'figures'; a name no one declared is a type error. At run time names are
 * still strings, checked by the pipeline (E_STAGE_ORDER), so JavaScript users lose nothing.
 */
import type { GraphBuilder } from '../graph/builder.js';
import type { Token } from '../text/tokenize.js';
import type { TextView } from '../text/view.js';
import type { Article, Block, Sentence } from './doc-types.js';
import type { ResolvedOptions } from './resolved.js';

/**
 * The layers of a document. The first group are `Doc`'s own members; the second are the
 * built-in stages' internal layers, typed `unknown` here because their shapes may change
 * between minor versions (the graph's may not): read the graph, or `query()`, for those.
 */
export interface LayerMap {
  text: string;
  view: TextView;
  options: ResolvedOptions;
  tokens: Token[];
  blocks: Block[];
  articles: Article[];
  sentences: Sentence[];
  graph: GraphBuilder;
  mentions: unknown;
  entities: unknown;
  quotes: unknown;
  credits: unknown;
  datelines: unknown;
  dates: unknown;
  coref: unknown;
}

/** A layer's name: a key of `LayerMap` (augment it to add your own). */
export type LayerName = keyof LayerMap & string;

/** What `doc.layer(name)` holds for a layer declared as an array; other layers are read from `doc`. */
export type LayerItems<K extends LayerName> = LayerMap[K] extends ReadonlyArray<infer T> ? T : unknown;
