/**
 * Mentions for credit and dateline spans: the entities stage may already have tagged
 * "Reuters" or "Anastasia Teterevleva"; such a mention is reused, and one that
 * disagrees with the credit's span or type is replaced.
 */
import type { Doc } from '../../pipeline/doc.js';
import {
  addEntity, addMention, entitiesOf, linkMention, live, mentionsOf, removeMention, type Entity, type Mention,
} from '../../model/mentions.js';
import type { EntityKind } from '../../graph/types.js';
import { agencyAliases, type Agency } from '../../lexicon/agencies.js';

/** Which mention covers each token, kept up to date as credits add and drop mentions. */
export class MentionIndex {
  private readonly owner: Array<Mention | undefined>;

  constructor(private readonly doc: Doc) {
    this.owner = new Array<Mention | undefined>(doc.tokens.length);
    for (const m of mentionsOf(doc)) this.cover(m, m);
  }

  private cover(m: Mention, value: Mention | undefined): void {
    for (let t = m.first; t < m.last; t++) this.owner[t] = value;
  }

  /** A mention of `type` over exactly tokens `[first, last)`: the existing one, or a new one replacing any it overlaps. */
  mention(type: EntityKind, first: number, last: number): Mention | undefined {
    const overlapping = new Set<Mention>();
    for (let t = first; t < last; t++) {
      const m = this.owner[t];
      if (m) overlapping.add(m);
    }
    for (const m of overlapping) {
      if (m.type === type && m.first === first && m.last === last) return m;
    }
    for (const m of overlapping) {
      this.cover(m, undefined);
      removeMention(this.doc, m);
    }
    const m = addMention(this.doc, type, 'name', first, last);
    if (m) this.cover(m, m);
    return m;
  }
}

/** The tokens `[first, last)` of the block that lie exactly inside view offsets `[vs, ve)`. */
export function tokenRange(doc: Doc, first: number, last: number, vs: number, ve: number): [number, number] | undefined {
  let a = -1;
  let b = -1;
  for (let t = first; t < last; t++) {
    const tok = doc.tokens[t]!;
    // a range ending inside a token ("Heavens" of "HeavensOur") would name part of a word
    if ((tok.vstart < ve && tok.vend > ve) || (tok.vstart < vs && tok.vend > vs)) return undefined;
    if (tok.vstart >= vs && tok.vend <= ve) {
      if (a < 0) a = t;
      b = t + 1;
    } else if (tok.vstart >= ve) {
      break;
    }
  }
  return a < 0 ? undefined : [a, b];
}

const capitalise = (w: string): string => (w.length <= 1 ? w : w[0] + w.slice(1).toLowerCase());

/** "KUALA LUMPUR" → "Kuala Lumpur"; names in mixed case stay as written. */
export function displayName(text: string): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return /[a-z]/.test(clean) ? clean : clean.split(/([ \-])/).map(capitalise).join('');
}

/** The entity of a mention: the one it already has, one of the same kind and name, or a new one. */
export function entityFor(doc: Doc, m: Mention, kind: EntityKind, name: string, agency?: Agency): Entity {
  if (m.entity && live(m.entity).kind === kind) {
    const known = live(m.entity);
    // "By EVA VERGARA and PATRICIA LUNA": a name the tagger took as printed in capitals is named as the credit names it
    if (!/\p{Ll}/u.test(known.name) && name !== known.name && name.toLowerCase() === known.name.toLowerCase()) {
      known.aliases.add(known.name);
      known.name = name;
    }
    return known;
  }
  const forms = new Set([name.toLowerCase(), ...(agency ? [agency.name, ...agency.names].map((n) => n.toLowerCase()) : [])]);
  let entity = entitiesOf(doc).find(
    (e) => !e.mergedInto && e.kind === kind && (forms.has(e.name.toLowerCase()) || [...e.aliases].some((a) => forms.has(a.toLowerCase()))),
  );
  if (!entity) {
    entity = addEntity(doc, kind, agency ? agency.name : name);
    if (agency) for (const alias of agencyAliases(agency)) entity.aliases.add(alias);
  }
  linkMention(m, entity);
  return live(entity);
}
