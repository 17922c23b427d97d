/**
 * The pronoun sieve, in the spirit of Lee et al. 2013 (Stanford's multi-pass sieve, its
 * pronoun pass): each pronoun, in text order, takes the best-ranked candidate antecedent that
 * agrees with it in gender, number, animacy and kind (`constraints.ts`). The candidates are
 * the latest mention before the pronoun of each entity of the article within a few sentences,
 * and for a pronoun that opens its sentence's subject phrase ("In his youth, Smith …") the
 * mentions after it in its sentence; the ranker (`ranker.ts`) weighs role, recency,
 * parallelism, frequency and gender. Resolved pronouns join their entity's chain: they count
 * as its mentions and tell its gender to later pronouns.
 */
import type { Doc } from '../../pipeline/doc.js';
import { live, mentionsOf, type Entity, type Mention } from '../../model/mentions.js';
import { candidateAntecedents, type Candidate } from './candidates.js';
import { agrees } from './constraints.js';
import { clauseBreakBetween, controlsInfinitive, optionFeatures, reportsInfinitive, type OptionFacts } from './features.js';
import { entityGender, type Gender } from './gender.js';
import { findPronouns, type PronounSpan } from './pronouns.js';
import { NEUTER_WEIGHTS, RANKER_WEIGHTS, scoreFeatures, type Weights } from './ranker.js';
import limits from './salience.json';

export interface ResolvedPronoun {
  readonly pronoun: PronounSpan;
  /** The entity the pronoun refers to. */
  readonly entity: Entity;
  /** The mention it was resolved through (the antecedent, or a following one for cataphora). */
  readonly antecedent: Mention;
  /**
   * The pronoun's mention where an earlier stage made one (the quotes stage's speaker "he"):
   * the sieve's reading of it is a proposal; the mention and its chain stay as they were.
   */
  readonly existing?: Mention;
}

/** One pronoun and the candidates that agree with it, each with its features. */
export interface PronounChoice {
  readonly pronoun: PronounSpan;
  readonly options: ReadonlyArray<{ readonly facts: OptionFacts; readonly features: string[] }>;
}

/** Direct quotations (in quotation marks) with the entity that says them, from the quotes layer. */
export interface QuotedSpan {
  readonly first: number;
  readonly last: number;
  readonly speaker?: Entity | undefined;
}

export interface SieveOptions {
  readonly weights?: Weights;
  /** The candidate antecedents, where the caller has them (`candidateAntecedents(doc)`, in text order). */
  readonly candidates?: readonly Candidate[];
  readonly quotes?: readonly QuotedSpan[];
  /**
   * Called at each pronoun with its choice (training reads them): the index of the option to
   * take instead of the ranker's (the gold one), or undefined to keep the ranker's.
   */
  readonly observe?: (choice: PronounChoice, ranked: number) => number | undefined;
}

interface EntityState {
  readonly known: Gender;
  male: number;
  female: number;
  /** Mentions so far (names, descriptions, resolved pronouns). */
  mentions: number;
}

/**
 * The gender an entity's earlier resolved pronouns settle: several of one gender and none of the
 * other (one pronoun may have been resolved wrongly; two that agree seldom are).
 */
function settledGender(state: EntityState): Gender {
  if (state.known) return state.known;
  if (state.male >= limits.settledPronouns && state.female === 0) return 'male';
  if (state.female >= limits.settledPronouns && state.male === 0) return 'female';
  return undefined;
}

/** The gender the entity's earlier resolved pronouns tell (a hint: one of them may be wrong). */
function pronounGender(state: EntityState): Gender {
  if (state.male > state.female) return 'male';
  if (state.female > state.male) return 'female';
  return undefined;
}

/** How many sentences back a pronoun looks: "it"/"they" refer close by, "he"/"she" further. */
function reach(p: PronounSpan): number {
  return p.gender === 'male' || p.gender === 'female' ? limits.maxDistance : limits.maxDistanceNeuter;
}

/** For each third-person pronoun of the document, the entity it refers to, where one agrees. */
export function resolveDocPronouns(doc: Doc, options: SieveOptions = {}): ResolvedPronoun[] {
  const weights = options.weights ?? RANKER_WEIGHTS;
  // "it" and "they" are ranked by hand weights: GAP, which trains the ranker, has only "he" and "she"
  const neuterWeights = NEUTER_WEIGHTS;
  const candidates = options.candidates ?? candidateAntecedents(doc);
  const taken = new Set<number>();
  const pronounMentions = new Map<number, Mention>();
  /** Tokens of every mention, pronouns the sieve resolves included: the hearers of "told Trump he". */
  const mentionTokens = new Set<number>();
  for (const m of mentionsOf(doc)) {
    for (let t = m.first; t < m.last; t++) { taken.add(t); mentionTokens.add(t); }
    if (m.form === 'pronoun' && m.last === m.first + 1) pronounMentions.set(m.first, m);
  }
  const state = new Map<Entity, EntityState>();
  const stateOf = (e: Entity): EntityState => {
    let s = state.get(e);
    if (!s) {
      s = { known: entityGender(doc, e), male: 0, female: 0, mentions: 0 };
      state.set(e, s);
    }
    return s;
  };
  /** The first entity of each kind named in each article: the topic. */
  const topics = new Map<unknown, Map<string, Entity>>();
  const topicOf = (article: unknown, kind: string): Entity | undefined => topics.get(article)?.get(kind);
  /** Mentions of each entity in the whole document (names and descriptions). */
  const totals = new Map<Entity, number>();
  for (const c of candidates) totals.set(c.entity, (totals.get(c.entity) ?? 0) + 1);
  let next = 0;
  const out: ResolvedPronoun[] = [];
  /** Every mention so far, resolved pronouns included, in text order: the sieve reads back from its end. */
  const recent: Candidate[] = [];
  // the direct quotation each token is in (-1: none)
  const quotes = options.quotes ?? [];
  const quoteOf = new Int32Array(doc.tokens.length).fill(-1);
  quotes.forEach((q, i) => {
    for (let t = Math.max(0, q.first); t < q.last && t < quoteOf.length; t++) quoteOf[t] = i;
  });
  for (const p of findPronouns(doc.tokens)) {
    // the chains take every mention before the pronoun
    while (next < candidates.length && candidates[next]!.first < p.token) {
      const c = candidates[next++]!;
      stateOf(c.entity).mentions++;
      recent.push(c);
      const article = doc.sentences[c.sentence]?.article;
      if (c.form === 'name' && !topicOf(article, c.kind)) {
        const byKind = topics.get(article) ?? new Map<string, Entity>();
        byKind.set(c.kind, c.entity);
        topics.set(article, byKind);
      }
    }
    const existing = pronounMentions.get(p.token);
    if (p.pleonastic || (taken.has(p.token) && !existing)) continue;
    const ps = doc.sentenceOfToken(p.token);
    if (ps < 0) continue;
    const article = doc.sentences[ps]!.article;
    const quote = quotes[quoteOf[p.token]!];
    const personal = p.gender === 'male' || p.gender === 'female';
    // inside a quotation "it" and "they" are mostly the things spoken of, not the article's organizations
    if (quote && !personal) continue;
    const speaker = quote?.speaker ? live(quote.speaker) : undefined;
    const facts: OptionFacts[] = [];
    const seen = new Set<Entity>();
    // the latest mention of each entity before the pronoun within reach, latest first
    const latest: Candidate[] = [];
    const inWindow = new Set<Entity>();
    for (let k = recent.length - 1; k >= 0; k--) {
      const c = recent[k]!;
      if (c.sentence >= 0 && ps - c.sentence > reach(p)) break;
      if (inWindow.has(c.entity)) continue;
      inWindow.add(c.entity);
      if (c.sentence < 0 || doc.sentences[c.sentence]!.article !== article) continue;
      if (live(c.entity) !== c.entity || c.entity === speaker) continue;
      latest.push(c);
    }
    for (const c of latest) {
      const st = stateOf(c.entity);
      const g = settledGender(st);
      if (!agrees(p, c, g)) continue;
      // "it" and "they" go to an organization or group that is the subject or owner of its clause
      if (!personal && c.role === 'object') continue;
      // a place is "it" only in its own sentence ("Russia said on Wednesday it would …")
      if (!personal && c.kind === 'place' && c.sentence !== ps) continue;
      seen.add(c.entity);
      facts.push({
        candidate: c, sentences: ps - c.sentence, rank: facts.length, mentions: st.mentions, topic: topicOf(article, c.kind) === c.entity,
        cataphoric: false, gender: g, hinted: pronounGender(st), clauseBreak: clauseBreakBetween(doc, c.form === 'pronoun' ? c.first + 1 : c.mention.last, p.token),
        between: 0, latestSubject: false, competitors: 0, total: totals.get(c.entity) ?? 0, mostMentioned: false,
      });
    }
    if (p.case === 'possessive' || p.case === 'nominative') {
      // "In his first year, Smith …": the mentions after the pronoun in its sentence
      for (let k = next; k < candidates.length; k++) {
        const c = candidates[k]!;
        if (c.sentence !== ps) break;
        if (seen.has(c.entity) || c.entity === speaker || c.role !== 'subject') continue;
        const st = stateOf(c.entity);
        const g = settledGender(st);
        if (!agrees(p, c, g)) continue;
        seen.add(c.entity);
        facts.push({ candidate: c, sentences: 0, rank: facts.length, mentions: st.mentions, topic: false, cataphoric: true, gender: g, hinted: pronounGender(st), clauseBreak: true, between: 0, latestSubject: false, competitors: 0, total: totals.get(c.entity) ?? 0, mostMentioned: false });
      }
    }
    if (facts.length === 0) continue;
    // what each option's competitors are: mentions of other agreeing entities in between, the latest subject
    const subject = facts.find((f) => !f.cataphoric && f.candidate.role === 'subject');
    let most = 0;
    for (const f of facts) most = Math.max(most, f.total);
    const mostCount = facts.filter((f) => f.total === most).length;
    for (const [i, f] of facts.entries()) {
      let between = 0;
      if (!f.cataphoric) for (const g of facts) if (g !== f && !g.cataphoric && g.candidate.first > f.candidate.first) between++;
      facts[i] = { ...f, between, latestSubject: f === subject, competitors: facts.length, mostMentioned: mostCount === 1 && f.total === most };
    }
    // one agreeing candidate leaves nothing to rank (training learns nothing from it either)
    const choice: PronounChoice = { pronoun: p, options: facts.map((f) => ({ facts: f, features: facts.length > 1 ? optionFeatures(doc, p, f) : [] })) };
    let best = 0;
    let bestScore = -Infinity;
    if (facts.length > 1) {
      choice.options.forEach((o, i) => {
        const s = scoreFeatures(personal ? weights : neuterWeights, o.features);
        if (s > bestScore) { best = i; bestScore = s; }
      });
    }
    // sieve passes before the ranker: the owner of "X's decision to launch his …", the subject of "X told Y he …"
    let controller = facts.findIndex((f) => controlsInfinitive(doc, f.candidate, p));
    if (controller < 0) controller = facts.findIndex((f) => !f.cataphoric && reportsInfinitive(doc, f.candidate, p, mentionTokens));
    if (controller >= 0) best = controller;
    const chosen = options.observe?.(choice, best) ?? best;
    const picked = choice.options[chosen]!.facts.candidate;
    if (existing) {
      out.push({ pronoun: p, entity: picked.entity, antecedent: picked.mention, existing });
      continue;
    }
    const st = stateOf(picked.entity);
    if (p.gender === 'male') st.male++;
    else if (p.gender === 'female') st.female++;
    out.push({ pronoun: p, entity: picked.entity, antecedent: picked.mention });
    mentionTokens.add(p.token);
    // the pronoun is a mention of its entity from here on, with the pronoun's own role
    const role = p.case === 'nominative' ? 'subject' : p.case === 'possessive' ? 'possessor' : 'object';
    st.mentions++;
    recent.push({ mention: picked.mention, first: p.token, form: 'pronoun', entity: picked.entity, kind: picked.kind, sentence: ps, role, bracketed: false });
  }
  return out;
}
