/**
 * The pronoun sieve, in the spirit of Lee et al. 2013 (Stanford's multi-pass sieve, its last
 * pass): each pronoun, in text order, takes the most salient candidate antecedent that agrees
 * with it in gender, number, animacy and kind. Salience: grammatical role (subject >
 * possessor > object), recency in sentences, how often the entity has been mentioned so far
 * (names and already-resolved pronouns), and parallel role. Within a sentence, an object
 * pronoun ("him") avoids the subject of its own clause (binding); a possessive pronoun that
 * opens a sentence ("In his youth, Smith…") may point forward to the sentence's subject.
 */
import type { AnnotationGraph, EntityNode, MentionNode } from '../../graph/types.js';
import { candidateAntecedents, sentenceIndex, sentencesOf, type Candidate } from './candidates.js';
import { agrees } from './constraints.js';
import { entityGender, type Gender } from './gender.js';
import { findPronouns, type PronounSpan } from './pronouns.js';
import weights from './salience.json';

export interface ResolvedPronoun {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** The entity the pronoun refers to; absent where none agrees or the pronoun is pleonastic. */
  readonly entity?: EntityNode;
  /** The mention it was resolved through (the antecedent, or a following subject for cataphora). */
  readonly antecedent?: MentionNode;
}

const ROLE_WEIGHT: Record<Candidate['role'], number> = {
  subject: weights.subject,
  possessor: weights.possessor,
  object: weights.object,
};

interface EntityState {
  readonly gender: Gender;
  male: number;
  female: number;
}

function genderNow(state: EntityState): Gender {
  if (state.gender) return state.gender;
  if (state.male > state.female) return 'male';
  if (state.female > state.male) return 'female';
  return undefined;
}

function score(p: PronounSpan, pSentence: number, c: Candidate, mentions: number, state: EntityState): number {
  const distance = Math.max(0, pSentence - c.sentence);
  let s = ROLE_WEIGHT[c.role] - weights.sentenceDistance * distance + weights.frequency * Math.log(1 + mentions);
  if (p.case === 'nominative' && c.role === 'subject') s += weights.parallel;
  if (p.case === 'possessive' && c.role === 'subject' && distance === 0) s += weights.possessiveOfSubject;
  if (p.case === 'objective' && c.role === 'subject' && distance === 0) s -= weights.binding;
  if ((p.gender === 'male' || p.gender === 'female') && genderNow(state) === p.gender) s += weights.knownGender;
  return s;
}

/** For each pronoun of the graph's text, the entity it refers to (or none). */
export function resolvePronouns(graph: AnnotationGraph): ResolvedPronoun[] {
  const text = graph.text;
  const sentences = sentencesOf(graph);
  const candidates = candidateAntecedents(graph, sentences);
  const byEntity = new Map<string, Candidate[]>();
  for (const c of candidates) {
    const list = byEntity.get(c.entity.id);
    if (list) list.push(c);
    else byEntity.set(c.entity.id, [c]);
  }
  const state = new Map<string, EntityState>();
  for (const [id, list] of byEntity) state.set(id, { gender: entityGender(text, list[0]!.entity, list), male: 0, female: 0 });
  const extraMentions = new Map<string, number>();
  const out: ResolvedPronoun[] = [];
  for (const p of findPronouns(text)) {
    const base = { start: p.start, end: p.end, text: p.text };
    if (p.pleonastic) {
      out.push(base);
      continue;
    }
    const pSentence = sentenceIndex(sentences, p.start);
    let best: { c: Candidate; s: number } | undefined;
    for (const [id, list] of byEntity) {
      const st = state.get(id)!;
      let count = 0;
      let last: Candidate | undefined;
      for (const c of list) {
        if (c.mention.end > p.start) break;
        count++;
        last = c;
      }
      if (!last || pSentence - last.sentence > weights.maxDistance) continue;
      if (!agrees(p, last, genderNow(st))) continue;
      const s = score(p, pSentence, last, count + (extraMentions.get(id) ?? 0), st);
      if (!best || s > best.s) best = { c: last, s };
    }
    if (!best && p.case === 'possessive' && pSentence >= 0) best = cataphor(p, pSentence, candidates, state);
    if (!best) {
      out.push(base);
      continue;
    }
    const id = best.c.entity.id;
    extraMentions.set(id, (extraMentions.get(id) ?? 0) + 1);
    const st = state.get(id)!;
    if (p.gender === 'male') st.male++;
    else if (p.gender === 'female') st.female++;
    out.push({ ...base, entity: best.c.entity, antecedent: best.c.mention });
  }
  return out;
}

/** "In his first year, Smith…": the first agreeing subject after the pronoun in its sentence. */
function cataphor(p: PronounSpan, pSentence: number, candidates: readonly Candidate[], state: ReadonlyMap<string, EntityState>): { c: Candidate; s: number } | undefined {
  for (const c of candidates) {
    if (c.mention.start < p.end || c.sentence !== pSentence) continue;
    if (c.role === 'subject' && agrees(p, c, genderNow(state.get(c.entity.id)!))) return { c, s: 0 };
  }
  return undefined;
}
