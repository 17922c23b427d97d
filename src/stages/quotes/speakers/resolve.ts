import type { Article, Doc } from '../../../pipeline/doc.js';
import { addEntity, addMention, entitiesOf, linkMention, live, mentionsOf, mergeEntities, removeMention, type Entity, type Mention } from '../../../model/mentions.js';
import { NAME_PARTICLES, type QuoteLexicon } from '../lexicon.js';
import { readSpeakerPhrase, type SpeakerPhrase } from './mention.js';

/** Whether the tokens around `[bf, bl)` within `[pf, pl)` are joined to it without spaces ("Okafor-Lindqvist"). */
function tightlyJoined(doc: Doc, pf: number, bf: number, bl: number, pl: number): boolean {
  // "Josphat Kiprono arap Sigei": a surname particle carries the name on
  if (bf === pf && bl < pl && NAME_PARTICLES.has(doc.tokens[bl]!.text)) return true;
  for (let t = pf + 1; t <= bf && t < pl; t++) if (doc.tokens[t]!.spaceBefore) return false;
  for (let t = bl; t < pl; t++) if (doc.tokens[t]!.spaceBefore) return false;
  return true;
}


/** Whether a name is a body's whose parts are joined by "of" or "and" ("Department of Health and Human Services"). */
function joinedBodyName(doc: Doc, phrase: SpeakerPhrase): boolean {
  if (phrase.type !== 'organization') return false;
  for (let t = phrase.first + 1; t < phrase.last - 1; t++) if (/^(of|and|&)$/.test(doc.tokens[t]!.text)) return true;
  return false;
}

/** Whether tokens `[f, l)` are all titles, honorifics or joining words ("Justice", "Deputy Prime Minister", "of"). */
function titlesOnly(doc: Doc, lex: QuoteLexicon, f: number, l: number): boolean {
  for (let t = f; t < l; t++) {
    const w = doc.tokens[t]!.text.toLowerCase();
    if (!(lex.honorificGender.has(w) || lex.personRoles.has(w) || /^(\.|of|for|the|and|in|at)$/.test(w))) return false;
  }
  return true;
}

/** How many of an entity's mentions are read for a nationality that clashes with a description. */
const CLASH_MENTIONS = 8;

/**
 * How many of the latest entities a name or description is matched against: every entity of
 * a news article, and bounded work per speaker in a document of thousands of them.
 */
const RECENT_ENTITIES = 500;

/** The latest entities of the document, latest first, at most RECENT_ENTITIES of them. */
function* recentEntities(doc: Doc): Generator<Entity> {
  const all = entitiesOf(doc);
  for (let i = all.length - 1; i >= 0 && i >= all.length - RECENT_ENTITIES; i--) yield all[i]!;
}

/** Prepositions whose object is a place or an owner, not the one a later pronoun is about. */
const PLACE_PREPOSITIONS: ReadonlySet<string> = new Set(['of', 'at', 'in', 'near', 'into', 'inside', 'outside', 'from']);

/** How many sentences before such an object a pronoun looks for a subject instead. */
const PLACE_OBJECT_SENTENCES = 3;

/** How far back (in tokens) a pronoun or "the company" looks for a mention of its referent. */
const LOOKBACK = 1500;

/** Descriptions that name the same office: "the Russian leader" is the president or prime minister. */
const ROLE_SYNONYMS: Record<string, string[]> = {
  leader: ['leader', 'president', 'prime minister', 'premier', 'chancellor', 'king', 'queen', 'head of state'],
  premier: ['premier', 'prime minister'],
  envoy: ['envoy', 'ambassador', 'special envoy'],
  spokesperson: ['spokesperson', 'spokesman', 'spokeswoman'],
};

/** Common nouns that refer back to an organization, and the words of names that fit them. */
const ORG_HEADS: Record<string, string[]> = {
  company: ['company', 'corp', 'corporation', 'inc', 'ltd', 'plc', 'group', 'firm', 'airlines', 'motors', 'holdings'],
  firm: ['firm', 'company', 'corp', 'inc', 'ltd', 'plc', 'group'],
  daily: ['daily', 'times', 'post', 'journal', 'news', 'herald', 'tribune', 'telegraph', 'guardian', 'gazette', 'newspaper'],
  newspaper: ['daily', 'times', 'post', 'journal', 'news', 'herald', 'tribune', 'telegraph', 'guardian', 'gazette', 'newspaper'],
  paper: ['daily', 'times', 'post', 'journal', 'news', 'herald', 'tribune', 'telegraph', 'guardian', 'gazette', 'newspaper'],
  government: ['government', 'administration', 'cabinet', 'kremlin', 'white house'],
  administration: ['administration', 'government', 'white house'],
};

const NOT_BUSINESS = /\b(Ministry|Department|Agency|Office|Council|Commission|Committee|Parliament|Congress|Senate|Court|Police|Army|Government|Times|Post|Journal|News|Herald|Tribune|Telegraph|Guardian|Gazette|Daily|Reuters|BBC|CNN|Party|University|Ofwat|Authority)\b/;

interface Spoken {
  readonly entity: Entity;
  /** Token where it was last named or spoke. */
  readonly at: number;
}

/**
 * Turns speaker phrases into mentions tied to entities, in reading order: names match
 * earlier entities by name and surname; pronouns go to the latest speaker (or person)
 * of their gender, "they"/"it" to organizations and groups; descriptions to an entity
 * with that role or the article's latest speaker.
 */
export class SpeakerResolver {
  private readonly byToken = new Map<number, Mention[]>();
  private readonly nationalities = new WeakMap<Entity, { seen: number; words: string[] }>();
  /** Speakers of top-level quotes, latest last, per article. */
  private readonly speakers = new Map<Article | undefined, Spoken[]>();

  constructor(private readonly doc: Doc, private readonly lex: QuoteLexicon) {
    for (const m of mentionsOf(doc)) {
      if (m.type === 'date') continue;
      for (let t = m.first; t < m.last; t++) {
        const list = this.byToken.get(t) ?? [];
        list.push(m);
        this.byToken.set(t, list);
      }
    }
  }

  /** The mention for a speaker phrase, reusing one the entities stage made. */
  mentionFor(f: number, l: number, article: Article | undefined): Mention | undefined {
    const phrase = readSpeakerPhrase(this.doc, this.lex, f, l);
    // the mention that overlaps the phrase's name (or head) most
    // (only the phrase's head group: "Officer Tusk of the Walrus Police Department" is Tusk)
    const nf = phrase?.form === 'name' ? phrase.first : phrase?.form === 'nominal' ? phrase.head : f;
    const nl = phrase ? (phrase.form === 'nominal' ? phrase.head + 1 : phrase.last) : l;
    let best: Mention | undefined;
    let bestOverlap = 0;
    for (let t = nl - 1; t >= nf; t--) {
      for (const m of this.byToken.get(t) ?? []) {
        const ov = Math.min(m.last, nl) - Math.max(m.first, nf);
        if (ov > bestOverlap) { best = m; bestOverlap = ov; }
      }
    }
    if (best && phrase?.form === 'name' && best.form === 'name' && best.first >= phrase.first && best.last <= phrase.last && best.last - best.first < phrase.last - phrase.first && (tightlyJoined(this.doc, phrase.first, best.first, best.last, phrase.last) || joinedBodyName(this.doc, phrase))) {
      // the entities stage read only part of the name ("Lindqvist" of "Okafor-Lindqvist"): the whole name replaces it
      const entity = best.entity;
      const whole = addMention(this.doc, best.type, 'name', phrase.first, phrase.last);
      if (whole) {
        removeMention(this.doc, best);
        for (let t = whole.first; t < whole.last; t++) this.byToken.set(t, [whole]);
        if (entity) {
          linkMention(whole, entity);
          const e = live(entity);
          if (phrase.text.length > e.name.length && phrase.text.includes(e.name)) e.name = phrase.text;
          this.joinSurname(e);
        } else this.resolve(whole, phrase, article);
        return whole;
      }
    }
    if (best && phrase?.form === 'name' && best.form === 'name' && best.first <= phrase.first && best.last >= phrase.last && best.last - best.first > phrase.last - phrase.first && titlesOnly(this.doc, this.lex, best.first, phrase.first) && titlesOnly(this.doc, this.lex, phrase.last, best.last)) {
      // "Justice Hale" read as one name: the title is a role, the name is "Hale"
      const entity = best.entity;
      const name = addMention(this.doc, 'person', 'name', phrase.first, phrase.last);
      if (name) {
        removeMention(this.doc, best);
        for (let t = best.first; t < best.last; t++) this.byToken.delete(t);
        for (let t = name.first; t < name.last; t++) this.byToken.set(t, [name]);
        if (entity && live(entity).kind === 'person' && live(entity).mentions.length > 0) linkMention(name, entity);
        else this.resolve(name, phrase, article);
        return name;
      }
    }
    if (best) {
      if (!best.entity) this.resolve(best, phrase, article);
      else {
        if (phrase?.role) live(best.entity).roles.add(phrase.role);
        this.joinSurname(live(best.entity));
      }
      return best;
    }
    if (!phrase) return undefined;
    const m = addMention(this.doc, phrase.type, phrase.form, phrase.first, phrase.last);
    if (!m) return undefined;
    for (let t = m.first; t < m.last; t++) this.byToken.set(t, [m]);
    this.resolve(m, phrase, article);
    return m;
  }

  /**
   * The latest mention before token `before`, in the same article, that passes `test`. It looks
   * back a bounded number of tokens, so that resolution stays linear in the document's length.
   */
  private latestMention(before: number, article: Article | undefined, test: (m: Mention) => boolean): Mention | undefined {
    let si = this.doc.sentenceOfToken(Math.max(0, before - 1));
    for (let t = before - 1; t >= 0 && t >= before - LOOKBACK; t--) {
      // step back a sentence only when the scan leaves the current one
      while (si > 0 && this.doc.sentences[si]!.first > t) si--;
      const s = this.doc.sentences[si];
      if (s && s.first <= t && t < s.last && s.article !== article) return undefined;
      const list = this.byToken.get(t);
      if (list) for (const x of list) if (x.first === t && test(x)) return x;
    }
    return undefined;
  }

  /** Records that an entity spoke a top-level quote at token `at`. */
  spoke(entity: Entity, at: number, article: Article | undefined): void {
    const list = this.speakers.get(article) ?? [];
    list.push({ entity: live(entity), at });
    this.speakers.set(article, list);
  }

  /** The latest top-level speaker of an article. */
  lastSpeaker(article: Article | undefined): Entity | undefined {
    const list = this.speakers.get(article);
    const s = list?.[list.length - 1];
    return s ? live(s.entity) : undefined;
  }

  /** "Szollosi-Brandt" speaking after "Margit Szollosi-Brandt" is the same person: one entity. */
  private joinSurname(e: Entity): void {
    // the entities stage may have typed the bare surname otherwise; a full person name ending in it decides
    if (e.name.includes(' ') || e.kind === 'agency') return;
    let full: Entity | undefined;
    for (const x of recentEntities(this.doc)) {
      if (x === e || x.mergedInto || x.kind !== 'person' || !(x.name.endsWith(` ${e.name}`) || x.name.endsWith(`-${e.name}`))) continue;
      if (full && full !== x) return; // two people share the surname: leave it
      full = x;
    }
    if (full) mergeEntities(this.doc, full, e);
  }

  private resolve(m: Mention, phrase: SpeakerPhrase | undefined, article: Article | undefined): void {
    let e: Entity | undefined;
    if (!phrase) return;
    if (phrase.form === 'pronoun') e = this.pronoun(m, phrase, article);
    else if (phrase.form === 'name') e = this.named(phrase, m.type);
    else e = this.described(m, phrase, article);
    if (!e) return;
    linkMention(m, e);
  }

  private named(phrase: SpeakerPhrase, type: Mention['type']): Entity {
    const kind = type === 'date' ? 'person' : type;
    const name = phrase.text;
    const last = name.split(' ').pop()!;
    let found: Entity | undefined;
    // the latest entity that fits
    for (const e of recentEntities(this.doc)) {
      if (e.mergedInto || e.kind !== kind) continue;
      const en = e.name;
      if (en === name || e.aliases.has(name) || (kind === 'person' && (en.endsWith(` ${name}`) || name.endsWith(` ${en}`) || en.split(' ').pop() === last))) { found = e; break; }
    }
    const e = found ?? addEntity(this.doc, kind, name);
    if (name.length > e.name.length && name.endsWith(e.name.split(' ').pop()!)) e.name = name;
    if (phrase.role) e.roles.add(phrase.role);
    if (phrase.gender && (e.gender === undefined || e.gender === 'unknown')) e.gender = phrase.gender;
    return e;
  }

  private pronoun(m: Mention, phrase: SpeakerPhrase, article: Article | undefined): Entity | undefined {
    const p = phrase.pronoun;
    if (p === 'first') return undefined;
    const fits = (e: Entity): boolean => {
      if (p === 'male' || p === 'female') return e.kind === 'person' && !e.plural && (e.gender === undefined || e.gender === 'unknown' || e.gender === p);
      if (p === 'thing') return e.kind !== 'person' && !e.plural;
      return e.plural === true || e.kind === 'organization' || e.kind === 'place';
    };
    const list = this.speakers.get(article) ?? [];
    let e: Entity | undefined;
    let spokeAt = -1;
    // the latest speaker of the right kind, else any earlier mention of that kind
    for (let k = list.length - 1; k >= 0 && k >= list.length - RECENT_ENTITIES && !e; k--) {
      const s = list[k]!;
      if (fits(live(s.entity))) { e = live(s.entity); spokeAt = s.at; }
    }
    // …unless a sentence since then, the one before the pronoun or its own, opens with another such person
    const si = this.doc.sentenceOfToken(m.first);
    for (const k of [si, si - 1]) {
      const s = this.doc.sentences[k];
      if (!s || s.article !== article || s.first <= spokeAt) continue;
      const opening = new Set<Mention>();
      // names before the sentence's first verb: its subject and the subject's apposition
      for (let t = s.first; t < s.first + 10 && t < s.last && t < m.first; t++) {
        const tok = this.doc.tokens[t]!;
        if (tok.pos === 'AUX' || (tok.pos === 'VERB' && !/^[A-Z]/.test(tok.text))) break;
        for (const x of this.byToken.get(t) ?? []) opening.add(x);
      }
      for (const x of opening) {
        if (x !== m && x.first < m.first && x.form === 'name' && x.entity && fits(live(x.entity)) && live(x.entity) !== e) { e = live(x.entity); spokeAt = x.first; }
      }
      if (k === si - 1 && e && spokeAt >= s.first) break;
    }
    if (!e) {
      const fitting = (y: Mention): boolean => y !== m && y.entity !== undefined && fits(live(y.entity));
      let x = this.latestMention(m.first, article, fitting);
      // a name inside a place phrase ("the entrance of Doki Doki") gives way to a subject named a few sentences before it
      if (x && this.placeObject(x)) {
        const from = this.doc.sentences[Math.max(0, this.doc.sentenceOfToken(x.first) - PLACE_OBJECT_SENTENCES)]!.first;
        const y = this.latestMention(x.first, article, (z) => z.first >= from && fitting(z) && !this.placeObject(z));
        if (y) x = y;
      }
      if (x?.entity) e = live(x.entity);
    }
    if (e && (p === 'male' || p === 'female') && (e.gender === undefined || e.gender === 'unknown')) e.gender = p;
    return e;
  }

  /** Whether a mention is the object of a preposition of place or belonging ("of Doki Doki", "at the Kremlin"). */
  private placeObject(m: Mention): boolean {
    let k = m.first - 1;
    if (/^(the|a|an)$/i.test(this.doc.tokens[k]?.text ?? '')) k--;
    return PLACE_PREPOSITIONS.has(this.doc.tokens[k]?.text.toLowerCase() ?? '');
  }

  /** Nationality words just before an entity's first few mentions ("Turkish President Tayyip Erdogan"), read once per entity. */
  private nationalitiesOf(e: Entity): readonly string[] {
    const ms = e.mentions;
    const seen = Math.min(ms.length, CLASH_MENTIONS);
    const cached = this.nationalities.get(e);
    if (cached && cached.seen === seen) return cached.words;
    const words: string[] = [];
    for (let i = 0; i < seen; i++) {
      const m = ms[i]!;
      for (let t = Math.max(0, m.first - 3); t < m.first; t++) {
        const w = this.doc.tokens[t]!.text;
        if (/^[A-Z][a-z]+(ian|ish|ese|an|i|ch)$/.test(w)) words.push(w);
      }
    }
    this.nationalities.set(e, { seen, words });
    return words;
  }

  private described(m: Mention, phrase: SpeakerPhrase, article: Article | undefined): Entity {
    const role = phrase.text;
    // the head noun, not the modifier after it ("US embassy in Dar es Salaam" is an embassy)
    const headWord = this.doc.tokens[phrase.head]?.text.toLowerCase();
    const head = role.split(' ').find((w) => w.toLowerCase() === headWord) ?? role.split(' ').pop()!;
    const kind = m.type === 'date' ? 'person' : m.type;
    if (phrase.definite) {
      const heads = ROLE_SYNONYMS[head] ?? [head];
      // an entity holding that office; a nationality in the phrase must not clash with its roles
      const proper = role.split(' ').filter((w) => /^[A-Z]/.test(w));
      let byRole: Entity | undefined;
      let bestScore = -1;
      // latest first: of equal scores the latest entity wins
      for (const e of recentEntities(this.doc)) {
        if (e.mergedInto || e.kind !== kind) continue;
        let matched = false;
        let clash = false;
        let fits = proper.length > 0;
        for (const r of e.roles) {
          if (r === role || r.endsWith(` ${role}`) || heads.some((h) => r === h || r.endsWith(` ${h}`))) {
            matched = true;
            const rp = r.split(' ').filter((w) => /^[A-Z]/.test(w));
            if (rp.some((w) => !proper.includes(w))) clash = true;
            if (!proper.every((w) => rp.includes(w) || e.name.includes(w))) fits = false;
          }
        }
        if (!matched) continue;
        // "Turkish President Tayyip Erdogan" is not "the Russian leader" (the first few mentions name it so: bounded work per cue)
        for (const w of this.nationalitiesOf(e)) if (!proper.includes(w)) clash = true;
        const score = (fits ? 2 : 0) + (clash ? 0 : 1);
        if (score > bestScore) { bestScore = score; byRole = e; }
        // no older entity can do better than the best score
        if (bestScore === (proper.length > 0 ? 3 : 1)) break;
      }
      if (byRole) return byRole;
      // an organization by a common noun ("the bank", "the ministry", "the company"): the latest one so named
      if (kind !== 'person') {
        const words = ORG_HEADS[head] ?? [head];
        const list = this.speakers.get(article) ?? [];
        for (let k = list.length - 1; k >= 0 && k >= list.length - RECENT_ENTITIES; k--) {
          const e = live(list[k]!.entity);
          const names = [e.name, ...e.roles, ...e.aliases].join(' ').toLowerCase();
          if (e.kind !== 'person' && words.some((w) => new RegExp(`\\b${w}\\b`).test(names))) return e;
        }
        if (head === 'company' || head === 'firm') {
          // the latest business named before it: an organization that is no ministry, agency or newspaper
          const x = this.latestMention(m.first, article, (y) => y.form === 'name' && y.entity !== undefined && live(y.entity).kind === 'organization' && !NOT_BUSINESS.test(live(y.entity).name));
          if (x?.entity) return live(x.entity);
        }
        const e = addEntity(this.doc, kind, role);
        e.roles.add(role);
        if (phrase.plural) e.plural = true;
        return e;
      }
      // "the foreign minister": the article's latest speaker of that kind
      const list = this.speakers.get(article) ?? [];
      // a proper modifier ("the Polish army", "the Russian leader") must fit the speaker's name or roles
      const fitsModifiers = (e: Entity): boolean => proper.every((w) => e.name.includes(w) || [...e.roles].some((r) => r.includes(w)) || [...e.aliases].some((a) => a.includes(w)));
      for (let k = list.length - 1; k >= 0 && k >= list.length - RECENT_ENTITIES; k--) {
        const e = live(list[k]!.entity);
        if (e.kind === kind && !e.plural && !phrase.plural && fitsModifiers(e)) {
          e.roles.add(role);
          return e;
        }
      }
    }
    const e = addEntity(this.doc, kind, role);
    e.roles.add(role);
    if (phrase.plural) e.plural = true;
    return e;
  }
}
