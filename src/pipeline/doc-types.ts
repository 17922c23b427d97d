/** The built-in layers' item types: sentences, the page's lines (blocks) and its articles. */
import type { NodeRef } from '../graph/builder.js';

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
