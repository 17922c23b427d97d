import type { Doc } from '../../../pipeline/doc.js';
import { mentionsOf } from '../../../model/mentions.js';
import { validSpeaker } from '../grammar.js';
import { afterDateline, isAllCaps, isCapitalized, lower, nounPhraseEndingAt, nounPhraseStartingAt, skipRightAdverbials } from '../phrases.js';
import type { Attribution, FindContext } from '../types.js';
import { readSpeakerPhrase } from './mention.js';
import model from './model.json';

// The learned choice of speaker phrase: the noun phrases around an attribution's cue are
// candidates, each read into features (its head's kind, what stands around it, where it lies
// against the cue, the shape that found the attribution), and an averaged perceptron trained on
// PolNeAR's Source spans (scripts/train-speaker.ts, model.json) ranks them. The shape's own
// phrase is one of the candidates; another replaces it only where it scores higher.

/** How far before and after the cue (in tokens) candidates are read. */
const BEFORE = 30;
const AFTER = 12;

/** One noun phrase the speaker may be, with what the model reads of it. */
export interface SpeakerCandidate {
  /** The phrase `[first, last)`, as the resolver is given it. */
  readonly span: readonly [number, number];
  /** The tokens its mention would cover: the name, the description's head, the pronoun. */
  readonly head: readonly [number, number];
  readonly features: string[];
}

/** A choice the model made or was asked to make: its candidates and which one is the shape's. */
export interface SpeakerChoice {
  readonly doc: Doc;
  readonly att: Attribution;
  readonly candidates: SpeakerCandidate[];
  /** Index of the shape's own phrase among the candidates. */
  readonly rule: number;
}

export type Weights = Readonly<Record<string, number>>;

export const SPEAKER_WEIGHTS: Weights = model.weights as Record<string, number>;

/** A training script's view of every choice, which may name the candidate to take (undefined: none). */
type Observer = (choice: SpeakerChoice) => number | undefined;
let observer: Observer | undefined;

/**
 * Calls `fn` at every speaker choice the quotes stage makes until the returned function is
 * called; where `fn` returns a candidate's index, that candidate is taken.
 */
export function observeSpeakerChoices(fn: Observer): () => void {
  observer = fn;
  return () => { observer = undefined; };
}

export function scoreOf(weights: Weights, features: readonly string[]): number {
  let s = 0;
  for (const f of features) s += weights[f] ?? 0;
  return s;
}

/** How much more than the shape's own phrase another candidate must score to replace it (chosen on PolNeAR dev). */
export const SPEAKER_MARGIN: number = model.margin;

/**
 * The index of the best candidate under `weights`: another candidate replaces the shape's own
 * phrase only where it scores more than `margin` above it.
 */
export function ranked(weights: Weights, choice: Pick<SpeakerChoice, 'candidates' | 'rule'>, margin = SPEAKER_MARGIN): number {
  const ruleScore = scoreOf(weights, choice.candidates[choice.rule]!.features);
  let best = choice.rule;
  let bestScore = ruleScore + margin;
  choice.candidates.forEach((c, i) => {
    const s = scoreOf(weights, c.features);
    if (s > bestScore) { best = i; bestScore = s; }
  });
  return best;
}

/** The speaker phrase of an attribution: the shape's, or the candidate the model ranks above it. */
export function chooseSpeaker(ctx: FindContext, att: Attribution, weights: Weights = SPEAKER_WEIGHTS): readonly [number, number] | undefined {
  if (!att.speaker) return undefined;
  const choice = speakerChoice(ctx, att);
  if (!choice) return att.speaker;
  const forced = observer?.(choice);
  return choice.candidates[forced ?? ranked(weights, choice)]!.span;
}

/** The candidates around an attribution's cue, the shape's phrase among them; undefined where it has no speaker phrase. */
export function speakerChoice(ctx: FindContext, att: Attribution): SpeakerChoice | undefined {
  if (!att.speaker) return undefined;
  const { doc } = ctx;
  const s = doc.sentences[att.sentence]!;
  const cue = att.cue;
  // (past a dateline: "MOSCOW (Reuters) - Russia said")
  const lo = Math.max(afterDateline(doc.tokens, s.first, s.last, ctx.lex), cue.first - BEFORE);
  const hi = Math.min(s.last, cue.last + AFTER);
  const inPiece = (t: number): boolean => att.pieces.some((p) => t >= p.first && t < p.last);
  const usable = (t: number): boolean => ctx.marks.stretchOf[t] === -1 && !inPiece(t) && (t < cue.first || t >= cue.last);
  const spans: Array<readonly [number, number]> = [att.speaker];
  const seen = new Set<string>([`${att.speaker[0]}:${att.speaker[1]}`]);
  const add = (np: readonly [number, number] | undefined): void => {
    if (!np) return;
    for (let t = np[0]; t < np[1]; t++) if (!usable(t)) return;
    const key = `${np[0]}:${np[1]}`;
    if (seen.has(key)) return;
    seen.add(key);
    spans.push(np);
  };
  for (let j = lo; j < hi; j++) {
    if (!usable(j)) continue;
    // the phrase that ends here, read no further left than the window or the nearest unusable token
    let from = j;
    while (from - 1 >= lo && usable(from - 1)) from--;
    const np = nounPhraseEndingAt(doc.tokens, j, from);
    // only phrases that end where a noun phrase ends (not "the foreign" of "the foreign minister")
    if (np && endsPhrase(doc, j, from) && usable(j)) add(np);
    // the phrase after the cue, past its adverbials ("said on Tuesday the minister")
    if (j === cue.last) add(nounPhraseStartingAt(doc.tokens, skipRightAdverbials(doc.tokens, j, hi, ctx.lex), hi));
  }
  const candidates: SpeakerCandidate[] = [];
  let rule = -1;
  const heads = new Set<string>();
  for (const span of spans) {
    const phrase = readSpeakerPhrase(doc, ctx.lex, span[0], span[1]);
    if (!phrase) continue;
    const head: [number, number] = phrase.form === 'nominal' ? [phrase.head, phrase.head + 1] : [phrase.first, phrase.last];
    const key = `${head[0]}:${head[1]}`;
    // two phrases whose mention would be the same: the first (the shape's) stands for both
    if (heads.has(key)) continue;
    // a relative pronoun stands for the phrase before it, itself a candidate
    if (span !== att.speaker && head[1] - head[0] === 1 && /^(who|whom|which|that)$/.test(lower(doc.tokens[head[0]]))) continue;
    heads.add(key);
    // another phrase is a candidate only in the cue's own clause: no verb or clause word between them
    if (span !== att.speaker && !sameClause(doc, span, cue)) continue;
    const features = featuresOf(ctx, att, span, head, phrase.form, phrase.pronoun, phrase.type);
    if (span === att.speaker) {
      rule = candidates.length;
      // the shape's own reading is evidence too: what it is worth, per shape and kind of phrase, is learned
      features.push('shape', `shape|rule=${att.rule ?? 'none'}`, `shape|${feature(features, 'kind=')}`, `shape|${feature(features, 'ent=')}`);
    }
    candidates.push({ span, head, features });
  }
  if (rule < 0 || candidates.length < 2) return undefined;
  // how near each candidate is to the cue among those on its side (0: the nearest noun phrase)
  const order = (side: (c: SpeakerCandidate) => boolean, key: (c: SpeakerCandidate) => number): void => {
    candidates.filter(side).sort((a, b) => key(a) - key(b)).forEach((c, k) => {
      const side = c.span[1] <= cue.first ? 'before' : 'after';
      const clause = c.features.includes(`clause|side=${side}`) ? 'clause' : 'same';
      c.features.push(`rank=${Math.min(k, 3)}|side=${side}`, `rank=${Math.min(k, 3)}|side=${side}|${clause}`, `rank=${Math.min(k, 3)}|${feature(c.features, 'kind=')}`);
    });
  };
  order((c) => c.span[1] <= cue.first, (c) => cue.first - c.span[1]);
  order((c) => c.span[1] > cue.first, (c) => c.span[0] - cue.last);
  return { doc, att, candidates, rule };
}

/** Words that open another clause between a phrase and the cue ("where experts say", "Trump, who says"). */
const CLAUSE_WORDS = /^(who|whom|whose|which|that|where|when|while|whereas|because|although|though|if|unless|since|after|before|until|as|and|but|or|;|:)$/;

/**
 * Whether nothing between the phrase and the cue opens another clause: no verb, no clause word,
 * no quotation mark; but a verb the cue is coordinated with ("I laughed and said") is the same subject's.
 */
function sameClause(doc: Doc, span: readonly [number, number], cue: { first: number; last: number }): boolean {
  let [a, b] = span[1] <= cue.first ? [span[1], cue.first] : [cue.last, span[0]];
  if (b === cue.first) {
    let k = b - 1;
    if (k > a && /^(and|or|but)$/.test(lower(doc.tokens[k]))) {
      k--;
      while (k >= a && (doc.tokens[k]!.pos === 'ADV' || doc.tokens[k]!.text === ',')) k--;
      const verb = k;
      while (k >= a && (doc.tokens[k]!.pos === 'VERB' || doc.tokens[k]!.pos === 'AUX' || doc.tokens[k]!.pos === 'ADV')) k--;
      if (k < verb) b = k + 1;
    }
  }
  for (let t = a; t < b; t++) {
    const tok = doc.tokens[t]!;
    if (tok.pos === 'VERB' || tok.pos === 'AUX' || CLAUSE_WORDS.test(lower(tok)) || /^["\u201c\u201d]$/.test(tok.text)) return false;
  }
  return true;
}

/** Whether a noun phrase may end at token `j`: not inside a hyphenated or longer phrase ("Holtz" of "Holtz-Eakin", "the top British" of "the top British medical journal"). */
function endsPhrase(doc: Doc, j: number, from: number): boolean {
  const next = doc.tokens[j + 1];
  if (next && !next.spaceBefore && next.kind !== 'punctuation' && !/^['\u2019]s$/.test(next.text)) return false;
  if (next && !next.spaceBefore && (next.text === '-' || next.text === '.') && doc.tokens[j + 2] && !doc.tokens[j + 2]!.spaceBefore) return false;
  // (a phrase that ends a word or a few later and takes this one in: "British" of "the top British medical journal")
  for (let k = j + 1; k <= j + 3 && k < doc.tokens.length; k++) {
    const longer = nounPhraseEndingAt(doc.tokens, k, from);
    if (longer && longer[0] <= j) return false;
  }
  return true;
}

/** A candidate's feature that starts with `prefix` ("kind=name"). */
const feature = (features: readonly string[], prefix: string): string => features.find((f) => f.startsWith(prefix)) ?? `${prefix}none`;

const mentionTypes = new WeakMap<FindContext, Map<number, string>>();

/** The type of the entities stage's mention at each token ("person", "place"…), read once per document. */
function typeAt(ctx: FindContext, t: number): string {
  let map = mentionTypes.get(ctx);
  if (!map) {
    map = new Map();
    for (const m of mentionsOf(ctx.doc)) if (m.form === 'name') for (let k = m.first; k < m.last; k++) map.set(k, m.type);
    mentionTypes.set(ctx, map);
  }
  return map.get(t) ?? 'none';
}

const bucket = (n: number): string => (n <= 2 ? String(n) : n <= 5 ? '3-5' : n <= 10 ? '6-10' : '11+');

function featuresOf(ctx: FindContext, att: Attribution, span: readonly [number, number], head: readonly [number, number], form: string, pronoun: string | undefined, type: string): string[] {
  const toks = ctx.doc.tokens;
  const { lex } = ctx;
  const cue = att.cue;
  const rule = att.rule ?? 'none';
  const [f, l] = span;
  const h = toks[head[1] - 1]!;
  const hw = lower(h);
  const before = l <= cue.first;
  const side = before ? 'before' : 'after';
  const gap = before ? cue.first - l : f - cue.last;
  const between = before ? toks.slice(l, cue.first) : toks.slice(cue.last, f);
  const kind = form === 'pronoun' ? `pronoun:${pronoun}` : form;
  const ent = typeAt(ctx, head[1] - 1);
  const prev = toks[f - 1];
  const next = toks[l];
  const sentence = ctx.doc.sentences[att.sentence]!;
  const out: string[] = [
    'bias',
    `kind=${kind}`,
    `type=${type}`,
    `ent=${ent}`,
    `side=${side}`,
    `side=${side}|gap=${bucket(gap)}`,
    `side=${side}|kind=${kind}`,
    `rule=${rule}|side=${side}`,
    `rule=${rule}|side=${side}|gap=${bucket(gap)}`,
    `rule=${rule}|kind=${kind}`,
    `cue=${cue.kind}|side=${side}`,
    `cue=${cue.kind}|side=${side}|gap=${bucket(gap)}`,
    `ent=${ent}|side=${side}`,
  ];
  if (!validSpeaker(ctx, span)) out.push('invalid', `invalid|side=${side}`);
  if (lex.personRoles.has(hw) || lex.personRoles.has(hw.replace(/s$/, ''))) out.push('head=role');
  if (lex.groupNouns.has(hw) || lex.groupNouns.has(hw.replace(/s$/, ''))) out.push('head=group');
  if (lex.documentNouns.has(hw) || lex.documentNouns.has(hw.replace(/s$/, ''))) out.push('head=document');
  if (form === 'pronoun') out.push(`pronoun=${hw}`, `pronoun=${hw}|side=${side}|gap=${bucket(gap)}`);
  out.push(`cap=${isAllCaps(h) ? 'all' : isCapitalized(h) ? (head[1] - 1 === sentence.first ? 'initial' : 'yes') : 'no'}`);
  out.push(`headpos=${h.pos}`, `firstpos=${toks[f]!.pos}`);
  out.push(`prev=${prevKind(prev)}`, `prev=${prevKind(prev)}|side=${side}`, `next=${nextKind(next, cue.first === l)}`);
  // what stands between the phrase and the cue
  const commas = between.filter((t) => t.text === ',').length;
  const verbs = between.filter((t) => t.pos === 'VERB' || t.pos === 'AUX').length;
  const clause = between.some((t) => /^(who|which|that|and|but|because|while|when|if|;|:)$/.test(lower(t)));
  if (clause) out.push(`clause|side=${side}`, `clause|side=${side}|gap=${bucket(gap)}`);
  out.push(`commas=${Math.min(commas, 3)}|side=${side}`, `verbs=${Math.min(verbs, 2)}|side=${side}`, `verbs=${Math.min(verbs, 2)}|side=${side}|gap=${bucket(gap)}`);
  if (between.some((t) => t.text === '"' || t.text === '\u201c' || t.text === '\u201d')) out.push('quote-between');
  // its place in the clause: the first phrase of the sentence, inside another phrase's of-phrase
  if (f === sentence.first || (prev && (prev.text === '"' || prev.text === ':'))) out.push('starts-sentence', `starts-sentence|kind=${kind}`);
  for (let k = f; k < head[0]; k++) {
    const w = lower(toks[k]);
    if (w === 'of' || w === 'for') { out.push('head-after-of'); break; }
  }
  if (head[1] < l) out.push('head-before-modifier');
  if (prev?.text === ',' && toks[f - 2] && (isCapitalized(toks[f - 2]) || toks[f - 2]!.pos === 'NOUN') && next?.text === ',') out.push('apposition');
  if (l - f === 1 && h.pos === 'ADV') out.push('adverb');
  // "an architect who said", "Trump, who says": the antecedent of the relative pronoun the cue follows
  const rel = next?.text === ',' ? toks[l + 1] : next;
  if (before && rel && /^(who|which)$/.test(lower(rel)) && !between.slice(rel === next ? 1 : 2).some((t) => t.pos === 'VERB' || /^(who|which|that|,)$/.test(lower(t)))) out.push('relative-antecedent');
  return out;
}

function prevKind(t: { text: string; pos: string } | undefined): string {
  if (!t) return 'none';
  const w = t.text.toLowerCase();
  if (/^(of|for|to|by|in|at|with|from|on|about|against|than)$/.test(w)) return `prep:${w}`;
  if (/^[,;:"\u201c\u201d()-]$/.test(t.text) || /^[\u2013\u2014]$/.test(t.text)) return `punct:${t.text}`;
  if (t.pos === 'VERB' || t.pos === 'AUX') return 'verb';
  if (/^(and|or|but)$/.test(w)) return 'conj';
  return t.pos;
}

function nextKind(t: { text: string; pos: string } | undefined, cueNext: boolean): string {
  if (cueNext) return 'cue';
  if (!t) return 'none';
  if (t.text === "'s" || t.text === '\u2019s') return 'possessive';
  if (/^[,;:"\u201c\u201d()-]$/.test(t.text) || /^[\u2013\u2014]$/.test(t.text)) return `punct:${t.text}`;
  if (t.pos === 'VERB' || t.pos === 'AUX') return 'verb';
  return t.pos;
}
