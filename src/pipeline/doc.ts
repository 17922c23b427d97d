import { GraphBuilder, type NodeRef } from '../graph/builder.js';
import type { Token } from '../text/tokenize.js';
import { buildView, type TextView } from '../text/view.js';
import type { ResolvedOptions } from './resolved.js';

/** A sentence: a range of tokens and its source span. */
export interface Sentence {
  readonly start: number;
  readonly end: number;
  /** Token range `[first, last)` in `doc.tokens`. */
  readonly first: number;
  readonly last: number;
  ref?: NodeRef | undefined;
  /** The article the sentence belongs to, if any. */
  article?: Article;
}

/** What a line of the page is, as the layout stage reads it. */
export type BlockKind = 'body' | 'headline' | 'credit' | 'boilerplate' | 'outlet' | 'timestamp' | 'byline';

/** A line of the input (between line breaks), classified by the layout stage. */
export interface Block {
  readonly start: number;
  readonly end: number;
  /** Token range `[first, last)`. */
  readonly first: number;
  readonly last: number;
  kind: BlockKind;
  article?: Article;
}

export interface Article {
  start: number;
  end: number;
  title?: string;
  outlet?: string;
  published?: string;
  publishedValue?: string;
  ref?: NodeRef | undefined;
}

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

  /** A named layer, created empty on first use. */
  layer<T>(name: string): T[] {
    let list = this.layers.get(name) as T[] | undefined;
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
