import type { DocStats, TagUnit, UnitContext } from './features.js';
import { mix } from './features.js';
import type { Scorer } from './model.js';
import { ENTITY_TYPES, tagDocument, typeOfLabel, type TaggedSpan } from './tagger.js';
import type { Token } from '../../text/tokenize.js';

/**
 * Document-level evidence for the tagger's second pass (two-stage prediction aggregation,
 * Krishnan & Manning 2006): what the first pass said about the same word elsewhere in the
 * document. A capitalised word read as an organization three times and as a place once is
 * likely an organization at that once too ("Wells Fargo CEO … Wells Fargo board"); the
 * second model learns how far to trust this from first-pass output on text the first model
 * had not seen (jackknifed training, `scripts/train-ner.ts --second-pass`).
 */

/** Template ids, apart from those of `features.ts` (which stay under 70). */
const T = { first: 70, major: 71, has: 72, all: 73, none: 74, prevMajor: 75, nextMajor: 76 } as const;
const TYPES = 5;

/** Per capitalised word (by its lower-case hash): how many times the first pass gave it each type (0 for O). */
export interface Evidence {
  readonly counts: Map<number, Int32Array>;
  /** The first pass's label of every token. */
  readonly labels: Int8Array;
}

/** The label of every token, from the first pass's spans (B- on the first token, I- after). */
export function labelsOf(spans: readonly TaggedSpan[], n: number): Int8Array {
  const labels = new Int8Array(n);
  for (const s of spans) {
    const t = ENTITY_TYPES.indexOf(s.type) + 1;
    labels[s.first] = 2 * t - 1;
    for (let i = s.first + 1; i < s.last; i++) labels[i] = 2 * t;
  }
  return labels;
}

export function docEvidence(units: readonly TagUnit[], stats: DocStats, labels: Int8Array): Evidence {
  const counts = new Map<number, Int32Array>();
  for (const u of units) {
    for (let i = u.first; i < u.last; i++) {
      const w = stats.infos[i]!;
      if (w.caps === 0 || !w.letters) continue;
      let c = counts.get(w.lowerH);
      if (!c) {
        c = new Int32Array(TYPES);
        counts.set(w.lowerH, c);
      }
      c[typeOfLabel(labels[i]!)]!++;
    }
  }
  return { counts, labels };
}

/** The type most other occurrences got (-1 for none; ties go to the lower type index). */
function majorOf(c: Int32Array | undefined, own: number): number {
  if (!c) return -1;
  let best = -1;
  let bestN = 0;
  for (let t = 0; t < TYPES; t++) {
    const n = c[t]! - (t === own ? 1 : 0);
    if (n > bestN) {
      best = t;
      bestN = n;
    }
  }
  return best;
}

/** Appends the evidence features of position `k` of the unit. */
export function evidenceFeatures(ev: Evidence, ctx: UnitContext, k: number, out: number[]): void {
  const i = ctx.unit.first + k;
  const own = ev.labels[i]!;
  const w = ctx.words[k]!;
  out.push(mix(T.first, own));
  const near = (j: number): number => {
    if (j < 0 || j >= ctx.words.length) return -2;
    const x = ctx.words[j]!;
    return x.caps === 0 || !x.letters ? -3 : majorOf(ev.counts.get(x.lowerH), typeOfLabel(ev.labels[ctx.unit.first + j]!));
  };
  if (w.caps === 0 || !w.letters) return;
  const ownType = typeOfLabel(own);
  const c = ev.counts.get(w.lowerH)!;
  const where = ctx.capsUnit ? 2 : k === 0 ? 1 : 0;
  const major = majorOf(c, ownType);
  if (major < 0) {
    out.push(mix(T.none, where));
    return;
  }
  let others = 0;
  for (let t = 0; t < TYPES; t++) {
    const n = c[t]! - (t === ownType ? 1 : 0);
    others += n;
    if (n > 0) out.push(mix(T.has, t));
  }
  out.push(mix(mix(T.major, major), where), mix(mix(T.major, major), ownType + 8));
  if (c[major]! - (major === ownType ? 1 : 0) === others) out.push(mix(T.all, major));
  out.push(mix(T.prevMajor, near(k - 1)), mix(T.nextMajor, near(k + 1)));
}

/**
 * The two passes: the first model tags the document, and the second tags again, with what
 * the first said about each word elsewhere in it, the units where that evidence disagrees
 * with the first pass (a capitalised word that other occurrences read as another type).
 * Elsewhere the second pass would read the evidence the first pass already followed, and
 * the first pass's spans stand.
 */
export function tagTwoPass(tokens: readonly Token[], units: readonly TagUnit[], stats: DocStats, first: Scorer, second: Scorer, all = false): TaggedSpan[] {
  const spans1 = tagDocument(tokens, units, stats, first);
  const ev = docEvidence(units, stats, labelsOf(spans1, tokens.length));
  const again = all ? [...units] : units.filter((u) => disagrees(ev, stats, u));
  if (again.length === 0) return spans1;
  const spans2 = tagDocument(tokens, again, stats, second, (ctx, k, out) => evidenceFeatures(ev, ctx, k, out));
  const retagged = new Uint8Array(tokens.length);
  for (const u of again) retagged.fill(1, u.first, u.last);
  return [...spans1.filter((s) => !retagged[s.first]), ...spans2].sort((a, b) => a.first - b.first);
}

/** Whether a capitalised word of the unit was read as another type elsewhere in the document. */
function disagrees(ev: Evidence, stats: DocStats, u: TagUnit): boolean {
  for (let i = u.first; i < u.last; i++) {
    const w = stats.infos[i]!;
    if (w.caps === 0 || !w.letters) continue;
    const c = ev.counts.get(w.lowerH)!;
    const own = typeOfLabel(ev.labels[i]!);
    for (let t = 0; t < TYPES; t++) if (t !== own && c[t]! > 0) return true;
  }
  return false;
}
