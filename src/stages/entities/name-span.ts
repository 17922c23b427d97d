import type { EntityKind } from '../../graph/types.js';

/** A name mention as the entity stage will write it: a token range and its kind. */
export interface NameSpan {
  readonly kind: EntityKind;
  readonly first: number;
  readonly last: number;
  /** Source end offset, where the name stops inside its last token ("Trump's." read as one token). */
  readonly end?: number;
}
