import type { Sentence } from '../../pipeline/doc.js';
import type { Trigger } from './trigger.js';
import type { CueScope } from './shapes/cue-site.js';
import type { Attribution, FindContext } from './types.js';

// The format of an attribution shape (see README.md): what it is called, what sets it off,
// sentences it must and must not read, and `find`, which returns candidates and changes
// nothing (caches aside). The registry (shapes/index.ts) lists the shapes in priority order.

/** What a shape's candidate gives way to in an earlier shape's kept candidate. */
export type Yield =
  /** its words overlap the kept one's words */
  | 'content'
  /** its cue lies in, or right after, the kept one's cue ("said:" before a colon) */
  | 'cue'
  /** its words lie in a quotation a quote already written took (FindContext.taken) */
  | 'taken';

/** What every shape declares. */
export interface ShapeInfo {
  /** The rule's name, as it travels with each quote it makes. */
  readonly id: string;
  /** What the shape reads, as a reader's pattern to check against the code (NP, CLAUSE, QUOTE…). */
  readonly reads: string;
  /** The least a sentence must hold for the shape, as a compiled token pattern (trigger.ts): the registry reads the shape only where it matches (for a cue shape, at the cue). */
  readonly trigger: Trigger;
  /** Sentences the shape must read, each with the quote it must give. */
  readonly examples: readonly ShapeExample[];
  /** Sentences the shape must not read as an attribution. */
  readonly counterExamples: readonly string[];
  /** What its candidates give way to in those of the shapes before it (select.ts); none: it is kept whatever they hold. */
  readonly yields?: readonly Yield[];
  /** A candidate whose words start inside a kept one's is said within them ("Critics point to Trump's claim that …"). */
  readonly nests?: boolean;
}

export interface ShapeExample {
  readonly text: string;
  /** Every quote the sentence gives, in order: the content as written, the speaker as written (null where the text gives none) and the cue as written. */
  readonly quotes: ReadonlyArray<readonly [string, string | null, string]>;
  /** The rule the quote carries where the shape gives it under another name (a transcript turn); else the shape's id. */
  readonly rule?: string;
}

/** One sentence, as a sentence shape is given it. */
export interface SentenceScope {
  readonly ctx: FindContext;
  readonly s: Sentence;
  readonly si: number;
  /** Where the sentence's clause starts (past a dateline). */
  readonly cs: number;
}

/** A shape read once per sentence; `select` decides between its candidates and those of the shapes before it. */
export interface SentenceShape extends ShapeInfo {
  readonly level: 'sentence';
  /** A sentence this shape reads holds only its attribution (a headline, a transcript turn). */
  readonly exclusive?: boolean;
  find(scope: SentenceScope): Attribution[];
}

/**
 * A shape read at each reporting cue. `find` returns the attribution, `null` where the cue
 * is this shape's but gives none (the later shapes do not read it), or undefined where the
 * cue is not this shape's.
 */
export interface CueShape extends ShapeInfo {
  readonly level: 'cue';
  find(scope: CueScope): Attribution | null | undefined;
}

export type Shape = SentenceShape | CueShape;
