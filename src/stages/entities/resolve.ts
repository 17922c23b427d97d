import type { Doc } from '../../pipeline/doc.js';
import { addEntity, addMention, linkMention, mentionsOf, mergeEntities, type Entity, type Mention } from '../../model/mentions.js';
import { firstNameGender } from './features.js';
import { agencyAliases, agencyOf, isKnownOrganization, nameKey } from './name-index.js';
import type { NameSpan } from './name-span.js';
import { personFacts } from './roles.js';

const spaced = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** Name words of a person mention ("Vladimir Putin" → ["vladimir", "putin"]). */
const nameWords = (s: string): string[] => spaced(s).toLowerCase().split(' ');

/**
 * Writes the name mentions and ties them into entities:
 * - agencies by the lexicon's canonical name, with its long names as aliases;
 * - places and organizations by a normalised key (one key for "US", "U.S." and
 *   "United States"), and an acronym to the long name it abbreviates;
 * - a person's full name to the same full name, and a lone surname or first name to
 *   the full name it belongs to: the one mentioned last before it, else the first after
 *   ("Trump" goes to "Donald Trump", never to "Melania Trump" when Donald came last).
 * `name` is the fullest form; roles and gender come from titles and appositions.
 */
export function resolveEntities(doc: Doc, spans: readonly NameSpan[]): void {
  const keyed = new Map<string, Entity>();
  const singles: Array<{ m: Mention; words: string[] }> = [];
  const persons: Array<{ e: Entity; words: string[] }> = [];
  const orgs: Entity[] = [];
  let prevSpan: NameSpan | undefined;
  let prevMention: Mention | undefined;
  for (const s of spans) {
    const after = prevSpan;
    const afterMention = prevMention;
    prevSpan = s;
    const m = s.end === undefined ? addMention(doc, s.kind, 'name', s.first, s.last) : addMentionTo(doc, s);
    prevMention = m;
    if (!m) continue;
    // "National Disaster Management Agency (NADMA)": an acronym in brackets right after a name is that name
    if (after && afterMention?.entity && s.kind !== 'person' && after.kind === s.kind && after.last === s.first - 1 && doc.tokens[s.first - 1]!.text === '(' && doc.tokens[s.last]?.text === ')' && /^\p{Lu}[\p{Lu}\p{Ll}]*$/u.test(doc.tokens[s.first]!.text) && s.last - s.first === 1) {
      linkMention(m, afterMention.entity);
      keyed.set(`${s.kind}:${nameKey(s.kind, doc.text.slice(m.start, m.end))}`, afterMention.entity);
      continue;
    }
    const text = spaced(doc.text.slice(m.start, m.end));
    if (s.kind === 'person') {
      const words = nameWords(text);
      if (words.length === 1) {
        singles.push({ m, words });
        continue;
      }
      const key = `person:${words.join(' ')}`;
      let e = keyed.get(key);
      if (!e) {
        e = addEntity(doc, 'person', text);
        keyed.set(key, e);
        persons.push({ e, words });
        const g = firstNameGender(words[0]!);
        if (g !== undefined) e.gender = g;
      }
      linkMention(m, e);
      facts(doc, m, e);
      continue;
    }
    const canonical = s.kind === 'agency' ? agencyOf(text) : undefined;
    const key = `${s.kind}:${nameKey(s.kind, text)}`;
    let e = keyed.get(key);
    if (!e) {
      e = addEntity(doc, s.kind, canonical ?? text);
      keyed.set(key, e);
      if (canonical !== undefined) for (const a of agencyAliases(canonical)) e.aliases.add(a);
      if (s.kind === 'organization') orgs.push(e);
    } else if (canonical === undefined) e.name = betterName(e.name, text);
    linkMention(m, e);
  }
  linkAcronyms(doc, orgs);
  linkShortOrgNames(doc, orgs);
  for (const e of keyed.values()) if (e.kind === 'place' && !e.mergedInto) e.name = displayName(e.name);
  linkSingleNames(doc, singles, persons, keyed);
  // a person named only in capitals (a transcript's "WALLACE:") is shown as a name is written
  for (const e of keyed.values()) if (e.kind === 'person' && !e.mergedInto) e.name = displayName(e.name);
}

/**
 * A lone name goes to the full name holding it that was mentioned last before it, or
 * else to the first one after it: two passes over the mentions in text order, with the
 * full names indexed by each of their words, so the work stays linear.
 */
function linkSingleNames(doc: Doc, singles: ReadonlyArray<{ m: Mention; words: string[] }>, persons: ReadonlyArray<{ e: Entity; words: string[] }>, keyed: Map<string, Entity>): void {
  if (singles.length === 0) return;
  const fullMentions: Array<{ start: number; e: Entity; first: string; last: string }> = [];
  for (const p of persons) {
    for (const pm of p.e.mentions) fullMentions.push({ start: pm.start, e: p.e, first: p.words[0]!, last: p.words[p.words.length - 1]! });
  }
  fullMentions.sort((a, b) => a.start - b.start);
  const order = [...singles].sort((a, b) => a.m.start - b.m.start);
  const before = new Map<Mention, Entity>();
  const seen = new Map<string, Entity>();
  let j = 0;
  for (const s of order) {
    for (; j < fullMentions.length && fullMentions[j]!.start < s.m.start; j++) {
      const f = fullMentions[j]!;
      seen.set(`l:${f.last}`, f.e);
      seen.set(`f:${f.first}`, f.e);
    }
    const e = seen.get(`l:${s.words[0]!}`) ?? seen.get(`f:${s.words[0]!}`);
    if (e) before.set(s.m, e);
  }
  const after = new Map<Mention, Entity>();
  seen.clear();
  j = fullMentions.length - 1;
  for (let i = order.length - 1; i >= 0; i--) {
    const s = order[i]!;
    for (; j >= 0 && fullMentions[j]!.start > s.m.start; j--) {
      const f = fullMentions[j]!;
      seen.set(`l:${f.last}`, f.e);
      seen.set(`f:${f.first}`, f.e);
    }
    const e = seen.get(`l:${s.words[0]!}`) ?? seen.get(`f:${s.words[0]!}`);
    if (e) after.set(s.m, e);
  }
  for (const { m, words } of singles) {
    let e = before.get(m) ?? after.get(m);
    if (!e) {
      const key = `person:${words[0]!}`;
      e = keyed.get(key);
      if (!e) {
        e = addEntity(doc, 'person', spaced(doc.text.slice(m.start, m.end)));
        keyed.set(key, e);
      }
    }
    linkMention(m, e);
    facts(doc, m, e);
  }
}

/** A mention that ends inside its last token ("Trump" of "Trump's."). */
function addMentionTo(doc: Doc, s: NameSpan): Mention | undefined {
  const a = doc.tokens[s.first];
  if (a === undefined || s.end === undefined) return undefined;
  const ref = doc.graph.addSpan(s.kind, a.start, s.end, { form: 'name' });
  if (!ref) return undefined;
  const m: Mention = { type: s.kind, form: 'name', start: ref.start, end: ref.end, first: s.first, last: s.last, ref };
  mentionsOf(doc).push(m);
  return m;
}

/** Reads roles and gender around a person mention and gives them to its entity. */
function facts(doc: Doc, m: Mention, e: Entity): void {
  const s = doc.sentences[doc.sentenceOfToken(m.first)];
  const from = s ? s.first : Math.max(0, m.first - 12);
  const to = s ? s.last : Math.min(doc.tokens.length, m.last + 14);
  const f = personFacts(doc.tokens, m.first, m.last, from, to);
  for (const r of f.roles) e.roles.add(r);
  if (f.gender !== undefined && (e.gender === undefined || e.gender === 'unknown')) e.gender = f.gender;
}

const isCaps = (s: string): boolean => s === s.toUpperCase() && s !== s.toLowerCase();

/** The fuller of two names of one entity; at equal length, the one not in capitals. */
function betterName(current: string, candidate: string): string {
  if (candidate.length > current.length) return candidate;
  if (candidate.length === current.length && isCaps(current) && !isCaps(candidate)) return candidate;
  return current;
}

/** A place named only in capitals (a dateline's "WASHINGTON") is named in title case. */
function displayName(name: string): string {
  if (!isCaps(name) || name.replace(/[^A-Z]/g, '').length <= 4) return name;
  return name.toLowerCase().replace(/(^|[\s-])(\p{Ll})/gu, (_, a: string, b: string) => a + b.toUpperCase());
}

/**
 * "Supreme Court" ↔ "US Supreme Court": a name of two words or more that ends a longer
 * one; "Severnvale" ↔ "Severnvale Water": a one-word name that begins exactly one longer one.
 */
function linkShortOrgNames(doc: Doc, orgs: Entity[]): void {
  const live = orgs.filter((e) => !e.mergedInto);
  const byName = new Map<string, Entity>();
  for (const e of live) byName.set(e.name.toLowerCase(), e);
  const byFirstWord = new Map<string, Entity[]>();
  for (const e of live) {
    const words = e.name.toLowerCase().split(' ');
    if (words.length > 1) byFirstWord.set(words[0]!, [...(byFirstWord.get(words[0]!) ?? []), e]);
    for (let k = 1; k + 2 <= words.length; k++) {
      const short = byName.get(words.slice(k).join(' '));
      if (short && short !== e && !short.mergedInto) mergeEntities(doc, e, short);
    }
  }
  for (const e of live) {
    if (e.mergedInto || e.name.includes(' ') || isKnownOrganization(e.name)) continue;
    const longer = byFirstWord.get(e.name.toLowerCase());
    if (longer?.length === 1 && !longer[0]!.mergedInto) mergeEntities(doc, longer[0]!, e);
  }
}

const SMALL = new Set(['of', 'the', 'and', 'for', 'on', 'in', 'de', 'du', 'des', 'la', 'le', '&']);
/** "NATO" ↔ "North Atlantic Treaty Organization": an all-capitals name and the initials of another. */
function linkAcronyms(doc: Doc, orgs: Entity[]): void {
  const byInitials = new Map<string, Entity>();
  for (const e of orgs) {
    const words = e.name.split(/[\s-]+/).filter((w) => !SMALL.has(w.toLowerCase()));
    if (words.length < 2) continue;
    byInitials.set(words.map((w) => w[0]!.toUpperCase()).join(''), e);
  }
  for (const e of orgs) {
    if (!/^[A-Z]{2,6}$/.test(e.name) || e.mergedInto) continue;
    const long = byInitials.get(e.name);
    if (!long || long === e || long.mergedInto) continue;
    mergeEntities(doc, long, e);
  }
}
