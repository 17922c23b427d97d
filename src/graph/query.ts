import { QuotegraphOptionsError, describeValue } from '../errors.js';
import { assertGraph } from './guard.js';
import type { AnnotationGraph, CueNode, EntityNode, GraphNode, MentionNode, QuoteNode, SentenceNode } from './types.js';
import { articleViews, entityViews, isMention, quoteViews, type ArticleView, type EntityView, type QuoteView } from './views.js';

/** Lookups over one graph; build it once per graph and ask it many questions. */
export class GraphQuery {
  private readonly byId = new Map<string, GraphNode>();
  private readonly edgesFrom = new Map<string, Array<{ type: string; to: string; role?: string }>>();
  private readonly edgesTo = new Map<string, Array<{ type: string; from: string; role?: string }>>();
  private readonly sentences: SentenceNode[];

  constructor(readonly graph: AnnotationGraph) {
    assertGraph(graph, 'query()');
    for (const n of graph.nodes) this.byId.set(n.id, n);
    for (const e of graph.edges) {
      const role = 'role' in e ? e.role : undefined;
      push(this.edgesFrom, e.from, role === undefined ? { type: e.type, to: e.to } : { type: e.type, to: e.to, role });
      push(this.edgesTo, e.to, role === undefined ? { type: e.type, from: e.from } : { type: e.type, from: e.from, role });
    }
    this.sentences = graph.nodes.filter((n): n is SentenceNode => n.type === 'sentence');
  }

  node(id: string): GraphNode | undefined {
    return this.byId.get(id);
  }

  /** The entity a mention refers to, if it was resolved. */
  entityOf(mentionId: string): EntityNode | undefined {
    const e = this.edgesFrom.get(mentionId)?.find((x) => x.type === 'mentionOf');
    const n = e ? this.byId.get(e.to) : undefined;
    return n?.type === 'entity' ? n : undefined;
  }

  /** The mentions of an entity, in text order. */
  mentionsOf(entityId: string): MentionNode[] {
    return (this.edgesTo.get(entityId) ?? [])
      .filter((x) => x.type === 'mentionOf')
      .map((x) => this.byId.get(x.from))
      .filter(isMention)
      .sort((a, b) => a.start - b.start);
  }

  /**
   * Who said a quote: the mention at the attribution (if any) and the entity it
   * resolves to (directly, for a continuation quote).
   */
  speakerOf(quoteId: string): { mention?: MentionNode; entity?: EntityNode } | undefined {
    const e = this.edgesFrom.get(quoteId)?.find((x) => x.type === 'speaker');
    if (!e) return undefined;
    const target = this.byId.get(e.to);
    if (!target) return undefined;
    if (target.type === 'entity') return { entity: target };
    const mention = target as MentionNode;
    const entity = this.entityOf(mention.id);
    return entity ? { mention, entity } : { mention };
  }

  /** The cue of a quote ("said", "according to"), if it has one. */
  cueOf(quoteId: string): CueNode | undefined {
    const e = this.edgesFrom.get(quoteId)?.find((x) => x.type === 'cue');
    const n = e ? this.byId.get(e.to) : undefined;
    return n?.type === 'cue' ? n : undefined;
  }

  /** Every quote in text order, with its cue, speaker (and the entity), sentence and article. */
  quotes(): QuoteView[] {
    return quoteViews(this);
  }

  /** Every entity with its mentions in text order and the ids of the quotes it said. */
  entities(): EntityView[] {
    return entityViews(this);
  }

  /** Every article with its metadata, datelines and credits. */
  articles(): ArticleView[] {
    return articleViews(this);
  }

  /** The quotes whose speaker is this entity (directly or through a mention). */
  quotesOf(entityId: string): QuoteNode[] {
    const quotes: QuoteNode[] = [];
    for (const n of this.graph.nodes) {
      if (n.type !== 'quote') continue;
      if (this.speakerOf(n.id)?.entity?.id === entityId) quotes.push(n);
    }
    return quotes;
  }

  /** Entities whose name or aliases match `name` (case-insensitive; a last name matches a full name). */
  findEntities(name: string): EntityNode[] {
    if (typeof name !== 'string') {
      throw new QuotegraphOptionsError('E_ARGUMENT_TYPE', `findEntities() takes a name as a string, such as findEntities('Lavrov'), not ${describeValue(name)}.`);
    }
    const q = name.trim().toLowerCase();
    return this.graph.nodes.filter((n): n is EntityNode => {
      if (n.type !== 'entity') return false;
      const names = [n.name, ...n.aliases].map((s) => s.toLowerCase());
      return names.some((s) => s === q || s.endsWith(` ${q}`));
    });
  }

  /** The sentence that holds a node's start (for an entity: its first mention's). */
  sentenceOf(nodeId: string): SentenceNode | undefined {
    const n = this.byId.get(nodeId);
    if (!n) return undefined;
    const start = n.type === 'entity' ? this.mentionsOf(n.id)[0]?.start : n.start;
    if (start === undefined) return undefined;
    let lo = 0;
    let hi = this.sentences.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = this.sentences[mid]!;
      if (start < s.start) hi = mid - 1;
      else if (start >= s.end) lo = mid + 1;
      else return s;
    }
    return undefined;
  }
}

function push<T>(map: Map<string, T[]>, key: string, v: T): void {
  const list = map.get(key);
  if (list) list.push(v);
  else map.set(key, [v]);
}

/** Shorthand: `query(graph).quotesOf(id)`. */
export const query = (graph: AnnotationGraph): GraphQuery => new GraphQuery(graph);
