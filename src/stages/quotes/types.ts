import type { Doc } from '../../pipeline/doc.js';
import type { QuoteForm } from '../../graph/types.js';
import type { CueKind, QuoteLexicon } from './lexicon.js';
import type { QuotationMarks, Stretch } from './marks.js';

// The shapes the attribution finders share: what they read (FindContext) and what they return.

/** One quote's content: a token range and its form. */
export interface Piece {
  readonly first: number;
  readonly last: number;
  readonly form: QuoteForm;
}

export interface Cue {
  readonly first: number;
  readonly last: number;
  readonly lemma: string;
  readonly kind: CueKind;
}

/** An attribution found in a sentence: its content pieces, cue and speaker phrase. */
export interface Attribution {
  readonly pieces: Piece[];
  readonly cue: Cue;
  /** Token range of the speaker phrase as written at the attribution; none where the text names no one ("Asked about the merger, …"). */
  readonly speaker: readonly [number, number] | undefined;
  /** Said inside another attribution's content ("Lavrov said Putin told Trump …"). */
  readonly nested: boolean;
  readonly sentence: number;
  /** The shape that made it, where it is not the shape that returned it (a transcript turn read by the headline shape). */
  readonly rule?: string;
  /** Quotations the attribution takes whatever is written of it (a transcript turn's opening mark). */
  readonly taken?: readonly Stretch[];
}

/** What the attribution finder reads: the document, its quotation marks and the word lists. */
export interface FindContext {
  readonly doc: Doc;
  readonly marks: QuotationMarks;
  readonly lex: QuoteLexicon;
  /**
   * The quotations a quote already written took (an attribution of an earlier sentence, a
   * continuation, a transcript turn's opening mark). Only the stage's writing step adds to it
   * (index.ts, unattributed.ts); shapes and `select` read it, and no shape marks anything.
   */
  readonly taken: ReadonlySet<Stretch>;
  /** For each token, where content running through it stops (contentEnd's cache; -1 = not yet read). */
  stops?: Int32Array;
  /** Speaker labels of a transcript ("WALLACE", "PENCE") that open two or more paragraphs (transcriptLabels' cache). */
  transcript?: ReadonlySet<string>;
}
