/**
 * Candidate antecedents: the document's name and nominal mentions of people, organizations,
 * places and agencies that the entity stage tied to an entity, each with its sentence and a
 * guess at its grammatical role (read from the words around it, since the pipeline has no
 * parser): the salience the pronoun sieve ranks by.
 */
import type { AnnotationGraph, EntityKind, EntityNode, MentionNode, SentenceNode } from '../../graph/types.js';

export type GrammaticalRole = 'subject' | 'possessor' | 'object';

export interface Candidate {
  readonly mention: MentionNode;
  readonly entity: EntityNode;
  readonly kind: EntityKind;
  /** Index into the document's sentences (-1 where the mention lies outside every sentence). */
  readonly sentence: number;
  readonly role: GrammaticalRole;
}

const PREPOSITIONS = new Set([
  'of', 'to', 'with', 'by', 'for', 'from', 'in', 'at', 'on', 'about', 'against', 'into', 'onto', 'under', 'over',
  'between', 'among', 'after', 'before', 'behind', 'beside', 'near', 'than', 'toward', 'towards', 'upon', 'via',
  'without', 'alongside', 'opposite', 'like', 'including', 'featuring', 'starring', 'whom', 'during', 'through',
]);

function lastWord(text: string, end: number): string | undefined {
  const m = /([A-Za-z]+)[^A-Za-z]*$/.exec(text.slice(Math.max(0, end - 40), end));
  return m ? m[1]!.toLowerCase() : undefined;
}

/**
 * Subject where the mention opens its clause (sentence start, or after a comma, "and" or a
 * subordinator) and is not the object of a preposition or verb just before it; possessor
 * where "'s" follows.
 */
function roleOf(text: string, m: MentionNode, sentenceStart: number): GrammaticalRole {
  if (/^['’]s?\b/.test(text.slice(m.end, m.end + 3))) return 'possessor';
  const before = text.slice(sentenceStart, m.start);
  if (/^\W*$/.test(before)) return 'subject';
  const prev = lastWord(text, m.start);
  if (prev !== undefined && PREPOSITIONS.has(prev)) return 'object';
  if (/(^|[,;:(]|\b(and|but|while|when|after|before|because|although|as|since|then|where|who|that|until|so)\b)\s*(the\s+)?$/i.test(before.slice(-24))) {
    return 'subject';
  }
  // A mention followed closely by a verb-like word ("Smith said", "Smith, 42, was") is a subject.
  if (/^\s*(,[^,]{1,60},\s*)?(was|is|had|has|said|says|became|began|joined|would|will|also|then|later|who|did|does|went|won|made|took)\b/i.test(text.slice(m.end, m.end + 80))) {
    return 'subject';
  }
  return 'object';
}

function sentenceIndex(sentences: readonly SentenceNode[], at: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid]!;
    if (at < s.start) hi = mid - 1;
    else if (at >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** The graph's sentences in order. */
export function sentencesOf(graph: AnnotationGraph): SentenceNode[] {
  return graph.nodes.filter((n): n is SentenceNode => n.type === 'sentence');
}

/** Name and nominal mentions tied to an entity, in text order. */
export function candidateAntecedents(graph: AnnotationGraph, sentences: readonly SentenceNode[]): Candidate[] {
  const entities = new Map<string, EntityNode>();
  for (const n of graph.nodes) if (n.type === 'entity') entities.set(n.id, n);
  const entityOf = new Map<string, EntityNode>();
  for (const e of graph.edges) {
    if (e.type !== 'mentionOf') continue;
    const entity = entities.get(e.to);
    if (entity) entityOf.set(e.from, entity);
  }
  const out: Candidate[] = [];
  for (const n of graph.nodes) {
    if (n.type !== 'person' && n.type !== 'organization' && n.type !== 'place' && n.type !== 'agency') continue;
    if (n.form === 'pronoun') continue;
    const entity = entityOf.get(n.id);
    if (!entity) continue;
    const sentence = sentenceIndex(sentences, n.start);
    const sentenceStart = sentence >= 0 ? sentences[sentence]!.start : 0;
    out.push({ mention: n, entity, kind: entity.kind, sentence, role: roleOf(graph.text, n, sentenceStart) });
  }
  return out;
}

export { sentenceIndex };
