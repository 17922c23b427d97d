import { GraphBuilder } from '../graph/builder.js';
import type { Token } from '../text/tokenize.js';
import { buildView, type TextView } from '../text/view.js';
import type { Article, Block, Sentence } from './doc-types.js';
import type { LayerItems, LayerName } from './layers.js';
import type { ResolvedOptions } from './resolved.js';

export type { Article, Block, BlockKind, Sentence } from './doc-types.js';

/**
 * The document as it goes through the pipeline: the source text, its normalised view,
 * and the layers stages add. Stages also write nodes into `graph` directly.
 */
export class Doc {
  readonly view: TextView;
  readonly graph: GraphBuilder;
  tokens: Token[] = [];
  blocks: Block[] = [];
  articles: Article[] = [];
  sentences: Sentence[] = [];
  /** Layers added by stages beyond the built-in ones, by name. */
  readonly layers = new Map<string, unknown>();
  /** Milliseconds spent in each stage, for `npm run bench`. */
  readonly timings: Record<string, number> = {};

  constructor(readonly text: string, readonly options: ResolvedOptions) {
    this.view = buildView(text);
    this.graph = new GraphBuilder(text);
  }

  /**
   * A layer held as an array, created empty on first use and shared by the stages of one
   * document. Its name must be declared in `LayerMap` (see src/pipeline/layers.ts); the item
   * type comes from there, or from `T` for the built-in layers typed `unknown`.
   */
  layer<K extends LayerName>(name: K): Array<LayerItems<K>>;
  layer<T>(name: LayerName): T[];
  layer(name: LayerName): unknown[] {
    let list = this.layers.get(name) as unknown[] | undefined;
    if (!list) {
      list = [];
      this.layers.set(name, list);
    }
    return list;
  }

  /** Index of the sentence holding token `t` (binary search), or -1. */
  sentenceOfToken(t: number): number {
    let lo = 0;
    let hi = this.sentences.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = this.sentences[mid]!;
      if (t < s.first) hi = mid - 1;
      else if (t >= s.last) lo = mid + 1;
      else return mid;
    }
    return -1;
  }
}
