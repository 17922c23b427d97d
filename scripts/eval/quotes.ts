/**
 * Quote figures on PolNeAR dev, scored as issue 4 says:
 * - speech attributions: the Cue is a reporting verb or phrase (or ":" or a dash), or the
 *   Content holds a quotation mark; direct ones: the Content holds a quoted stretch of at
 *   least three words;
 * - an attribution is found when system quotes cover ≥ 50% (and, separately, ≥ 80%) of its
 *   Content characters (of its quoted stretches, for direct ones); a system quote is correct
 *   when ≥ 50% (80%) of its characters lie inside some gold Content of any attribution;
 * - its speaker is right when the speaker mention overlaps the gold Source, or the speaker
 *   entity has a mention overlapping it, or (a named Source) the entity's name ends with the
 *   Source's last word; a Source that is a relative pronoun ("who") is right when the system
 *   names its antecedent (the phrase right before it), and a Source label on the cue verb
 *   with a Cue label on a name is read swapped (both counted and printed). Attributions
 *   without a Source are left out of speaker accuracy.
 * Articles with several annotator files are scored against each file separately and the
 * counts pooled (micro-average over article × annotator).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_STAGES, extract, query, type AnnotationGraph, type ExtractOptions } from '../../src/index.js';
import { loadManifest, readArticle, readExpected } from './corpus.js';
import { SHARED_DATA } from './paths.js';
import type { EvalSuite } from './suite.js';

type Range = readonly [number, number];

export interface GoldAttribution {
  readonly content: Range[];
  readonly cue: Range[];
  readonly source: Range[];
  readonly cueText: string;
  readonly contentText: string;
  readonly sourceText: string;
}

/** Reporting verbs and phrases (lemmas) that make an attribution speech, for scoring only. */
const SPEECH_LEMMAS = new Set(`say tell according add note write tweet ask announce claim state declare explain argue insist
  assert comment confirm deny acknowledge admit concede warn urge reply respond answer remark mention report reveal
  disclose describe call cite quote testify vow pledge promise boast joke quip predict suggest propose recommend demand
  complain criticize criticise praise blast slam attack accuse charge allege contend maintain emphasize emphasise stress
  observe point recall recount reiterate repeat continue conclude agree disagree question wonder speak post
  interview inform brief remind assure reassure caution counter retort shout yell scream cry whisper exclaim plead
  statement told said says saying according`.split(/\s+/).filter(Boolean));

const IRREGULAR: Record<string, string> = { said: 'say', says: 'say', told: 'tell', wrote: 'write', written: 'write', spoke: 'speak', spoken: 'speak' };

function lemmaOf(w: string): string {
  const x = w.toLowerCase().replace(/[^a-z]/g, '');
  if (IRREGULAR[x]) return IRREGULAR[x]!;
  for (const cand of [x, x.replace(/ies$/, 'y'), x.replace(/ied$/, 'y'), x.replace(/es$/, ''), x.replace(/s$/, ''), x.replace(/ed$/, ''), x.replace(/d$/, ''), x.replace(/ing$/, ''), x.replace(/ing$/, 'e'), x.replace(/([a-z])\1ed$/, '$1'), x.replace(/([a-z])\1ing$/, '$1')]) {
    if (SPEECH_LEMMAS.has(cand)) return cand;
  }
  return x;
}

const DOUBLE_MARKS = /["\u201c\u201d\u00ab\u00bb\u201e]/;

export function isSpeech(a: GoldAttribution): boolean {
  const cue = a.cueText.trim();
  if (cue === ':' || /^[\u2013\u2014\u2015-]+$/.test(cue)) return true;
  if (DOUBLE_MARKS.test(a.contentText) || a.contentText.includes('\u2018')) return true;
  return cue.split(/\s+/).some((w) => SPEECH_LEMMAS.has(lemmaOf(w)));
}

/** The quoted stretches (≥ 3 words) inside an attribution's content, as text ranges. */
function quotedStretches(text: string, a: GoldAttribution): Range[] {
  const out: Range[] = [];
  for (const [s, e] of a.content) {
    let open = -1;
    for (let i = s; i < e; i++) {
      const c = text[i]!;
      const isOpen = c === '\u201c' || c === '\u00ab' || c === '\u201e' || (c === '"' && open < 0);
      const isClose = c === '\u201d' || c === '\u00bb' || (c === '"' && open >= 0);
      if (open < 0 && isOpen) open = i + 1;
      else if (open >= 0 && isClose) {
        if (text.slice(open, i).trim().split(/\s+/).length >= 3) out.push([open, i]);
        open = -1;
      }
    }
  }
  return out;
}

export function readAnn(path: string, text: string): GoldAttribution[] {
  const spans = new Map<string, { type: string; ranges: Range[] }>();
  const events: string[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const cols = line.split('\t');
    if (line.startsWith('T') && cols.length >= 2) {
      const sp = cols[1]!.indexOf(' ');
      const type = cols[1]!.slice(0, sp);
      const ranges = cols[1]!.slice(sp + 1).split(';').map((r) => r.trim().split(' ').map(Number) as unknown as Range);
      spans.set(cols[0]!, { type, ranges });
    } else if (line.startsWith('E') && cols.length >= 2) events.push(cols[1]!);
  }
  const out: GoldAttribution[] = [];
  for (const e of events) {
    const parts = e.split(' ').map((p) => p.split(':') as [string, string]);
    const get = (role: string): Range[] => parts.filter(([r]) => r.replace(/\d+$/, '') === role).flatMap(([, id]) => spans.get(id)?.ranges ?? []);
    const content = get('Content');
    if (content.length === 0) continue;
    const cue = get('Cue');
    const source = get('Source');
    const join = (rs: Range[]): string => rs.map(([s, t]) => text.slice(s, t)).join(' ');
    out.push({ content, cue, source, cueText: join(cue), contentText: join(content), sourceText: join(source) });
  }
  return out;
}

interface SysQuote {
  readonly start: number;
  readonly end: number;
  readonly form: string;
  /** The rule that made it (the quote node's `rule`), or "(none)". */
  readonly rule: string;
  readonly mention?: { start: number; end: number };
  readonly entity?: { name: string; mentions: Range[] };
}

function systemQuotes(g: AnnotationGraph): SysQuote[] {
  const q = query(g);
  return q.quotes().map((v): SysQuote => {
    const mention = v.speaker?.mention;
    const entity = v.speaker?.entity;
    return {
      start: v.start, end: v.end, form: v.form, rule: v.rule ?? '(none)',
      ...(mention ? { mention: { start: mention.start, end: mention.end } } : {}),
      ...(entity ? { entity: { name: entity.name, mentions: q.mentionsOf(entity.id).map((m): Range => [m.start, m.end]) } } : {}),
    };
  });
}

const overlapLen = (a: Range, b: Range): number => Math.max(0, Math.min(a[1], b[1]) - Math.max(a[0], b[0]));

/** Characters of `ranges` covered by `cover` (both lists of ranges; `cover` may overlap itself). */
function covered(ranges: readonly Range[], cover: readonly Range[]): number {
  let n = 0;
  for (const r of ranges) {
    const marks = new Uint8Array(r[1] - r[0]);
    for (const c of cover) for (let i = Math.max(r[0], c[0]); i < Math.min(r[1], c[1]); i++) marks[i - r[0]] = 1;
    for (const m of marks) n += m;
  }
  return n;
}
const size = (rs: readonly Range[]): number => rs.reduce((s, [a, b]) => s + (b - a), 0);

/**
 * How the scorer read a gold source other than as written, counted so the eval can say so:
 * `relative`, a relative pronoun whose antecedent the system named ("an architect, who said
 * …": PolNeAR marks "who"); `swapped`, a Source label on the cue verb and a Cue label on the
 * name ("Hester [Cue] said [Source]"), an annotation slip read the right way round.
 */
type SourceReading = 'written' | 'relative' | 'swapped' | 'name';

const RELATIVE_PRONOUN = /^(who|whom|which|that)$/i;
const CUE_WORD = /^(said|says|say|told|tells|added|adds|wrote|writes|asked|explained|noted)$/i;

/** Whether the system quote's speaker is the gold source, and how the source was read to say so (false: not right). */
function speakerRight(q: SysQuote | undefined, gold: GoldAttribution, text: string): SourceReading | false {
  if (!q) return false;
  if (sourceIs(q, gold.source)) return 'written';
  if (CUE_WORD.test(gold.sourceText.trim()) && /^\p{Lu}/u.test(gold.cueText.trim()) && sourceIs(q, gold.cue)) return 'swapped';
  if (RELATIVE_PRONOUN.test(gold.sourceText.trim()) && gold.source.length === 1) {
    const at = gold.source[0]![0];
    const spans: Range[] = [...(q.mention ? [[q.mention.start, q.mention.end] as Range] : []), ...(q.entity?.mentions ?? [])];
    // (not a preposition's object: "Democrats on Capitol Hill, who have argued", "a staffer at the State Department who told")
    const objectOf = (start: number): boolean => /\b(on|at|in|of|for|from|with|by|to|about)\s+(the\s+|a\s+|an\s+)?$/i.test(text.slice(Math.max(0, start - 20), start));
    if (spans.some(([start, end]) => end <= at && /^[\s,]*$/.test(text.slice(end, at)) && !objectOf(start))) return 'relative';
  }
  const words = gold.sourceText.trim().split(/\s+/);
  const lastWord = words[words.length - 1]?.replace(/[^\p{L}\p{N}-]/gu, '') ?? '';
  const named = /^\p{Lu}/u.test(lastWord);
  return named && q.entity !== undefined && lastWord.length > 0 && q.entity.name.endsWith(lastWord) ? 'name' : false;
}

/** Whether the system's speaker mention, or a mention of its entity, overlaps one of the spans. */
function sourceIs(q: SysQuote, spans: readonly Range[]): boolean {
  if (q.mention && spans.some((s) => overlapLen([q.mention!.start, q.mention!.end], s) > 0)) return true;
  return q.entity?.mentions.some((m) => spans.some((s) => overlapLen(m, s) > 0)) ?? false;
}

interface Counts { gold: number; found50: number; found80: number; sys: number; correct50: number; correct80: number; spkJudged: number; spkRight: number }
const zero = (): Counts => ({ gold: 0, found50: 0, found80: 0, sys: 0, correct50: 0, correct80: 0, spkJudged: 0, spkRight: 0 });

export function publicationDates(): Map<string, string> {
  const out = new Map<string, string>();
  const path = join(SHARED_DATA, 'polnear', 'metadata.tsv');
  if (!existsSync(path)) return out;
  const lines = readFileSync(path, 'utf8').split('\n');
  const head = lines[0]!.split('\t');
  const fi = head.indexOf('filename');
  const di = head.indexOf('publication_date');
  for (const line of lines.slice(1)) {
    const c = line.split('\t');
    if (c[fi] && c[di] && /^\d{4}-\d{2}-\d{2}/.test(c[di]!)) out.set(c[fi]!, c[di]!.slice(0, 10));
  }
  return out;
}

/**
 * Per rule (the quote node's `rule`): `sys` and `correct50` count its quotes as precision does; `found50`
 * counts the speech attributions found whose best-covering quote is the rule's, so the rules' shares of
 * recall add up to the recall; the speaker counts likewise.
 */
type RuleCounts = Map<string, Counts>;

function countsOf(byRule: RuleCounts, rule: string): Counts {
  let c = byRule.get(rule);
  if (!c) byRule.set(rule, (c = zero()));
  return c;
}

/** Scores one split; `drop` removes stages from the default pipeline (for debugging only). */
export function scorePolnear(split: 'train' | 'dev', opts: { limit?: number; drop?: string[]; verbose?: boolean } = {}): { speech: Counts; direct: Counts; byRule: RuleCounts; articles: number; annotations: number; readings: Record<'relative' | 'swapped', number> } {
  const dir = join(SHARED_DATA, 'polnear', split);
  const dates = publicationDates();
  const anns = readdirSync(join(dir, 'attributions')).filter((f) => f.endsWith('.ann')).sort();
  const byArticle = new Map<string, string[]>();
  for (const f of anns) {
    const id = f.replace(/_[0-9a-f]+\.ann$/, '');
    byArticle.set(id, [...(byArticle.get(id) ?? []), f]);
  }
  const speech = zero();
  const direct = zero();
  const byRule: RuleCounts = new Map();
  let articles = 0;
  let annotations = 0;
  const readings = { relative: 0, swapped: 0 };
  for (const [id, files] of [...byArticle].slice(0, opts.limit ?? Infinity)) {
    const textPath = join(dir, 'text', `${id}.txt`);
    if (!existsSync(textPath)) continue;
    const text = readFileSync(textPath, 'utf8');
    const published = dates.get(id);
    const options: ExtractOptions = { ...(published ? { published } : {}), ...(opts.drop?.length ? { pipeline: { drop: opts.drop } } : {}) };
    const quotes = systemQuotes(extract(text, options));
    articles++;
    const qr: Range[] = quotes.map((q) => [q.start, q.end]);
    for (const f of files) {
      annotations++;
      const gold = readAnn(join(dir, 'attributions', f), text);
      const allContent = gold.flatMap((a) => a.content);
      for (const q of quotes) {
        const share = covered([[q.start, q.end]], allContent) / Math.max(1, q.end - q.start);
        for (const c of [speech, direct, countsOf(byRule, q.rule)]) {
          c.sys++;
          if (share >= 0.5) c.correct50++;
          if (share >= 0.8) c.correct80++;
        }
      }
      for (const a of gold) {
        if (!isSpeech(a)) continue;
        const stretches = quotedStretches(text, a);
        const isDirect = stretches.length > 0;
        const target = isDirect ? stretches : a.content;
        const cov = covered(target, qr) / Math.max(1, size(target));
        // the system quote that covers most of it gives the speaker
        let best: SysQuote | undefined;
        let bestOv = 0;
        for (const q of quotes) {
          const ov = covered(target, [[q.start, q.end]]);
          if (ov > bestOv) { bestOv = ov; best = q; }
        }
        const right = speakerRight(best, a, text);
        const credited = best && cov >= 0.5 ? [countsOf(byRule, best.rule)] : [];
        if (cov >= 0.5 && (right === 'relative' || right === 'swapped')) readings[right]++;
        for (const c of [...(isDirect ? [speech, direct] : [speech]), ...credited]) {
          c.gold++;
          if (cov >= 0.5) {
            c.found50++;
            if (a.source.length > 0) {
              c.spkJudged++;
              if (right) c.spkRight++;
            }
          }
          if (cov >= 0.8) c.found80++;
        }
        if (opts.verbose && (cov < 0.5 || (a.source.length > 0 && !right))) {
          console.log(`  ${cov < 0.5 ? 'MISS' : 'SPKR'} ${id}@${a.cue[0]?.[0] ?? a.content[0]![0]} ${isDirect ? 'D' : 'I'} cov=${cov.toFixed(2)} [${a.cueText}] src=[${a.sourceText}] sys=${best ? `${best.mention ? text.slice(best.mention.start, best.mention.end) : '-'}/${best.entity?.name ?? '-'}` : '-'} :: ${a.contentText.slice(0, 110).replace(/\s+/g, ' ')}`);
        }
      }
      if (opts.verbose) {
        for (const q of quotes) {
          const share = covered([[q.start, q.end]], allContent) / Math.max(1, q.end - q.start);
          if (share < 0.5) console.log(`  FP ${q.form} ${text.slice(q.start, q.end).slice(0, 120).replace(/\s+/g, ' ')}`);
        }
      }
    }
  }
  return { speech, direct, byRule, articles, annotations, readings };
}

interface CorpusQuote { start: number; end: number; text: string; speaker: { start: number; end: number } | null; entity: string | null; pending?: boolean }

/**
 * The test corpus's hand-checked quotes: recall counts a quote found when a system quote
 * has its exact span and its speaker's entity; precision counts a system quote right when
 * its span is an expected quote's (pending ones included: they are right, only not produced).
 */
function scoreCorpus(): { seedRecall: number; recall: number; precision: number } {
  let gold = 0;
  let found = 0;
  let sys = 0;
  let right = 0;
  let seedGold = 0;
  let seedFound = 0;
  for (const entry of loadManifest()) {
    const expected = readExpected<{ quotes: CorpusQuote[] }>(entry.id, 'quotes');
    if (!expected) continue;
    const g = extract(readArticle(entry), entry.published ? { published: entry.published } : undefined);
    const quotes = systemQuotes(g);
    let f = 0;
    for (const q of expected.quotes) {
      const hit = quotes.find((x) => x.start === q.start && x.end === q.end);
      if (hit && hit.entity?.name === q.entity) f++;
    }
    const r = quotes.filter((x) => expected.quotes.some((q) => q.start === x.start && q.end === x.end)).length;
    gold += expected.quotes.length;
    found += f;
    sys += quotes.length;
    right += r;
    if (entry.id === 'daily8-russia-ukraine-page') { seedGold += expected.quotes.length; seedFound += f; }
    console.log(`  ${entry.id.padEnd(40)} quotes with speaker ${f}/${expected.quotes.length}, system quotes right ${r}/${quotes.length}`);
  }
  return { seedRecall: ratio(seedFound, seedGold), recall: ratio(found, gold), precision: ratio(right, sys) };
}

const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b);

/** One row per rule: its quotes, their precision, the attributions it found (its share of recall) and its speakers. */
function printRules(byRule: RuleCounts, gold: number): void {
  console.log(`  per rule (PolNeAR dev, 50% overlap; quotes counted per annotator file, as above):`);
  console.log(`    ${'rule'.padEnd(20)} ${'quotes'.padStart(6)} ${'precision'.padStart(9)} ${'found'.padStart(6)} ${'recall'.padStart(6)} ${'speaker'.padStart(7)}`);
  for (const [rule, c] of [...byRule].sort((a, b) => b[1].sys - a[1].sys || a[0].localeCompare(b[0]))) {
    const spk = c.spkJudged === 0 ? '-' : ratio(c.spkRight, c.spkJudged).toFixed(3);
    console.log(`    ${rule.padEnd(20)} ${String(c.sys).padStart(6)} ${ratio(c.correct50, c.sys).toFixed(3).padStart(9)} ${String(c.found50).padStart(6)} ${ratio(c.found50, gold).toFixed(3).padStart(6)} ${spk.padStart(7)}`);
  }
}
const f1 = (p: number, r: number): number => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

export const quotesSuite: EvalSuite = {
  name: 'quotes',
  needsSharedData: true,
  // a little under the figures last measured (PolNeAR dev, 2026-12-08, with the learned speaker choice and the recall work:
  // recall50 0.830, precision50 0.934, F1@80 0.855, speaker accuracy 0.967, direct recall 0.952, direct speaker accuracy 0.981;
  // seed page 30/30; all of issue 4's figures reached; before issue 13's recall work: recall50 0.811, precision50 0.931,
  // F1@80 0.842, direct recall 0.942)
  thresholds: {
    'speech.recall50': 0.826,
    'speech.precision50': 0.93,
    'speech.f1_80': 0.85,
    'speech.speakerAccuracy': 0.965,
    'direct.recall50': 0.947,
    'direct.speakerAccuracy': 0.978,
    'seed.recall': 0.99,
    'corpus.recall': 0.975,
    'corpus.precision': 0.98,
  },
  run() {
    const drop = process.env.QUOTES_EVAL_DROP?.split(',').filter((n) => DEFAULT_STAGES.some((s) => s.name === n));
    const { speech, direct, byRule, articles, annotations, readings } = scorePolnear('dev', { ...(drop ? { drop } : {}), verbose: process.env.QUOTES_EVAL_VERBOSE === '1' });
    const p50 = ratio(speech.correct50, speech.sys);
    const r50 = ratio(speech.found50, speech.gold);
    const p80 = ratio(speech.correct80, speech.sys);
    const r80 = ratio(speech.found80, speech.gold);
    const figures: Record<string, number> = {
      'speech.recall50': r50,
      'speech.precision50': p50,
      'speech.f1_50': f1(p50, r50),
      'speech.f1_80': f1(p80, r80),
      'speech.speakerAccuracy': ratio(speech.spkRight, speech.spkJudged),
      'direct.recall50': ratio(direct.found50, direct.gold),
      'direct.speakerAccuracy': ratio(direct.spkRight, direct.spkJudged),
    };
    const corpus = scoreCorpus();
    Object.assign(figures, { 'seed.recall': corpus.seedRecall, 'corpus.recall': corpus.recall, 'corpus.precision': corpus.precision });
    console.log(`  test corpus: quotes found with their speaker ${corpus.recall.toFixed(3)} (seed page ${corpus.seedRecall.toFixed(3)}); system quotes right ${corpus.precision.toFixed(3)}`);
    console.log(`  PolNeAR dev: ${articles} articles, ${annotations} annotator files (each scored on its own, counts pooled)${drop ? `; stages dropped: ${drop.join(', ')}` : ''}`);
    console.log(`  speech attributions ${speech.gold} (direct ${direct.gold}); system quotes ${speech.sys}`);
    console.log(`  50% overlap: recall ${r50.toFixed(3)}  precision ${p50.toFixed(3)}  F1 ${f1(p50, r50).toFixed(3)}`);
    console.log(`  80% overlap: recall ${r80.toFixed(3)}  precision ${p80.toFixed(3)}  F1 ${f1(p80, r80).toFixed(3)}`);
    console.log(`  speaker accuracy: all found speech ${figures['speech.speakerAccuracy']!.toFixed(3)} (${speech.spkRight}/${speech.spkJudged}); direct ${figures['direct.speakerAccuracy']!.toFixed(3)} (${direct.spkRight}/${direct.spkJudged}); direct recall ${figures['direct.recall50']!.toFixed(3)}`);
    console.log(`  gold sources read otherwise: ${readings.relative} relative pronouns credited to the antecedent the system named ("an architect, who said"), ${readings.swapped} with the Source and Cue labels swapped ("Hester [Cue] said [Source]")`);
    printRules(byRule, speech.gold);
    return figures;
  },
};
