/**
 * Plain views of one graph, for the everyday questions: the quotes with their speakers
 * (`query(graph).quotes()`), the entities with their mentions (`entities()`), the articles
 * with their datelines and credits (`articles()`). Each view is a new array of plain objects
 * (JSON-safe, in text order); the graph is not changed.
 */
import type { AnnotationGraph, ArticleNode, CreditRole, CueNode, EntityKind, EntityNode, GraphNode, MentionForm, MentionNode, MentionType, QuoteForm, SentenceNode } from './types.js';

/** The lookups the views are made of (`GraphQuery` has them; named here so that this module imports no query code). */
export interface GraphLookups {
  readonly graph: AnnotationGraph;
  node(id: string): GraphNode | undefined;
  speakerOf(quoteId: string): { mention?: MentionNode; entity?: EntityNode } | undefined;
  cueOf(quoteId: string): CueNode | undefined;
  sentenceOf(nodeId: string): SentenceNode | undefined;
  mentionsOf(entityId: string): MentionNode[];
}

const MENTION_TYPES = new Set(['person', 'place', 'organization', 'agency', 'date']);

/** Whether a node is a mention (person, place, organization, agency, date). */
export const isMention = (n: GraphNode | undefined): n is MentionNode => n !== undefined && MENTION_TYPES.has(n.type);

/** An entity as a quote's speaker or an article's credit names it. */
export interface EntityRef {
  readonly id: string;
  readonly name: string;
  readonly kind: EntityKind;
  /** The other names it goes by in the document ("Lavrov" for "Sergei Lavrov"). */
  readonly aliases: readonly string[];
  /** Descriptions the text gives ("foreign minister"); empty when it gives none. */
  readonly roles: readonly string[];
}

/** Who said a quote. */
export interface QuoteSpeakerView {
  /**
   * The words naming the speaker at the attribution ("Lavrov", "he", "the minister").
   * A quote whose speaker edge goes straight to an entity (a continuation of the same
   * speaker's words) has no such words: `text` is then the entity's name, `form` is
   * `"name"` and `mention` is null.
   */
  readonly text: string;
  readonly form: MentionForm;
  /** The speaker mention's id and span; null when the speaker edge goes to an entity. */
  readonly mention: { readonly id: string; readonly start: number; readonly end: number } | null;
  /** The entity the speaker resolves to; null for a mention that was not resolved. */
  readonly entity: EntityRef | null;
}

/** One quote with everything a reader asks about it. */
export interface QuoteView {
  readonly id: string;
  readonly text: string;
  readonly form: QuoteForm;
  readonly start: number;
  readonly end: number;
  /** The cue ("said", "according to"); null when the quote has none. */
  readonly cue: { readonly text: string; readonly lemma: string } | null;
  /** Null where the text names no one (a quote with a cue but no speaker edge). */
  readonly speaker: QuoteSpeakerView | null;
  /** The sentence the quote starts in; null only for a graph whose sentences do not cover it. */
  readonly sentence: { readonly start: number; readonly end: number } | null;
  /** The article the quote is in; null for a graph without article nodes. */
  readonly article: { readonly id: string; readonly title: string | null } | null;
  /** The rule that made the quote, where the graph records one. */
  readonly rule?: string;
}

/** One mention of an entity. */
export interface MentionView {
  readonly id: string;
  readonly type: MentionType;
  readonly text: string;
  readonly form: MentionForm;
  readonly start: number;
  readonly end: number;
}

/** One entity with its mentions (in text order) and the ids of the quotes it said. */
export interface EntityView extends EntityRef {
  readonly mentions: readonly MentionView[];
  readonly quotes: readonly string[];
}

/** One article with its dateline and credits. */
export interface ArticleView {
  readonly id: string;
  readonly start: number;
  readonly end: number;
  readonly title: string | null;
  readonly outlet: string | null;
  readonly published: string | null;
  readonly publishedValue: string | null;
  /** The places of the article's dateline ("MOSCOW (Reuters) -"), in text order. */
  readonly datelines: readonly MentionView[];
  /** Agencies and people credited (wire credits, bylines), in the graph's order. */
  readonly credits: ReadonlyArray<{ readonly role: CreditRole; readonly entity: EntityRef }>;
  /** The number of quotes inside the article's span. */
  readonly quoteCount: number;
}

const entityRef = (e: EntityNode): EntityRef => ({ id: e.id, name: e.name, kind: e.kind, aliases: [...e.aliases], roles: [...(e.roles ?? [])] });

const mentionView = (m: MentionNode): MentionView => ({ id: m.id, type: m.type, text: m.text, form: m.form, start: m.start, end: m.end });

/** The article whose span holds `at`, by binary search over articles sorted by start. */
function articleAt(articles: readonly ArticleNode[], at: number): ArticleNode | undefined {
  let lo = 0;
  let hi = articles.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const a = articles[mid]!;
    if (at < a.start) hi = mid - 1;
    else if (at >= a.end) lo = mid + 1;
    else return a;
  }
  return undefined;
}

const articlesOf = (q: GraphLookups): ArticleNode[] => q.graph.nodes.filter((n): n is ArticleNode => n.type === 'article');

/** `query(graph).quotes()`: every quote, in text order, with its cue, speaker, sentence and article. */
export function quoteViews(q: GraphLookups): QuoteView[] {
  const articles = articlesOf(q);
  const out: QuoteView[] = [];
  for (const n of q.graph.nodes) {
    if (n.type !== 'quote') continue;
    const cue = q.cueOf(n.id);
    const who = q.speakerOf(n.id);
    let speaker: QuoteSpeakerView | null = null;
    if (who?.mention) {
      const m = who.mention;
      speaker = { text: m.text, form: m.form, mention: { id: m.id, start: m.start, end: m.end }, entity: who.entity ? entityRef(who.entity) : null };
    } else if (who?.entity) {
      speaker = { text: who.entity.name, form: 'name', mention: null, entity: entityRef(who.entity) };
    }
    const sentence = q.sentenceOf(n.id);
    const article = articleAt(articles, n.start);
    out.push({
      id: n.id, text: n.text, form: n.form, start: n.start, end: n.end,
      cue: cue ? { text: cue.text, lemma: cue.lemma } : null,
      speaker,
      sentence: sentence ? { start: sentence.start, end: sentence.end } : null,
      article: article ? { id: article.id, title: article.title ?? null } : null,
      ...(n.rule !== undefined ? { rule: n.rule } : {}),
    });
  }
  return out;
}

/** `query(graph).entities()`: every entity, in the graph's order, with its mentions and quotes. */
export function entityViews(q: GraphLookups): EntityView[] {
  const saidBy = new Map<string, string[]>();
  for (const n of q.graph.nodes) {
    if (n.type !== 'quote') continue;
    const id = q.speakerOf(n.id)?.entity?.id;
    if (id === undefined) continue;
    const list = saidBy.get(id);
    if (list) list.push(n.id);
    else saidBy.set(id, [n.id]);
  }
  return q.graph.nodes.flatMap((n) => (n.type !== 'entity' ? [] : [{
    ...entityRef(n),
    mentions: q.mentionsOf(n.id).map(mentionView),
    quotes: saidBy.get(n.id) ?? [],
  }]));
}

/** `query(graph).articles()`: every article, in text order, with its datelines and credits. */
export function articleViews(q: GraphLookups): ArticleView[] {
  const quoteStarts = q.graph.nodes.flatMap((n) => (n.type === 'quote' ? [n.start] : []));
  return articlesOf(q).map((a) => {
    const datelines: MentionView[] = [];
    const credits: Array<{ role: CreditRole; entity: EntityRef }> = [];
    for (const e of q.graph.edges) {
      if (e.from !== a.id) continue;
      const to = q.node(e.to);
      if (e.type === 'dateline' && isMention(to)) datelines.push(mentionView(to));
      else if (e.type === 'credit' && to?.type === 'entity') credits.push({ role: e.role, entity: entityRef(to) });
    }
    datelines.sort((x, y) => x.start - y.start);
    return {
      id: a.id, start: a.start, end: a.end,
      title: a.title ?? null, outlet: a.outlet ?? null, published: a.published ?? null, publishedValue: a.publishedValue ?? null,
      datelines, credits,
      quoteCount: quoteStarts.filter((s) => s >= a.start && s < a.end).length,
    };
  });
}
