/**
 * Candidate antecedents: the document's mentions of people, organizations, places and
 * agencies that an earlier stage tied to an entity, each with its sentence and a guess at its
 * grammatical role (read from the words around it, since the pipeline has no parser): the
 * salience the pronoun sieve ranks by.
 */
import type { Doc } from '../../pipeline/doc.js';
import type { EntityKind } from '../../graph/types.js';
import { live, mentionsOf, type Entity, type Mention } from '../../model/mentions.js';
import { modifiesNoun } from '../../text/possessive.js';

export type GrammaticalRole = 'subject' | 'possessor' | 'object';

export interface Candidate {
  /** The mention, or for a resolved pronoun in a chain, the mention it was resolved through. */
  readonly mention: Mention;
  /** Where the candidate stands (its first token) and how it is written: for a resolved pronoun, the pronoun. */
  readonly first: number;
  readonly form: Mention['form'];
  readonly entity: Entity;
  readonly kind: EntityKind;
  /** Index into `doc.sentences` (-1 where the mention lies outside every sentence). */
  readonly sentence: number;
  readonly role: GrammaticalRole;
  /** Inside brackets ("Anna (née Smith)"): an aside, seldom what a pronoun picks up. */
  readonly bracketed: boolean;
}

const PREPOSITIONS = new Set([
  'of', 'to', 'with', 'by', 'for', 'from', 'in', 'at', 'on', 'about', 'against', 'into', 'onto', 'under', 'over',
  'between', 'among', 'after', 'before', 'behind', 'beside', 'near', 'than', 'toward', 'towards', 'upon', 'via',
  'without', 'alongside', 'opposite', 'like', 'including', 'featuring', 'starring', 'whom', 'during', 'through',
]);
const CLAUSE_OPENERS = /^(and|but|while|when|after|before|because|although|as|since|then|where|who|that|until|so|[,;:(])$/i;
const SUBJECT_VERBS = /^(was|is|had|has|said|says|became|began|joined|would|will|also|then|later|who|did|does|went|won|made|took)$/i;

/**
 * Subject where the mention opens its clause (sentence start, or after a comma, "and" or a
 * subordinator) and is not the object of a preposition or verb just before it, or where a
 * verb follows it; possessor where "'s" follows.
 */
function roleOf(doc: Doc, m: Mention, sentenceFirst: number): GrammaticalRole {
  const toks = doc.tokens;
  const after = toks[m.last];
  if (after && /^['’]s?$/.test(after.text)) return 'possessor';
  let k = m.first - 1;
  // "the", "former" and titles before the name belong to the phrase
  while (k >= sentenceFirst && (/^(the|a|an)$/i.test(toks[k]!.text) || (toks[k]!.pos === 'PROPN' && k === m.first - 1))) k--;
  if (k < sentenceFirst || toks[k]!.text === '"' || toks[k]!.text === '“') return 'subject';
  const prev = toks[k]!.text.toLowerCase();
  if (PREPOSITIONS.has(prev)) return 'object';
  if (CLAUSE_OPENERS.test(prev)) return 'subject';
  // "Smith said", "Smith, 42, was": a verb close after the mention
  let j = m.last;
  if (toks[j]?.text === ',') {
    // an apposition or an age between commas ("Smith, 42, was")
    for (let i = j + 1; i < j + 12 && i < toks.length; i++) {
      if (toks[i]!.text === ',') { j = i + 1; break; }
    }
  }
  const next = toks[j];
  if (toks[k]!.pos === 'VERB') return 'object';
  if (next && (SUBJECT_VERBS.test(next.text) || next.pos === 'AUX' || next.pos === 'VERB')) return 'subject';
  return 'object';
}

function bracketed(doc: Doc, m: Mention, sentenceFirst: number): boolean {
  for (let k = m.first - 1; k >= sentenceFirst && k >= m.first - 8; k--) {
    const t = doc.tokens[k]!.text;
    if (t === ')') return false;
    if (t === '(') return true;
  }
  return false;
}

/** A candidate for mention `m` of entity `e`. */
export function candidateOf(doc: Doc, m: Mention, e: Entity): Candidate {
  const sentence = doc.sentenceOfToken(m.first);
  const first = sentence >= 0 ? doc.sentences[sentence]!.first : 0;
  return { mention: m, first: m.first, form: m.form, entity: e, kind: e.kind, sentence, role: roleOf(doc, m, first), bracketed: bracketed(doc, m, first) };
}

/** "his Miranda rights", "her Facebook page": a name that modifies a noun after a possessive, not a referent. */
function isModifier(doc: Doc, m: Mention): boolean {
  return modifiesNoun(doc.tokens, m.first, m.last);
}

/**
 * Mentions (not dates) tied to an entity, in text order; an entity only named as a modifier
 * ("his Miranda rights") is no candidate, nor are the pronouns an earlier stage tied to it.
 */
export function candidateAntecedents(doc: Doc): Candidate[] {
  const out: Candidate[] = [];
  const modifierOnly = new Map<Entity, boolean>();
  for (const m of mentionsOf(doc)) {
    if (m.type === 'date' || !m.entity || m.form !== 'name') continue;
    const e = live(m.entity);
    modifierOnly.set(e, (modifierOnly.get(e) ?? true) && isModifier(doc, m));
  }
  for (const m of mentionsOf(doc)) {
    if (m.type === 'date' || !m.entity) continue;
    const e = live(m.entity);
    if (modifierOnly.get(e) === true) continue;
    out.push(candidateOf(doc, m, e));
  }
  return out.sort((a, b) => a.first - b.first);
}
