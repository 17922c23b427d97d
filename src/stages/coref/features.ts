/**
 * The features of one choice of antecedent for a pronoun, as strings (a feature is there or
 * not): grammatical role and its parallel with the pronoun's case, recency (sentences back, and
 * the candidate's rank among the pronoun's agreeing candidates), how often the entity has been
 * mentioned, whether it is the first entity of its kind in the article (the topic), binding
 * within a clause, cataphora, and the gender the text gives (or earlier pronouns hint); how often
 * the entity is named in the whole document and whether it is the most named of the candidates,
 * a candidate that opens its sentence, the pronoun right after the candidate ("X and his …"), after
 * "and"/"but", or after the same word as the candidate (parallel roles). `ranker.json` weighs them.
 */
import type { Doc } from '../../pipeline/doc.js';
import type { Candidate } from './candidates.js';
import type { Gender } from './gender.js';
import type { PronounSpan } from './pronouns.js';
import reportVerbs from './report-verbs.json';

/** What the sieve knows of one agreeing candidate at the time it reads the pronoun. */
export interface OptionFacts {
  readonly candidate: Candidate;
  /** Sentences between the candidate's mention and the pronoun (0: the same sentence). */
  readonly sentences: number;
  /** 0 for the nearest agreeing candidate before the pronoun, 1 for the next, … */
  readonly rank: number;
  /** Mentions of the entity so far (names, descriptions, resolved pronouns). */
  readonly mentions: number;
  /** The entity was the first of its kind named in the article. */
  readonly topic: boolean;
  /** The candidate's mention follows the pronoun in its sentence ("In his youth, Smith …"). */
  readonly cataphoric: boolean;
  /** The gender known for the entity (undefined: not known). */
  readonly gender: Gender;
  /** The gender the entity's earlier resolved pronouns tell, where they outnumber the other's. */
  readonly hinted: Gender;
  /** Whether a clause boundary (comma, semicolon, subordinator) lies between the mention and the pronoun. */
  readonly clauseBreak: boolean;
  /** Mentions of other entities of the same kind between the candidate's mention and the pronoun. */
  readonly between: number;
  /** The candidate is the latest subject among the pronoun's agreeing candidates. */
  readonly latestSubject: boolean;
  /** How many candidates agree with the pronoun. */
  readonly competitors: number;
  /** Mentions of the entity in the whole document, those after the pronoun included. */
  readonly total: number;
  /** The candidate is the entity mentioned most often in the document among the pronoun's candidates. */
  readonly mostMentioned: boolean;
}

const bucket = (n: number, top: number): string => (n >= top ? `${top}+` : String(n));

/** Words whose identity says more than their part of speech, beside a mention or a pronoun. */
const CLOSED = new Set([
  'by', 'with', 'and', 'or', 'of', 'to', 'for', 'from', 'as', 'than', 'against', 'in', 'on', 'at', 'after', 'before',
  'that', 'when', 'while', 'where', 'but', 'because', 'who', 'whom', 'which', 'was', 'is', 'had', 'has', 'said', 'told',
  ',', '(', ')', ';', ':', "'s", '’s', '"', 'the', 'his', 'her', 'their', 'married', 'met', 'son', 'daughter', 'wife', 'husband',
]);

function wordClass(doc: Doc, k: number): string {
  const t = doc.tokens[k];
  if (!t) return 'none';
  const w = t.text.toLowerCase();
  return CLOSED.has(w) ? w : t.pos;
}

/** Token distance in powers of two. */
const logDistance = (n: number): string => String(Math.min(6, Math.floor(Math.log2(Math.max(1, n)))));

/** Whether the tokens between `from` and `to` hold a clause boundary. */
export function clauseBreakBetween(doc: Doc, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const t = doc.tokens[k]!.text.toLowerCase();
    if (t === ',' || t === ';' || t === ':' || t === 'and' || t === 'but' || t === 'when' || t === 'while' || t === 'after' || t === 'before' || t === 'because' || t === 'that' || t === 'who' || t === 'which') return true;
  }
  return false;
}

export function optionFeatures(doc: Doc, p: PronounSpan, o: OptionFacts): string[] {
  const c = o.candidate;
  const sd = bucket(o.sentences, 3);
  const rank = bucket(o.rank, 3);
  const pc = p.case;
  const form = c.form;
  const f = [
    'bias',
    `role=${c.role}`,
    `case=${pc}|role=${c.role}`,
    `sd=${sd}`,
    `sd=${sd}|role=${c.role}`,
    `sd=${sd}|case=${pc}`,
    `rank=${rank}`,
    `rank=${rank}|case=${pc}`,
    `rank=${rank}|sd=${sd}`,
    `mentions=${bucket(o.mentions, 4)}`,
    `form=${form}`,
    `form=${form}|sd=${sd}`,
    `kind=${c.kind}|pronoun=${p.gender}`,
  ];
  if (o.topic) f.push('topic', `topic|sd=${sd}`, `topic|case=${pc}`);
  if (o.cataphoric) f.push('cataphoric', `cataphoric|case=${pc}|role=${c.role}`);
  if (c.bracketed) f.push('bracketed');
  if (p.gender === 'male' || p.gender === 'female') {
    f.push(o.gender === undefined ? 'gender=unknown' : 'gender=known');
    if (o.gender === undefined && o.hinted !== undefined) f.push(o.hinted === p.gender ? 'hinted=agrees' : 'hinted=disagrees');
  }
  if (o.sentences === 0 && !o.cataphoric) {
    f.push(`same|clauseBreak=${o.clauseBreak}|case=${pc}|role=${c.role}`);
  }
  const sentenceStart = doc.sentences[doc.sentenceOfToken(p.token)]?.first === p.token;
  if (sentenceStart) f.push(`pronounStarts|role=${c.role}|sd=${sd}`);
  const before = wordClass(doc, c.first - 1);
  const after = wordClass(doc, c.form === 'pronoun' ? c.first + 1 : c.mention.last);
  const pBefore = wordClass(doc, p.token - 1);
  f.push(
    `tok=${o.cataphoric ? 'after' : logDistance(p.token - c.first)}`,
    `tok=${o.cataphoric ? 'after' : logDistance(p.token - c.first)}|case=${pc}`,
    `between=${bucket(o.between, 3)}`,
    `between=${bucket(o.between, 3)}|role=${c.role}`,
    `before=${before}`,
    `before=${before}|case=${pc}`,
    `after=${after}`,
    `after=${after}|case=${pc}`,
    `pBefore=${pBefore}|role=${c.role}`,
    `pBefore=${pBefore}|sd=${sd}`,
    `competitors=${bucket(o.competitors, 4)}|rank=${rank}`,
  );
  if (o.latestSubject) f.push('latestSubject', `latestSubject|case=${pc}`, `latestSubject|sd=${sd}`);
  f.push(`total=${bucket(o.total, 5)}`, `total=${bucket(o.total, 5)}|sd=${sd}`);
  if (o.mostMentioned) f.push('mostMentioned', `mostMentioned|case=${pc}`, `mostMentioned|sd=${sd}`);
  // the candidate opens its sentence ("Smith was born …"): the sentence is about it
  const cs = doc.sentences[c.sentence];
  if (cs && !o.cataphoric && firstWordOf(doc, cs.first) === c.first) f.push('opensSentence', `opensSentence|sd=${sd}`, `opensSentence|case=${pc}`);
  // "X and his wife", "X, his brother": the pronoun right after the candidate
  if (!o.cataphoric && c.form !== 'pronoun' && p.token - c.mention.last <= 2) f.push(`adjacent|${wordClass(doc, c.mention.last)}|case=${pc}`);
  // "… and he left", "but she said": a subject pronoun after a conjunction continues the subject
  if (pBefore === 'and' || pBefore === 'but') f.push(`pAfterConj|role=${c.role}|sd=${sd}`);
  // the same word before the candidate and the pronoun ("with X … with him"): parallel roles
  if (before === pBefore && !o.cataphoric) f.push('sameBefore', `sameBefore|case=${pc}`);
  if (c.form === 'name') f.push(`nameWords=${bucket(c.mention.last - c.mention.first, 3)}`);
  return f;
}

/** The first word of a sentence starting at `first`, past opening quotation marks and brackets. */
function firstWordOf(doc: Doc, first: number): number {
  let k = first;
  while (doc.tokens[k] && doc.tokens[k]!.kind !== 'word' && k < first + 3) k++;
  return k;
}

/**
 * "Putin's decision to launch his invasion": the owner of a noun that an infinitive follows is
 * the infinitive's subject, and so what a pronoun of that infinitive's own words refers to.
 */
export function controlsInfinitive(doc: Doc, c: Candidate, p: PronounSpan): boolean {
  if (c.role !== 'possessor' || c.form !== 'name') return false;
  const toks = doc.tokens;
  let k = c.mention.last + 1;
  let nouns = 0;
  while (k < p.token && (toks[k]!.pos === 'NOUN' || toks[k]!.pos === 'ADJ' || toks[k]!.text === '"')) {
    if (toks[k]!.pos === 'NOUN') nouns++;
    k++;
  }
  if (nouns === 0 || toks[k]?.text.toLowerCase() !== 'to' || toks[k + 1]?.pos !== 'VERB') return false;
  return p.token > k + 1 && p.token <= k + 4;
}

const REPORT_VERBS = new Set(reportVerbs.verbs);
/** Hearers that may stand between a reporting verb and its clause ("told reporters he …"). */
const HEARERS = /^(him|her|them|me|us|you|reporters|journalists|lawmakers|parliament|police|investigators|officials|the|a|an|court|jurors|supporters)$/i;

/**
 * "Putin told Trump he would …", "Smith said she was …": a subject pronoun that opens the clause
 * of a verb of saying or thinking refers to that verb's subject (the hearer and "that" may
 * stand between).
 */
export function reportsInfinitive(doc: Doc, c: Candidate, p: PronounSpan, hearers: ReadonlySet<number>): boolean {
  if (p.case !== 'nominative' || c.role !== 'subject' || c.first >= p.token) return false;
  const toks = doc.tokens;
  let k = p.token - 1;
  if (toks[k]?.text.toLowerCase() === 'that') k--;
  // the hearer: a mention of another entity, or a plain noun phrase of a few words
  let steps = 0;
  const inHearer = (t: number): boolean => hearers.has(t) || HEARERS.test(toks[t]!.text) || toks[t]!.text === '-' || toks[t]!.pos === 'NOUN' || toks[t]!.pos === 'ADJ' || toks[t]!.pos === 'PROPN';
  while (k >= 0 && steps < 6 && !REPORT_VERBS.has(toks[k]!.text.toLowerCase()) && inHearer(k)) { k--; steps++; }
  if (!REPORT_VERBS.has(toks[k]?.text.toLowerCase() ?? '')) return false;
  k--;
  while (k >= 0 && toks[k]!.pos === 'ADV') k--;
  const end = c.form === 'pronoun' ? c.first + 1 : c.mention.last;
  return k === end - 1;
}
