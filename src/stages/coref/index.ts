/**
 * Coreference (issue 13): pronouns ("he", "her", "it", "they" …) and definite descriptions
 * ("the foreign minister", "the 62-year-old", "the company") tied to the entities the earlier
 * stages found, each written as a mention of form `pronoun` / `nominal` of its entity's kind
 * (the `assemble` stage writes its `mentionOf` edge). Only what resolves is written.
 *
 * It runs after `quotes` and `credits`: their mentions stay as they made them (a speaker "he"
 * the quotes stage resolved its own way is not read again), and a pronoun inside a quotation
 * never goes to that quotation's speaker. The `coref` layer lists what the stage resolved, with
 * the antecedent each pronoun went through (see `CorefRecord`), for a later stage to read; it
 * also gives its own reading of the pronouns the quotes stage had already made mentions of
 * (`written: false`), which that stage could take instead of its own.
 */
import type { Doc } from '../../pipeline/doc.js';
import { addMention, linkMention, mentionsOf, type Entity, type Mention } from '../../model/mentions.js';
import { defineStage } from '../../pipeline/stage.js';
import { candidateAntecedents, candidateOf, type Candidate } from './candidates.js';
import { resolveNominals } from './nominals.js';
import { resolveDocPronouns, type QuotedSpan } from './sieve.js';

/** One mention the stage wrote: the `coref` layer's items. */
export interface CorefRecord {
  readonly mention: Mention;
  readonly entity: Entity;
  /** For a pronoun: the mention it was resolved through (an earlier one, or a following name for cataphora). */
  readonly antecedent?: Mention;
  /**
   * False for a pronoun an earlier stage had already made a mention of (the quotes stage's
   * speaker "he"): `entity` is what this stage reads it as, and the mention keeps its own.
   */
  readonly written: boolean;
}

export const corefStage = defineStage({
  name: 'coref',
  requires: ['tokens', 'sentences', 'mentions', 'entities'],
  reads: ['articles', 'quotes'],
  provides: ['mentions', 'coref'],
  run(doc) {
    doc.layers.set('coref', resolveCoreference(doc));
  },
});

/** Resolves the document's descriptions, then its pronouns, writing a mention for each. */
export function resolveCoreference(doc: Doc): CorefRecord[] {
  const records: CorefRecord[] = [];
  if (doc.tokens.length === 0) return records;
  const taken = new Set<number>();
  for (const m of mentionsOf(doc)) for (let t = m.first; t < m.last; t++) taken.add(t);
  const candidates = candidateAntecedents(doc);
  const added: Candidate[] = [];
  for (const n of resolveNominals(doc, candidates, taken)) {
    const m = addMention(doc, n.entity.kind, 'nominal', n.first, n.last);
    if (!m) continue;
    linkMention(m, n.entity);
    records.push({ mention: m, entity: n.entity, written: true });
    added.push(candidateOf(doc, m, n.entity));
  }
  // the descriptions are antecedents of later pronouns too
  const all = added.length === 0 ? candidates : [...candidates, ...added].sort((a, b) => a.first - b.first);
  const quotes = directQuotes(doc.layers.get('quotes'));
  for (const r of resolveDocPronouns(doc, { quotes, candidates: all })) {
    if (r.existing) {
      records.push({ mention: r.existing, entity: r.entity, antecedent: r.antecedent, written: false });
      continue;
    }
    const m = addMention(doc, r.entity.kind, 'pronoun', r.pronoun.token, r.pronoun.token + 1);
    if (!m) continue;
    linkMention(m, r.entity);
    records.push({ mention: m, entity: r.entity, antecedent: r.antecedent, written: true });
  }
  return records.sort((a, b) => a.mention.first - b.mention.first);
}

/** The quotes layer's direct quotes (a record of `src/stages/quotes`: token range, speaker, node ref), read by shape. */
function directQuotes(layer: unknown): QuotedSpan[] {
  if (!Array.isArray(layer)) return [];
  return (layer as Array<QuotedSpan & { ref?: { fields?: Record<string, unknown> } }>).filter((q) => q.ref?.fields?.form === 'direct');
}

export { resolveDocPronouns, type ResolvedPronoun, type PronounChoice, type SieveOptions } from './sieve.js';
export { findPronouns, type PronounSpan } from './pronouns.js';
export { candidateAntecedents, type Candidate, type GrammaticalRole } from './candidates.js';
