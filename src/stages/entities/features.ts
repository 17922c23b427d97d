import nlp from 'compromise';
import type { Token } from '../../text/tokenize.js';
import { clustersOf } from './clusters.js';

/**
 * Features of the named-entity tagger, shared by training (`scripts/train-ner.ts`) and
 * run time so that both see exactly the same thing. A feature is a 32-bit hash of a
 * template id and its values; the per-word part of it is cached by the word's text,
 * so the work per token is a few integer mixes and table look-ups.
 */

/** Mixes two 32-bit values into one (murmur3's finaliser over a combination). */
export function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

/** FNV-1a over a string's UTF-16 units. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h | 0;
}

/** Gazetteer classes from compromise's lexicon. */
const GAZ_NONE = 0;
const GAZ_FIRST = 1;
const GAZ_LAST = 2;
const GAZ_PLACE = 3;
const GAZ_ORG = 4;
const GAZ_DEMONYM = 5;
const GAZ_TITLE = 6;
const GAZ_DATE = 7;
const GAZ_MULTI_PLACE = 8;
const GAZ_MULTI_ORG = 9;
const GAZ_MULTI_PERSON = 10;

export type FirstNameGender = 'male' | 'female' | undefined;

interface Lexicon {
  /** Single words by class. */
  readonly words: Map<string, number>;
  /** Two-word entries ("new york", "white house") by class. */
  readonly pairs: Map<string, number>;
  readonly gender: Map<string, 'male' | 'female'>;
}

function classOf(tag: string): number {
  if (tag.includes('FemaleName') || tag.includes('MaleName') || tag.includes('FirstName')) return GAZ_FIRST;
  if (tag.includes('LastName') || tag === 'Person') return GAZ_LAST;
  if (tag.includes('Country') || tag.includes('City') || tag.includes('Place') || tag.includes('Region')) return GAZ_PLACE;
  if (tag.includes('Organization') || tag.includes('SportsTeam')) return GAZ_ORG;
  if (tag.includes('Demonym')) return GAZ_DEMONYM;
  if (tag.includes('Honorific') || tag.includes('Actor')) return GAZ_TITLE;
  if (tag.includes('Month') || tag.includes('WeekDay')) return GAZ_DATE;
  return GAZ_NONE;
}

let lexicon: Lexicon | undefined;
/** compromise's word list, read once (its lexicon only: no parsing is run). */
function lex(): Lexicon {
  if (lexicon) return lexicon;
  const words = new Map<string, number>();
  const pairs = new Map<string, number>();
  const gender = new Map<string, 'male' | 'female'>();
  const world = (nlp as unknown as { world(): { model: { one: { lexicon: Record<string, string | string[]> } } } }).world();
  for (const [key, value] of Object.entries(world.model.one.lexicon)) {
    const tag = Array.isArray(value) ? value.join('|') : value;
    let cls = classOf(tag);
    if (cls === GAZ_NONE) continue;
    if (tag.includes('FemaleName')) gender.set(key, 'female');
    else if (tag.includes('MaleName')) gender.set(key, 'male');
    const parts = key.split(' ');
    if (parts.length === 1) words.set(key, cls);
    else if (parts.length === 2) {
      if (cls === GAZ_PLACE) cls = GAZ_MULTI_PLACE;
      else if (cls === GAZ_ORG) cls = GAZ_MULTI_ORG;
      else if (cls === GAZ_FIRST || cls === GAZ_LAST) cls = GAZ_MULTI_PERSON;
      else continue;
      pairs.set(key, cls);
    }
  }
  lexicon = { words, pairs, gender };
  return lexicon;
}

/** The gender a first name tells, where compromise's lexicon knows it. */
export function firstNameGender(word: string): FirstNameGender {
  return lex().gender.get(word.toLowerCase());
}

/** Whether a lower-cased word is a demonym ("russian", "polish") in the lexicon. */
export function isDemonym(lower: string): boolean {
  return lex().words.get(lower) === GAZ_DEMONYM;
}

/** Whether a lower-cased word is a place or organization in the lexicon ("mexico", "nato"). */
export function isKnownPlaceOrOrg(lower: string): boolean {
  const cls = lex().words.get(lower);
  return cls === GAZ_PLACE || cls === GAZ_ORG;
}

/** What is cached per word form. */
interface WordInfo {
  readonly lowerH: number;
  readonly shortShapeH: number;
  readonly gaz: number;
  /** 0 lower/other, 1 Title, 2 ALLCAPS, 3 mixed. */
  readonly caps: number;
  readonly letters: boolean;
  /** The word's own (context-free) features. */
  readonly own: Int32Array;
  /** Its word clusters, finest grain first (none for unknown words and short acronyms). */
  readonly cl: Int32Array | undefined;
}

const T = {
  bias: 1, lower: 2, raw: 3, shape: 4, shortShape: 5, pre1: 6, pre2: 7, pre3: 8, suf2: 9, suf3: 10, suf4: 11, gaz: 12,
  wPrev: 20, wNext: 21, wPrev2: 22, wNext2: 23, sPrev: 24, sNext: 25, sTri: 26, gPrev: 27, gNext: 28,
  pos: 29, posPrev: 30, posNext: 31, posBi: 32, posBiPrev: 33, biPrev: 34, biNext: 35, first: 36,
  capsUnit: 37, capsUnitGaz: 38, docLower: 39, docTitleMid: 40, pair: 41, pairPrev: 42, len: 43,
  pPrev: 50, pPrev2: 51, pPrevW: 52, pPrevS: 53, pPrevNextS: 54, docLabel: 55,
  cluster: 60, clusterNone: 61, clPrev: 62, clNext: 63, clPrev2: 64, clNext2: 65, partCluster: 66, partGaz: 67,
} as const;

function shapeOf(w: string, short: boolean): string {
  let out = '';
  let last = '';
  for (let i = 0; i < w.length && out.length < 8; i++) {
    const c = w.charCodeAt(i);
    const s = c >= 65 && c <= 90 ? 'X' : c >= 97 && c <= 122 ? 'x' : c >= 48 && c <= 57 ? 'd' : c > 127 ? (w[i]!.toLowerCase() !== w[i]! ? 'X' : w[i]!.toUpperCase() !== w[i]! ? 'x' : 'o') : w[i]!;
    if (short && s === last) continue;
    out += s;
    last = s;
  }
  return out;
}

function capsOf(w: string): number {
  let upper = 0;
  let lower = 0;
  for (let i = 0; i < w.length; i++) {
    const ch = w[i]!;
    if (ch.toLowerCase() !== ch) upper++;
    else if (ch.toUpperCase() !== ch) lower++;
  }
  if (upper === 0) return 0;
  if (lower === 0) return upper > 0 ? 2 : 0;
  const first = w[0]!;
  return first.toLowerCase() !== first && upper === 1 ? 1 : 3;
}

const cache = new Map<string, WordInfo>();
const CACHE_LIMIT = 200_000;

function wordInfo(w: string): WordInfo {
  let info = cache.get(w);
  if (info) return info;
  const lower = w.toLowerCase();
  const lowerH = hashString(lower);
  const shape = shapeOf(w, false);
  const shortShape = shapeOf(w, true);
  const gaz = lex().words.get(lower) ?? GAZ_NONE;
  const caps = capsOf(w);
  const own: number[] = [
    mix(T.bias, 0),
    mix(T.lower, lowerH),
    mix(T.shape, hashString(shape)),
    mix(T.shortShape, hashString(shortShape)),
    mix(T.gaz, gaz),
    mix(T.len, Math.min(w.length, 12)),
  ];
  if (lower !== w) own.push(mix(T.raw, hashString(w)));
  // a short acronym ("WHO", "ITV", "AP") is not the common word its letters spell
  const acronym = caps === 2 && w.length <= 4;
  const cl = acronym ? undefined : clustersOf(lowerH);
  if (cl) for (let g = 0; g < cl.length; g++) own.push(mix(mix(T.cluster, g), cl[g]!));
  else if (/\p{L}/u.test(w)) own.push(mix(T.clusterNone, acronym ? 1 : 0));
  // a hyphenated word ("Attwater-Moss", "Jae-in", "Coca-Cola") is known by its parts
  const hyphen = lower.indexOf('-');
  if (hyphen > 0 && hyphen < lower.length - 1) {
    const parts = [lower.slice(0, hyphen), lower.slice(lower.lastIndexOf('-') + 1)];
    parts.forEach((part, side) => {
      own.push(mix(mix(T.partGaz, side), lex().words.get(part) ?? GAZ_NONE));
      const pc = clustersOf(hashString(part));
      own.push(mix(mix(T.partCluster, side * 2), pc ? pc[1]! : -1), mix(mix(T.partCluster, side * 2 + 1), pc ? pc[2]! : -1));
    });
  }
  if (w.length > 1) {
    own.push(mix(T.pre1, hashString(lower.slice(0, 1))), mix(T.pre2, hashString(lower.slice(0, 2))));
    if (w.length > 3) own.push(mix(T.pre3, hashString(lower.slice(0, 3))));
    own.push(mix(T.suf2, hashString(lower.slice(-2))));
    if (w.length > 3) own.push(mix(T.suf3, hashString(lower.slice(-3))));
    if (w.length > 4) own.push(mix(T.suf4, hashString(lower.slice(-4))));
  }
  info = { lowerH, shortShapeH: hashString(shortShape), gaz, caps, letters: /\p{L}/u.test(w), own: Int32Array.from(own), cl };
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(w, info);
  return info;
}

/** The clusters the tagger gives a word as written (none for a short acronym or an unknown word). */
export function wordClusters(word: string): Int32Array | undefined {
  return wordInfo(word).cl;
}

const BOUNDARY: WordInfo = { lowerH: hashString('<s>'), shortShapeH: hashString('<s>'), gaz: 99, caps: 0, letters: false, own: new Int32Array(0), cl: undefined };

/** A neighbour's cluster at grain `g`: -1 for a word with none, -2 past the unit's edge. */
const clusterAt = (w: WordInfo, g: number): number => (w === BOUNDARY ? -2 : w.cl ? w.cl[g]! : -1);

/** A run of tokens tagged together (a sentence, or a line outside any sentence). */
export interface TagUnit {
  readonly first: number;
  readonly last: number;
}

/**
 * What the tagger knows about the document as a whole: how each capitalised word is
 * written elsewhere in it. A word found in lower case elsewhere is likely a common word
 * at the start of a sentence or in a headline; one capitalised in mid-sentence is a name.
 */
export interface DocStats {
  readonly lowerSeen: Set<number>;
  readonly titleMidSeen: Set<number>;
  /** Each token's word info, looked up once. */
  readonly infos: readonly WordInfo[];
}

export function docStats(tokens: readonly Token[], units: readonly TagUnit[]): DocStats {
  const lowerSeen = new Set<number>();
  const titleMidSeen = new Set<number>();
  const infos: WordInfo[] = new Array<WordInfo>(tokens.length);
  for (const u of units) for (let i = u.first; i < u.last; i++) infos[i] = wordInfo(tokens[i]!.text);
  for (const u of units) {
    const capsUnit = isCapsUnit(infos, u);
    for (let i = u.first; i < u.last; i++) {
      const w = infos[i]!;
      if (!w.letters) continue;
      if (w.caps === 0) lowerSeen.add(w.lowerH);
      else if (!capsUnit && i > u.first && w.caps !== 2) titleMidSeen.add(w.lowerH);
    }
  }
  return { lowerSeen, titleMidSeen, infos };
}

/** A headline in capitals: most of its letter-bearing tokens are all caps. */
function isCapsUnit(infos: readonly WordInfo[], u: TagUnit): boolean {
  let words = 0;
  let caps = 0;
  for (let i = u.first; i < u.last; i++) {
    const w = infos[i]!;
    if (!w.letters) continue;
    words++;
    if (w.caps === 2) caps++;
  }
  return words >= 2 && caps * 5 >= words * 4;
}

const POS_HASH = new Map<string, number>();
function posHash(pos: string): number {
  let h = POS_HASH.get(pos);
  if (h === undefined) {
    h = hashString(pos);
    POS_HASH.set(pos, h);
  }
  return h;
}

/**
 * Per-unit context: each token's word info and POS hash, computed once and read by
 * `tokenFeatures` for every position.
 */
export interface UnitContext {
  readonly unit: TagUnit;
  readonly words: WordInfo[];
  readonly pos: number[];
  readonly capsUnit: boolean;
  readonly stats: DocStats;
}

export function unitContext(tokens: readonly Token[], unit: TagUnit, stats: DocStats): UnitContext {
  const words = stats.infos.slice(unit.first, unit.last) as WordInfo[];
  const pos: number[] = [];
  for (let i = unit.first; i < unit.last; i++) pos.push(posHash(tokens[i]!.pos));
  return { unit, words, pos, capsUnit: isCapsUnit(stats.infos, unit), stats };
}

/** Appends the label-independent features of position `k` (0-based in the unit) to `out`. */
export function tokenFeatures(ctx: UnitContext, k: number, out: number[]): void {
  const own = ctx.words[k]!.own;
  for (let j = 0; j < own.length; j++) out.push(own[j]!);
  contextFeatures(ctx, k, out);
}

/** The word's own features (its form, shape, affixes, lexicon class): the same wherever it stands. */
export function ownFeatures(ctx: UnitContext, k: number): WordFeatures {
  return ctx.words[k]!;
}

/** A word's own features, and the object tagger caches can key their sums by. */
export interface WordFeatures {
  readonly own: Int32Array;
  /** 0 for a word with no capital letter. */
  readonly caps: number;
}

/** Appends the features of position `k` that depend on its neighbours and the document. */
export function contextFeatures(ctx: UnitContext, k: number, out: number[]): void {
  const { words, pos } = ctx;
  const n = words.length;
  const w0 = words[k]!;
  const wp = k > 0 ? words[k - 1]! : BOUNDARY;
  const wn = k + 1 < n ? words[k + 1]! : BOUNDARY;
  const wp2 = k > 1 ? words[k - 2]! : BOUNDARY;
  const wn2 = k + 2 < n ? words[k + 2]! : BOUNDARY;
  const p0 = pos[k]!;
  const pp = k > 0 ? pos[k - 1]! : 0;
  const pn = k + 1 < n ? pos[k + 1]! : 0;
  out.push(
    mix(T.wPrev, wp.lowerH),
    mix(T.wNext, wn.lowerH),
    mix(T.wPrev2, wp2.lowerH),
    mix(T.wNext2, wn2.lowerH),
    mix(T.sPrev, wp.shortShapeH),
    mix(T.sNext, wn.shortShapeH),
    mix(mix(T.sTri, wp.shortShapeH), mix(w0.shortShapeH, wn.shortShapeH)),
    mix(T.gPrev, wp.gaz),
    mix(T.gNext, wn.gaz),
    mix(T.pos, p0),
    mix(T.posPrev, pp),
    mix(T.posNext, pn),
    mix(mix(T.posBi, p0), pn),
    mix(mix(T.posBiPrev, pp), p0),
    mix(mix(T.biPrev, wp.lowerH), w0.lowerH),
    mix(mix(T.biNext, w0.lowerH), wn.lowerH),
    mix(mix(T.clPrev, 1), clusterAt(wp, 1)),
    mix(mix(T.clPrev, 2), clusterAt(wp, 2)),
    mix(mix(T.clNext, 1), clusterAt(wn, 1)),
    mix(mix(T.clNext, 2), clusterAt(wn, 2)),
    mix(T.clPrev2, clusterAt(wp2, 2)),
    mix(T.clNext2, clusterAt(wn2, 2)),
  );
  if (k === 0) out.push(mix(T.first, w0.shortShapeH));
  if (ctx.capsUnit) out.push(mix(T.capsUnit, w0.lowerH), mix(T.capsUnitGaz, w0.gaz));
  if (w0.caps !== 0 && w0.letters) {
    const where = ctx.capsUnit ? 2 : k === 0 ? 1 : 0;
    out.push(
      mix(mix(T.docLower, where), ctx.stats.lowerSeen.has(w0.lowerH) ? 1 : 0),
      mix(mix(T.docTitleMid, where), ctx.stats.titleMidSeen.has(w0.lowerH) ? 1 : 0),
    );
  }
  const pairs = lex().pairs;
  if (pairs.size > 0 && w0.letters) {
    // two-word gazetteer entries ("white house", "new york"), found from either end
    if (k + 1 < n) {
      const cls = pairCls(ctx, k);
      if (cls !== 0) out.push(mix(T.pair, cls));
    }
    if (k > 0) {
      const cls = pairCls(ctx, k - 1);
      if (cls !== 0) out.push(mix(T.pairPrev, cls));
    }
  }
}

let pairKeys: Map<number, number> | undefined;
/** Two-word gazetteer classes keyed by the hash of "w1 w2" built from the words' own hashes. */
function pairCls(ctx: UnitContext, k: number): number {
  if (!pairKeys) {
    pairKeys = new Map();
    for (const [key, cls] of lex().pairs) {
      const [a, b] = key.split(' ') as [string, string];
      pairKeys.set(mix(hashString(a), hashString(b)), cls);
    }
  }
  const a = ctx.words[k]!;
  const b = ctx.words[k + 1]!;
  // one look-up in the (small) table of pairs: a cache of every pair seen would be the larger table
  return pairKeys.get(mix(a.lowerH, b.lowerH)) ?? 0;
}

/** Features that depend on the labels already given to the previous tokens. */
export function labelFeatures(ctx: UnitContext, k: number, prev: number, prev2: number, docLabel: number, out: number[]): void {
  labelOnlyFeatures(prev, prev2, docLabel, out);
  labelWordFeatures(ctx, k, prev, out);
}

/** The label features that depend on the labels alone (few combinations: taggers cache their sums). */
export function labelOnlyFeatures(prev: number, prev2: number, docLabel: number, out: number[]): void {
  out.push(mix(T.pPrev, prev), mix(mix(T.pPrev2, prev), prev2), mix(T.docLabel, docLabel));
}

/** The label features that pair the previous label with the words. */
export function labelWordFeatures(ctx: UnitContext, k: number, prev: number, out: number[]): void {
  const w0 = ctx.words[k]!;
  const wn = k + 1 < ctx.words.length ? ctx.words[k + 1]! : BOUNDARY;
  out.push(mix(mix(T.pPrevW, prev), w0.lowerH), mix(mix(T.pPrevS, prev), w0.shortShapeH), mix(mix(T.pPrevNextS, prev), wn.shortShapeH));
}

/** The lower-cased word hash used to remember labels given earlier in the document. */
export function wordKey(ctx: UnitContext, k: number): number {
  return ctx.words[k]!.lowerH;
}
