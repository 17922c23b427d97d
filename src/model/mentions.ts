import type { NodeRef } from '../graph/builder.js';
import type { EntityKind, MentionForm, MentionType } from '../graph/types.js';
import type { Doc } from '../pipeline/doc.js';

/**
 * A mention: a stretch of text naming or pointing at a person, place, organization,
 * agency or date. Created through `addMention`, which also puts its node in the graph.
 */
export interface Mention {
  readonly type: MentionType;
  readonly form: MentionForm;
  /** Source span. */
  readonly start: number;
  readonly end: number;
  /** Token range `[first, last)`. */
  readonly first: number;
  readonly last: number;
  readonly ref: NodeRef;
  /** The entity it refers to, once resolved. */
  entity?: Entity | undefined;
}

export type Gender = 'male' | 'female' | 'unknown';

/** One real-world referent of the document, gathering its mentions. */
export interface Entity {
  readonly kind: EntityKind;
  /** The fullest name found. */
  name: string;
  readonly aliases: Set<string>;
  readonly roles: Set<string>;
  readonly mentions: Mention[];
  gender?: Gender;
  /** A group ("Polish authorities", "officials"): referred to as "they". */
  plural?: boolean;
  readonly ref: NodeRef;
  /** Set when merged into another entity. */
  mergedInto?: Entity;
}

/** The mentions and entities layers (stages "entities", "dates", "quotes" and "credits" add to them). */
export const mentionsOf = (doc: Doc): Mention[] => doc.layer<Mention>('mentions');

export const entitiesOf = (doc: Doc): Entity[] => doc.layer<Entity>('entities');

/**
 * Adds a mention over tokens `[first, last)` and its graph node. Returns undefined for
 * an empty range. `fields` are extra node fields (a date's `value`).
 */
export function addMention(doc: Doc, type: MentionType, form: MentionForm, first: number, last: number, fields: Record<string, unknown> = {}): Mention | undefined {
  const a = doc.tokens[first];
  const b = doc.tokens[last - 1];
  if (a === undefined || b === undefined || last <= first) return undefined;
  const ref = doc.graph.addSpan(type, a.start, b.end, { form, ...fields });
  if (!ref) return undefined;
  const m: Mention = { type, form, start: ref.start, end: ref.end, first, last, ref };
  mentionsOf(doc).push(m);
  return m;
}

/** Drops a mention (and its node) found to be wrong by a later stage. */
export function removeMention(doc: Doc, m: Mention): void {
  const list = mentionsOf(doc);
  const i = list.indexOf(m);
  if (i >= 0) list.splice(i, 1);
  if (m.entity) {
    const j = m.entity.mentions.indexOf(m);
    if (j >= 0) m.entity.mentions.splice(j, 1);
  }
  doc.graph.remove(m.ref);
}

/**
 * A new entity with its graph node. The node is sound from the start (a pipeline without
 * `assembleStage` still writes a valid graph); its final fields are written by `assembleEntities`.
 */
export function addEntity(doc: Doc, kind: EntityKind, name: string): Entity {
  const e: Entity = { kind, name, aliases: new Set(), roles: new Set(), mentions: [], ref: doc.graph.addEntity({ kind, name, aliases: [] }) };
  entitiesOf(doc).push(e);
  return e;
}

/** The entity an entity was merged into, followed to the end. */
export function live(e: Entity): Entity {
  let x = e;
  while (x.mergedInto) x = x.mergedInto;
  return x;
}

/** Ties a mention to an entity; a name mention's text becomes an alias. */
export function linkMention(m: Mention, e: Entity): void {
  const target = live(e);
  if (m.entity === target) return;
  if (m.entity) {
    const j = m.entity.mentions.indexOf(m);
    if (j >= 0) m.entity.mentions.splice(j, 1);
  }
  m.entity = target;
  target.mentions.push(m);
}

/** Merges `from` into `into`: mentions, aliases and roles move; `from`'s node goes. */
export function mergeEntities(doc: Doc, into: Entity, from: Entity): Entity {
  const a = live(into);
  const b = live(from);
  if (a === b) return a;
  for (const m of [...b.mentions]) linkMention(m, a);
  for (const r of b.roles) a.roles.add(r);
  if (b.name.length > a.name.length) a.name = b.name;
  for (const al of b.aliases) a.aliases.add(al);
  if (a.gender === undefined || a.gender === 'unknown') {
    if (b.gender !== undefined) a.gender = b.gender;
  }
  b.mergedInto = a;
  doc.graph.remove(b.ref);
  const list = entitiesOf(doc);
  const i = list.indexOf(b);
  if (i >= 0) list.splice(i, 1);
  return a;
}

/**
 * Writes each entity's final fields (name, aliases from its name mentions and known
 * long forms, roles) and the `mentionOf` edges. The last stage of the pipeline.
 */
export function assembleEntities(doc: Doc): void {
  for (const e of entitiesOf(doc)) {
    if (e.mergedInto) continue;
    if (e.mentions.length === 0 && e.aliases.size === 0) {
      doc.graph.remove(e.ref);
      continue;
    }
    const aliases = new Set<string>(e.aliases);
    for (const m of e.mentions) if (m.form === 'name') aliases.add(doc.text.slice(m.start, m.end).replace(/\s+/g, ' '));
    aliases.delete(e.name);
    const fields: Record<string, unknown> = { kind: e.kind, name: e.name, aliases: [...aliases] };
    if (e.roles.size > 0) fields.roles = [...e.roles];
    e.ref.fields = fields;
    for (const m of e.mentions) doc.graph.addEdge('mentionOf', m.ref, e.ref);
  }
}
