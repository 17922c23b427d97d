import { GraphQuery } from '../graph/query.js';
import type { AnnotationGraph, ArticleNode, CueNode, QuoteNode } from '../graph/types.js';
import { indexDate } from './dates.js';

/**
 * The rows one graph gives a quote index, whatever database holds them: the SQLite index
 * (`Indexer`) and the shared PostgreSQL index (`src/store/pg/`) write the same rows, so
 * that both answer the same.
 */
export interface DocumentRows {
  readonly doc: { id: string; title: string | null; outlet: string | null; published: string | null; chars: number; quotes: number; url: string | null };
  readonly text: string;
  /** Sentence spans, each start once (the first kept). */
  readonly sentences: ReadonlyArray<readonly [start: number, end: number]>;
  readonly articles: ReadonlyArray<{ n: number; start: number; end: number; title: string | null; outlet: string | null; published: string | null }>;
  /** In graph order: a quote's place in this list is its order in the document. */
  readonly quotes: ReadonlyArray<{ localId: string; article: number | null; start: number; end: number; text: string; form: string; cue: string | null; entity: string | null; speakerText: string | null; date: string | null }>;
  /** The graph's entities, then names at an attribution that have no entity (kept as entities of their own). */
  readonly entities: ReadonlyArray<{ localId: string; kind: string; name: string; aliases: string; roles: string }>;
}

export function documentRows(graph: AnnotationGraph, id: string): DocumentRows {
  const q = new GraphQuery(graph);
  const articles = graph.nodes.filter((n): n is ArticleNode => n.type === 'article');
  const quotes = graph.nodes.filter((n): n is QuoteNode => n.type === 'quote');
  const docDate = indexDate(graph.meta.published) ?? indexDate(articles[0]?.publishedValue) ?? indexDate(articles[0]?.published);
  // the record's own title and outlet first (meta), else what the page's layout found
  const title = metaString(graph.meta.title) ?? articles.find((a) => a.title !== undefined)?.title ?? null;
  const outlet = graph.meta.outlet ?? articles.find((a) => a.outlet !== undefined)?.outlet ?? null;
  const sentences: Array<[number, number]> = [];
  const starts = new Set<number>();
  for (const n of graph.nodes) {
    if (n.type === 'sentence' && !starts.has(n.start)) {
      starts.add(n.start);
      sentences.push([n.start, n.end]);
    }
  }
  // A quote's speaker is its mention's entity or, for a name with no entity, the mention
  // itself (kept as an entity of its own); the speaker merge joins them into index-wide speakers.
  const named = new Map<string, { kind: string; name: string }>();
  const cueOf = new Map<string, string>();
  for (const e of graph.edges) if (e.type === 'cue') cueOf.set(e.from, e.to);
  const quoteRows = quotes.map((quote) => {
    const who = q.speakerOf(quote.id);
    let entity: string | undefined;
    if (who?.entity) entity = who.entity.id;
    else if (who?.mention && who.mention.form === 'name' && who.mention.type !== 'date') {
      entity = who.mention.id;
      named.set(entity, { kind: who.mention.type, name: who.mention.text });
    }
    const article = articles.findIndex((a) => quote.start >= a.start && quote.start < a.end);
    const a = article >= 0 ? articles[article] : undefined;
    const date = indexDate(a?.publishedValue) ?? indexDate(a?.published) ?? docDate ?? null;
    const cueId = cueOf.get(quote.id);
    const cue = cueId === undefined ? null : (q.node(cueId) as CueNode | undefined)?.text ?? null;
    return { localId: quote.id, article: article >= 0 ? article : null, start: quote.start, end: quote.end, text: quote.text, form: quote.form, cue, entity: entity ?? null, speakerText: who?.mention?.text ?? who?.entity?.name ?? null, date };
  });
  const entities: Array<DocumentRows['entities'][number]> = [];
  for (const n of graph.nodes) {
    if (n.type === 'entity') entities.push({ localId: n.id, kind: n.kind, name: n.name, aliases: JSON.stringify(n.aliases), roles: JSON.stringify(n.roles ?? []) });
  }
  for (const [local, m] of named) entities.push({ localId: local, kind: m.kind, name: m.name, aliases: '[]', roles: '[]' });
  return {
    doc: { id, title, outlet, published: docDate ?? null, chars: graph.text.length, quotes: quotes.length, url: metaString(graph.meta.url) ?? null },
    text: graph.text,
    sentences,
    articles: articles.map((a, n) => ({ n, start: a.start, end: a.end, title: a.title ?? null, outlet: a.outlet ?? null, published: indexDate(a.publishedValue) ?? indexDate(a.published) ?? null })),
    quotes: quoteRows,
    entities,
  };
}

const metaString = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);
