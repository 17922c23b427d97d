/** One token, with offsets in the source text and its form in the normalised view. */
export interface Token {
  /** Index in `doc.tokens`. */
  readonly i: number;
  /** Source offsets. */
  readonly start: number;
  readonly end: number;
  /** View offsets. */
  readonly vstart: number;
  readonly vend: number;
  /** The token as it reads in the normalised view (straight quotes, "..." for "…"). */
  readonly text: string;
  /** wink-nlp's token type: word, punctuation, number, url, email, symbol, currency, … */
  readonly kind: string;
  /** Universal POS tag from wink-nlp's lite English model. */
  readonly pos: string;
  /** Line breaks between the previous token and this one (0 on the same line). */
  readonly breaks: number;
  /** Whether white space stands before this token. */
  readonly spaceBefore: boolean;
}
