import { GraphBuilder, type AnnotationGraph } from '../src/index.js';

/** One attributed quote of a hand-built graph: its words, who said them and how they are named there. */
export interface QuoteSpec {
  readonly quote: string;
  /** The speaker as written at the attribution ("Lavrov", "he"); omitted for an unattributed quote. */
  readonly says?: string;
  /** The entity the speaker mention resolves to. */
  readonly entity?: { readonly kind?: 'person' | 'organization'; readonly name: string; readonly aliases?: readonly string[]; readonly roles?: readonly string[] };
  readonly form?: 'direct' | 'indirect' | 'mixed';
}

/**
 * A graph as the full pipeline would give it for a small article: an article with title
 * and date, one sentence per line, and for each quote its span, cue ("said"), speaker
 * mention and entity. Built through GraphBuilder so it is valid like real output.
 */
export function quoteGraph(id: string, title: string, published: string | undefined, quotes: readonly QuoteSpec[]): AnnotationGraph & { id: string } {
  const lines = [title, ...quotes.map((q) => (q.says === undefined ? `"${q.quote}," it was reported.` : `"${q.quote}," ${q.says} said.`))];
  const text = lines.join('\n');
  const g = new GraphBuilder(text);
  if (published !== undefined) g.meta.published = published;
  const article = g.addSpan('article', 0, text.length, published === undefined ? { title } : { title, published })!;
  let at = 0;
  const entities = new Map<string, ReturnType<GraphBuilder['addEntity']>>();
  lines.forEach((line, i) => {
    const sentence = g.addSpan('sentence', at, at + line.length)!;
    g.addEdge('partOf', sentence, article);
    if (i > 0) {
      const spec = quotes[i - 1]!;
      const q = g.addSpan('quote', at + 1, at + 1 + spec.quote.length, { form: spec.form ?? 'direct' })!;
      const cueAt = line.lastIndexOf('said') >= 0 ? line.lastIndexOf('said') : line.lastIndexOf('reported');
      const cue = g.addSpan('cue', at + cueAt, at + line.length - 1, { lemma: cueAt === line.lastIndexOf('said') ? 'say' : 'report' })!;
      g.addEdge('cue', q, cue);
      if (spec.says !== undefined) {
        const start = at + line.lastIndexOf(spec.says);
        const pronoun = /^(he|she|they)$/i.test(spec.says);
        const kind = spec.entity?.kind ?? 'person';
        const m = g.addSpan(kind, start, start + spec.says.length, { form: pronoun ? 'pronoun' : 'name' })!;
        g.addEdge('speaker', q, m);
        if (spec.entity) {
          let e = entities.get(spec.entity.name);
          if (!e) {
            e = g.addEntity({ kind, name: spec.entity.name, aliases: [...(spec.entity.aliases ?? [])], ...(spec.entity.roles ? { roles: [...spec.entity.roles] } : {}) });
            entities.set(spec.entity.name, e);
          }
          g.addEdge('mentionOf', m, e);
        }
      }
    }
    at += line.length + 1;
  });
  return { ...g.build(), id };
}
