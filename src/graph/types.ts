/**
 * The annotation graph, format version 1. Mirrors `shared/docs/annotation-graph.md`:
 * plain JSON, UTF-16 offsets, half-open spans. Node and edge unions are built from
 * interface maps so that a plugin stage can add its own types by declaration merging:
 *
 *   declare module 'quotegraph' { interface NodeTypeMap { claim: ClaimNode } }
 */

export const FORMAT = 'quotegraph' as const;
export const VERSION = 1 as const;

/** A half-open `[start, end)` range of UTF-16 code units in `graph.text`. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface SpanWithText extends Span {
  /** Always `graph.text.slice(start, end)`. */
  readonly text: string;
}

export type MentionForm = 'name' | 'pronoun' | 'nominal';
export type MentionType = 'person' | 'place' | 'organization' | 'agency' | 'date';
export type EntityKind = Exclude<MentionType, 'date'>;
export type QuoteForm = 'direct' | 'indirect' | 'mixed';
export type CreditRole = 'agency' | 'byline' | 'reporting' | 'writing' | 'editing' | 'source';

export interface ArticleNode extends Span {
  readonly id: string;
  readonly type: 'article';
  readonly title?: string;
  readonly outlet?: string;
  /** As written ("2 hours ago") or ISO 8601 when it is a date. */
  readonly published?: string;
  /** ISO 8601 resolution of `published` where a reference time is known. */
  readonly publishedValue?: string;
}

export interface SentenceNode extends Span {
  readonly id: string;
  readonly type: 'sentence';
}

export interface MentionBase<T extends MentionType> extends SpanWithText {
  readonly id: string;
  readonly type: T;
  readonly form: MentionForm;
}

export type PersonNode = MentionBase<'person'>;
export type PlaceNode = MentionBase<'place'>;
export type OrganizationNode = MentionBase<'organization'>;
export type AgencyNode = MentionBase<'agency'>;
export interface DateNode extends MentionBase<'date'> {
  /** ISO 8601 (`2022-02-24`, `2022-02`, `2025`); absent when it cannot be resolved. */
  readonly value?: string;
}

export interface EntityNode {
  readonly id: string;
  readonly type: 'entity';
  readonly kind: EntityKind;
  /** The fullest name found in the document. */
  readonly name: string;
  readonly aliases: readonly string[];
  /** Descriptions the text gives: "foreign minister", "former CIA director". */
  readonly roles?: readonly string[];
}

export interface QuoteNode extends SpanWithText {
  readonly id: string;
  readonly type: 'quote';
  readonly form: QuoteForm;
  /** The rule that made the quote: an attribution shape's id ("trailing-cue", "according-to"…) or "continuation", "earlier-paragraph", "unattributed". */
  readonly rule?: string;
}

export interface CueNode extends SpanWithText {
  readonly id: string;
  readonly type: 'cue';
  readonly lemma: string;
}

/** Node types by their `type`; extend by declaration merging. */
export interface NodeTypeMap {
  article: ArticleNode;
  sentence: SentenceNode;
  person: PersonNode;
  place: PlaceNode;
  organization: OrganizationNode;
  agency: AgencyNode;
  date: DateNode;
  entity: EntityNode;
  quote: QuoteNode;
  cue: CueNode;
}

export type NodeType = keyof NodeTypeMap;
export type GraphNode = NodeTypeMap[NodeType];
export type MentionNode = PersonNode | PlaceNode | OrganizationNode | AgencyNode | DateNode;
export type SpannedNode = Exclude<GraphNode, EntityNode>;

export interface MentionOfEdge { readonly type: 'mentionOf'; readonly from: string; readonly to: string }
export interface SpeakerEdge { readonly type: 'speaker'; readonly from: string; readonly to: string }
export interface CueEdge { readonly type: 'cue'; readonly from: string; readonly to: string }
export interface PartOfEdge { readonly type: 'partOf'; readonly from: string; readonly to: string }
export interface CreditEdge { readonly type: 'credit'; readonly from: string; readonly to: string; readonly role: CreditRole }
export interface DatelineEdge { readonly type: 'dateline'; readonly from: string; readonly to: string }

/** Edge types by their `type`; extend by declaration merging. */
export interface EdgeTypeMap {
  mentionOf: MentionOfEdge;
  speaker: SpeakerEdge;
  cue: CueEdge;
  partOf: PartOfEdge;
  credit: CreditEdge;
  dateline: DatelineEdge;
}

export type EdgeType = keyof EdgeTypeMap;
export type GraphEdge = EdgeTypeMap[EdgeType];

/** How much a diagnostic matters: `error` (annotations are missing: a stage failed), `warning` (the text was read in a degraded way), `info`. */
export type DiagnosticSeverity = 'error' | 'warning' | 'info';

/** A finding about the input text (never about misuse of the API, which throws). The codes are listed in `DIAGNOSTICS`. */
export interface Diagnostic {
  readonly code: string;
  readonly severity: DiagnosticSeverity;
  /** The stage that reported it (`quotes`, `layout`…), `html` for `extractHtml`'s reader, `input` for the CLI's. */
  readonly stage: string;
  readonly message: string;
  readonly start?: number;
  readonly end?: number;
  /** The rule that reported it, where the stage has named rules. */
  readonly rule?: string;
}

export interface AnnotationGraph {
  readonly format: typeof FORMAT;
  readonly version: typeof VERSION;
  readonly offsetUnit: 'utf16';
  /** Set by the CLI: the input's id. */
  readonly id?: string;
  readonly text: string;
  readonly meta: GraphMeta;
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
  readonly diagnostics: readonly Diagnostic[];
}

export interface GraphMeta {
  /** The publication date used to resolve relative dates (ISO 8601), where one was known. */
  readonly published?: string;
  /** Where `published` came from: the caller's options, the document itself, the page's metadata. */
  readonly publishedSource?: 'options' | 'document' | 'html';
  readonly outlet?: string;
  readonly [key: string]: unknown;
}
