/**
 * Definite descriptions that refer back to an entity named earlier: "the foreign minister" (a
 * person whose roles hold that office), "the 62-year-old" (a person the text gives that age),
 * "the company" (the latest organization whose name fits the noun). Only descriptions that
 * resolve are returned; an indefinite one ("a minister") or one no entity fits is left alone.
 */
import type { Doc } from '../../pipeline/doc.js';
import titles from '../../lexicon/titles.json';
import { live, type Entity } from '../../model/mentions.js';
import type { Candidate } from './candidates.js';
import data from './nominals.json';

export interface ResolvedNominal {
  /** Token range `[first, last)` of the description, "the" included. */
  readonly first: number;
  readonly last: number;
  readonly entity: Entity;
  /** The head noun ("minister", "company", "62-year-old"). */
  readonly head: string;
}

const PERSON_HEADS = new Set([...titles.heads, ...data.personHeads]);
const MODIFIERS = new Set(titles.modifiers);
const ORG_HEADS = new Map(Object.entries(data.organizations as Record<string, string[]>));
const NOT_BUSINESS = new Set(data.notBusiness);

const wordsOf = (e: Entity): string[] => [e.name, ...e.aliases].join(' ').toLowerCase().split(/[^a-z0-9]+/);

/** The head of a description starting at `the` (token i), with its last token; undefined where none. */
function readDescription(doc: Doc, i: number): { last: number; head: string; age?: string; modifiers: string[] } | undefined {
  const toks = doc.tokens;
  const modifiers: string[] = [];
  for (let k = i + 1; k < i + 5 && k < toks.length; k++) {
    const t = toks[k]!;
    const w = t.text.toLowerCase();
    // "the 62-year-old": NUM - year - old
    if (t.pos === 'NUM' && /^\d{1,3}$/.test(t.text) && toks[k + 1]?.text === '-' && toks[k + 2]?.text.toLowerCase() === 'year' && toks[k + 3]?.text === '-' && toks[k + 4]?.text.toLowerCase() === 'old') {
      const after = toks[k + 5];
      if (after && (after.pos === 'NOUN' || after.pos === 'PROPN')) return undefined;
      return { last: k + 5, head: `${t.text}-year-old`, age: t.text, modifiers };
    }
    if (t.kind !== 'word') return undefined;
    if (PERSON_HEADS.has(w) || ORG_HEADS.has(w)) {
      const after = toks[k + 1];
      // a title before a name ("the foreign minister Sergei Lavrov"), a longer noun phrase or "of" goes on: not read
      if (after && (after.pos === 'PROPN' || /^(of|for|'s|’s|-)$/i.test(after.text) || (after.pos === 'NOUN' && PERSON_HEADS.has(after.text.toLowerCase())))) {
        if (after.pos === 'NOUN' && (PERSON_HEADS.has(after.text.toLowerCase()) || ORG_HEADS.has(after.text.toLowerCase()))) {
          modifiers.push(w);
          continue;
        }
        return undefined;
      }
      return { last: k + 1, head: w, modifiers };
    }
    if (!(MODIFIERS.has(w) || t.pos === 'ADJ' || (t.pos === 'PROPN' && /^[A-Z][a-z]+(an|ian|ish|ese|i|ch)$/.test(t.text)))) return undefined;
    modifiers.push(w);
  }
  return undefined;
}

/** Whether an entity was given this age: "Smith, 62," or "62-year-old Smith". */
function hasAge(doc: Doc, e: Entity, age: string): boolean {
  const toks = doc.tokens;
  return e.mentions.some((m) => m.form === 'name' && ((toks[m.last]?.text === ',' && toks[m.last + 1]?.text === age) || (toks[m.first - 1]?.text.toLowerCase() === 'old' && toks[m.first - 5]?.text === age)));
}

function fitsRole(e: Entity, head: string, modifiers: readonly string[]): number {
  let best = 0;
  for (const r of e.roles) {
    const words = r.toLowerCase().split(/\s+/);
    if (words[words.length - 1] !== head) continue;
    const shared = modifiers.filter((m) => words.includes(m)).length;
    best = Math.max(best, 1 + shared);
  }
  return best;
}

/**
 * The document's resolvable descriptions: each against the entities mentioned before it in
 * the same article within a few sentences (`candidates` in text order), latest first.
 */
export function resolveNominals(doc: Doc, candidates: readonly Candidate[], taken: ReadonlySet<number>): ResolvedNominal[] {
  const out: ResolvedNominal[] = [];
  const toks = doc.tokens;
  let next = 0;
  for (let i = 0; i < toks.length; i++) {
    while (next < candidates.length && candidates[next]!.first < i) next++;
    if (toks[i]!.text.toLowerCase() !== 'the' || taken.has(i)) continue;
    const d = readDescription(doc, i);
    if (!d) continue;
    let covered = false;
    for (let k = i; k < d.last; k++) if (taken.has(k)) covered = true;
    if (covered) continue;
    const si = doc.sentenceOfToken(i);
    const article = doc.sentences[si]?.article;
    // the latest mention of each entity within reach, latest first
    const near: Candidate[] = [];
    const seen = new Set<Entity>();
    for (let k = next - 1; k >= 0; k--) {
      const c = candidates[k]!;
      if (c.sentence >= 0 && si - c.sentence > data.maxDistance) break;
      if (seen.has(c.entity)) continue;
      seen.add(c.entity);
      if (c.sentence >= 0 && doc.sentences[c.sentence]!.article === article && live(c.entity) === c.entity) near.push(c);
    }
    let entity: Entity | undefined;
    if (d.age !== undefined) {
      entity = near.find((c) => c.kind === 'person' && !c.entity.plural && hasAge(doc, c.entity, d.age!))?.entity;
    } else if (ORG_HEADS.has(d.head) && !PERSON_HEADS.has(d.head)) {
      const words = ORG_HEADS.get(d.head)!;
      const orgs = near.filter((c) => c.kind === 'organization');
      entity = orgs.find((c) => wordsOf(c.entity).some((w) => words.includes(w)))?.entity;
      if (!entity && (d.head === 'company' || d.head === 'firm')) {
        entity = orgs.find((c) => c.form === 'name' && !wordsOf(c.entity).some((w) => NOT_BUSINESS.has(w)))?.entity;
      }
    } else {
      let bestFit = 0;
      for (const c of near) {
        if (c.kind !== 'person' || c.entity.plural) continue;
        const fit = fitsRole(c.entity, d.head, d.modifiers);
        if (fit > bestFit) { bestFit = fit; entity = c.entity; }
      }
    }
    if (!entity) continue;
    out.push({ first: i, last: d.last, entity, head: d.head });
    i = d.last - 1;
  }
  return out;
}
