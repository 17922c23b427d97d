/**
 * The gender of a person entity: what the entities stage read (a title, an apposition, the
 * first name), an honorific or gendered title before any of its mentions ("Ms. May",
 * "Congresswoman Ocasio-Cortez"), a gendered role, or the first name of its fullest name in
 * the first-name lists (`src/lexicon/speakers.json`, then compromise's lexicon through the entity
 * stage). Earlier resolved pronouns add to it in the sieve.
 */
import speakers from '../../lexicon/speakers.json';
import titles from '../../lexicon/titles.json';
import nouns from './gendered-nouns.json';
import { firstNameGender } from '../entities/features.js';
import type { Doc } from '../../pipeline/doc.js';
import type { Entity } from '../../model/mentions.js';

export type Gender = 'male' | 'female' | undefined;

const GENDERED = new Map<string, string>([
  ...Object.entries(titles.honorifics as Record<string, string>),
  ...Object.entries(titles.gendered as Record<string, string>),
]);
const FIRST_NAMES = new Map<string, Gender>([
  ...speakers.firstNames.male.map((n): [string, Gender] => [n, 'male']),
  ...speakers.firstNames.female.map((n): [string, Gender] => [n, 'female']),
]);

const NOUNS = new Map<string, Gender>([
  ...nouns.male.map((n): [string, Gender] => [n, 'male']),
  ...nouns.female.map((n): [string, Gender] => [n, 'female']),
]);

/** "his grandmother Mildred", "actress Meryl Streep", "Mildred, his grandmother,": a gendered noun beside a name. */
function genderBeside(doc: Doc, first: number, last: number): Gender {
  const toks = doc.tokens;
  for (const k of [first - 1, first - 2]) {
    const t = toks[k];
    // the noun stands in the name's own phrase: not across a sentence's end ("… her father. Lily")
    if (!t || (t.kind !== 'word' && t.text !== ',')) break;
    const g = NOUNS.get(t.text.toLowerCase());
    if (g) return g;
  }
  if (toks[last]?.text === ',') {
    for (let k = last + 1; k < last + 4; k++) {
      const g = NOUNS.get(toks[k]?.text.toLowerCase() ?? '');
      if (g) return g;
    }
  }
  return undefined;
}

function gendered(word: string): Gender {
  const g = GENDERED.get(word.toLowerCase()) ?? GENDERED.get(word.toLowerCase().replace(/\.$/, ''));
  return g === 'male' || g === 'female' ? g : undefined;
}

/** A first name's usual gender, where a list knows it. */
export function nameGender(first: string): Gender {
  return FIRST_NAMES.get(first.toLowerCase()) ?? firstNameGender(first);
}

/** A person entity's gender from what the text says of it, where it says anything. */
export function entityGender(doc: Doc, entity: Entity): Gender {
  if (entity.kind !== 'person' || entity.plural) return undefined;
  if (entity.gender === 'male' || entity.gender === 'female') return entity.gender;
  for (const m of entity.mentions) {
    if (m.form !== 'name') continue;
    const before = doc.tokens[m.first - 1];
    const g = gendered(doc.tokens[m.first]!.text) ?? (before ? gendered(before.text) ?? (before.text === '.' ? gendered(doc.tokens[m.first - 2]?.text ?? '') : undefined) : undefined);
    if (g) return g;
  }
  for (const m of entity.mentions) {
    if (m.form !== 'name') continue;
    const g = genderBeside(doc, m.first, m.last);
    if (g) return g;
  }
  for (const role of entity.roles) {
    for (const w of role.split(/\s+/)) {
      const g = gendered(w) ?? NOUNS.get(w.toLowerCase());
      if (g) return g;
    }
  }
  for (const name of [entity.name, ...entity.aliases]) {
    const words = name.split(/\s+/);
    if (words.length < 2) continue;
    const g = nameGender(words[0]!);
    if (g) return g;
  }
  // a person named by one word ("Audrey", "Derek"): a given name in compromise's lexicon, which
  // tags surnames apart ("Carter" is no given name there); the project's lists also hold given
  // names that are common surnames ("Taylor"), so they are not read for a lone word
  const only = entity.name.split(/\s+/);
  if (only.length === 1) {
    const g = firstNameGender(only[0]!);
    if (g) return g;
  }
  return undefined;
}
